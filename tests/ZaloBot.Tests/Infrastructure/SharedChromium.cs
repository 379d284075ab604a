using Microsoft.Playwright;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>
/// One headless chromium (Debian's package, installed by scripts/test.sh; Playwright's own download does not work
/// here) for every class of the browser collection: started once, and each test opens its own context (cookies,
/// storage), so tests do not share a session.
/// </summary>
public sealed class SharedChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags chromium keeps trying Google's hosts, which a closed CI network refuses.
    private static readonly string[] LaunchArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>
    /// Wait until the page's URL is the one given, by polling the URL only: each test then waits for the content it
    /// needs. Not <c>WaitForURLAsync</c> with <c>WaitUntil = Commit</c>: when the navigation has already committed before
    /// that call, Playwright waits for a "commit" load state that is never reported again and times out (seen in CI
    /// after a sign-in whose redirect was quicker than the test).
    /// </summary>
    public static Task ReachedAsync(IPage page, string url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = NavigationTimeoutMs });

    /// <inheritdoc cref="ReachedAsync(IPage, string)"/>
    public static Task ReachedAsync(IPage page, System.Text.RegularExpressions.Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = NavigationTimeoutMs });

    // A bound for a loaded CI machine, not a speed assertion.
    private const float NavigationTimeoutMs = 45_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"No browser: {ExecutablePath} is missing (scripts/test.sh installs it).");

    public async Task InitializeAsync()
    {
        // A missing chromium fails the tests with a clear message, not the collection with a launch error.
        if (!File.Exists(ExecutablePath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = LaunchArgs });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SharedChromium>
{
    public const string Name = "browser";
}
