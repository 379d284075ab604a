using System.Globalization;
using Npgsql;
using ZaloBot.Fuzz;

namespace ZaloBot.Benchmarks;

/// <summary>
/// The long fuzz run (<c>scripts/bench.sh fuzz</c>): generated hostile requests over real HTTP at a running service,
/// then a check in PostgreSQL that every valid citizen event sent alongside was stored. Exit code 1 on any answer ≥ 500,
/// any connection error, or any valid event not acknowledged or not stored.
/// </summary>
public static class FuzzRun
{
    public static async Task<int> RunAsync(string baseUrl, string connectionString, string adminToken, string appId, string oaId, string secret, int count, ulong seed, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var target = new FuzzTarget(appId, oaId, secret, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var report = await FuzzRunner.RunAsync(client, new FuzzOptions(target, seed, count, concurrency, adminToken));
        Console.Write(report.Summary(seed));

        const string storedSql = "select count(*) from inbox where dedupe_key = any(@keys)";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(storedSql, connection);
        command.Parameters.AddWithValue("keys", report.ValidDedupeKeys.ToArray());
        var stored = (long)(await command.ExecuteScalarAsync())!;
        Console.WriteLine($"  valid citizen events stored in the inbox: {stored} of {report.ValidSent}");

        var ok = report.ServerErrors == 0 && report.ConnectionErrors == 0 && report.ValidAcknowledged == report.ValidSent && stored == report.ValidSent;
        Console.WriteLine(ok ? "fuzz: PASS" : "fuzz: FAIL");
        return ok ? 0 : 1;
    }

    public static ulong ParseSeed(string text) => ulong.Parse(text, CultureInfo.InvariantCulture);
}
