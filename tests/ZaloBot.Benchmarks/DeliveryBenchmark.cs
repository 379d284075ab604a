using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Delivery under load, against a service running in simulator mode with Zalo answering in <c>latencyMs</c>:
/// citizens write through the simulator (as through Zalo, which knows each message it delivers), and the time from the
/// webhook's acknowledgement to the first reply reaching the simulator is measured. Two phases: a steady rate, then a
/// burst of greetings from distinct citizens sent as fast as the webhook takes them. Figures are printed, never asserted.
/// </summary>
public static class DeliveryBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="oas">
    /// Besides the run through one OA, a run at the same total rate spread over this many OAs (the simulator's
    /// <c>bench-oa-1</c> … set up by scripts/bench.sh), each citizen writing to one of them; both are printed.
    /// </param>
    public static async Task<int> RunAsync(string baseUrl, int latencyMs, int rate, int seconds, int burst, string appId, string oaSecretKey, int oas = 1)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var (citizen, run) = await WarmAsync(http, latencyMs, appId, oaSecretKey);

        var failed = 0;
        foreach (var spread in oas > 1 ? new[] { 1, oas } : [1])
        {
            Console.WriteLine($"--- {spread} OA(s) sharing the load ---");
            failed += await MeasureAsync(http, citizen, $"{run}-{spread}", rate, seconds, burst, spread);
        }
        var messages = await http.GetFromJsonAsync<JsonElement>("/zalo-sim/_control/calls");
        Console.WriteLine($"simulator calls: {messages}");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Only the steady phase, <paramref name="runs"/> times one after another on the same warm service: the first reply's
    /// p50/p99 after the webhook's 200 at <paramref name="rate"/> messages/s, per run.
    /// </summary>
    public static async Task<int> RunSteadyAsync(string baseUrl, int latencyMs, int rate, int seconds, int runs, string appId, string oaSecretKey)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var (citizen, run) = await WarmAsync(http, latencyMs, appId, oaSecretKey);
        var failed = 0;
        for (var i = 1; i <= runs; i++)
        {
            Console.Write($"run {i} of {runs} (load average {BenchFigures.LoadAverage()}): ");
            failed += await SteadyAsync(http, citizen, $"{run}-s{i}", rate, seconds, _ => "bench-oa");
        }
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Zalo's latency set, and a warm-up: a running service has its code compiled and its connection pools filled; the
    /// first seconds of a cold process are not what citizens meet, so they are not measured.
    /// </summary>
    private static async Task<(CitizenSender Citizen, string Run)> WarmAsync(HttpClient http, int latencyMs, string appId, string oaSecretKey)
    {
        (await http.PostAsync($"/zalo-sim/_control/latency?ms={latencyMs}", null)).EnsureSuccessStatusCode();
        var citizen = new CitizenSender(http, appId, oaSecretKey);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(Invariant);
        Console.WriteLine($"Zalo (simulated) answers in {latencyMs} ms; {Environment.ProcessorCount} cores shared by the service, PostgreSQL and this harness.");
        var warmUsers = Enumerable.Range(0, 300).Select(i => $"warm-{run}-{i}").ToList();
        await Parallel.ForEachAsync(warmUsers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, _) => await citizen.SayNewAsync(user, "xin chào"));
        await FirstRepliesAsync(http, warmUsers, TimeSpan.FromSeconds(60));
        return (citizen, run);
    }

    /// <summary>The steady and burst runs, each citizen writing to one of <paramref name="oas"/> OAs in turn; 1 when someone went unanswered.</summary>
    private static async Task<int> MeasureAsync(HttpClient http, CitizenSender citizen, string run, int rate, int seconds, int burst, int oas)
    {
        string OaOf(int i) => oas == 1 ? "bench-oa" : i % oas == 0 ? "bench-oa" : $"bench-oa-{i % oas}";
        var steadyFailed = await SteadyAsync(http, citizen, run, rate, seconds, OaOf);

        // Burst: distinct citizens greeting at once; conversations/s from the first webhook to the last first reply.
        var burstUsers = Enumerable.Range(0, burst).Select(i => $"burst-{run}-{i}").ToList();
        var start = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(burstUsers.Select((user, i) => (user, i)), new ParallelOptions { MaxDegreeOfParallelism = 48 },
            async (u, _) => await citizen.SayNewAsync(u.user, "xin chào", OaOf(u.i)));
        var ingested = DateTimeOffset.UtcNow;
        var burstReplies = await FirstRepliesAsync(http, burstUsers, TimeSpan.FromSeconds(120));
        var last = burstReplies.Values.DefaultIfEmpty(start).Max();
        var answered = burstReplies.Count;
        Console.WriteLine($"burst   {burst} greetings from distinct citizens: webhooks took {(ingested - start).TotalSeconds:F1} s " +
            $"({burst / (ingested - start).TotalSeconds:F0}/s); all {answered} answered {(last - start).TotalSeconds:F1} s after the first = " +
            $"{answered / (last - start).TotalSeconds:F0} conversations/s");

        return answered == burst && steadyFailed == 0 ? 0 : 1;
    }

    /// <summary>`rate` new citizens a second for `seconds`, each saying hello once; 1 when someone went unanswered.</summary>
    private static async Task<int> SteadyAsync(HttpClient http, CitizenSender citizen, string run, int rate, int seconds, Func<int, string> oaOf)
    {
        // Steady: `rate` new citizens a second, each saying hello once (open loop: sends do not wait for answers).
        var steadyUsers = Enumerable.Range(0, rate * seconds).Select(i => $"steady-{run}-{i}").ToList();
        var acked = new ConcurrentDictionary<string, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < steadyUsers.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var (user, oa) = (steadyUsers[i], oaOf(i));
            sends.Add(Task.Run(async () => { await citizen.SayNewAsync(user, "xin chào", oa); acked[user] = DateTimeOffset.UtcNow; }));
        }
        await Task.WhenAll(sends);
        var steadyEnd = DateTimeOffset.UtcNow;
        var firstReplies = await FirstRepliesAsync(http, steadyUsers, TimeSpan.FromSeconds(60));
        var latencies = steadyUsers.Where(firstReplies.ContainsKey).Select(u => (firstReplies[u] - acked[u]).TotalMilliseconds).Order().ToList();
        var lateAfter30s = steadyUsers.Count(u => !firstReplies.TryGetValue(u, out var at) || at > steadyEnd.AddSeconds(30));
        Console.WriteLine($"steady  {rate} citizen messages/s for {seconds} s ({steadyUsers.Count} citizens): first reply after the webhook's 200 " +
            $"p50 {Pct(latencies, 50):F0} ms, p95 {Pct(latencies, 95):F0} ms, p99 {Pct(latencies, 99):F0} ms, max {latencies.LastOrDefault():F0} ms; " +
            $"unanswered 30 s after the load: {lateAfter30s}");

        return latencies.Count == steadyUsers.Count ? 0 : 1;
    }

    /// <summary>When each user's first OA message reached the simulator, polling its record of every message.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> FirstRepliesAsync(HttpClient http, IReadOnlyCollection<string> users, TimeSpan timeout)
    {
        var wanted = users.ToHashSet();
        var first = new Dictionary<string, DateTimeOffset>();
        long after = 0;
        var clock = Stopwatch.StartNew();
        while (first.Count < wanted.Count && clock.Elapsed < timeout)
        {
            var entries = await http.GetFromJsonAsync<JsonElement>($"/zalo-sim/_control/messages?after={after}");
            foreach (var entry in entries.EnumerateArray())
            {
                after = Math.Max(after, entry.GetProperty("seq").GetInt64());
                var user = entry.GetProperty("userId").GetString()!;
                if (entry.GetProperty("direction").GetString() == "oa" && wanted.Contains(user) && !first.ContainsKey(user))
                    first[user] = entry.GetProperty("at").GetDateTimeOffset();
            }
            if (first.Count < wanted.Count) await Task.Delay(200);
        }
        return first;
    }

    private static double Pct(List<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
