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
    /// Wait for a navigation to reach the URL, not for its load event: each test then waits for the content it needs,
    /// and a page holding a live-update stream open does not make the wait depend on when the load event is reported.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

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
