using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.NationalSync;

/// <summary>
/// Copies tickets in the national scope, and then their answers, to the national PAKN system. Each pass reads new
/// audit-trail entries (one cursor, under a lock, so replicas never queue twice), queues one question per ticket and one
/// answer per resolution (unique per ticket and kind: idempotent on the ticket code), then pushes what is due — an
/// answer only after its question got through — retrying with backoff. Nothing leaves the queue until the gateway took it.
/// </summary>
public sealed class NationalSyncJob(NpgsqlDataSource dataSource, INationalTransport transport, NationalSyncState state, IOptions<NationalSyncOptions> options,
    MigrationState migrations, TimeProvider time, ILogger<NationalSyncJob> logger) : PeriodicJob(migrations, time, logger)
{
    public override string JobName => "national_sync";
    protected override TimeSpan Interval => options.Value.Interval;
    protected override bool Enabled => options.Value.Enabled;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        await QueueAsync(cancellationToken);
        await PushDueAsync(cancellationToken);
    }

    private async Task QueueAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            with cursor as (select last_event_id from national_sync_cursor where id = 1 for update),
            entries as (
                select e.id, e.ticket_id, e.kind, e.payload->>'to' as moved_to
                from ticket_events e join tickets t on t.id = e.ticket_id join categories c on c.code = t.category_code
                where e.id > (select last_event_id from cursor) and c.national_scope and e.at <= @settled
                order by e.id limit 1000
            ),
            questions as (
                insert into national_sync (ticket_id, kind, next_attempt_at, created_at)
                select distinct ticket_id, 'question', @now, @now from entries
                on conflict (ticket_id, kind) do nothing
            ),
            answers as (
                insert into national_sync (ticket_id, kind, event_id, next_attempt_at, created_at)
                select distinct on (ticket_id) ticket_id, 'answer', id, @now, @now from entries
                where kind = 'status_changed' and moved_to = @resolved
                order by ticket_id, id
                on conflict (ticket_id, kind) do nothing
            )
            update national_sync_cursor set last_event_id = greatest(last_event_id,
                coalesce((select max(id) from entries), (select coalesce(max(id), 0) from ticket_events where at <= @settled)))
            where id = 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = Time.GetUtcNow();
        // As for outbound webhooks: only entries whose transactions have surely committed move the cursor.
        await connection.ExecuteAsync(new CommandDefinition(sql, new { now, settled = now - ZaloBot.OutboundWebhooks.OutboundWebhookJob.SettleTime, resolved = TicketStatus.Resolved }, cancellationToken: cancellationToken));
    }

    private sealed record Due(long Id, long TicketId, string Kind, long? EventId, int Attempts, string Code, string CategoryCode, string? AgencyCode,
        string? AgencyName, string Description, string? ContactName, TicketStatus Status, string? NationalId, string? AnswerText, DateTime? AnswerAt);

    private async Task PushDueAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            update national_sync s set lease_until = @leaseUntil
            from (
                select s.id from national_sync s
                where s.status = 'pending' and s.next_attempt_at <= @now and (s.lease_until is null or s.lease_until < @now)
                  and (s.kind = 'question' or exists (select 1 from national_sync q where q.ticket_id = s.ticket_id and q.kind = 'question' and q.status = 'sent'))
                order by s.id limit @limit
                for update of s skip locked
            ) c
            where s.id = c.id
            returning s.id
            """;
        const string details = """
            select s.id, s.ticket_id as TicketId, s.kind, s.event_id as EventId, s.attempts, t.code, t.category_code as CategoryCode,
                   t.assigned_agency_code as AgencyCode, a.name as AgencyName, t.description, t.contact_name as ContactName, t.status,
                   (select q.national_id from national_sync q where q.ticket_id = s.ticket_id and q.kind = 'question') as NationalId,
                   e.body as AnswerText, e.at as AnswerAt
            from national_sync s join tickets t on t.id = s.ticket_id left join agencies a on a.code = t.assigned_agency_code
            left join ticket_events e on e.id = s.event_id
            where s.id = any(@ids) order by s.id
            """;
        const string record = """
            update national_sync set lease_until = null, attempts = attempts + 1,
                status = case when @ok then 'sent' else 'pending' end, sent_at = case when @ok then @now else sent_at end,
                national_id = coalesce(@nationalId, national_id), last_error = @error, next_attempt_at = @next
            where id = @id
            """;
        var o = options.Value;
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(claim, new { now, leaseUntil = now + o.LeaseDuration, limit = o.BatchSize }, cancellationToken: cancellationToken))).ToArray();
        if (ids.Length == 0) return;
        var due = await connection.QueryAsync<Due>(new CommandDefinition(details, new { ids }, cancellationToken: cancellationToken));
        foreach (var d in due)
        {
            var result = d.Kind == "question"
                ? await transport.PushQuestionAsync(new NationalQuestion(d.Code, d.CategoryCode, d.AgencyCode, d.AgencyName, d.Description, d.ContactName, null, d.Status), cancellationToken)
                : await transport.PushAnswerAsync(new NationalAnswer(d.Code, d.NationalId, d.AnswerText ?? "", d.AgencyName,
                    d.AnswerAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : now), cancellationToken);
            state.Observe(result, Time.GetUtcNow());
            Pushes.WithLabels(d.Kind, result.Ok ? "sent" : result.AuthFailed ? "auth" : "failed").Inc();
            if (!result.Ok) Logger.LogWarning("National sync of {Code} ({Kind}) failed: {Error}", d.Code, d.Kind, result.Error);
            await connection.ExecuteAsync(new CommandDefinition(record, new
            {
                id = d.Id, ok = result.Ok, now = Time.GetUtcNow(), nationalId = result.NationalId, error = result.Error,
                next = result.Ok ? now : now + Backoff(d.Attempts + 1),
            }, cancellationToken: cancellationToken));
        }
    }

    private TimeSpan Backoff(int attempts) => Operations.RetryDelay.After(attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay, jitter: false);

    private static readonly Prometheus.Counter Pushes = Prometheus.Metrics.CreateCounter(
        "zalobot_national_sync_pushes_total", "Pushes to the national PAKN system by kind (question, answer) and outcome (sent, failed, auth).", "kind", "outcome");
}

/// <summary>The last word from the national gateway, for /healthz: refused credentials are loud, not a quiet retry loop.</summary>
public sealed class NationalSyncState
{
    private volatile string? _authRefused;

    public string? AuthRefused => _authRefused;

    public void Observe(NationalResult result, DateTimeOffset at)
    {
        if (result.AuthFailed) _authRefused = $"{at:O}: {result.Error}";
        else if (result.Ok) _authRefused = null;
    }
}

internal sealed class NationalSyncHealthCheck(NationalSyncState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.AuthRefused is { } refused
            ? HealthCheckResult.Degraded($"The national PAKN gateway refused our credentials; tickets wait in the queue. Fix NationalSync:Lgsp:ClientId/ClientSecret. Last: {refused}")
            : HealthCheckResult.Healthy("The national PAKN gateway accepts our credentials (or nothing was sent yet)."));
}

public static class NationalSyncServiceCollectionExtensions
{
    public static IServiceCollection AddNationalSync(this IServiceCollection services)
    {
        services.AddOptions<NationalSyncOptions>().BindConfiguration(NationalSyncOptions.Section)
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Lgsp.BaseUrl, UriKind.Absolute, out _), "NationalSync:Lgsp:BaseUrl must be an absolute URL when NationalSync:Enabled is true.")
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 1000, "NationalSync:Interval must be positive and BatchSize between 1 and 1000.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "NationalSync:RetryBaseDelay must be positive and not above RetryMaxDelay.")
            .ValidateOnStart();
        services.AddHttpClient(LgspTransport.HttpClientName);
        services.AddSingleton<INationalTransport, LgspTransport>();
        services.AddSingleton<NationalSyncState>();
        services.AddHealthChecks().AddCheck<NationalSyncHealthCheck>("national_sync", tags: ["live"]);
        services.AddSingleton<NationalSyncJob>();
        services.AddHostedService(sp => sp.GetRequiredService<NationalSyncJob>());
        return services;
    }
}
