using System.Diagnostics;

namespace ZaloBot.Benchmarks;

/// <summary>
/// A replica's first requests against its later ones: run right after /readyz turned green, it times the first
/// console page (the sign-in page) and the first webhook (a signed greeting, stored), then ten more of each, and
/// prints the first against the median of the later ones. This harness warms its own client first (a few requests to
/// /readyz, which a replica's readiness probe makes anyway, and the webhook's own request — body, signature, headers —
/// sent to /readyz, where no webhook code runs), so the figure is the server's first request, not the harness's own
/// first call. Figures are printed, never asserted.
/// </summary>
public static class StartBenchmark
{
    public static async Task<int> RunAsync(string baseUrl, string label, string appId, string oaSecretKey)
    {
        // No cookie jar: the sign-in page sets the antiforgery cookie, and storing the first one costs this client
        // several milliseconds of its own first-time work, which would be counted as the server's first page.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var citizen = new CitizenSender(http, appId, oaSecretKey);
        var run = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        async Task<double> PageAsync()
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/console/sign-in");
            response.EnsureSuccessStatusCode();
            return clock.Elapsed.TotalMilliseconds;
        }
        var webhooks = 0;
        async Task<double> WebhookAsync()
        {
            var user = $"start-{run}-{webhooks++}";
            await citizen.RegisterAsync([user]);
            var clock = Stopwatch.StartNew();
            await citizen.SayAsync(user, "xin chào");
            return clock.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < 5; i++)
            using (await http.GetAsync("/readyz")) { }
        await citizen.RegisterAsync([$"start-{run}-client"]);
        for (var i = 0; i < 3; i++) await citizen.WarmClientAsync("/readyz");

        var firstPage = await PageAsync();
        var firstWebhook = await WebhookAsync();
        var laterPages = new List<double>();
        var laterWebhooks = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            laterPages.Add(await PageAsync());
            laterWebhooks.Add(await WebhookAsync());
        }
        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine($"{label,-22} first console page {firstPage,7:F1} ms (later: median {Median(laterPages),5:F1} ms, {firstPage / Median(laterPages),5:F1}x); " +
            $"first webhook {firstWebhook,7:F1} ms (later: median {Median(laterWebhooks),5:F1} ms, {firstWebhook / Median(laterWebhooks),5:F1}x)");
        return 0;
    }
}
