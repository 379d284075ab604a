using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ZaloBot.Domain.Tickets;
using ZaloBot.Storage;
using ZaloBot.Tickets;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Seeds a database with 1,000,000 tickets (once; reused while the count matches) and times the staff queue query —
/// the same <see cref="TicketQueries.QueueAsync"/> the API runs — under the filters staff use, printing p50/p95.
/// </summary>
public static class QueueBenchmark
{
    internal const int TicketCount = 1_000_000;

    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, new MigrationState(), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await SeedAsync(dataSource);

        await using var connection = await dataSource.OpenConnectionAsync();
        var middleId = await connection.ExecuteScalarAsync<long>("select id from tickets order by id offset @n limit 1", new { n = TicketCount / 2 });
        var now = DateTimeOffset.UtcNow;
        (string Name, TicketFilter Filter, string? Scope)[] scenarios =
        [
            ("newest, no filter (supervisor)", new TicketFilter(), null),
            ("status = received (intake queue)", new TicketFilter(Status: TicketStatus.Received), null),
            ("ward scope (UBND-TS) + in_progress", new TicketFilter(Status: TicketStatus.InProgress), "UBND-TS"),
            ("category + centre", new TicketFilter(Category: "INFRA", Centre: "BN01"), null),
            ("overdue", new TicketFilter(Overdue: true), null),
            ("due soon, agency SXD", new TicketFilter(Agency: "SXD", DueSoon: true), null),
            ("text search 'đèn đường'", new TicketFilter(Text: "đèn đường"), null),
            ("page deep in the middle (keyset)", new TicketFilter(After: middleId), null),
        ];

        Console.WriteLine($"Staff queue over {TicketCount:N0} tickets, {runs} runs per scenario, page size 50");
        Console.WriteLine($"{"scenario",-36} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"rows",5}");
        var all = new List<double>();
        foreach (var (name, filter, scope) in scenarios)
        {
            await TicketQueries.QueueAsync(connection, filter, scope, now, CancellationToken.None); // warm
            var times = new List<double>(runs);
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var page = await TicketQueries.QueueAsync(connection, filter, scope, now, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
                rows = page.Items.Count;
            }
            all.AddRange(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {Percentile(times, 50),8:0.00} {Percentile(times, 95),8:0.00} {times.Max(),8:0.00} {rows,5}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all scenarios",-36} {Percentile(all, 50),8:0.00} {Percentile(all, 95),8:0.00} {all.Max(),8:0.00}"));
        await ConsolePageAsync(dataSource, runs, now);
        return 0;
    }

    /// <summary>
    /// The console's queue page does more than the API's query: tab counts for every status, names, working days left.
    /// Timed here end to end on the server side except the Razor rendering of 50 rows (in memory, well under 1 ms).
    /// </summary>
    private static async Task ConsolePageAsync(NpgsqlDataSource dataSource, int runs, DateTimeOffset now)
    {
        var time = TimeProvider.System;
        var lookups = new ZaloBot.StaffConsole.ConsoleLookups(dataSource, time);
        var holidays = new ZaloBot.Calendar.HolidayCalendar(dataSource, time);
        var policy = new ZaloBot.Tracks.TrackPolicy(holidays, new ZaloBot.Tracks.TrackSettings(dataSource, time));
        (string Name, TicketFilter Filter, string? Scope)[] pages =
        [
            ("console page: intake, received", new TicketFilter(Status: TicketStatus.Received), null),
            ("console page: agency UBND-TS, assigned", new TicketFilter(Status: TicketStatus.Assigned), "UBND-TS"),
            ("console page: supervisor, overdue", new TicketFilter(Status: TicketStatus.InProgress, Overdue: true), null),
            ("console page: could not reach citizen", new TicketFilter(Status: TicketStatus.Received, Unreachable: true), null),
        ];
        Console.WriteLine();
        Console.WriteLine($"Console queue page, server time without rendering (counts + page + rows), {runs} runs each");
        var all = new List<double>();
        foreach (var (name, filter, scope) in pages)
        {
            var times = new List<double>(runs);
            for (var i = 0; i <= runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await using var connection = await dataSource.OpenConnectionAsync();
                var names = await lookups.GetAsync(CancellationToken.None);
                await ZaloBot.StaffConsole.ConsoleQueue.CountsAsync(connection, scope, CancellationToken.None);
                var page = await TicketQueries.QueueAsync(connection, filter, scope, now, CancellationToken.None);
                var clocks = await policy.NearestClocksAsync(now, CancellationToken.None);
                _ = page.Items.Select(t => ZaloBot.StaffConsole.ConsoleQueue.ToRow(t, names, clocks, now)).ToList();
                if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds); // the first run warms up
            }
            all.AddRange(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {Percentile(times, 50),8:0.00} {Percentile(times, 95),8:0.00} {times.Max(),8:0.00}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all console pages",-40} {Percentile(all, 50),8:0.00} {Percentile(all, 95),8:0.00} {all.Max(),8:0.00}  (target p95 < 100 ms)"));
    }

    internal static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    internal static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // A seed from before citizens' publication choice was seeded is made again.
        var existing = await connection.ExecuteScalarAsync<long>("select count(*) from tickets where exists (select 1 from tickets where publish)");
        if (existing == TicketCount)
        {
            Console.WriteLine($"reusing {existing:N0} seeded tickets");
            return;
        }
        var clock = Stopwatch.StartNew();
        await connection.ExecuteAsync("truncate ticket_events, tickets restart identity cascade");
        // Spread like a real year: all statuses, categories, wards, centres for a third, agencies once assigned.
        await connection.ExecuteAsync("""
            insert into tickets (code, citizen_zalo_id, status, category_code, description, address, area_code, contact_name, contact_phone,
                                 service_centre_code, assigned_agency_code, created_at, updated_at, due_at, resolved_at, rating, publish)
            select 'BM-' || lpad(g::text, 8, '0'),
                   'bench-user-' || (g % 200000),
                   s.status,
                   (array['ADMIN','CONDUCT','BIZ_TRANSPORT','BIZ_EXPERT','BIZ_VACCINE','BIZ_POLICY','INFRA','OTHER'])[1 + g % 8],
                   'Phản ánh số ' || g || ': ' || (array['đường ngập nước sau mưa','rác thải ùn ứ đầu ngõ','đèn đường hỏng nhiều ngày','hồ sơ đất đai chậm trả kết quả','cán bộ tiếp dân gây khó dễ'])[1 + g % 5],
                   'Số ' || (g % 200) || ' đường ' || (array['Lý Thái Tổ','Ngô Gia Tự','Nguyễn Trãi','Trần Hưng Đạo'])[1 + g % 4],
                   (array['KINHBAC','VOCUONG','VUNINH','TUSON','QUEVO'])[1 + g % 5],
                   'Người dân ' || g, '+8491' || lpad((g % 10000000)::text, 7, '0'),
                   case when g % 3 = 0 then (array['BN01','BN02','BN03'])[1 + (g / 3) % 3] end,
                   case when s.status in ('assigned','in_progress','resolved','closed') then (array['SXD','SNNMT','UBND-KB','UBND-TS','SYT','VPUB'])[1 + g % 6] end,
                   t.ts, t.ts,
                   case when s.status <> 'received' then t.ts + interval '14 days' end,
                   case when s.status in ('resolved','closed') then t.ts + interval '6 days' end,
                   case when s.status = 'closed' then 1 + g % 5 end,
                   case when g % 10 < 7 then true end -- seven citizens in ten agreed to publication; the rest said nothing
            from generate_series(1, 1000000) g
            cross join lateral (select now() - interval '365 days' + (g * interval '31.536 seconds') as ts) t
            cross join lateral (select (array['received','accepted','assigned','in_progress','resolved','closed','closed','closed','rejected'])[1 + g % 9] as status) s
            """, commandTimeout: 600);
        // Vacuumed as a long-lived table is: otherwise autovacuum works through the fresh million rows during the first
        // scenarios and the visibility map is empty (index-only counts fetch every heap row).
        await connection.ExecuteAsync("vacuum analyze tickets", commandTimeout: 600);
        Console.WriteLine($"seeded {TicketCount:N0} tickets in {clock.Elapsed.TotalSeconds:0} s");
    }
}
