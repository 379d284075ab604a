using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZaloBot.Simulator;

/// <summary>
/// The fake Zalo as a process of its own (<c>ZaloBot simulator --urls …</c>), for a cluster of service replicas that
/// all talk to one Zalo and that can lose it: its OA API under /zalo-sim, its chat page under /simulator, webhooks to
/// <c>Simulator:WebhookUrl</c> (the load balancer). Settings: the <c>Simulator</c> section (environment Simulator__…).
/// </summary>
public static class StandaloneSimulator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args.Skip(1).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddZaloSimulator();
        var app = builder.Build();
        app.MapZaloSimulatorApi("/zalo-sim");
        app.MapSimulatorChat("/simulator");
        app.MapGet("/healthz", () => Results.Text("ok"));
        var options = app.Configuration.GetSection(SimulatorOptions.Section);
        await Console.Out.WriteLineAsync($"Zalo simulator for app '{options["AppId"] ?? "dev-app"}', webhooks to {options["WebhookUrl"] ?? "(the page's own host)"}");
        await app.RunAsync();
        return 0;
    }
}
