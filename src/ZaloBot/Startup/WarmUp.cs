using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Conversations;
using ZaloBot.Domain.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Storage;

namespace ZaloBot.Startup;

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
/// no one has, inside a transaction that is rolled back (nothing is kept, nothing is sent); a webhook's path is run on
/// a synthetic signed greeting without storing it (<see cref="WebhookAsync"/>); the console's pages are requested
/// through the server itself. Failures only log: a warm-up never keeps a replica out of service for longer than its
/// time limit.
/// </summary>
internal sealed class WarmUpService(
    WarmUpState state,
    IOptions<WarmUpOptions> options,
    MigrationState migrations,
    NpgsqlDataSource dataSource,
    IInboxEventHandler handler,
    ZaloBot.Inbox.InboxWriter inbox,
    ZaloBot.Oas.OaDirectory oas,
    ZaloBot.Understanding.PhraseTableProvider phrases,
    IOptions<ZaloBot.Zalo.ZaloOptions> zalo,
    IServiceProvider services,
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
            var greeting = Greeting();
            await ConversationTurnAsync(greeting, limit.Token);
            await PoolAsync(limit.Token);
            using var http = SelfClient();
            await WebhookAsync(http, greeting, limit.Token);
            await PagesAsync(http, limit.Token);
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

    // With the service's understander, so the trained models are loaded and their prediction paths compiled here too
    // (the typed-answer model is read inside the flow only: asked directly).
    private void Engine()
    {
        var context = new ConversationContext([], [], [], [], "PA-0000-0000", new ConversationLimits()) { Understanding = phrases.Current };
        for (var round = 0; round < 50; round++)
        {
            foreach (var text in Messages) ConversationEngine.Handle(ConversationState.New(), new TextInput(text, time.GetUtcNow()), context);
            context.Understanding.FlowOpinion(Step.Place, "để xem lại đã");
        }
    }

    /// <summary>A greeting as Zalo would send it, for a user and OA no one has.</summary>
    private string Greeting(string? appId = null, string? timestamp = null) => System.Text.Json.JsonSerializer.Serialize(new
    {
        app_id = appId ?? zalo.Value.AppId ?? "warm-up", event_name = "user_send_text",
        timestamp = timestamp ?? time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        sender = new { id = "zalobot-warm-up" }, recipient = new { id = "zalobot-warm-up-oa" }, message = new { text = Messages[0], msg_id = "zalobot-warm-up" },
    });

    private async Task ConversationTurnAsync(string payload, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await handler.HandleAsync(connection, transaction, new InboxEvent(0, "zalobot-warm-up", "user_send_text", payload, 0, null), cancellationToken);
        // The processor's mark after a turn (no inbox row has id 0: nothing to update, and rolled back anyway).
        await InboxQueue.MarkProcessedAsync(connection, transaction, [0], time.GetUtcNow(), cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    /// <summary>
    /// A webhook's path, storing nothing. Through the server, a signed event for another app, which the receiver refuses
    /// right after the signature check (counted once per start as <c>unauthorized</c>): Kestrel, routing, the body
    /// reader, the UTF-8 and JSON checks, the envelope, the signature and the problem answer. In-process, the rest on the
    /// signed greeting: the typed parse, the dedupe key, the OA lookup, the group-commit writer's queue, loop and
    /// multi-row insert in a transaction that is rolled back, and the success answer written as the endpoint writes it.
    /// </summary>
    private async Task WebhookAsync(HttpClient? http, string payload, CancellationToken cancellationToken)
    {
        var secret = zalo.Value.OaSecretKey ?? "warm-up";
        if (http is not null) await RefusedWebhookAsync(http, secret, cancellationToken);

        var body = System.Text.Encoding.UTF8.GetBytes(payload);
        using var document = System.Text.Json.JsonDocument.Parse(body);
        if (!ZaloBot.Inbox.ZaloEventParser.TryReadEnvelope(document.RootElement, out var envelope, out _)) return;
        ZaloBot.Webhooks.WebhookSignature.Verify(ZaloBot.Webhooks.WebhookSignature.Compute(envelope.AppId, body, envelope.RawTimestamp, secret),
            envelope.AppId, body, envelope.RawTimestamp, secret);
        var zaloEvent = ZaloBot.Inbox.ZaloEventParser.Parse(document.RootElement, envelope);
        ZaloBot.Inbox.ZaloEventParser.FindInvalidId(zaloEvent);
        var dedupeKey = ZaloBot.Inbox.EventDedupeKey.For(zaloEvent, document.RootElement);
        await oas.FindAsync(oas.PrimaryOaId, cancellationToken);
        var now = time.GetUtcNow();
        await inbox.RehearseAsync(new ZaloBot.Inbox.InboxEntry(dedupeKey, zaloEvent.EventName, zaloEvent.AppId, zaloEvent.UserId, zaloEvent.MessageId,
            zaloEvent.Timestamp, now, null, payload) { OaId = oas.PrimaryOaId }, cancellationToken);

        // The endpoint's own result type, executed as the endpoint's delegate executes it (JSON type info, the body
        // writer), into a response nobody reads.
        Results<Ok<ZaloBot.Webhooks.WebhookApi.WebhookAck>, ProblemHttpResult> answer = TypedResults.Ok(new ZaloBot.Webhooks.WebhookApi.WebhookAck("stored", dedupeKey));
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = Stream.Null;
        await ((IResult)answer).ExecuteAsync(context);
    }

    /// <summary>Signed with this app's key but for another app: refused after the signature check, before anything is stored.</summary>
    private async Task RefusedWebhookAsync(HttpClient http, string secret, CancellationToken cancellationToken)
    {
        const string app = "zalobot-warm-up";
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = System.Text.Encoding.UTF8.GetBytes(Greeting(app, timestamp));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(ZaloBot.Webhooks.WebhookSignature.HeaderName, ZaloBot.Webhooks.WebhookSignature.Compute(app, body, timestamp, secret));
        using (await http.SendAsync(request, cancellationToken)) { }
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

    /// <summary>A client of this server's own address; null under a test host, where there is no listening address.</summary>
    private HttpClient? SelfClient()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"), UriKind.Absolute, out var baseUri)) return null;
        return new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task PagesAsync(HttpClient? http, CancellationToken cancellationToken)
    {
        if (http is null) return;
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
