using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Npgsql;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// scripts/ha-pg.sh in a folder of its own: etcd, two PostgreSQL nodes under Patroni with synchronous replication,
/// and HAProxy in front that follows the leader. Installs Debian's patroni, etcd-server and haproxy when missing.
/// </summary>
public sealed class HaPostgres : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zalobot-ha-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Through HAProxy: whichever node leads.</summary>
    public string ConnectionString { get; private set; } = "";

    // Ports away from a developer's own `scripts/cluster.sh start --ha` (25740 on), and below Linux's ephemeral range
    // (32768–60999): the rest of the suite makes thousands of outgoing connections while this cluster starts, and one of
    // them holding the port Patroni's REST API binds stopped the cluster once. The script moves on when a port is taken.
    public Task<ScriptResult> RunAsync(params string[] args) => RepoScripts.RunAsync("ha-pg.sh", args, ("HA_PG_DIR", _dir), ("HA_PG_PORT", "25840"));

    public async Task<string> LeaderAsync() => (await RunAsync("leader")).Stdout.Trim();

    public async Task InitializeAsync()
    {
        var started = await RunAsync("start");
        started.Exit.ShouldBe(0, started.Output);
        ConnectionString = started.Stdout.Trim();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("destroy");
    }
}

/// <summary>The database machine dies while citizens write: nothing the service acknowledged may be lost.</summary>
public class DatabaseFailoverTests(HaPostgres ha) : IClassFixture<HaPostgres>
{
    [Fact]
    public async Task Events_acknowledged_before_and_during_the_primarys_death_are_all_on_the_promoted_standby()
    {
        await using var database = await TestDatabase.CreateAsync(ha.ConnectionString);
        await using var service = new ServiceFactory().UseDatabase(database)
            // Long enough to ride out the switch: requests wait for the new primary rather than answer 503.
            .With("Webhooks:StorageRetryWindow", "00:01:00");
        var client = await service.StartReadyAsync();
        var acknowledged = new ConcurrentBag<string>();
        var answers = new ConcurrentBag<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            if (await DeliverAsync(client, $"failover-before-{i}", answers)) acknowledged.Add($"failover-before-{i}");
        acknowledged.Count.ShouldBe(10);
        var oldLeader = await ha.LeaderAsync();
        oldLeader.ShouldNotBeEmpty();

        // A citizen keeps writing through the whole failover; like Zalo, an event is redelivered until answered 200.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
                if (await DeliverAsync(client, $"failover-during-{n}", answers)) acknowledged.Add($"failover-during-{n}");
        });
        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 15), "writes while the old primary leads");

        var killed = await ha.RunAsync("kill-primary");
        killed.Exit.ShouldBe(0, killed.Output);
        killed.Stdout.Trim().ShouldBe(oldLeader);
        await Eventually.TrueAsync(async () => await ha.LeaderAsync() is { Length: > 0 } l && l != oldLeader,
            "Patroni to promote the synchronous standby", TimeSpan.FromMinutes(2));
        var atPromotion = acknowledged.Count;
        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= atPromotion + 5), "writes on the new primary", TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await writer;

        await using (var connection = database.Open())
        {
            var stored = (await connection.QueryAsync<string>("select msg_id from inbox where user_id = 'failover-user'")).ToHashSet();
            acknowledged.Where(id => !stored.Contains(id)).ShouldBeEmpty();
        }
        // Refused while no node led (503: Zalo redelivers), never a 500.
        answers.ShouldAllBe(status => status == HttpStatusCode.OK || status == HttpStatusCode.ServiceUnavailable);
        // The old primary comes back as the new one's synchronous standby (pg_rewind).
        var rejoined = await ha.RunAsync("wait-healthy", "180");
        rejoined.Exit.ShouldBe(0, rejoined.Output);
    }

    private static async Task<bool> DeliverAsync(HttpClient client, string msgId, ConcurrentBag<HttpStatusCode> answers)
    {
        var body = ZaloWebhook.Text("failover-user", "Cống thoát nước bị tắc", msgId);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            using var response = await client.SendAsync(ZaloWebhook.Signed(body));
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // Zalo's own redelivery waits longer
        }
        return false;
    }
}
