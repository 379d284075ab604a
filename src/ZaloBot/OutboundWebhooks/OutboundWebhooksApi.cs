using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Delivery;
using ZaloBot.Staff;

namespace ZaloBot.OutboundWebhooks;

public sealed record WebhookEndpointRequest(string? Name, string? Url, string[]? Events, bool PersonalData);

/// <param name="Secret">Shown once, at registration: the receiver's key for the signature.</param>
public sealed record WebhookEndpointCreated(long Id, string Secret);

/// <summary>An endpoint as admins see it (never its secret); a class because Dapper reads text[] as an untyped array.</summary>
public sealed class WebhookEndpointView
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string[] Events { get; init; } = [];
    public bool PersonalData { get; init; }
    public bool Enabled { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? FailingSince { get; init; }
    public DateTime? DisabledAt { get; init; }
    public string? DisabledReason { get; init; }
    public long Pending { get; init; }
}

public sealed record WebhookDeliveryView(long Id, long TicketEventId, string EventKind, string Status, int Attempts, int? LastStatusCode,
    string? LastError, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt);

/// <summary>Admins register endpoints of other systems and read their delivery log: /api/webhooks.</summary>
public static class OutboundWebhooksApi
{
    public static IEndpointRouteBuilder MapOutboundWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Outbound webhooks").RequireAuthorization(StaffPolicies.Admin);
        group.MapPost("/", CreateAsync).WithSummary("Registers an endpoint for event kinds (ticket.created, ticket.status_changed, answer.approved, citizen.feedback); answers its signing secret once.");
        group.MapGet("/", ListAsync).WithSummary("Registered endpoints, whether each is enabled or failing, and deliveries waiting.");
        group.MapGet("/{id:long}/deliveries", DeliveriesAsync).WithSummary("The endpoint's latest 100 deliveries: status, attempts, last answer.");
        group.MapPost("/{id:long}/enable", EnableAsync).WithSummary("Re-enables an endpoint disabled after failures; waiting deliveries resume.");
        group.MapDelete("/{id:long}", DeleteAsync).WithSummary("Removes an endpoint and its delivery log.");
        return app;
    }

    private static async Task<Results<Created<WebhookEndpointCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WebhookEndpointRequest request, NpgsqlDataSource db, IOptions<OutboundWebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors["name"] = ["1 to 100 characters."];
        if (request.Url is not { Length: <= 2000 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttp)) || !string.IsNullOrEmpty(uri.UserInfo))
            errors["url"] = [options.Value.AllowHttp ? "An absolute http(s) URL of at most 2000 characters, without credentials." : "An absolute https URL of at most 2000 characters, without credentials."];
        var events = request.Events?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (events.Length == 0 || events.Any(e => !OutboundEventKinds.All.Contains(e)))
            errors["events"] = [$"One or more of: {string.Join(", ", OutboundEventKinds.All)}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        const string sql = """
            insert into webhook_endpoints (name, url, secret, events, personal_data, created_at, last_event_id)
            values (@name, @url, @secret, @events, @personalData, @now, (select coalesce(max(id), 0) from ticket_events))
            on conflict (url) do nothing
            returning id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql,
            new { name, url = request.Url, secret, events, personalData = request.PersonalData, now = time.GetUtcNow() }, cancellationToken: ct));
        if (id is null) return TypedResults.Problem(title: "Duplicate endpoint", detail: "An endpoint with this URL is already registered.", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Created($"/api/webhooks/{id}", new WebhookEndpointCreated(id.Value, secret));
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointView>>> ListAsync(NpgsqlDataSource db, CancellationToken ct) =>
        TypedResults.Ok(await WebhookEndpoints.ListAsync(db, ct));

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, NotFound>> DeliveriesAsync(long id, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            select id, ticket_event_id as TicketEventId, event_kind as EventKind, status, attempts, last_status_code as LastStatusCode,
                   last_error as LastError, created_at as CreatedAt, sent_at as SentAt, next_attempt_at as NextAttemptAt
            from webhook_deliveries where endpoint_id = @id order by id desc limit 100
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await ExistsAsync(connection, id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok<IReadOnlyList<WebhookDeliveryView>>((await connection.QueryAsync<WebhookDeliveryView>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).AsList());
    }

    private static async Task<Results<NoContent, NotFound>> EnableAsync(long id, NpgsqlDataSource db, CancellationToken ct) =>
        await WebhookEndpoints.EnableAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition("delete from webhook_endpoints where id = @id", new { id }, cancellationToken: ct));
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, long id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from webhook_endpoints where id = @id)", new { id }, cancellationToken: ct));
}
