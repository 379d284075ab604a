using System.Text;
using System.Text.Json;
using ZaloBot.Domain.Delivery;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.OutboundWebhooks;

/// <summary>The <c>OutboundWebhooks</c> section: delivery of ticket events to other systems (docs/outbound-webhooks.md).</summary>
public sealed class OutboundWebhookOptions
{
    public const string Section = "OutboundWebhooks";

    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An endpoint failing without a single success for this long is disabled (an admin re-enables it).</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Endpoints must use https unless this is set (a receiver on the same host or in tests).</summary>
    public bool AllowHttp { get; set; }
}

/// <summary>
/// Tells registered endpoints about ticket events. Each pass fans new audit-trail entries out to the endpoints that
/// subscribed to their kind (each endpoint keeps its own cursor, so nothing committed is missed or repeated), then sends
/// due deliveries, signed, and records the outcome: retried with backoff, the endpoint disabled after a day of failures.
/// </summary>
public sealed class OutboundWebhookJob(NpgsqlDataSource dataSource, IHttpClientFactory http, IOptions<OutboundWebhookOptions> options,
    MigrationState migrations, TimeProvider time, ILogger<OutboundWebhookJob> logger) : PeriodicJob(migrations, time, logger)
{
    public const string HttpClientName = "outbound-webhooks";

    /// <summary>
    /// Entries are read only once this old: ids are taken at insert and transactions commit in any order, so a cursor
    /// moved past the newest id could skip an entry whose transaction was still open. Ticket transactions take milliseconds.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    public override string JobName => "outbound_webhooks";
    protected override TimeSpan Interval => options.Value.Interval;
    protected override bool Enabled => options.Value.Enabled;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        await FanOutAsync(cancellationToken);
        await SendDueAsync(cancellationToken);
    }

    private sealed record EntryRow(long EventId, string Kind, DateTime At, string? Payload, string Code, TicketStatus Status, string CategoryCode,
        string? AgencyCode, string Priority, string Description, string? Address, string? ContactName, string? ContactPhone);

    private async Task FanOutAsync(CancellationToken cancellationToken)
    {
        const string endpoints = """
            select id, events, personal_data as PersonalData, last_event_id as LastEventId from webhook_endpoints
            where enabled for update skip locked
            """;
        const string entries = """
            select e.id as EventId, e.kind, e.at, e.payload::text as Payload, t.code, t.status, t.category_code as CategoryCode,
                   t.assigned_agency_code as AgencyCode, t.priority, t.description, t.address, t.contact_name as ContactName, t.contact_phone as ContactPhone
            from ticket_events e join tickets t on t.id = e.ticket_id
            where e.id > @after and e.kind = any(@kinds) and e.at <= @settled
            order by e.id limit @limit
            """;
        const string insert = """
            insert into webhook_deliveries (endpoint_id, ticket_event_id, event_kind, body, next_attempt_at, created_at)
            select @endpointId, * , @now, @now from unnest(@eventIds, @kinds, @bodies)
            on conflict (endpoint_id, ticket_event_id) do nothing
            """;
        var now = Time.GetUtcNow();
        var settled = now - SettleTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var subscribed = (await connection.QueryAsync<(long Id, string[] Events, bool PersonalData, long LastEventId)>(
            new CommandDefinition(endpoints, transaction: transaction, cancellationToken: cancellationToken))).AsList();
        var maxEvent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select coalesce(max(id), 0) from ticket_events where at <= @settled", new { settled }, transaction, cancellationToken: cancellationToken));
        foreach (var endpoint in subscribed)
        {
            var rows = (await connection.QueryAsync<EntryRow>(new CommandDefinition(entries,
                new { after = endpoint.LastEventId, settled, kinds = OutboundEventKinds.EntriesFor(endpoint.Events), limit = options.Value.BatchSize * 10 },
                transaction, cancellationToken: cancellationToken))).AsList();
            if (rows.Count > 0)
                await connection.ExecuteAsync(new CommandDefinition(insert, new
                {
                    endpointId = endpoint.Id, now,
                    eventIds = rows.Select(r => r.EventId).ToArray(),
                    kinds = rows.Select(r => OutboundEventKinds.ForEntry(r.Kind)!).ToArray(),
                    bodies = rows.Select(r => Body(r, endpoint.PersonalData)).ToArray(),
                }, transaction, cancellationToken: cancellationToken));
            // A full batch may have more behind it; otherwise every entry up to now has been considered.
            var cursor = rows.Count == options.Value.BatchSize * 10 ? rows[^1].EventId : maxEvent;
            await connection.ExecuteAsync(new CommandDefinition("update webhook_endpoints set last_event_id = greatest(last_event_id, @cursor) where id = @id",
                new { cursor, id = endpoint.Id }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The delivery's body, fixed when queued; the citizen's identity and words only for endpoints allowed personal data.</summary>
    private static string Body(EntryRow r, bool personalData)
    {
        var ticket = new Dictionary<string, object?>
        {
            ["code"] = r.Code, ["status"] = r.Status.ToName(), ["category"] = r.CategoryCode, ["agency"] = r.AgencyCode, ["priority"] = r.Priority,
        };
        if (personalData)
        {
            ticket["description"] = r.Description;
            ticket["address"] = r.Address;
            ticket["contactName"] = r.ContactName;
            ticket["contactPhone"] = r.ContactPhone;
        }
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = r.EventId,
            ["event"] = OutboundEventKinds.ForEntry(r.Kind),
            ["occurredAt"] = new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)),
            ["entry"] = r.Kind,
            ["details"] = personalData && r.Payload is not null ? JsonDocument.Parse(r.Payload).RootElement : null,
            ["ticket"] = ticket,
        });
    }

    private sealed record Due(long Id, long EndpointId, string Url, string Secret, string EventKind, string Body, int Attempts);

    private sealed record Outcome(Due Delivery, int? StatusCode, string? Error)
    {
        public bool Succeeded => StatusCode is >= 200 and < 300;
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            update webhook_deliveries d set lease_until = @leaseUntil
            from (
                select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
                where d.status = 'pending' and w.enabled and d.next_attempt_at <= @now and (d.lease_until is null or d.lease_until < @now)
                order by d.id limit @limit
                for update of d skip locked
            ) c, webhook_endpoints w
            where d.id = c.id and w.id = d.endpoint_id
            returning d.id, d.endpoint_id as EndpointId, w.url, w.secret, d.event_kind as EventKind, d.body, d.attempts
            """;
        var o = options.Value;
        var now = Time.GetUtcNow();
        List<Due> due;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            due = (await connection.QueryAsync<Due>(new CommandDefinition(claim,
                new { now, leaseUntil = now + (o.Timeout * 2), limit = o.BatchSize }, cancellationToken: cancellationToken))).AsList();
        if (due.Count == 0) return;
        var outcomes = await Task.WhenAll(due.OrderBy(d => d.Id).Select(d => SendAsync(d, cancellationToken)));
        await RecordAsync(outcomes, cancellationToken);
    }

    private async Task<Outcome> SendAsync(Due delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-ZaloBot-Event", delivery.EventKind);
        request.Headers.Add("X-ZaloBot-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-ZaloBot-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-ZaloBot-Signature", OutboundSignature.Sign(delivery.Secret, timestamp, body));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return new Outcome(delivery, (int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(delivery, null, ex is OperationCanceledException ? "no answer in time" : ex.Message);
        }
    }

    private async Task RecordAsync(IReadOnlyList<Outcome> outcomes, CancellationToken cancellationToken)
    {
        const string update = """
            update webhook_deliveries d
            set status = case when r.ok then 'sent' else 'pending' end, attempts = d.attempts + 1, lease_until = null,
                next_attempt_at = r.next_attempt_at, last_status_code = r.code, last_error = r.error,
                sent_at = case when r.ok then @now else d.sent_at end
            from unnest(@ids, @oks, @codes, @errors, @nexts) as r(id, ok, code, error, next_attempt_at)
            where d.id = r.id
            """;
        const string endpoints = """
            update webhook_endpoints w
            set failing_since = case when r.ok then null else coalesce(w.failing_since, @now) end
            from unnest(@endpointIds, @oks) as r(id, ok)
            where w.id = r.id
            """;
        const string disable = """
            update webhook_endpoints set enabled = false, disabled_at = @now,
                disabled_reason = 'failing since ' || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC: ' || @lastError
            where enabled and failing_since is not null and failing_since < @since and id = any(@endpointIds)
            returning id, url
            """;
        var now = Time.GetUtcNow();
        var o = options.Value;
        var byEndpoint = outcomes.GroupBy(x => x.Delivery.EndpointId).Select(g => (Id: g.Key, Ok: g.Any(x => x.Succeeded))).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(update, new
        {
            now,
            ids = outcomes.Select(x => x.Delivery.Id).ToArray(),
            oks = outcomes.Select(x => x.Succeeded).ToArray(),
            codes = outcomes.Select(x => x.StatusCode).ToArray(),
            errors = outcomes.Select(x => x.Error).ToArray(),
            nexts = outcomes.Select(x => (now + Backoff(x.Delivery.Attempts + 1)).UtcDateTime).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(endpoints, new
        {
            now, endpointIds = byEndpoint.Select(e => e.Id).ToArray(), oks = byEndpoint.Select(e => e.Ok).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        var disabled = await connection.QueryAsync<(long Id, string Url)>(new CommandDefinition(disable, new
        {
            now, since = now - o.DisableAfter, endpointIds = byEndpoint.Where(e => !e.Ok).Select(e => e.Id).ToArray(),
            lastError = outcomes.LastOrDefault(x => !x.Succeeded)?.Error ?? "",
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        foreach (var (id, url) in disabled)
            Logger.LogWarning("Outbound webhook endpoint {EndpointId} ({Host}) disabled after failing for {DisableAfter}; an admin re-enables it",
                id, new Uri(url).Host, o.DisableAfter);
        foreach (var x in outcomes) Deliveries.WithLabels(x.Succeeded ? "sent" : "failed").Inc();
    }

    private TimeSpan Backoff(int attempts) => Operations.RetryDelay.After(attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);

    private static readonly Prometheus.Counter Deliveries = Prometheus.Metrics.CreateCounter(
        "zalobot_outbound_webhook_deliveries_total", "Outbound webhook delivery attempts by outcome.", "outcome");
}
