using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The fault suite's load and its verdict (scripts/faults.sh): signed events from many citizens at a steady rate
/// through the load balancer of scripts/cluster.sh while, in turn, a replica is killed with kill -9 and restarted,
/// PostgreSQL is restarted, Zalo is unreachable for a minute, and a burst arrives; then it waits for the cluster to
/// drain and counts what a province would be blamed for. Like Zalo, it redelivers an event that was not answered 200.
/// </summary>
public static class FaultRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static readonly string[] Script =
    [
        "xin chào",
        "nap cong truoc so 12 duong ly thai to bi vo, tre con di hoc rat nguy hiem",
        "ok",
        "bỏ qua",
        "xong",
        "menu",
        "tra cứu",
        "hướng dẫn",
    ];

    public sealed record Settings(
        string LoadBalancer, string Zalo, string ConnectionString, string AppId, string OaSecretKey, string ClusterScript,
        int Citizens, int Rate, int Seconds, int Burst, int ZaloOutageSeconds);

    /// <summary>One citizen event as the driver saw it: when it was first sent, when (if ever) it was answered 200, and the answers it got before that.</summary>
    internal sealed record Delivery(string MsgId, string User, TimeSpan FirstSent, TimeSpan? Acked, int Refused);

    internal sealed class Counters
    {
        public readonly Stopwatch Clock = Stopwatch.StartNew();
        public readonly ConcurrentBag<Delivery> Deliveries = [];
        public int Sent;
        public int Acknowledged;
        public int ServerErrors;
        public int ConnectionErrors;
        public int OtherStatus;
        public readonly ConcurrentDictionary<string, string> AckedMsgIds = new(); // msg_id → user
        public readonly ConcurrentDictionary<int, int> ByStatus = new();
        public readonly ConcurrentBag<double> AckMilliseconds = [];
    }

    public static async Task<int> RunAsync(Settings s)
    {
        using var http = CreateHttpClient();
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(Invariant);
        var citizens = Enumerable.Range(0, s.Citizens).Select(i => $"fault-{run}-{i}").ToList();
        var burstCitizens = Enumerable.Range(0, s.Burst).Select(i => $"burst-{run}-{i}").ToList();
        var counters = new Counters();
        var clock = counters.Clock;
        void Note(string what) => Console.WriteLine($"  t={clock.Elapsed.TotalSeconds,6:F1} s  {what}");

        Console.WriteLine($"fault suite: {s.Citizens} citizens, {s.Rate} events/s for {s.Seconds} s through {s.LoadBalancer}; burst {s.Burst}; " +
            $"{Environment.ProcessorCount} cores shared by 3 replicas, PostgreSQL, HAProxy, the fake Zalo and this driver");

        // The faults, in turn, at fixed points of the steady load (seconds from its start).
        var seconds = s.Seconds;
        var faults = Task.Run(async () =>
        {
            await At(clock, 0.10 * seconds); Note(await Cluster(s, "kill", "3"));
            await At(clock, 0.10 * seconds + 10); Note(await Cluster(s, "restart", "3"));
            await At(clock, 0.30 * seconds); Note(await Cluster(s, "kill", "1"));
            await At(clock, 0.30 * seconds + 10); Note(await Cluster(s, "restart", "1"));
            await At(clock, 0.45 * seconds); Note(await Cluster(s, "pg-restart"));
            await At(clock, 0.55 * seconds); Note(await Cluster(s, "zalo-outage", s.ZaloOutageSeconds.ToString(Invariant)));
            await At(clock, 0.55 * seconds + s.ZaloOutageSeconds + 5);
            Note($"burst: {s.Burst} events from distinct citizens, 64 at a time");
            await Parallel.ForEachAsync(burstCitizens, new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (user, _) => await DeliverAsync(http, s, counters, user, "xin chào"));
            Note("burst delivered");
        });

        await SteadyLoadAsync(http, s, counters, citizens, s.Rate, seconds);
        await faults;
        Note($"load over: {counters.Acknowledged} of {counters.Sent} events acknowledged");

        await using var db = NpgsqlDataSource.Create(s.ConnectionString);
        var drained = await DrainAsync(db, TimeSpan.FromMinutes(10));
        Note(drained is { } d ? $"drained {d.TotalSeconds:F1} s after the load" : "NOT drained after 10 min");

        var everyone = citizens.Concat(burstCitizens).ToHashSet(StringComparer.Ordinal);
        var v = await VerdictAsync(http, s, db, counters, everyone);
        var acked = counters.AckedMsgIds.Keys.ToArray();
        var (lost, neverAnswered, activeCitizens, duplicates, unrecorded) = (v.Lost, v.NeverAnswered, v.Active, v.Duplicates, v.Unrecorded);
        var dead = await ScalarAsync(db, "select count(*) from outbox where status = 'dead'");
        var parked = await ScalarAsync(db, "select count(*) from inbox where parked_at is not null");
        var unanswered = await ScalarAsync(db, """
            select count(*) from inbox i
            where i.event_name = 'user_send_text'
              and not exists (select 1 from outbox o where o.idempotency_key like 'inbox:' || i.id || ':%')
            """);

        Console.WriteLine();
        Console.WriteLine($"events sent {counters.Sent}, acknowledged {counters.Acknowledged} (distinct {acked.Length}); " +
            $"answers by status: {string.Join("  ", counters.ByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}");
        Console.WriteLine($"Zalo messages to these citizens: {v.ZaloMessages}; outbox rows sent: {v.SentRows}; dead letters {dead}; parked events {parked}; text events without any reply {unanswered}");
        var acks = counters.AckMilliseconds.Order().ToList();
        double Pct(int p) => acks.Count == 0 ? double.NaN : acks[Math.Min(acks.Count - 1, (int)Math.Ceiling(p / 100.0 * acks.Count) - 1)];
        Console.WriteLine($"webhook answer time (200s): p50 {Pct(50):F0} ms, p99 {Pct(99):F0} ms, max {acks.LastOrDefault():F0} ms; " +
            $"slower than Zalo's 2 s: {acks.Count(ms => ms > 2000)}");
        Console.WriteLine($"acknowledged events lost:        {lost}");
        Console.WriteLine($"citizens never answered:         {neverAnswered} (of {activeCitizens})");
        Console.WriteLine($"duplicate messages to a citizen: {duplicates} (sends Zalo took that the outbox did not record: {unrecorded})");
        Console.WriteLine($"5xx answers:                     {counters.ServerErrors} (connection errors {counters.ConnectionErrors})");
        Console.WriteLine($"time to drain:                   {(drained is { } t ? $"{t.TotalSeconds:F1} s" : "not drained")}");
        var pass = lost == 0 && neverAnswered == 0 && duplicates == 0 && counters.ServerErrors == 0 && counters.ConnectionErrors == 0 && drained is not null;
        Console.WriteLine(pass ? "faults: PASS" : "faults: FAIL");
        return pass ? 0 : 1;
    }

    internal static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Citizens write in turn at <paramref name="rate"/> events a second for <paramref name="seconds"/>; returns when every event was answered 200 or given up.</summary>
    internal static async Task SteadyLoadAsync(HttpClient http, Settings s, Counters counters, IReadOnlyList<string> citizens, int rate, int seconds)
    {
        var sends = new List<Task>();
        var start = counters.Clock.Elapsed;
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = start + TimeSpan.FromSeconds((double)i / rate);
            if (due > counters.Clock.Elapsed) await Task.Delay(due - counters.Clock.Elapsed);
            var user = citizens[i % citizens.Count];
            var text = Script[i / citizens.Count % Script.Length];
            sends.Add(DeliverAsync(http, s, counters, user, text));
        }
        await Task.WhenAll(sends);
    }

    /// <summary>Waits until every stored event is processed and every message sent (or given up), as seen in the database; null when not within the limit.</summary>
    internal static async Task<TimeSpan?> DrainAsync(NpgsqlDataSource db, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var pendingEvents = await ScalarAsync(db, "select count(*) from inbox where processed_at is null and parked_at is null");
            var pendingMessages = await ScalarAsync(db, "select count(*) from outbox where status = 'pending'");
            if (pendingEvents == 0 && pendingMessages == 0) return clock.Elapsed;
            await Task.Delay(500);
        }
        return null;
    }

    /// <summary>What a province would be blamed for, among these citizens.</summary>
    internal sealed record Verdict(int Lost, int NeverAnswered, int Active, int Duplicates, int Unrecorded, int ZaloMessages, long SentRows);

    internal static async Task<Verdict> VerdictAsync(HttpClient http, Settings s, NpgsqlDataSource db, Counters counters, HashSet<string> citizens)
    {
        var ackedByUser = counters.AckedMsgIds.Where(p => citizens.Contains(p.Value)).ToList();
        var acked = ackedByUser.Select(p => p.Key).ToArray();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand("select msg_id from inbox where msg_id = any($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = acked });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        var lost = acked.Count(id => !stored.Contains(id));

        var received = await ZaloMessagesAsync(http, s.Zalo, citizens);
        var sentRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var sentIds = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand("select recipient_id, zalo_message_id from outbox where status = 'sent' and recipient_id = any($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = citizens.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var user = reader.GetString(0);
                sentRows[user] = sentRows.GetValueOrDefault(user) + 1;
                if (!reader.IsDBNull(1)) sentIds.Add(reader.GetString(1));
            }
        }
        var duplicates = (int)received.Sum(r => Math.Max(0, r.Value.Count - sentRows.GetValueOrDefault(r.Key)));
        var unrecorded = received.Values.SelectMany(ids => ids).Count(id => !sentIds.Contains(id));
        var active = ackedByUser.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        var neverAnswered = active.Count(u => !received.ContainsKey(u));
        return new Verdict(lost, neverAnswered, active.Count, duplicates, unrecorded, received.Values.Sum(v => v.Count), sentRows.Values.Sum());
    }

    /// <summary>One citizen's message as Zalo delivers it, redelivered (as Zalo does) until it is answered 200.</summary>
    private static async Task DeliverAsync(HttpClient http, Settings s, Counters counters, string user, string text)
    {
        var msgId = "fault-" + Guid.NewGuid().ToString("N");
        // Zalo knows every message it delivers: the bot's answer is a reply to it.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var registration = await http.PostAsJsonAsync($"{s.Zalo}/zalo-sim/_control/inbound", new[] { new { userId = user, msgId } });
                if (registration.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(Invariant);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            app_id = s.AppId, user_id_by_app = user + "-byapp", event_name = "user_send_text", timestamp,
            sender = new { id = user }, recipient = new { id = "cluster-oa" }, message = new { text, msg_id = msgId },
        }));
        var signature = ZaloBot.Webhooks.WebhookSignature.Compute(s.AppId, body, timestamp, s.OaSecretKey);
        Interlocked.Increment(ref counters.Sent);
        var firstSent = counters.Clock.Elapsed;
        var refused = 0;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{s.LoadBalancer}/webhooks/zalo") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(ZaloBot.Webhooks.WebhookSignature.HeaderName, signature);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status == 200) counters.AckMilliseconds.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                counters.ByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == 200)
                {
                    Interlocked.Increment(ref counters.Acknowledged);
                    counters.AckedMsgIds[msgId] = user;
                    counters.Deliveries.Add(new Delivery(msgId, user, firstSent, counters.Clock.Elapsed, refused));
                    return;
                }
                refused++;
                if (status >= 500) Interlocked.Increment(ref counters.ServerErrors);
                else Interlocked.Increment(ref counters.OtherStatus);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                refused++;
                Interlocked.Increment(ref counters.ConnectionErrors);
            }
            await Task.Delay(TimeSpan.FromSeconds(1 + attempt));
        }
        counters.Deliveries.Add(new Delivery(msgId, user, firstSent, null, refused));
    }

    /// <summary>The Zalo message ids each citizen received, from the fake Zalo's record of every message.</summary>
    private static async Task<Dictionary<string, List<string>>> ZaloMessagesAsync(HttpClient http, string zalo, HashSet<string> users)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var entries = await http.GetFromJsonAsync<JsonElement>($"{zalo}/zalo-sim/_control/messages?after={after}");
            var count = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                count++;
                after = Math.Max(after, entry.GetProperty("seq").GetInt64());
                var user = entry.GetProperty("userId").GetString()!;
                if (entry.GetProperty("direction").GetString() != "oa" || !users.Contains(user)) continue;
                if (!result.TryGetValue(user, out var ids)) result[user] = ids = [];
                ids.Add(entry.GetProperty("messageId").GetString() ?? "");
            }
            if (count == 0) return result;
        }
    }

    internal static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var command = db.CreateCommand(sql);
                return Convert.ToInt64(await command.ExecuteScalarAsync(), Invariant);
            }
            catch (NpgsqlException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    internal static async Task<string> Cluster(Settings s, params string[] args)
    {
        var start = Stopwatch.StartNew();
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(s.ClusterScript);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = ((await stderr).Trim() + " " + (await stdout).Trim()).Trim();
        return $"{string.Join(' ', args)}: {said} ({start.Elapsed.TotalSeconds:F1} s, exit {process.ExitCode})";
    }

    internal static async Task At(Stopwatch clock, double seconds)
    {
        var wait = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
