using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZaloBot.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Conversations;

/// <summary>
/// The processor's guarantees, independent of what the conversation says: per-user order across replicas,
/// exactly-once effects across crashes, and poison events parked without blocking the user.
/// A recording handler writes one row per handled event inside the processor's transaction.
/// </summary>
public sealed class RecordingHandler : IInboxEventHandler
{
    private static int _crashesLeft;

    public static ref int CrashesLeft => ref _crashesLeft;

    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "insert into handled (inbox_id, user_id, payload) values (@Id, @UserId, @Payload)", inboxEvent, transaction);
        if (inboxEvent.Payload.Contains("POISON", StringComparison.Ordinal))
            throw new InvalidOperationException("this event always fails");
        if (inboxEvent.Payload.Contains("CRASH", StringComparison.Ordinal) && Interlocked.Decrement(ref _crashesLeft) >= 0)
        {
            // The process dies after doing the work and before committing: PostgreSQL drops the connection.
            await using var kill = new NpgsqlCommand("select pg_terminate_backend(pg_backend_pid())", connection, transaction);
            await kill.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public sealed class RecordingService : ServiceFactory
{
    public RecordingService()
    {
        With("Conversations:MaxAttempts", "3");
        With("Conversations:RetryBaseDelay", "00:00:00.010");
        With("Conversations:PollInterval", "00:00:00.020");
        WithServices(s => s.AddSingleton<IInboxEventHandler, RecordingHandler>());
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = Database.Open();
        await connection.ExecuteAsync("create table handled (id bigint generated always as identity, inbox_id bigint not null, user_id text, payload text)");
    }
}

public class ProcessorReliabilityTests(RecordingService service) : IClassFixture<RecordingService>
{
    private static string NewUser() => "p" + Guid.NewGuid().ToString("N")[..10];

    private async Task<IReadOnlyList<long>> HandledInboxIdsAsync(string userId)
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<long>("select inbox_id from handled where user_id = @userId order by id", new { userId })).AsList();
    }

    private async Task<(DateTime? Processed, DateTime? Parked, int Attempts, string? Error)> InboxStateAsync(string msgId)
    {
        await using var connection = service.Database.Open();
        return await connection.QuerySingleAsync<(DateTime?, DateTime?, int, string?)>(
            "select processed_at, parked_at, attempts, last_error from inbox where msg_id = @msgId", new { msgId });
    }

    [Fact]
    public async Task Poison_event_is_retried_then_parked_and_the_users_later_events_still_flow()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "POISON", user + "-1")));
        await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "sau đó", user + "-2")));

        await Eventually.TrueAsync(async () => (await InboxStateAsync(user + "-2")).Processed is not null, "the later event to be processed");

        var poison = await InboxStateAsync(user + "-1");
        poison.Parked.ShouldNotBeNull();
        poison.Processed.ShouldBeNull();
        poison.Attempts.ShouldBe(3);
        poison.Error!.ShouldContain("this event always fails");
        // Each failed attempt rolled back its own writes: only the good event's row survives.
        (await HandledInboxIdsAsync(user)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Crash_before_commit_loses_nothing_and_does_the_work_once()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        Interlocked.Exchange(ref RecordingHandler.CrashesLeft, 1);

        await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "CRASH then fine", user + "-1")));

        await Eventually.TrueAsync(async () => (await InboxStateAsync(user + "-1")).Processed is not null, "the event to be processed after the crash");
        (await HandledInboxIdsAsync(user)).Count.ShouldBe(1);
        RecordingHandler.CrashesLeft.ShouldBeLessThan(0); // the crash really happened
    }

    [Fact]
    public async Task Two_replicas_handle_each_users_events_once_and_in_arrival_order()
    {
        await using var second = new RecordingService().UseDatabase(service.Database);
        var client = await service.StartReadyAsync();
        var otherClient = await second.StartReadyAsync();
        var users = Enumerable.Range(0, 6).Select(_ => NewUser()).ToList();

        // Events arrive through both replicas' receivers, interleaved across users.
        for (var i = 0; i < 10; i++)
        {
            var responses = await Task.WhenAll(users.Select((user, u) =>
                ((u + i) % 2 == 0 ? client : otherClient).SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, $"tin {i}", $"{user}-{i:D2}")))));
            responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var connection = service.Database.Open();
            return await connection.ExecuteScalarAsync<long>("select count(*) from inbox where processed_at is null and parked_at is null") == 0;
        }, "both replicas to drain the inbox");

        await using var db = service.Database.Open();
        var parked = (await db.QueryAsync<string>("select msg_id || ': ' || last_error from inbox where parked_at is not null and user_id = any(@users)", new { users })).AsList();
        parked.ShouldBeEmpty();
        foreach (var user in users)
        {
            var handled = (await db.QueryAsync<string>(
                "select i.msg_id from handled h join inbox i on i.id = h.inbox_id where h.user_id = @user order by h.id", new { user })).AsList();
            handled.ShouldBe(Enumerable.Range(0, 10).Select(i => $"{user}-{i:D2}").ToList());
        }
    }
}
