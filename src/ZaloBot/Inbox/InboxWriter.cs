using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ZaloBot.Inbox;

public sealed record InboxEntry(
    string DedupeKey,
    string EventName,
    string AppId,
    string? UserId,
    string? MsgId,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt,
    string? CorrelationId,
    string Payload)
{
    /// <summary>The OA the event came to (the configured OA when the event names none).</summary>
    public string? OaId { get; init; }

    /// <summary>Why the event is stored parked rather than processed (an OA this deployment does not serve); null to process it.</summary>
    public string? ParkedReason { get; init; }
}

/// <summary>Thrown when more events are waiting to be stored than <see cref="WebhookOptions.MaxPendingWrites"/>.</summary>
public sealed class InboxOverloadedException() : Exception("Too many webhook events are waiting to be stored.");

/// <summary>
/// PostgreSQL refused this event's own values (bad data, a limit): storing it again would fail again, so the caller
/// answers 4xx. Its batch neighbours are not affected (see <see cref="InboxWriter"/>).
/// </summary>
public sealed class InboxEntryRejectedException(Exception inner)
    : Exception("PostgreSQL refused the event's values.", inner)
{
    /// <summary>PostgreSQL's error code, or "encoding" when Npgsql could not encode a value at all.</summary>
    public string SqlState => InnerException is PostgresException pg ? pg.SqlState : "encoding";
}

/// <summary>
/// Stores webhook events durably with group commit: events arriving together are written by one multi-row INSERT in
/// one transaction, and each request is answered only after that transaction commits. Under load this turns many
/// small commits (each waiting for its own WAL flush) into a few larger ones; alone, an event is written at once.
/// One event must never fail another: the receiver refuses what it can see is unstorable before batching, and when
/// PostgreSQL still refuses a batch for a reason that belongs to a row (<see cref="IsRowFault"/>), the batch is split
/// in halves and retried until the culprit is alone; only it gets the error, every other event is stored and answered.
/// A failure of storage itself (connection, shutdown) still fails the whole batch, and every caller answers 503.
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingWrite> _queue;
    private readonly Task[] _writers;
    private readonly TimeSpan _storageRetryWindow;
    private readonly TimeProvider _time;

    public InboxWriter(NpgsqlDataSource dataSource, IOptions<WebhookOptions> options, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        _storageRetryWindow = options.Value.StorageRetryWindow;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.Value.MaxPendingWrites)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
        });
        _writers = Enumerable.Range(0, options.Value.InboxWriters).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>Stores the event; false when an event with the same dedupe key is already stored.</summary>
    public Task<bool> TryAddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(entry, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(write)) throw new InboxOverloadedException();
        // A caller that gives up still gets its event stored (Zalo's redelivery is then a duplicate): nothing is lost.
        return write.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write)) batch.Add(write);
            if (batch.Count == 0) continue;
            if (batch.Exists(static w => w.Rehearsal))
            {
                // Never in a real batch: its rollback would take the real events with it.
                await WriteIsolatedAsync(batch.FindAll(static w => w.Rehearsal), rehearsal: true);
                batch.RemoveAll(static w => w.Rehearsal);
                if (batch.Count == 0) continue;
            }
            await WriteIsolatedAsync(batch);
        }
    }

    /// <summary>Writes the batch; on a row fault, each half on its own, so that only the culprit fails.</summary>
    private async Task WriteIsolatedAsync(List<PendingWrite> batch, bool rehearsal = false)
    {
        try
        {
            var stored = await InsertRidingOutOutagesAsync(batch, rehearsal);
            foreach (var write in batch)
            {
                // Copies of one event in the same batch: the first is "stored", the rest are duplicates.
                write.Stored.TrySetResult(stored.Remove(write.Entry.DedupeKey));
            }
        }
        catch (Exception ex) when (IsRowFault(ex))
        {
            if (batch.Count == 1)
            {
                batch[0].Stored.TrySetException(new InboxEntryRejectedException(ex));
                return;
            }
            // Halves, not one by one: one culprit in 256 costs about 16 small INSERTs, not 256.
            var half = batch.Count / 2;
            await WriteIsolatedAsync(batch[..half], rehearsal);
            await WriteIsolatedAsync(batch[half..], rehearsal);
        }
        catch (Exception ex)
        {
            foreach (var write in batch) write.Stored.TrySetException(ex);
        }
    }

    /// <summary>
    /// Errors caused by the values of a row rather than by storage: data exceptions (class 22: a NUL, an invalid
    /// byte sequence, a value out of range), integrity violations (23) and program limits (54: an index entry too
    /// large). Transient errors (connection, shutdown, resources) are not: the whole batch answers 503.
    /// </summary>
    /// Npgsql's own refusal to encode a value (a lone surrogate has no UTF-8) happens before anything is sent, so it is
    /// a row fault too.
    internal static bool IsRowFault(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("23", StringComparison.Ordinal) ||
                                pg.SqlState.StartsWith("54", StringComparison.Ordinal),
        System.Text.EncoderFallbackException => true,
        _ => false,
    };

    /// <summary>
    /// A restart of PostgreSQL (an upgrade, a failover to the standby) takes a few seconds: rather than answering 503 to everything
    /// that arrives meanwhile, the batch is retried for up to <see cref="WebhookOptions.StorageRetryWindow"/> and its
    /// requests simply wait. Past the window the failure stands, and the callers answer 503 so Zalo redelivers.
    /// </summary>
    private async Task<HashSet<string>> InsertRidingOutOutagesAsync(List<PendingWrite> batch, bool rehearsal)
    {
        var started = _time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await InsertAsync(batch, rehearsal);
            }
            catch (Exception ex) when (!IsRowFault(ex) && Storage.StorageErrors.IsUnavailable(ex)
                                       && _time.GetElapsedTime(started) + pause < _storageRetryWindow)
            {
                // Npgsql drops the whole pool itself when a connection breaks; a session that reached a standby is
                // not broken, and its idle siblings may sit on the same node: open new ones for the retry.
                if (Storage.StorageErrors.ReachedStandby(ex)) _dataSource.Clear();
                await Task.Delay(pause, _time);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
            }
        }
    }

    /// <summary>
    /// The start-up warm-up's rehearsal of a stored event: through the same queue, loop and statement as
    /// <see cref="TryAddAsync"/>, so the first real webhook finds them compiled, but in a transaction that is rolled
    /// back, so nothing is stored. True when the insert ran (and was undone).
    /// </summary>
    internal Task<bool> RehearseAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(entry, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)) { Rehearsal = true };
        if (!_queue.Writer.TryWrite(write)) throw new InboxOverloadedException();
        return write.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task<HashSet<string>> InsertAsync(List<PendingWrite> batch, bool rehearsal)
    {
        // unnest zips the arrays into rows in array order, so arrival order becomes id order.
        const string sql = """
            insert into inbox (dedupe_key, event_name, app_id, user_id, msg_id, event_time, received_at, correlation_id, payload, oa_id, last_error, parked_at)
            select d, e, a, u, m, et, r, c, p, oa, why, case when why is not null then r end
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[])
                 as x(d, e, a, u, m, et, r, c, p, oa, why)
            on conflict (dedupe_key) do nothing
            returning dedupe_key
            """;
        await using var connection = await _dataSource.OpenConnectionAsync();
        // A real batch commits on its own (one round trip); only a rehearsal opens a transaction, to roll it back.
        await using var transaction = rehearsal ? await connection.BeginTransactionAsync() : null;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(Array(batch, e => e.DedupeKey));
        command.Parameters.Add(Array(batch, e => e.EventName));
        command.Parameters.Add(Array(batch, e => e.AppId));
        command.Parameters.Add(Array(batch, e => e.UserId));
        command.Parameters.Add(Array(batch, e => e.MsgId));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = batch.Select(w => w.Entry.EventTime.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = batch.Select(w => w.Entry.ReceivedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(Array(batch, e => e.CorrelationId));
        command.Parameters.Add(Array(batch, e => e.Payload));
        command.Parameters.Add(Array(batch, e => e.OaId));
        command.Parameters.Add(Array(batch, e => e.ParkedReason));

        var stored = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        if (transaction is not null) await transaction.RollbackAsync();
        return stored;
    }

    private static NpgsqlParameter<string?[]> Array(List<PendingWrite> batch, Func<InboxEntry, string?> value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = batch.Select(w => value(w.Entry)).ToArray() };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed record PendingWrite(InboxEntry Entry, TaskCompletionSource<bool> Stored)
    {
        /// <summary>The warm-up's write (<see cref="RehearseAsync"/>): written alone and rolled back.</summary>
        public bool Rehearsal { get; init; }
    }
}
