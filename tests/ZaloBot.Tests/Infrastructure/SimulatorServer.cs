using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZaloBot.Simulator;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>The fake Zalo platform as a real HTTP server on a loopback port, for the service to call.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string InitialRefreshToken = "test-refresh-0";

    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();
    public SimulatorMedia Media => _app.Services.GetRequiredService<SimulatorMedia>();

    /// <summary>The chat page (/simulator) on the same server, where a simulated citizen sends to the service's webhook.</summary>
    public Uri ChatPage => new(BaseUrl, "/simulator");

    /// <summary>Where the chat page and a simulated follow deliver webhooks: the service under test, once it listens.</summary>
    public void DeliverWebhooksTo(Uri webhookUrl) => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value.WebhookUrl = webhookUrl;

    /// <param name="configure">More settings, e.g. the other OAs it plays besides <see cref="ServiceFactory.OaId"/>.</param>
    public static async Task<SimulatorServer> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddZaloSimulator();
        builder.Services.Configure<SimulatorOptions>(o =>
        {
            o.AppId = ServiceFactory.AppId;
            o.OaId = ServiceFactory.OaId;
            o.OaSecretKey = ServiceFactory.OaSecretKey;
            o.AppSecret = AppSecret;
            o.InitialRefreshToken = InitialRefreshToken;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapZaloSimulatorApi("/zalo-sim");
        app.MapSimulatorChat("/simulator");
        await app.StartAsync();
        return new SimulatorServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/zalo-sim"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
