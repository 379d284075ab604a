using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The fault suite on the highly available database (scripts/faults.sh --ha, cluster started with --ha): the same
/// citizens' load and verdict as <see cref="FaultRun"/>, while staff work tickets through the staff API, in rounds:
/// three failovers (kill -9 of the leader's PostgreSQL; then of its Patroni too, as when the machine dies; then of
/// PostgreSQL again), each waiting until the old leader streams again as the synchronous standby, and one planned
/// switchover. Each round has its own citizens, so every figure is the round's own.
/// </summary>
public static class HaFaultRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string What, string[] Args)[] Plan =
    [
        ("failover: kill -9 of the leader's PostgreSQL", ["db-failover"]),
        ("failover: kill -9 of the leader's PostgreSQL and its Patroni (the machine died)", ["db-failover", "--with-patroni"]),
        ("failover: kill -9 of the leader's PostgreSQL", ["db-failover"]),
        ("switchover (planned)", ["switchover"]),
    ];

    private sealed record RoundResult(string What, bool Switchover, int Lost, int RepliesMissing, int Duplicates, long Stuck, int Refused, int NeverAnswered, long Parked, int StaffFailed, bool Drained);

    public static async Task<int> RunAsync(FaultRun.Settings s, string staffToken, int roundSeconds)
    {
        using var http = FaultRun.CreateHttpClient();
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(Invariant);
        var counters = new FaultRun.Counters();
        var clock = counters.Clock;
        void Note(string what) => Console.WriteLine($"  t={clock.Elapsed.TotalSeconds,6:F1} s  {what}");
        Console.WriteLine($"fault suite (HA database): {Plan.Length} rounds of {roundSeconds} s, {s.Citizens} citizens each at {s.Rate} events/s " +
            $"through {s.LoadBalancer}, staff working tickets; the fault {FaultAfter(roundSeconds)} s into each round; {Environment.ProcessorCount} cores shared by everything");

        await using var db = NpgsqlDataSource.Create(s.ConnectionString);
        using var stopStaff = new CancellationTokenSource();
        var staff = new StaffWork(http, s.LoadBalancer, staffToken, clock);
        var staffTask = staff.RunAsync(stopStaff.Token);
        var results = new List<RoundResult>();
        for (var round = 0; round < Plan.Length; round++)
        {
            var (what, args) = Plan[round];
            var citizens = Enumerable.Range(0, s.Citizens).Select(i => $"ha-{run}-{round}-{i}").ToList();
            var set = citizens.ToHashSet(StringComparer.Ordinal);
            Console.WriteLine();
            Console.WriteLine($"round {round + 1}: {what}");
            var roundStart = clock.Elapsed;
            var load = FaultRun.SteadyLoadAsync(http, s, counters, citizens, s.Rate, roundSeconds);
            await FaultRun.At(clock, roundStart.TotalSeconds + FaultAfter(roundSeconds));
            var said = await FaultRun.Cluster(s, args);
            Note(said);
            await load;
            Note("load over");
            var drained = await FaultRun.DrainAsync(db, TimeSpan.FromMinutes(2));
            Note(drained is { } d ? $"drained {d.TotalSeconds:F1} s after the load" : "NOT drained after 2 min");
            var roundEnd = clock.Elapsed;

            var v = await FaultRun.VerdictAsync(http, s, db, counters, set);
            var deliveries = counters.Deliveries.Where(x => set.Contains(x.User)).ToList();
            var acked = deliveries.Where(x => x.Acked is not null).Select(x => x.MsgId).ToArray();
            var refused = deliveries.Sum(x => x.Refused);
            // Under a steady 20 events/s acknowledgements are ~50 ms apart: the longest gap is how long no webhook was accepted.
            var ackTimes = deliveries.Where(x => x.Acked is not null).Select(x => x.Acked!.Value.TotalSeconds).Order().ToList();
            var stalled = ackTimes.Zip(ackTimes.Skip(1), (a, b) => b - a).DefaultIfEmpty().Max();
            var answers = deliveries.Where(x => x.Acked is not null).Select(x => (x.Acked!.Value - x.FirstSent).TotalSeconds).ToList();
            var repliesMissing = await CountAsync(db, """
                select count(*) from inbox i
                where i.msg_id = any($1) and i.event_name = 'user_send_text'
                  and not exists (select 1 from outbox o where o.idempotency_key like 'inbox:' || i.id || ':%' and o.status = 'sent')
                """, acked);
            var stuck = await CountAsync(db, "select count(*) from outbox where status = 'pending' and recipient_id = any($1)", citizens.ToArray());
            var parked = await CountAsync(db, "select count(*) from inbox where parked_at is not null and user_id = any($1)", citizens.ToArray());
            var staffRound = staff.Between(roundStart, roundEnd);
            var figures = Figures(said);

            Console.WriteLine($"  database: {Describe(figures)}");
            Console.WriteLine($"  webhooks: sent {deliveries.Count}, acknowledged {acked.Length}; refused (5xx or no answer, then redelivered) {refused} " +
                $"by {deliveries.Count(x => x.Refused > 0)} events; longest time with no webhook accepted {stalled:F1} s; " +
                $"answer time p50 {Percentile(answers, 50):F2} s, max {answers.DefaultIfEmpty().Max():F1} s, slower than Zalo's 2 s: {answers.Count(a => a > 2)}");
            Console.WriteLine($"  staff: {staffRound.Done} actions acknowledged, {staffRound.Failed} failed ({(staffRound.Failed == 0 ? "none" : staffRound.Failures)}; a person retries), {staffRound.Refused} refused (4xx)");
            Console.WriteLine($"  acked-lost {v.Lost}   replies-missing {repliesMissing}   duplicates {v.Duplicates} (unrecorded sends {v.Unrecorded})   " +
                $"outbox rows stuck {stuck}   parked events {parked}   citizens never answered {v.NeverAnswered} (of {v.Active})");
            results.Add(new RoundResult(what, args[0] == "switchover", v.Lost, (int)repliesMissing, v.Duplicates, stuck, refused, v.NeverAnswered, parked, staffRound.Failed, drained is not null));
        }
        await stopStaff.CancelAsync();
        await staffTask;
        var staffLost = await staff.LostNotesAsync();

        Console.WriteLine();
        Console.WriteLine($"staff notes acknowledged {staff.AcknowledgedNotes}, not found on their ticket afterwards: {staffLost}");
        var pass = results.All(r => r.Lost == 0 && r.RepliesMissing == 0 && r.Duplicates == 0 && r.Stuck == 0 && r.NeverAnswered == 0 && r.Parked == 0 && r.Drained)
                   && results.Where(r => r.Switchover).All(r => r.Refused == 0)
                   && staffLost == 0;
        Console.WriteLine(pass ? "faults --ha: PASS" : "faults --ha: FAIL");
        return pass ? 0 : 1;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql, string[] values)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = values });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), Invariant);
    }

    private static double FaultAfter(int roundSeconds) => Math.Min(15, roundSeconds / 4.0);

    /// <summary>The key=value pairs scripts/cluster.sh prints (leaderless=2.8 rejoined=20.5 old=pg1 new=pg2, switched=…).</summary>
    private static Dictionary<string, string> Figures(string said) =>
        said.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].All(char.IsAsciiLetterLower))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1].TrimEnd(')', ','));

    private static string Describe(Dictionary<string, string> f) =>
        f.TryGetValue("switched", out var switched)
            ? $"switchover done in {switched} s (the old leader streaming again as the synchronous standby)"
            : $"{f.GetValueOrDefault("old", "?")} died; no leader for {f.GetValueOrDefault("leaderless", "?")} s ({f.GetValueOrDefault("new", "?")} promoted); " +
              $"{f.GetValueOrDefault("old", "?")} back as the synchronous standby (pg_rewind) {f.GetValueOrDefault("rejoined", "?")} s after the fault";

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    /// <summary>
    /// A staff member working the queue through the load balancer: about once a second, takes one of the queue's
    /// tickets, adds an internal note and accepts it (409 once it is past that). A note acknowledged (2xx) must be on
    /// the ticket afterwards.
    /// </summary>
    private sealed class StaffWork(HttpClient http, string lb, string token, Stopwatch clock)
    {
        private readonly ConcurrentBag<(TimeSpan At, int Status)> _actions = [];
        private readonly ConcurrentBag<(string Code, string Text)> _notes = [];

        public int AcknowledgedNotes => _notes.Count;

        public (int Done, int Failed, int Refused, string Failures) Between(TimeSpan from, TimeSpan to)
        {
            var actions = _actions.Where(a => a.At >= from && a.At < to).ToList();
            var failures = string.Join(", ", actions.Where(a => a.Status is 0 or >= 500).GroupBy(a => a.Status).OrderBy(g => g.Key)
                .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(Invariant))}: {g.Count()}"));
            return (actions.Count(a => a.Status is >= 200 and < 300), actions.Count(a => a.Status is 0 or >= 500), actions.Count(a => a.Status is >= 400 and < 500), failures);
        }

        public async Task RunAsync(CancellationToken stop)
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(1), stop); }
                catch (OperationCanceledException) { return; }
                var (status, page) = await SendAsync<JsonElement>(HttpMethod.Get, "/api/tickets?limit=20", null);
                _actions.Add((clock.Elapsed, status));
                if (page.ValueKind != JsonValueKind.Object || page.GetProperty("items").GetArrayLength() == 0) continue;
                var items = page.GetProperty("items");
                var code = items[n % items.GetArrayLength()].GetProperty("code").GetString()!;
                var text = $"Ca trực {++n}: đã gọi lại cho người phản ánh";
                var (noted, _) = await SendAsync<JsonElement>(HttpMethod.Post, $"/api/tickets/{code}/notes", new { text });
                _actions.Add((clock.Elapsed, noted));
                if (noted is >= 200 and < 300) _notes.Add((code, text));
                var (accepted, _) = await SendAsync<JsonElement>(HttpMethod.Post, $"/api/tickets/{code}/accept", new { });
                _actions.Add((clock.Elapsed, accepted));
            }
        }

        /// <summary>Acknowledged notes that the ticket's thread does not show.</summary>
        public async Task<int> LostNotesAsync()
        {
            var lost = 0;
            foreach (var group in _notes.GroupBy(n => n.Code))
            {
                var (_, ticket) = await SendAsync<JsonElement>(HttpMethod.Get, $"/api/tickets/{group.Key}", null);
                var bodies = ticket.ValueKind == JsonValueKind.Object
                    ? ticket.GetProperty("thread").EnumerateArray().Select(e => e.TryGetProperty("body", out var b) ? b.GetString() : null).ToHashSet()
                    : [];
                lost += group.Count(n => !bodies.Contains(n.Text));
            }
            return lost;
        }

        private async Task<(int Status, T? Body)> SendAsync<T>(HttpMethod method, string path, object? body)
        {
            try
            {
                using var request = new HttpRequestMessage(method, lb + path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (body is not null) request.Content = JsonContent.Create(body);
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                return (status, response.IsSuccessStatusCode && method == HttpMethod.Get ? await response.Content.ReadFromJsonAsync<T>() : default);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                return (0, default);
            }
        }
    }
}
