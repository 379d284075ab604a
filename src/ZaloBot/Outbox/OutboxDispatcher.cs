using System.Collections.Concurrent;
using Serilog.Context;
using ZaloBot.Operations;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

/// <summary>
/// Sends queued messages to Zalo, many at once across recipients and one at a time per recipient, in order. One loop
/// owns every database write: it records finished sends in batches, then claims as many messages as there are free
/// send slots (leases taken with FOR UPDATE SKIP LOCKED, so replicas never send the same message at once). A finished
/// send wakes the loop, so a recipient's next message goes as soon as the previous one is recorded.
/// A result that cannot be written (database down) is kept in memory and written first when storage returns; until
/// then nothing new is claimed and the lease keeps the message from being sent again.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    MessageDelivery delivery,
    ZaloTokenProvider tokens,
    ZaloLink link,
    OutboxSignal signal,
    ITicketReachability reachability,
    MigrationState migrations,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService, IFaultInjectable
{
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<DeliveryResult> _finished = new();
    private readonly List<DeliveryResult> _unrecorded = [];
    private readonly ConcurrentDictionary<long, string> _sending = new();
    private int _inFlight;
    private DateTimeOffset _leasesRenewedAt;
    private DateTimeOffset _metricsRefreshedAt;

    public string JobName => "outbox-dispatcher";

    public bool IsEnabled => options.Value.Enabled;

    public IJobFaults? Faults { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        var storageDelay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                if (migrations.IsApplied)
                {
                    Faults?.BeforeRun(JobName);
                    worked = await RecordFinishedAsync(stoppingToken) > 0;
                    await RenewLeasesAsync(stoppingToken);
                    worked |= await StartSendsAsync(stoppingToken) > 0;
                    await RefreshMetricsAsync(stoppingToken);
                }
                storageDelay = TimeSpan.Zero;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageErrors.IsUnavailable(ex))
            {
                if (storageDelay == TimeSpan.Zero)
                    logger.LogWarning(ex, "Outbox storage unavailable; {Unrecorded} sent message(s) wait to be recorded", _unrecorded.Count + _finished.Count);
                storageDelay = TimeSpan.FromMilliseconds(Math.Clamp(storageDelay.TotalMilliseconds * 2, 100, 2000));
                try { await Task.Delay(storageDelay, time, stoppingToken); }
                catch (OperationCanceledException) { break; }
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch pass failed");
            }
            if (!worked)
            {
                try { await signal.WaitAsync(NextWait(), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await DrainAsync();
    }

    /// <summary>Writes every finished send in one transaction; on failure they stay queued, in order, for the next pass.</summary>
    private async Task<int> RecordFinishedAsync(CancellationToken cancellationToken)
    {
        while (_finished.TryDequeue(out var result)) _unrecorded.Add(result);
        if (_unrecorded.Count == 0) return 0;
        await OutboxStore.RecordAsync(dataSource, reachability, _unrecorded, time.GetUtcNow(), cancellationToken);
        foreach (var result in _unrecorded)
        {
            _sending.TryRemove(result.OutboxId, out _);
            OutboxMetrics.Results.WithLabels(result.Status.ToString().ToLowerInvariant(), result.DeliveredVia ?? "none").Inc();
            foreach (var attempt in result.Attempts) OutboxMetrics.Attempts.WithLabels(attempt.Outcome).Inc();
            if (result.Status == DeliveryStatus.Failed)
                logger.LogWarning("Outbox message {OutboxId} not delivered: {Error}", result.OutboxId, result.Error);
        }
        var count = _unrecorded.Count;
        _unrecorded.Clear();
        return count;
    }

    private async Task<int> StartSendsAsync(CancellationToken cancellationToken)
    {
        // Results not yet written hold their recipients' leases; claiming now could hand out what was just sent.
        if (_unrecorded.Count > 0) return 0;
        var pausedOas = await PausedOasAsync(cancellationToken);
        var o = options.Value;
        var free = Math.Min(o.Concurrency - Volatile.Read(ref _inFlight), o.BatchSize);
        var permitted = link.Permit(Math.Max(free, 0));
        if (permitted <= 0) return 0;

        var busy = _sending.Values.ToArray();
        var claimed = await OutboxStore.ClaimAsync(dataSource, permitted, time.GetUtcNow(), o.LeaseDuration, busy, pausedOas, cancellationToken);
        foreach (var message in claimed)
        {
            _sending[message.Id] = message.RecipientId;
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(() => SendAsync(message, cancellationToken), CancellationToken.None);
        }
        return claimed.Count;
    }

    private async Task SendAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        using (LogContext.PushProperty("CorrelationId", message.CorrelationId))
        {
            try
            {
                result = await delivery.DeliverAsync(message, cancellationToken);
            }
            catch (Exception ex)
            {
                // Shutting down, or a bug: the message is released for another pass (or replica), never lost.
                if (!cancellationToken.IsCancellationRequested) logger.LogError(ex, "Delivering outbox message {OutboxId} failed unexpectedly", message.Id);
                result = new DeliveryResult(message.Id, message.TicketId, DeliveryStatus.Retry, [])
                {
                    NextAttemptAt = time.GetUtcNow() + options.Value.LinkRetryDelay,
                    Error = ex.GetType().Name + ": " + ex.Message,
                };
            }
        }
        _finished.Enqueue(result);
        Interlocked.Decrement(ref _inFlight);
        signal.Notify();
    }

    /// <summary>Every third of a lease, extends the leases of messages still being sent or waiting to be recorded.</summary>
    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = options.Value.LeaseDuration;
        if (now - _leasesRenewedAt < lease / 3 || _sending.IsEmpty) return;
        _leasesRenewedAt = now;
        await OutboxStore.RenewLeasesAsync(dataSource, _sending.Keys.ToArray(), now + lease, cancellationToken);
    }

    /// <summary>The OAs whose refresh token Zalo refused and no operator has replaced yet: their messages wait, the others go.</summary>
    private async Task<string[]> PausedOasAsync(CancellationToken cancellationToken)
    {
        var refused = link.RefusedOas;
        if (refused.Count == 0) return [];
        var paused = new List<string>(refused.Count);
        foreach (var oaId in refused.Keys)
        {
            try
            {
                await tokens.GetAsync(oaId, cancellationToken);
            }
            catch (ZaloTokenException)
            {
                paused.Add(oaId);
            }
        }
        return paused.ToArray();
    }

    private TimeSpan NextWait()
    {
        var poll = options.Value.PollInterval;
        if (_unrecorded.Count > 0) return TimeSpan.FromMilliseconds(100);
        var probe = link.UntilNextProbe();
        return probe > TimeSpan.Zero && probe < poll ? probe : poll;
    }

    /// <summary>On shutdown: let sends in flight finish (bounded) and record what they did, so a restart repeats nothing.</summary>
    private async Task DrainAsync()
    {
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (Volatile.Read(ref _inFlight) > 0 && time.GetUtcNow() < deadline) await Task.Delay(TimeSpan.FromMilliseconds(20), time);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RecordFinishedAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record {Count} outbox result(s) at shutdown; their leases will expire and they will be retried", _unrecorded.Count);
        }
    }

    private async Task RefreshMetricsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _metricsRefreshedAt < MetricsInterval) return;
        _metricsRefreshedAt = now;
        var (pending, oldest) = await OutboxStore.BacklogAsync(dataSource, cancellationToken);
        OutboxMetrics.Pending.Set(pending);
        OutboxMetrics.OldestPendingSeconds.Set(oldest is { } o ? (now.UtcDateTime - o).TotalSeconds : 0);
        OutboxMetrics.InFlight.Set(Volatile.Read(ref _inFlight));
    }
}
