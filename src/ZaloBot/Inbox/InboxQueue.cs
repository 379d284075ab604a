using Dapper;
using Npgsql;

namespace ZaloBot.Inbox;

/// <summary>A stored event as the processor takes it; <see cref="Event"/> is its one reading, parsed on first use.</summary>
public sealed record InboxEvent(long Id, string? UserId, string EventName, string Payload, int Attempts, string? CorrelationId)
{
    private ZaloEvent? _event;

    /// <summary>The event, read by the same parser as the receiver used when it stored it.</summary>
    public ZaloEvent Event => _event ??= ZaloEventParser.ReadStored(Id, Payload);
}

/// <summary>
/// The processor's view of the inbox: the oldest pending event of one user at a time. A transaction-scoped advisory
/// lock on the user id keeps two replicas from working on the same user, so each user's events are handled strictly
/// in arrival order while different users proceed in parallel.
/// </summary>
public static class InboxQueue
{
    /// <summary>
    /// Claims, in one statement, the due head events of up to <paramref name="limit"/> users of one share (of
    /// <paramref name="shares"/>, by a hash of the id), oldest first: each user's advisory lock is taken for the caller's
    /// transaction (users another worker or replica holds are skipped) and the event rows are locked. The scan walks the
    /// pending index in arrival order and stops after <paramref name="limit"/> heads, so its cost does not grow with the
    /// backlog; an event is a head when no earlier event of its user is pending (the per-user order).
    /// </summary>
    public static async Task<IReadOnlyList<InboxEvent>> ClaimHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int limit, int share, int shares, CancellationToken cancellationToken)
    {
        const string sql = """
            with heads as materialized (
                select i.id, i.user_id
                from inbox i
                where i.processed_at is null and i.parked_at is null and i.user_id is not null
                  and (i.next_attempt_at is null or i.next_attempt_at <= @now)
                  and (@shares = 1 or (hashtext(i.user_id) & 2147483647) % @shares = @share)
                  and not exists (
                      select 1 from inbox e
                      where e.user_id = i.user_id and e.id < i.id and e.processed_at is null and e.parked_at is null)
                order by i.id
                limit @limit
            )
            select i.id, i.user_id as UserId, i.event_name as EventName, i.payload, i.attempts, i.correlation_id as CorrelationId
            from heads h join inbox i on i.id = h.id
            where pg_try_advisory_xact_lock(hashtextextended(h.user_id, 7))
              and i.processed_at is null and i.parked_at is null
            order by i.id
            for update of i
            """;
        var heads = await connection.QueryAsync<InboxEvent>(new CommandDefinition(sql, new { now, limit, share, shares }, transaction, cancellationToken: cancellationToken));
        return heads.AsList();
    }

    /// <summary>Takes the user's lock for this transaction; false when another worker holds it.</summary>
    public static Task<bool> TryLockUserAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select pg_try_advisory_xact_lock(hashtextextended(@userId, 7))", new { userId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The user's oldest pending event if it is due (a head that is backing off holds back the later ones).</summary>
    public static async Task<InboxEvent?> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            select id, user_id as UserId, event_name as EventName, payload, attempts, correlation_id as CorrelationId,
                   next_attempt_at as NextAttemptAt
            from inbox
            where user_id = @userId and processed_at is null and parked_at is null
            order by id
            limit 1
            for update
            """;
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(sql, new { userId }, transaction, cancellationToken: cancellationToken));
        return head is null || head.NextAttemptAt > now.UtcDateTime
            ? null
            : new InboxEvent(head.Id, head.UserId, head.EventName, head.Payload, head.Attempts, head.CorrelationId);
    }

    private sealed record HeadRow(long Id, string? UserId, string EventName, string Payload, int Attempts, string? CorrelationId, DateTime? NextAttemptAt);

    public static Task MarkProcessedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "update inbox set processed_at = @now, last_error = null where id = any(@ids)", new { ids, now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Events that concern no user (e.g. an OA-level notification) have nothing to process.</summary>
    public static Task<int> MarkUserlessProcessedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "update inbox set processed_at = @now where user_id is null and processed_at is null and parked_at is null", new { now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Records a failed attempt (its work rolled back to a savepoint); parks the event after the last attempt.</summary>
    public static Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string error, DateTimeOffset nextAttemptAt, bool park, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            update inbox
            set attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt,
                parked_at = case when @park then @now else parked_at end
            where id = @id
            """, new { id, error, nextAttemptAt, park, now }, transaction, cancellationToken: cancellationToken));
}
