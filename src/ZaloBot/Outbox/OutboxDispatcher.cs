using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Serilog.Context;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

/// <summary>
/// Sends queued messages to Zalo: only the oldest pending message of each recipient is eligible, so a recipient's
/// messages arrive in order; claims are leases taken with FOR UPDATE SKIP LOCKED, so replicas never send the same
/// message at once. Transient failures back off exponentially with jitter; permanent ones are dead-lettered with the
/// reason; every attempt is recorded.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    ZaloApiClient zalo,
    ZaloTokenProvider tokens,
    OutboxSignal signal,
    MigrationState migrations,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private DateTimeOffset _metricsRefreshedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                if (migrations.IsApplied)
                {
                    sent = await DispatchBatchAsync(stoppingToken);
                    await RefreshMetricsAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch pass failed");
            }
            if (sent == 0)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many messages were attempted.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var message in claimed)
        {
            using (LogContext.PushProperty("CorrelationId", message.CorrelationId))
            {
                await SendAsync(message, cancellationToken);
            }
        }
        return claimed.Count;
    }

    private async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            with heads as (
                select distinct on (recipient_id) id
                from outbox
                where status = 'pending'
                order by recipient_id, id
            ),
            claimable as (
                -- The conditions are on o, the locked row: when another replica has just leased or sent it,
                -- PostgreSQL re-checks them against the committed version and drops the row.
                select o.id
                from heads h join outbox o on o.id = h.id
                where o.status = 'pending' and o.next_attempt_at <= @now and (o.lease_until is null or o.lease_until < @now)
                order by o.id
                limit @batch
                for update of o skip locked
            )
            update outbox o set lease_until = @leaseUntil
            from claimable c
            where o.id = c.id
            returning o.id, o.recipient_id as RecipientId, o.channel, o.message::text as Message, o.attempts, o.correlation_id as CorrelationId
            """;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimedMessage>(new CommandDefinition(sql,
            new { now, batch = options.Value.BatchSize, leaseUntil = now + options.Value.LeaseDuration }, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).ToList();
    }

    private async Task SendAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(message.Message)!;
        ZaloSendResult result;
        try
        {
            var token = await tokens.GetAsync(cancellationToken);
            result = await zalo.SendMessageAsync(message.Channel, message.RecipientId, body, token, cancellationToken);
            if (result.Outcome == SendOutcome.RefreshToken)
            {
                await RecordAttemptAsync(message.Id, "refresh", result.ErrorCode, result.Detail, cancellationToken);
                token = await tokens.RefreshAsync(token, cancellationToken);
                result = await zalo.SendMessageAsync(message.Channel, message.RecipientId, body, token, cancellationToken);
                if (result.Outcome == SendOutcome.RefreshToken) result = result with { Outcome = SendOutcome.Transient };
            }
        }
        catch (Exception ex) when (ex is ZaloTokenException or HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                       or Polly.CircuitBreaker.BrokenCircuitException || StorageErrors.IsUnavailable(ex))
        {
            result = new ZaloSendResult(SendOutcome.Transient, null, "Token: " + ex.Message, null);
        }

        OutboxMetrics.Attempts.WithLabels(result.Outcome.ToString()).Inc();
        await RecordResultAsync(message, result, cancellationToken);
    }

    private async Task RecordResultAsync(ClaimedMessage message, ZaloSendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = message.Attempts + 1;
        var o = options.Value;
        var error = result.ErrorCode is { } code ? $"Zalo {code}: {result.Detail}" : result.Detail;
        var (status, nextAttemptAt) = result.Outcome switch
        {
            SendOutcome.Sent => ("sent", now),
            SendOutcome.Transient when attempts < o.MaxAttempts => ("pending", now + Backoff(attempts)),
            _ => ("dead", now),
        };
        if (status == "dead")
            logger.LogWarning("Outbox message {OutboxId} to {RecipientId} dead-lettered after {Attempts} attempt(s): {Error}", message.Id, message.RecipientId, attempts, error);

        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update outbox
            set status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt, lease_until = null,
                sent_at = case when @status = 'sent' then @now end,
                zalo_message_id = coalesce(@messageId, zalo_message_id),
                last_error = case when @status = 'sent' then null else @error end
            where id = @id
            """, new { id = message.Id, status, attempts, nextAttemptAt, now, messageId = result.MessageId, error }, transaction, cancellationToken: CancellationToken.None));
        await InsertAttemptAsync(connection, transaction, message.Id, OutcomeName(result.Outcome), result.ErrorCode, result.Detail, now);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task RecordAttemptAsync(long outboxId, string outcome, int? errorCode, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAttemptAsync(connection, transaction, outboxId, outcome, errorCode, detail, time.GetUtcNow());
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task InsertAttemptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long outboxId, string outcome, int? errorCode, string? detail, DateTimeOffset now) =>
        connection.ExecuteAsync(
            "insert into outbox_attempts (outbox_id, at, outcome, error_code, detail) values (@outboxId, @now, @outcome, @errorCode, @detail)",
            new { outboxId, now, outcome, errorCode, detail }, transaction);

    private static string OutcomeName(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Transient => "transient",
        SendOutcome.RefreshToken => "refresh",
        SendOutcome.OutsideWindow => "outside_window",
        _ => "permanent",
    };

    /// <summary>Exponential backoff with ±20 % jitter so replicas and recipients do not retry in lockstep.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var exponential = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(exponential, o.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    private async Task RefreshMetricsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _metricsRefreshedAt < TimeSpan.FromSeconds(5)) return;
        _metricsRefreshedAt = now;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Served by the partial index on pending rows: cheap however large the sent history grows.
        var stats = await connection.QuerySingleAsync<(long Pending, DateTime? Oldest)>(new CommandDefinition(
            "select count(*), min(created_at) from outbox where status = 'pending'", cancellationToken: cancellationToken));
        OutboxMetrics.Pending.Set(stats.Pending);
        OutboxMetrics.OldestPendingSeconds.Set(stats.Oldest is { } oldest ? (now.UtcDateTime - oldest).TotalSeconds : 0);
    }

    private sealed record ClaimedMessage(long Id, string RecipientId, string Channel, string Message, int Attempts, string? CorrelationId);
}
