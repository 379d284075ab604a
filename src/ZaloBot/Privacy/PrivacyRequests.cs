using ZaloBot.Calendar;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Privacy;

namespace ZaloBot.Privacy;

public sealed record PrivacyRequestRow(long Id, string ZaloUserId, string Kind, string? Detail, string Status, DateTime ReceivedAt, DateTime AcknowledgeDue,
    DateTime? AcknowledgedAt, DateTime DueAt, DateTime? CompletedAt, string? CompletedByName, string? Outcome);

public enum CompleteOutcome
{
    Completed,
    NotFound,
    AlreadyClosed,
    ReasonRequired,
}

/// <summary>
/// Citizens' rights requests: queued with the acknowledgement clock (working days) and the kind's deadline, answered
/// at once by the bot (that answer is the acknowledgement), completed or refused by staff with a reason. Deletion runs
/// the same erasure as Zalo's user_withdraw.
/// </summary>
public sealed class PrivacyRequests(NpgsqlDataSource dataSource, HolidayCalendar holidays, IOptions<PrivacyOptions> options, TimeProvider time,
    Outbox.OutboxSignal outbox)
{
    public const int MaxOutcomeLength = 1000;

    /// <summary>Queues a request (acknowledged now, by the bot's reply) and returns its deadline as a date in Vietnam.</summary>
    public async Task<DateOnly> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Zalo.ZaloRecipient citizen, string kind, string? detail, string? inboundMsgId,
        DateTimeOffset now, bool completed, CancellationToken cancellationToken)
    {
        var calendar = await holidays.GetAsync(cancellationToken);
        var o = options.Value;
        var due = kind switch
        {
            RequestKinds.Access => HolidayCalendar.DueAt(calendar, now, o.AccessWorkingDays),
            RequestKinds.Correct => HolidayCalendar.DueAt(calendar, now, o.CorrectionWorkingDays),
            RequestKinds.Delete => HolidayCalendar.DueAt(calendar, now, o.DeletionWorkingDays),
            _ => now.AddDays(o.WithdrawalDays),
        };
        const string sql = """
            insert into privacy_requests (oa_id, zalo_user_id, kind, detail, status, inbound_msg_id, received_at, acknowledge_due, acknowledged_at, due_at,
                                          completed_at, outcome)
            values (@oa, @userId, @kind, @detail, @status, @inboundMsgId, @now, @ackDue, @now, @due, @completedAt, @outcome)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            oa = citizen.OaId, userId = citizen.UserId, kind, detail, inboundMsgId, now, due,
            status = completed ? "completed" : "acknowledged",
            ackDue = HolidayCalendar.DueAt(calendar, now, o.AcknowledgeWorkingDays),
            completedAt = completed ? now : (DateTimeOffset?)null,
            outcome = completed ? "Đã gửi bản tóm tắt và đường dẫn tải dữ liệu trong Zalo." : null,
        }, transaction, cancellationToken: cancellationToken));
        return WorkingDayCalendar.DateInVietnam(due);
    }

    public async Task<IReadOnlyList<PrivacyRequestRow>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.id, r.zalo_user_id as ZaloUserId, r.kind, r.detail, r.status, r.received_at as ReceivedAt, r.acknowledge_due as AcknowledgeDue,
                   r.acknowledged_at as AcknowledgedAt, r.due_at as DueAt, r.completed_at as CompletedAt, s.name as CompletedByName, r.outcome
            from privacy_requests r left join staff s on s.id = r.completed_by
            where not @openOnly or r.status = 'acknowledged'
            order by (r.status = 'acknowledged') desc, r.due_at, r.id
            limit 200
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PrivacyRequestRow>(new CommandDefinition(sql, new { openOnly }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Staff close a request: <paramref name="done"/> carries it out (deletion erases, correction updates the phone on
    /// open tickets), otherwise it is refused; a reason is always required (what was kept and why, or why not).
    /// The citizen is told, except after a deletion (there is no one left to tell).
    /// </summary>
    public async Task<CompleteOutcome> CompleteAsync(long id, bool done, string? reason, long staffId, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxOutcomeLength) return CompleteOutcome.ReasonRequired;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var request = await connection.QuerySingleOrDefaultAsync<(string UserId, string Kind, string? Detail, string Status, string OaId)?>(new CommandDefinition(
            "select zalo_user_id, kind, detail, status, oa_id from privacy_requests where id = @id for update", new { id }, transaction, cancellationToken: cancellationToken));
        if (request is not { } r) return CompleteOutcome.NotFound;
        if (r.Status != "acknowledged") return CompleteOutcome.AlreadyClosed;

        string? tell = done ? $"Yêu cầu {RequestKinds.Title(r.Kind)} của bạn đã được thực hiện. {reason}" : $"Yêu cầu {RequestKinds.Title(r.Kind)} của bạn chưa thể thực hiện: {reason}";
        if (done && r.Kind == RequestKinds.Correct && r.Detail is { } phone)
            await Tickets.Ledger.TicketLedger.CorrectContactPhoneAsync(connection, transaction, r.UserId, phone, now, cancellationToken);
        if (done && r.Kind == RequestKinds.Delete)
        {
            // Pending messages to the citizen are dead-lettered by the erasure: nothing is sent after it.
            await CitizenDataErasure.EraseAsync(connection, transaction, r.UserId, currentInboxId: 0, now, cancellationToken);
            tell = null;
        }
        else
        {
            await Outbox.OutboxWriter.EnqueueAsync(connection, transaction,
                new Outbox.OutboxMessage(new Zalo.ZaloRecipient(r.OaId, r.UserId), Zalo.ZaloMessages.Text(tell!), $"privacy-request:{id}:done", null), now, cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update privacy_requests set status = @status, completed_at = @now, completed_by = @staffId, outcome = @reason
            where id = @id
            """, new { id, status = done ? "completed" : "refused", now, staffId, reason }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (tell is not null) outbox.Notify();
        return CompleteOutcome.Completed;
    }
}
