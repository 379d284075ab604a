using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>The chat page: a person plays one or several citizens and sees the bot's replies, buttons included.</summary>
public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapSimulatorChat(this IEndpointRouteBuilder app, string path = "/simulator")
    {
        var group = app.MapGroup(path).ExcludeFromDescription();
        group.MapGet("", () => Results.Content(ChatPage.Html.Value, "text/html; charset=utf-8"));
        group.MapPost("/api/send", SendAsync);
        group.MapGet("/api/chat", (string? userId, string? oaId, long? after, SimulatorState state) =>
            Results.Json(state.Chat(userId is null ? null : state.UserIdOn(oaId, userId), after ?? 0)));
        group.MapGet("/api/oas", (SimulatorState state) => Results.Json(state.Oas.Select(o => new { oaId = o.OaId, name = o.Name })));
        return app;
    }

    private static async Task<IResult> SendAsync(CitizenAction action, HttpContext http, WebhookSender sender, SimulatorState state, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.UserId) || action.UserId.Length > 64)
            return Results.Problem(title: "Invalid user", detail: "userId is required (at most 64 characters).", statusCode: StatusCodes.Status400BadRequest);
        if (action.OaId is not null && state.Oas.All(o => o.OaId != action.OaId))
            return Results.Problem(title: "Unknown OA", detail: "oaId must be one of the simulator's OAs (GET api/oas).", statusCode: StatusCodes.Status400BadRequest);
        // The page plays a person; on each OA that person has that OA's user id.
        action = action with { UserId = state.UserIdOn(action.OaId, action.UserId) };
        if (action.Text is { Length: > 2000 })
            return Results.Problem(title: "Text too long", detail: "Zalo messages are limited to 2000 characters.", statusCode: StatusCodes.Status400BadRequest);

        // Deliver to the configured webhook, or to the service hosting this page.
        var target = options.Value.WebhookUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}/webhooks/zalo");
        var status = await sender.SendAsync(action, target, cancellationToken);
        return Results.Json(new { webhookStatus = status });
    }
}

internal static class ChatPage
{
    public static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("ZaloBot.Simulator.chat.html")
            ?? throw new InvalidOperationException("chat.html is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
