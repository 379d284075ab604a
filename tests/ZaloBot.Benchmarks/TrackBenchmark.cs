using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Tracks;
using ZaloBot.Storage;
using ZaloBot.Tracks;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The tracks' queries over the queue benchmark's 1,000,000 tickets (seeded once): the escalation scan (first pass and
/// steady state), the console's urgent block and the tracks report; and the office-hours clock in memory. Prints p50/p95.
/// </summary>
public static class TrackBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, new MigrationState(), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await QueueBenchmark.SeedAsync(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        // One ticket in twenty urgent; every ticket's first-response and acceptance clocks from its receipt.
        await connection.ExecuteAsync("""
            update tickets set priority = case when id % 20 = 0 then 'urgent' else 'normal' end,
                               first_response_due_at = created_at + case when id % 20 = 0 then interval '2 hours' else interval '8 hours' end,
                               acceptance_due_at = created_at + interval '1 day'
            where first_response_due_at is null
            """, commandTimeout: 600);
        await connection.ExecuteAsync("""
            truncate ticket_escalations;
            update tickets set first_response_escalated_for = null, acceptance_escalated_for = null, resolution_escalated_for = null
            where coalesce(first_response_escalated_for, acceptance_escalated_for, resolution_escalated_for) is not null;
            """, commandTimeout: 600);
        await connection.ExecuteAsync("vacuum analyze tickets", commandTimeout: 600);
        var now = DateTimeOffset.UtcNow;
        var breached = await connection.ExecuteScalarAsync<long>("""
            select count(*) from tickets where (status = 'received' and least(first_response_due_at, acceptance_due_at) < @now)
                                            or (status in ('accepted','assigned','in_progress') and due_at < @now)
            """, new { now });
        Console.WriteLine($"Tracks over {QueueBenchmark.TicketCount:N0} tickets ({breached:N0} with a broken clock), {runs} runs each");
        Console.WriteLine($"{"scenario",-44} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"rows",6}");

        await TimeAsync("escalation scan, first pass (batch of 500)", runs, async () =>
            (await connection.QueryAsync(EscalationMonitor.BreachQuery, new { now, batch = 500 })).Count());
        // Steady state: every breach already escalated, as after the first minutes of running.
        await connection.ExecuteAsync("""
            update tickets set first_response_escalated_for = first_response_due_at, acceptance_escalated_for = acceptance_due_at
            where status = 'received' and least(first_response_due_at, acceptance_due_at) < @now;
            update tickets set resolution_escalated_for = due_at where status in ('accepted','assigned','in_progress') and due_at < @now;
            """, new { now }, commandTimeout: 600);
        // In service the markers are set a few hundred a minute and autovacuum keeps up; after this bulk update the
        // partial indexes would still hold 400,000 dead entries, so vacuum as autovacuum would.
        await connection.ExecuteAsync("vacuum analyze tickets", commandTimeout: 600);
        await TimeAsync("escalation scan, steady state (nothing new)", runs, async () =>
            (await connection.QueryAsync(EscalationMonitor.BreachQuery, new { now, batch = 500 })).Count());
        const string urgent = """
            select code, description, first_response_due_at, due_at from tickets
            where status = @status and priority = 'urgent' and (@scope::text is null or assigned_agency_code = @scope)
            order by coalesce(first_response_due_at, due_at), id limit 20
            """;
        await TimeAsync("console urgent block, received", runs, async () =>
            (await connection.QueryAsync(urgent, new { status = "received", scope = (string?)null })).Count());
        await TimeAsync("console urgent block, UBND-TS in_progress", runs, async () =>
            (await connection.QueryAsync(urgent, new { status = "in_progress", scope = "UBND-TS" })).Count());
        var today = WorkingDayCalendar.DateInVietnam(now);
        await TimeAsync("tracks report, last 30 days", Math.Max(5, runs / 10), async () =>
            (await TrackReports.BuildAsync(dataSource, today.AddDays(-30), today.AddDays(1), CancellationToken.None)).Counts.Count);

        var calendar = new WorkingDayCalendar([new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1)]);
        var clock = Stopwatch.StartNew();
        const int calls = 200_000;
        var start = new DateTimeOffset(2026, 4, 29, 15, 0, 0, TimeSpan.FromHours(7));
        for (var i = 0; i < calls; i++) WorkingHours.Default.Add(calendar, start.AddMinutes(i % 5000), TimeSpan.FromHours(8));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"office-hours clock (8 h across a holiday weekend): {clock.Elapsed.TotalMilliseconds * 1000 / calls:0.00} µs per call"));
        return 0;
    }

    private static async Task TimeAsync(string name, int runs, Func<Task<int>> run)
    {
        await run(); // warm
        var times = new List<double>(runs);
        var rows = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {QueueBenchmark.Percentile(times, 50),8:0.00} {QueueBenchmark.Percentile(times, 95),8:0.00} {times.Max(),8:0.00} {rows,6}"));
    }
}
