using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ZaloBot.Benchmarks;

/// <summary>
/// A province-wide wave: <c>count</c> distinct citizens greet the OA as fast as the webhook takes them, against a
/// service in simulator mode (Zalo answering in <c>latencyMs</c>). Prints the time until the last citizen's first reply
/// reached Zalo, conversations/s, first replies per 10 s (a slowdown as the backlog grows shows there), round trips to
/// PostgreSQL per event, CPU-seconds of the service, PostgreSQL and this harness, and lost and duplicated answers.
/// Figures are printed, never asserted.
/// </summary>
public static class WaveBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const int Senders = 64;

    public sealed record Settings(string BaseUrl, int LatencyMs, int Count, string AppId, string OaSecretKey, string ConnectionString, int ServicePid, int PostgresPid);

    public static async Task<int> RunAsync(Settings s)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(s.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        (await http.PostAsync($"/zalo-sim/_control/latency?ms={s.LatencyMs}", null)).EnsureSuccessStatusCode();
        var citizen = new CitizenSender(http, s.AppId, s.OaSecretKey);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(Invariant);
        Console.WriteLine($"wave of {s.Count:N0} distinct citizens; Zalo (simulated, in the service's process) answers in {s.LatencyMs} ms; " +
            $"{Environment.ProcessorCount} cores shared by the service, PostgreSQL and this harness (load average now {BenchFigures.LoadAverage()})");

        // Warm-up (not measured): compiled code, full pools; and how many messages one greeting is answered with.
        var warmUsers = Enumerable.Range(0, 300).Select(i => $"warm-{run}-{i}").ToList();
        await citizen.RegisterAsync(warmUsers);
        await Parallel.ForEachAsync(warmUsers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) => await citizen.SayAsync(user, "xin chào"));
        var replies = new ReplyLog(http);
        await replies.WaitForAsync(warmUsers, TimeSpan.FromSeconds(120), _ => { });
        var perGreeting = warmUsers.Select(replies.CountFor).GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;

        var users = Enumerable.Range(0, s.Count).Select(i => $"wave-{run}-{i}").ToList();
        await citizen.RegisterAsync(users);
        await using var db = NpgsqlDataSource.Create(s.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // PostgreSQL publishes its counters about once a second
        var before = await SnapshotAsync(http, db, s);

        var start = DateTimeOffset.UtcNow;
        var acked = 0;
        var sending = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (user, _) =>
            {
                await citizen.SayAsync(user, "xin chào");
                Interlocked.Increment(ref acked);
            });
            return DateTimeOffset.UtcNow - start;
        });
        var progress = Stopwatch.StartNew();
        var answered = await replies.WaitForAsync(users, TimeSpan.FromSeconds(Math.Max(600, s.Count / 50)), count =>
        {
            if (progress.Elapsed < TimeSpan.FromSeconds(10)) return;
            progress.Restart();
            Console.WriteLine($"  +{(DateTimeOffset.UtcNow - start).TotalSeconds,5:F0} s: {Volatile.Read(ref acked),7:N0} acknowledged, {count,7:N0} answered");
        });
        var acknowledgedIn = await sending;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var after = await SnapshotAsync(http, db, s);

        var firsts = users.Where(answered.ContainsKey).Select(u => answered[u]).Order().ToList();
        var last = firsts.DefaultIfEmpty(start).Last();
        var elapsed = (last - start).TotalSeconds;
        Console.WriteLine($"webhooks: {s.Count:N0} acknowledged (all 200) in {acknowledgedIn.TotalSeconds:F1} s = {s.Count / acknowledgedIn.TotalSeconds:F0}/s");
        Console.WriteLine($"last citizen's first reply reached Zalo {elapsed:F1} s after the first webhook = {firsts.Count / elapsed:F0} conversations/s");
        Console.WriteLine("first replies per 10 s: " + string.Join(" ", firsts
            .GroupBy(t => (int)((t - start).TotalSeconds / 10)).OrderBy(g => g.Key).Select(g => g.Count().ToString(Invariant))));
        if (firsts.Count >= 20)
        {
            var tenth = firsts.Count / 10;
            var head = tenth / (firsts[tenth - 1] - firsts[0]).TotalSeconds;
            var tail = tenth / (firsts[^1] - firsts[^tenth]).TotalSeconds;
            Console.WriteLine($"rate of the first 10 % of replies {head:F0}/s, of the last 10 % {tail:F0}/s ({100 * tail / head:F0} %)");
        }
        var latencies = firsts.Select(t => (t - start).TotalSeconds).ToList();
        Console.WriteLine($"first reply after the wave began: p50 {Pct(latencies, 50):F1} s, p99 {Pct(latencies, 99):F1} s");

        var commands = after.Commands - before.Commands;
        var commits = after.Transactions - before.Transactions;
        Console.WriteLine($"round trips to PostgreSQL per event: {(commands + commits) / s.Count:F2} " +
            $"({commands / s.Count:F2} statements or batches + {(double)commits / s.Count:F2} commits; processor, dispatcher and periodic jobs together)");
        var cpu = (Service: after.ServiceCpu - before.ServiceCpu, Postgres: after.PostgresCpu - before.PostgresCpu, Harness: after.HarnessCpu - before.HarnessCpu);
        Console.WriteLine($"CPU-seconds: service {cpu.Service:F0} (with the simulated Zalo), PostgreSQL {cpu.Postgres:F0}, load generator {cpu.Harness:F0}; " +
            $"per event {1000 * (cpu.Service + cpu.Postgres) / s.Count:F2} ms (service + PostgreSQL)");

        var lost = s.Count - firsts.Count;
        var duplicates = users.Sum(u => Math.Max(0, replies.CountFor(u) - perGreeting));
        Console.WriteLine($"lost (no reply): {lost}; duplicates (messages beyond the {perGreeting} a greeting gets): {duplicates}");
        return lost == 0 && duplicates == 0 ? 0 : 1;
    }

    private sealed record Snapshot(double Commands, long Transactions, double ServiceCpu, double PostgresCpu, double HarnessCpu);

    private static async Task<Snapshot> SnapshotAsync(HttpClient http, NpgsqlDataSource db, Settings s)
    {
        var metrics = await http.GetStringAsync("/metrics");
        var commands = BenchFigures.DatabaseCommands(metrics);
        await using var command = db.CreateCommand("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()");
        var transactions = (long)(await command.ExecuteScalarAsync())!;
        return new Snapshot(commands, transactions, ProcessCpu.Seconds(s.ServicePid, children: false), ProcessCpu.TreeSeconds(s.PostgresPid),
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    private static double Pct(List<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    /// <summary>Every OA message the simulator recorded, read incrementally: each user's first one and how many.</summary>
    private sealed class ReplyLog(HttpClient http)
    {
        private readonly Dictionary<string, DateTimeOffset> _first = [];
        private readonly Dictionary<string, int> _count = [];
        private long _after;

        public int CountFor(string user) => _count.GetValueOrDefault(user);

        public async Task<Dictionary<string, DateTimeOffset>> WaitForAsync(IReadOnlyCollection<string> users, TimeSpan timeout, Action<int> onProgress)
        {
            var wanted = users.ToHashSet();
            var clock = Stopwatch.StartNew();
            var stalledSince = Stopwatch.StartNew();
            while (clock.Elapsed < timeout && stalledSince.Elapsed < TimeSpan.FromSeconds(60))
            {
                var entries = await http.GetFromJsonAsync<JsonElement>($"/zalo-sim/_control/messages?after={_after}");
                foreach (var entry in entries.EnumerateArray())
                {
                    _after = Math.Max(_after, entry.GetProperty("seq").GetInt64());
                    if (entry.GetProperty("direction").GetString() != "oa") continue;
                    var user = entry.GetProperty("userId").GetString()!;
                    _count[user] = _count.GetValueOrDefault(user) + 1;
                    _first.TryAdd(user, entry.GetProperty("at").GetDateTimeOffset());
                    stalledSince.Restart();
                }
                var done = wanted.Count(_first.ContainsKey);
                onProgress(done);
                if (done == wanted.Count) break;
                await Task.Delay(500);
            }
            return _first.Where(p => wanted.Contains(p.Key)).ToDictionary();
        }
    }
}
