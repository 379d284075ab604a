using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>The real service (Program) on its own fresh database, configured like a Zalo app in tests.</summary>
public class ServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AppId = "test-app-id";
    public const string OaSecretKey = "test-oa-secret-key";
    public const string OaId = "test-oa";

    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private TestDatabase? _database;
    private bool _ownsDatabase = true;

    /// <summary>This instance's log events, shown with the output of a test that fails (see <see cref="QuietTestFramework"/>).</summary>
    public TestLogSink Logs { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Extra configuration for a variant of the service; set before the first request.</summary>
    public ServiceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services (a test seam such as a failing handler); set before the first request.</summary>
    public ServiceFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Runs this instance on another instance's database: a second replica of the same deployment.</summary>
    public ServiceFactory UseDatabase(TestDatabase database)
    {
        _database = database;
        _ownsDatabase = false;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            _services.ForEach(configure => configure(services));
        });
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["Zalo:Mode"] = "Simulator",
            ["Zalo:AppId"] = AppId,
            ["Zalo:OaId"] = OaId,
            ["Zalo:OaSecretKey"] = OaSecretKey,
            // Tests that send to Zalo start a simulator and turn the dispatcher on (OutboxService).
            ["Outbox:Enabled"] = "false",
            // Tests run on the wall clock at any hour; those about quiet hours set a clock and turn them on.
            ["Outbox:QuietHours:Enabled"] = "false",
            // Tests run on the wall clock on any day; scheduled reports would reach linked supervisors on Monday mornings.
            ["Reports:Scheduled:Enabled"] = "false",
            // Required outside Development: they are printed on QR codes and posters.
            ["ServiceCentres:PublicBaseUrl"] = "https://pakn.example.gov.vn",
            ["ServiceCentres:OaName"] = "Cổng tiếp nhận phản ánh, kiến nghị",
            // Outside Development the evidence store may not be inside the application's folder.
            ["Evidence:LocalPath"] = Path.Combine(Path.GetTempPath(), "zalobot-tests-evidence"),
            // Tests file the same complaint from many citizens; those about the follow offer turn it on.
            ["SimilarReports:OfferInChat"] = "false",
            // Captured per test, not printed: shown only with a failing test's output.
            ["Logging:Console"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in _settings) settings[key] = value;
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    public virtual async Task InitializeAsync() =>
        _database ??= await TestDatabase.CreateAsync(migrated: _settings.GetValueOrDefault("Storage:MigrateOnStartup") != "false");

    /// <summary>Starts the service and waits (bounded) until migrations are applied and /readyz answers 200.</summary>
    public async Task<HttpClient> StartReadyAsync()
    {
        var client = CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/readyz")).IsSuccessStatusCode, "service to become ready");
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase) await _database.DisposeAsync();
        await DisposeDependenciesAsync();
    }

    /// <summary>For fixtures that start more than the service (e.g. a Zalo simulator).</summary>
    protected virtual ValueTask DisposeDependenciesAsync() => ValueTask.CompletedTask;
}
