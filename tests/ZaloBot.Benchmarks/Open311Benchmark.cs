using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ZaloBot.Storage;

namespace ZaloBot.Benchmarks;

/// <summary>
/// GET /open311/v2/requests.json over the queue benchmark's 1,000,000 tickets, through HTTP against the running
/// service (routing, query, scrubbing, JSON): p50/p95 for the default page and each of the spec's filters.
/// </summary>
public static class Open311Benchmark
{
    /// <summary>Migrates and seeds (reusing the queue benchmark's data), then gives every 50th ticket a resolution answer to publish.</summary>
    public static async Task<int> SeedAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, new MigrationState(), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await QueueBenchmark.SeedAsync(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        if (await connection.ExecuteScalarAsync<long>("select count(*) from ticket_events") == 0)
        {
            await connection.ExecuteAsync("""
                insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
                select id, resolved_at, 'staff', '1', 'status_changed', true, 'Đã xử lý xong: ' || left(description, 40), '{"action":"resolve"}'::jsonb
                from tickets where resolved_at is not null and id % 50 = 0
                """, commandTimeout: 600);
            await connection.ExecuteAsync("analyze ticket_events; analyze tickets", commandTimeout: 600);
        }
        return 0;
    }

    public static async Task<int> RunAsync(string baseUrl, string connectionString, int runs)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var ids = string.Join(',', await connection.QueryAsync<string>("select code from tickets where category_code = 'INFRA' order by id desc offset 5000 limit 10"));
        var now = DateTimeOffset.UtcNow;
        string W(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        (string Name, string Query)[] scenarios =
        [
            ("default page (last 90 days)", ""),
            ("service_request_id (10 ids)", "?service_request_id=" + ids),
            ("service_code=INFRA", "?service_code=INFRA"),
            ("service_code=ADMIN,OTHER", "?service_code=ADMIN,OTHER"),
            ("status=open", "?status=open"),
            ("status=closed", "?status=closed"),
            ("start_date..end_date (7 days, 6 months ago)", $"?start_date={W(now.AddDays(-180))}&end_date={W(now.AddDays(-173))}"),
            ("start_date only (last 2 days)", $"?start_date={W(now.AddDays(-2))}"),
            ("end_date only (a year ago)", $"?end_date={W(now.AddDays(-300))}"),
            ("service_code + status + dates", $"?service_code=INFRA&status=closed&start_date={W(now.AddDays(-60))}&end_date={W(now.AddDays(-30))}"),
            ("page_size=200", "?page_size=200"),
            ("page=40 (deep)", "?page=40"),
        ];

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        Console.WriteLine($"GET /open311/v2/requests.json over {await connection.ExecuteScalarAsync<long>("select count(*) from tickets"):N0} tickets, {runs} runs each, one client");
        Console.WriteLine($"{"scenario",-46} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"items",6}");
        // Warm-up over every scenario first: otherwise the first one measured pays for tiered JIT and the connection pool.
        for (var i = 0; i < 20; i++)
            foreach (var (_, query) in scenarios) await http.GetStringAsync("/open311/v2/requests.json" + query);
        var all = new List<double>();
        foreach (var (name, query) in scenarios)
        {
            var body = await http.GetStringAsync("/open311/v2/requests.json" + query);
            var items = System.Text.Json.JsonDocument.Parse(body).RootElement.GetArrayLength();
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync("/open311/v2/requests.json" + query);
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: HTTP {(int)response.StatusCode}");
            }
            all.AddRange(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-46} {Percentile(times, 50),8:0.00} {Percentile(times, 95),8:0.00} {times.Max(),8:0.00} {items,6}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all scenarios",-46} {Percentile(all, 50),8:0.00} {Percentile(all, 95),8:0.00} {all.Max(),8:0.00}  (target p95 < 100 ms)"));
        return 0;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }
}
