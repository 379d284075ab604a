using Microsoft.Extensions.Options;
using Npgsql;
using Serilog.Context;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Inbox;

/// <summary>
/// Consumes the inbox: for each user, the oldest pending event, handled and marked processed in one transaction.
/// A crash anywhere rolls the whole step back and the event is simply handled again. An event that keeps failing is
/// retried with backoff and then parked, so it cannot hold that user's later events back for ever.
/// </summary>
public sealed class InboxProcessor(
    NpgsqlDataSource dataSource,
    IInboxEventHandler handler,
    ProcessorSignal signal,
    ZaloBot.Outbox.OutboxSignal outbox,
    MigrationState migrations,
    IOptions<ConversationProcessorOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService, IFaultInjectable
{
    private const int UsersPerBatch = 16;

    public string JobName => "inbox-processor";

    public bool IsEnabled => options.Value.Enabled;

    public IJobFaults? Faults { get; set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(worker => WorkAsync(worker, options.Value.Workers, stoppingToken)))
            : Task.CompletedTask;

    /// <summary>
    /// One worker; several run side by side. Each takes its own share of the users (by a hash of the id), so workers of
    /// one process never queue on each other's users; the advisory lock still keeps replicas apart.
    /// </summary>
    private async Task WorkAsync(int worker, int workers, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var storageDown = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            var seen = signal.Generation;
            try
            {
                if (migrations.IsApplied)
                {
                    Faults?.BeforeRun(JobName);
                    worked = await ProcessBatchAsync(stoppingToken, worker, workers);
                }
                if (storageDown) logger.LogInformation("Storage is back; conversation worker {Worker} resumes", worker);
                storageDown = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageErrors.IsUnavailable(ex))
            {
                // A database restart would otherwise log a stack trace per worker every poll: once per outage is enough.
                if (!storageDown) logger.LogWarning("Storage unavailable ({Error}); conversation worker {Worker} retries every {PollInterval}", ex.Message, worker, options.Value.PollInterval);
                storageDown = true;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Conversation processing pass failed; retrying after {PollInterval}", options.Value.PollInterval);
            }
            if (!worked)
            {
                try { await signal.WaitAsync(seen, options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// One pass: the head events of up to <see cref="UsersPerBatch"/> users of this worker's share, claimed by one
    /// statement and handled in one transaction, so their claim, processed marks and commit are shared round trips.
    /// When one user's event fails, the whole pass rolls back and that event is retried alone (<see cref="ProcessHeadAsync"/>),
    /// which records the failure if it fails again; the other users are claimed again on the next pass. True when anything was handled.
    /// </summary>
    public async Task<bool> ProcessBatchAsync(CancellationToken cancellationToken, int share = 0, int shares = 1)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        InboxEvent? failed = null;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var heads = await InboxQueue.ClaimHeadsAsync(connection, transaction, now, UsersPerBatch, share, shares, cancellationToken);
            // Events for no user are rare (OA-level notices): swept when the queue has room, not on every pass.
            var worked = heads.Count < UsersPerBatch && share == 0 && await InboxQueue.MarkUserlessProcessedAsync(connection, transaction, now, cancellationToken) > 0;
            try
            {
                foreach (var head in heads)
                {
                    failed = head;
                    using (LogContext.PushProperty("CorrelationId", head.CorrelationId))
                    using (LogContext.PushProperty("InboxId", head.Id))
                    {
                        await handler.HandleAsync(connection, transaction, head, cancellationToken);
                    }
                }
                failed = null;
                if (heads.Count > 0) await InboxQueue.MarkProcessedAsync(connection, transaction, heads.Select(h => h.Id).ToArray(), now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (failed is not null && !cancellationToken.IsCancellationRequested && !StorageErrors.IsUnavailable(ex))
            {
                logger.LogInformation("Inbox event {InboxId} failed in a batch of {Count}; retrying it alone ({Error})", failed.Id, heads.Count, ex.Message);
                await transaction.RollbackAsync(cancellationToken);
            }
            if (failed is null)
            {
                if (heads.Count > 0) outbox.Notify();
                return worked || heads.Count > 0;
            }
        }
        await ProcessHeadAsync(connection, failed.UserId!, cancellationToken);
        return true;
    }

    private async Task<bool> ProcessHeadAsync(NpgsqlConnection connection, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await InboxQueue.TryLockUserAsync(connection, transaction, userId, cancellationToken)) return false;
        var head = await InboxQueue.HeadAsync(connection, transaction, userId, now, cancellationToken);
        if (head is null) return false;

        // A failure is recorded in the same transaction, still holding the user's lock, so no other worker can
        // retry the event before its attempt count and backoff are written.
        await transaction.SaveAsync("handle", cancellationToken);
        try
        {
            using (LogContext.PushProperty("CorrelationId", head.CorrelationId))
            using (LogContext.PushProperty("InboxId", head.Id))
            {
                await handler.HandleAsync(connection, transaction, head, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !StorageErrors.IsUnavailable(ex))
        {
            await transaction.RollbackAsync("handle", cancellationToken);
            await RecordFailureAsync(connection, transaction, head, ex, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        await InboxQueue.MarkProcessedAsync(connection, transaction, [head.Id], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return true;
    }

    private async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent head, Exception ex, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempt = head.Attempts + 1;
        var park = attempt >= options.Value.MaxAttempts;
        var delay = TimeSpan.FromTicks(options.Value.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 16)));
        using (LogContext.PushProperty("CorrelationId", head.CorrelationId))
        {
            if (park)
                logger.LogError(ex, "Inbox event {InboxId} ({EventName}) failed {Attempts} times and is parked", head.Id, head.EventName, attempt);
            else
                logger.LogWarning(ex, "Inbox event {InboxId} ({EventName}) failed (attempt {Attempts}); retrying in {Delay}", head.Id, head.EventName, attempt, delay);
        }
        var error = $"{ex.GetType().Name}: {ex.Message}";
        await InboxQueue.RecordFailureAsync(connection, transaction, head.Id, error[..Math.Min(error.Length, 2000)], now + delay, park, now, cancellationToken);
    }
}
