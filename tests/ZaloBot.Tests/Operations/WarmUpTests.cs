using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZaloBot.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Startup;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

/// <summary>Holds every turn (before the first webhook, only the warm-up's rehearsed one) until the test lets it go.</summary>
public sealed class WarmUpGate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class GatedHandler(WarmUpGate gate, ConversationEventHandler inner) : IInboxEventHandler
{
    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        await gate.Released.Task.WaitAsync(cancellationToken);
        await inner.HandleAsync(connection, transaction, inboxEvent, cancellationToken);
    }
}

public sealed class GatedWarmUpService : ServiceFactory
{
    public GatedWarmUpService() => WithServices(s =>
    {
        s.AddSingleton<WarmUpGate>();
        s.AddSingleton<ConversationEventHandler>();
        s.AddSingleton<IInboxEventHandler, GatedHandler>();
    });
}

public class WarmUpTests(GatedWarmUpService service) : IClassFixture<GatedWarmUpService>
{
    [Fact]
    public async Task Readiness_turns_green_only_after_the_warm_up_which_leaves_no_rows_behind()
    {
        var client = service.CreateClient();
        var gate = service.Services.GetRequiredService<WarmUpGate>();

        // The warm-up is inside its rehearsed turn (after the engine, before the webhook path and the pool).
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        service.Services.GetRequiredService<WarmUpState>().IsWarm.ShouldBeFalse();

        gate.Released.TrySetResult();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/readyz")).IsSuccessStatusCode, "readiness after the warm-up");
        service.Services.GetRequiredService<WarmUpState>().IsWarm.ShouldBeTrue();

        // The rehearsed turn, the writer's rehearsed insert and the processor's mark were all rolled back: no row of any
        // table names the warm-up's user, OA or message.
        await using var connection = new NpgsqlConnection(service.Database.ConnectionString);
        var tables = await connection.QueryAsync<string>(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
        foreach (var table in tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>($"select count(*) from \"{table}\" t where t::text like '%zalobot-warm-up%'");
            rows.ShouldBe(0L, $"warm-up rows left in {table}");
        }
        (await connection.ExecuteScalarAsync<long>("select count(*) from inbox")).ShouldBe(0L);
    }
}

/// <summary>The writer alone: no processor reading what it stores.</summary>
public sealed class ProcessorOffService : ServiceFactory
{
    public ProcessorOffService() => With("Conversations:Enabled", "false");
}

public class InboxRehearsalTests(ProcessorOffService service) : IClassFixture<ProcessorOffService>
{
    [Fact]
    public async Task A_rehearsal_is_never_written_with_real_events_and_stores_nothing()
    {
        await service.StartReadyAsync();
        var writer = service.Services.GetRequiredService<InboxWriter>();
        var now = DateTimeOffset.UtcNow;
        InboxEntry Entry(string key) => new(key, "user_send_text", ServiceFactory.AppId, "rehearsal-user-" + key, key, now, now, null, "{}") { OaId = ServiceFactory.OaId };

        // Real events and rehearsals queued together, so some would share a batch if the writer let them.
        var real = Enumerable.Range(0, 40).Select(i => writer.TryAddAsync(Entry("real-" + i), CancellationToken.None)).ToList();
        var rehearsals = Enumerable.Range(0, 5).Select(i => writer.RehearseAsync(Entry("rehearsal-" + i), CancellationToken.None)).ToList();

        (await Task.WhenAll(real)).ShouldAllBe(stored => stored);
        (await Task.WhenAll(rehearsals)).ShouldAllBe(inserted => inserted);
        await using var connection = new NpgsqlConnection(service.Database.ConnectionString);
        (await connection.ExecuteScalarAsync<long>("select count(*) from inbox where dedupe_key like 'real-%'")).ShouldBe(40L);
        (await connection.ExecuteScalarAsync<long>("select count(*) from inbox where dedupe_key like 'rehearsal-%'")).ShouldBe(0L);
    }
}
