namespace ZaloBot.Outbox;

/// <summary>The dispatcher's SQL: claiming each recipient's oldest pending message, and recording a batch of results.</summary>
public static class OutboxStore
{
    /// <summary>The outcome recorded for a send whose answer did not come back in time.</summary>
    public const string TimedOutOutcome = "timeout";

    /// <summary>
    /// Leases up to <paramref name="limit"/> messages, oldest first, each the oldest pending message of its recipient:
    /// a recipient whose previous message is still leased (in flight, or its result not yet written) gets nothing.
    /// </summary>
    /// <param name="busyRecipients">Recipients this process is sending to right now: never a second message at once, even if a lease ran out.</param>
    /// <param name="pausedOas">OAs whose sends wait (Zalo refused their refresh token): their messages stay untouched.</param>
    public static async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(NpgsqlDataSource dataSource, int limit, DateTimeOffset now, TimeSpan lease, string[] busyRecipients,
        string[] pausedOas, CancellationToken cancellationToken)
    {
        const string sql = """
            with claimable as (
                -- Arrival order on the pending-only index, stopping after @limit rows, so the cost does not grow with
                -- the backlog. A row is its recipient's head when no earlier row of theirs is pending, except one held
                -- for the morning: it lets later answers pass. The conditions are on the locked row: when another
                -- replica has just leased or sent it, PostgreSQL re-checks them against the committed version and
                -- drops the row.
                -- In doubt: a lease that ran out (its replica died mid-send) or a last attempt that timed out.
                select o.id, o.lease_until is not null
                             or (select a.outcome from outbox_attempts a where a.outbox_id = o.id order by a.id desc limit 1) = @timedOut as in_doubt
                from outbox o
                where o.status = 'pending' and o.next_attempt_at <= @now and (o.lease_until is null or o.lease_until < @now)
                  and o.recipient_id <> all(@busyRecipients) and o.oa_id <> all(@pausedOas)
                  and not exists (
                      select 1 from outbox e
                      where e.recipient_id = o.recipient_id and e.id < o.id and e.status = 'pending'
                        and (e.held_until is null or e.held_until <= @now))
                order by o.id
                limit @limit
                for update of o skip locked
            )
            update outbox o set lease_until = @leaseUntil
            from claimable c
            where o.id = c.id
            returning o.id, o.recipient_id as RecipientId, o.message::text as Message, o.attempts, o.correlation_id as CorrelationId,
                      o.reply_to_msg_id as ReplyToMsgId, o.ticket_id as TicketId, o.notice::text as Notice, o.created_at as CreatedAt,
                      o.oa_id as OaId, c.in_doubt as InDoubt
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimedMessage>(new CommandDefinition(sql,
            new { now, limit, leaseUntil = now + lease, busyRecipients, pausedOas, timedOut = TimedOutOutcome }, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).ToList();
    }

    /// <summary>Extends the leases of sends still in flight, so a slow delivery (several Zalo calls) is not taken over by another replica.</summary>
    public static async Task RenewLeasesAsync(NpgsqlDataSource dataSource, long[] ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update outbox set lease_until = @leaseUntil where id = any(@ids) and status = 'pending'", new { ids, leaseUntil }, cancellationToken: cancellationToken));
    }

    /// <summary>Writes a batch of results, their attempts and the tickets' reachability, in one transaction.</summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, ITicketReachability reachability, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string updateOutbox = """
            update outbox o
            set status = r.status, attempts = o.attempts + 1, next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
                lease_until = null, sent_at = case when r.status = 'sent' then @now else o.sent_at end,
                zalo_message_id = coalesce(r.zalo_message_id, o.zalo_message_id), delivered_via = coalesce(r.delivered_via, o.delivered_via),
                last_error = case when r.status = 'sent' then null else r.error end, held_until = r.held_until,
                nudged_at = case when r.status = 'nudged' then coalesce(o.nudged_at, @now) else o.nudged_at end
            from unnest(@ids, @statuses, @nextAttempts, @messageIds, @vias, @errors, @heldUntils)
                 as r(id, status, next_attempt_at, zalo_message_id, delivered_via, error, held_until)
            where o.id = r.id
            """;
        const string insertAttempts = """
            insert into outbox_attempts (outbox_id, at, channel, outcome, error_code, detail, quota_type)
            select * from unnest(@outboxIds, @ats, @channels, @outcomes, @codes, @details, @quotaTypes)
            """;

        var attempts = results.SelectMany(r => r.Attempts.Select(a => (r.OutboxId, Attempt: a))).ToList();
        var tickets = results
            .Where(r => r.TicketId is not null && (r.Status is DeliveryStatus.Sent or DeliveryStatus.AwaitingReply || r.UnreachableReason is not null))
            .GroupBy(r => r.TicketId!.Value)
            .Select(g => g.OrderBy(r => r.OutboxId).Last())
            .ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(updateOutbox, new
        {
            now,
            ids = results.Select(r => r.OutboxId).ToArray(),
            statuses = results.Select(r => StatusName(r.Status)).ToArray(),
            nextAttempts = results.Select(r => r.NextAttemptAt?.UtcDateTime).ToArray(),
            messageIds = results.Select(r => r.ZaloMessageId).ToArray(),
            vias = results.Select(r => r.DeliveredVia).ToArray(),
            errors = results.Select(r => Truncate(r.Error)).ToArray(),
            heldUntils = results.Select(r => r.HeldUntil?.UtcDateTime).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        if (attempts.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(insertAttempts, new
            {
                outboxIds = attempts.Select(a => a.OutboxId).ToArray(),
                ats = attempts.Select(a => a.Attempt.At.UtcDateTime).ToArray(),
                channels = attempts.Select(a => a.Attempt.Channel).ToArray(),
                outcomes = attempts.Select(a => a.Attempt.Outcome).ToArray(),
                codes = attempts.Select(a => a.Attempt.ErrorCode).ToArray(),
                details = attempts.Select(a => Truncate(a.Attempt.Detail)).ToArray(),
                quotaTypes = attempts.Select(a => a.Attempt.QuotaType).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        // The latest word on each ticket wins: a notice that got through clears an earlier "could not reach".
        if (tickets.Count > 0)
            await reachability.MarkAsync(connection, transaction, tickets.Select(r => r.TicketId!.Value).ToArray(),
                tickets.Select(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.AwaitingReply ? null : Truncate(r.UnreachableReason)).ToArray(), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Messages waiting, and the age of the oldest, for the metrics.</summary>
    public static async Task<(long Pending, DateTime? Oldest)> BacklogAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Served by the partial index on pending rows: cheap however large the sent history grows.
        return await connection.QuerySingleAsync<(long, DateTime?)>(new CommandDefinition(
            "select count(*), min(created_at) from outbox where status = 'pending'", cancellationToken: cancellationToken));
    }

    private static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Retry => "pending",
        DeliveryStatus.AwaitingReply => PendingNudges.Status,
        _ => "dead",
    };

    /// <summary>Zalo's words go into text columns: bounded, and without NUL (which PostgreSQL refuses and would block the batch).</summary>
    private static string? Truncate(string? text)
    {
        if (text is null) return null;
        text = text.Replace("\0", "", StringComparison.Ordinal);
        if (text.Length <= 2000) return text;
        return char.IsHighSurrogate(text[1999]) ? text[..1999] : text[..2000]; // never half an emoji
    }
}
