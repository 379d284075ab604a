using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The conversation processor's own rate, with no load generator competing for the cores: <see cref="LoadAsync"/> puts
/// <c>count</c> greetings from distinct citizens straight into the inbox (as the webhook would have stored them), then the
/// service is started on it with the outbox dispatcher off and <see cref="RunAsync"/> times the drain from the moment the
/// service is ready, with round trips and CPU per event over the same span. Figures are printed, never asserted.
/// </summary>
public static class DrainBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> LoadAsync(string connectionString, int count, string appId)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(Invariant);
        // The payload is what Zalo signs and the receiver stores; the processor reads only the stored text.
        await using var command = db.CreateCommand("""
            insert into inbox (dedupe_key, event_name, app_id, user_id, msg_id, event_time, received_at, payload, oa_id)
            select 'msg:' || u.msg, 'user_send_text', $1, u.id, u.msg, now(), now(),
                   json_build_object('app_id', $1, 'user_id_by_app', u.id || '-byapp', 'event_name', 'user_send_text',
                       'timestamp', (extract(epoch from now()) * 1000)::bigint::text, 'sender', json_build_object('id', u.id),
                       'recipient', json_build_object('id', 'bench-oa'), 'message', json_build_object('text', 'xin chào', 'msg_id', u.msg))::text,
                   'bench-oa'
            from generate_series(1, $2) i, lateral (select 'drain-' || $3 || '-' || i as id, 'bench-drain-' || $3 || '-' || i as msg) u
            order by i
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = appId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run });
        var clock = Stopwatch.StartNew();
        var inserted = await command.ExecuteNonQueryAsync();
        await using (var analyse = db.CreateCommand("analyze inbox")) await analyse.ExecuteNonQueryAsync();
        Console.WriteLine($"drain: {inserted:N0} greetings from distinct citizens put in the inbox in {clock.Elapsed.TotalSeconds:F1} s (no webhook, no load generator)");
        return 0;
    }

    public static async Task<int> RunAsync(string baseUrl, string connectionString, int servicePid, int postgresPid)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await using var db = NpgsqlDataSource.Create(connectionString);
        var start = await SnapshotAsync(http, db, servicePid, postgresPid);
        var clock = Stopwatch.StartNew();
        var last = start;
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            last = await SnapshotAsync(http, db, servicePid, postgresPid);
            if (last.Pending == 0) break;
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // PostgreSQL publishes its transaction counter about once a second
        var end = await SnapshotAsync(http, db, servicePid, postgresPid);
        var handled = start.Pending - end.Pending;
        if (handled <= 0 || end.Pending > 0)
        {
            Console.WriteLine($"drain: {end.Pending:N0} events still pending after {clock.Elapsed.TotalSeconds:F0} s; no figure");
            return 1;
        }
        await using var span = db.CreateCommand("select extract(epoch from max(processed_at) - $1) from inbox where processed_at is not null");
        span.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = start.At.UtcDateTime });
        var seconds = Convert.ToDouble(await span.ExecuteScalarAsync(), Invariant);
        var commands = end.Commands - start.Commands;
        var commits = end.Transactions - start.Transactions;
        Console.WriteLine($"processor alone: the {handled:N0} events still waiting when the service was ready drained in {seconds:F1} s = {handled / seconds:F0} events/s " +
            $"(the rest were handled while it started); load average now {BenchFigures.LoadAverage()}");
        Console.WriteLine($"  per event: {(commands + commits) / handled:F2} round trips ({commands / handled:F2} statements or batches + {(double)commits / handled:F2} commits); " +
            $"CPU {1000 * (end.ServiceCpu - start.ServiceCpu) / handled:F2} ms service + {1000 * (end.PostgresCpu - start.PostgresCpu) / handled:F2} ms PostgreSQL");
        return 0;
    }

    private sealed record Snapshot(DateTimeOffset At, long Pending, double Commands, long Transactions, double ServiceCpu, double PostgresCpu);

    private static async Task<Snapshot> SnapshotAsync(HttpClient http, NpgsqlDataSource db, int servicePid, int postgresPid)
    {
        var at = DateTimeOffset.UtcNow;
        var commands = BenchFigures.DatabaseCommands(await http.GetStringAsync("/metrics"));
        await using var command = db.CreateCommand("""
            select count(*), (select xact_commit + xact_rollback from pg_stat_database where datname = current_database())
            from inbox where processed_at is null and parked_at is null
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Snapshot(at, reader.GetInt64(0), commands, reader.GetInt64(1),
            ProcessCpu.Seconds(servicePid, children: false), ProcessCpu.TreeSeconds(postgresPid));
    }
}
