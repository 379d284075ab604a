using Dapper;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>The service with its dispatcher on, talking to a simulator over HTTP, tuned so retries happen in milliseconds.</summary>
public class OutboxService : ServiceFactory
{
    private SimulatorServer? _simulator;
    private readonly bool _ownsSimulator;

    public OutboxService() => _ownsSimulator = true;

    private OutboxService(SimulatorServer simulator)
    {
        _simulator = simulator;
    }

    /// <summary>Another replica of the same deployment: same database, same Zalo, its own dispatcher.</summary>
    public static OutboxService ReplicaOf(OutboxService first)
    {
        var replica = new OutboxService(first.Simulator);
        replica.UseDatabase(first.Database);
        return replica.Configure();
    }

    public SimulatorServer Simulator => _simulator ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _simulator ??= await StartSimulatorAsync();
        Configure();
    }

    /// <summary>The simulator this instance talks to; a fixture that needs more of it (several OAs) starts its own.</summary>
    protected virtual Task<SimulatorServer> StartSimulatorAsync() => SimulatorServer.StartAsync();

    /// <summary>Configures this instance once its simulator is known (called by InitializeAsync, or directly for a replica).</summary>
    public OutboxService Configure()
    {
        TalkTo(this, Simulator);
        return this;
    }

    /// <summary>Points any variant of the service at a simulator over HTTP, with its dispatcher on and retries in milliseconds.</summary>
    public static void TalkTo(ServiceFactory service, SimulatorServer simulator)
    {
        service.With("Zalo:Mode", "Live");
        service.With("Zalo:ApiBaseUrl", simulator.BaseUrl.ToString());
        service.With("Zalo:OAuthBaseUrl", simulator.BaseUrl.ToString());
        service.With("Zalo:AppSecret", SimulatorServer.AppSecret);
        service.With("Zalo:RefreshToken", SimulatorServer.InitialRefreshToken);
        service.With("Zalo:BusinessApiBaseUrl", simulator.BaseUrl + "/business");
        service.With("Zalo:Resilience:AttemptTimeout", "00:00:01");
        service.With("Zalo:Resilience:MaxCallsPerSecond", "1000");
        service.With("Outbox:Enabled", "true");
        service.With("Outbox:PollInterval", "00:00:00.020");
        service.With("Outbox:RetryBaseDelay", "00:00:00.050");
        service.With("Outbox:RetryMaxDelay", "00:00:00.200");
        service.With("Outbox:LinkRetryDelay", "00:00:00.100");
    }

    /// <summary>
    /// A citizen's text, signed and posted to the webhook as Zalo would, and made known to the simulator (as Zalo knows
    /// every message it delivered) so the service can reply to it by its id. Returns the message id.
    /// </summary>
    public async Task<string> CitizenSaysAsync(HttpClient client, string userId, string text, DateTimeOffset? at = null)
    {
        var msgId = "m-" + Guid.NewGuid().ToString("N");
        Simulator.State.RegisterInbound(userId, msgId);
        using var request = ZaloWebhook.Signed(ZaloWebhook.Text(userId, text, msgId, at?.ToUnixTimeMilliseconds()));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        return msgId;
    }

    public async Task EnqueueAsync(string recipientId, string text, string? key = null)
    {
        await using var connection = Database.Open();
        await connection.ExecuteAsync(
            "insert into outbox (recipient_id, message, idempotency_key) values (@recipientId, @message::jsonb, @key)",
            new { recipientId, message = System.Text.Json.JsonSerializer.Serialize(new { text }), key = key ?? Guid.NewGuid().ToString("N") });
    }

    public async Task<IReadOnlyList<(string Status, int Attempts, string? LastError, string? ZaloMessageId)>> OutboxStateAsync(string recipientId)
    {
        await using var connection = Database.Open();
        return (await connection.QueryAsync<(string, int, string?, string?)>(
            "select status, attempts, last_error, zalo_message_id from outbox where recipient_id = @recipientId order by id", new { recipientId })).AsList();
    }

    public Task AllSentAsync(string recipientId) =>
        Eventually.TrueAsync(async () => (await OutboxStateAsync(recipientId)).All(r => r.Status != "pending"), $"the outbox of {recipientId} to be sent");

    protected override async ValueTask DisposeDependenciesAsync()
    {
        if (_ownsSimulator && _simulator is not null) await _simulator.DisposeAsync();
    }
}
