using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Conversations;
using ZaloBot.Domain.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Storage;

namespace ZaloBot.Operations;

public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Run the start-up warm-up before reporting ready (off: ready as soon as the database is).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Whether this process has run its warm-up; /readyz stays red until it has, so a new replica gets traffic only warm.</summary>
public sealed class WarmUpState
{
    private volatile bool _warm;

    public bool IsWarm => _warm;

    public void MarkWarm() => _warm = true;
}

internal sealed class WarmUpReadyCheck(WarmUpState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Warming up."));
}

/// <summary>
/// Before the first citizen or staff member: the code a first webhook and a first console page run is compiled by the
/// JIT, Dapper builds its readers for the conversation's statements and the pool holds connections, so a replica
/// started during a wave answers its first requests as fast as its later ones. A citizen's turn is played for a user
/// no one has, inside a transaction that is rolled back (nothing is kept, nothing is sent); the console's sign-in page
/// is requested through the server itself. Failures only log: a
/// warm-up never keeps a replica out of service for longer than its time limit.
/// </summary>
internal sealed class WarmUpService(
    WarmUpState state,
    IOptions<WarmUpOptions> options,
    MigrationState migrations,
    NpgsqlDataSource dataSource,
    IInboxEventHandler handler,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WarmUpService> logger) : BackgroundService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            state.MarkWarm();
            return;
        }
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        limit.CancelAfter(Limit);
        try
        {
            await WhenStartedAsync(limit.Token);
            while (!migrations.IsApplied) await Task.Delay(TimeSpan.FromMilliseconds(100), time, limit.Token);
            Engine();
            await ConversationTurnAsync(limit.Token);
            await PoolAsync(limit.Token);
            await PagesAsync(limit.Token);
            logger.LogInformation("Warm-up done in {Elapsed} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Warm-up incomplete after {Elapsed} ms; serving anyway", clock.ElapsedMilliseconds);
        }
        state.MarkWarm();
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    private static readonly string[] Messages = ["xin chào", "nắp cống trước cổng trường bị vỡ, nguy hiểm", "tra cứu", "hủy"];

    private void Engine()
    {
        var context = new ConversationContext([], [], [], [], "PA-0000-0000", new ConversationLimits());
        for (var round = 0; round < 50; round++)
            foreach (var text in Messages) ConversationEngine.Handle(ConversationState.New(), new TextInput(text, time.GetUtcNow()), context);
    }

    private async Task ConversationTurnAsync(CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        var payload = System.Text.Json.JsonSerializer.Serialize(new
        {
            app_id = "warm-up", event_name = "user_send_text", timestamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            sender = new { id = "zalobot-warm-up" }, recipient = new { id = "zalobot-warm-up-oa" }, message = new { text = Messages[0], msg_id = "zalobot-warm-up" },
        });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await handler.HandleAsync(connection, transaction, new InboxEvent(0, "zalobot-warm-up", "user_send_text", payload, 0, null), cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    /// <summary>A few open connections, so the first requests do not each wait for a PostgreSQL backend to start.</summary>
    private async Task PoolAsync(CancellationToken cancellationToken)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 4; i++) connections.Add(await dataSource.OpenConnectionAsync(cancellationToken));
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private async Task PagesAsync(CancellationToken cancellationToken)
    {
        // Under a test host there is no listening address: the in-process warm-up above is all there is to do.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"), UriKind.Absolute, out var baseUri)) return;
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        using (await http.GetAsync("/console/sign-in", cancellationToken)) { }
        using (await http.GetAsync("/console", cancellationToken)) { }
    }
}

public static class WarmUpServiceCollectionExtensions
{
    public static IServiceCollection AddWarmUp(this IServiceCollection services)
    {
        services.AddOptions<WarmUpOptions>().BindConfiguration(WarmUpOptions.Section);
        services.AddSingleton<WarmUpState>();
        services.AddHostedService<WarmUpService>();
        services.AddHealthChecks().AddCheck<WarmUpReadyCheck>("warm-up", tags: ["ready"]);
        return services;
    }
}
