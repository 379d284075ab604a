using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Tickets.Ledger;
using ZaloBot.Zalo;

namespace ZaloBot.SimilarReports;

/// <summary>
/// Staff link a ticket as a duplicate of another: the duplicate is closed with a notice to its citizen, who from then
/// on receives the main ticket's notices; the duplicate's own followers and duplicates move to the main ticket. One
/// transaction, audited on both tickets.
/// </summary>
public sealed class DuplicateLinks(NpgsqlDataSource dataSource, OutboxSignal outbox, TimeProvider time)
{
    public static bool MayLink(StaffRole role) => role is StaffRole.IntakeOfficer or StaffRole.DiagnosisOfficer or StaffRole.Supervisor or StaffRole.Admin;

    public static string Notice(string duplicateCode, string mainCode) =>
        $"Phản ánh {duplicateCode} có cùng nội dung với phản ánh {mainCode} đang được xử lý, nên được gộp vào phản ánh {mainCode}. " +
        $"Bạn sẽ tiếp tục nhận thông báo về kết quả xử lý phản ánh {mainCode} tại đây.";

    public async Task<TicketActionResult> LinkAsync(StaffIdentity staff, string duplicateCode, string mainCode, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (!MayLink(staff.Role)) return TicketActionResult.Fail(TicketFailure.Forbidden, "Linking duplicates is for intake, diagnosis, supervisors and admins.");
        if (duplicateCode == mainCode) return TicketActionResult.Fail(TicketFailure.Invalid, "A ticket cannot be a duplicate of itself.");
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Both rows locked in id order, so two staff linking the same pair in opposite directions cannot deadlock.
        var locked = (await connection.QueryAsync<(long Id, string Code, TicketStatus Status, long? DuplicateOf, int Version, string CitizenId, string CitizenOaId)>(new CommandDefinition(
            """
            select id, code, status, duplicate_of, version, citizen_zalo_id, citizen_oa_id from tickets
            where code in (@duplicateCode, @mainCode) order by id for update
            """, new { duplicateCode, mainCode }, transaction, cancellationToken: cancellationToken))).ToList();
        var duplicate = locked.FirstOrDefault(t => t.Code == duplicateCode);
        var main = locked.FirstOrDefault(t => t.Code == mainCode);
        if (duplicate.Code is null) return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {duplicateCode} that you can see.");
        if (main.Code is null) return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {mainCode} that you can see.");
        if (expectedVersion is { } expected && expected != duplicate.Version)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {duplicateCode} was changed by someone else (version {duplicate.Version}, you had {expected}). Reload it and try again.");
        if (duplicate.Status is var status && (!status.IsOpen() || status == TicketStatus.Resolved))
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {duplicateCode} is {duplicate.Status.ToName()}; only an open ticket can be linked as a duplicate.");
        if (!main.Status.IsOpen())
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {mainCode} is {main.Status.ToName()}; link to an open (or resolved) ticket.");
        if (main.DuplicateOf is not null)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {mainCode} is itself a duplicate; link to the ticket it points to.");

        await TicketLedger.CloseAsDuplicateAsync(connection, transaction, duplicate.Id, main.Id, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into ticket_followers (ticket_id, oa_id, recipient_id, via_ticket_id, created_at)
                select @mainId, oa_id, recipient_id, via_ticket_id, @now from ticket_followers where ticket_id = @duplicateId
                on conflict (ticket_id, recipient_id) do nothing;
            """, new { now, mainId = main.Id, duplicateId = duplicate.Id }, transaction, cancellationToken: cancellationToken));
        var duplicateCitizen = OutboxRecipient.FromStored(duplicate.CitizenOaId, duplicate.CitizenId);
        await TicketFollowers.AddAsync(connection, transaction, main.Id, duplicateCitizen, duplicate.Id, now, cancellationToken);

        var text = Notice(duplicateCode, mainCode);
        var eventId = await AddEventAsync(connection, transaction, duplicate.Id, staff, isPublic: true, text,
            new { action = "duplicate", from = duplicate.Status.ToName(), to = TicketStatus.Closed.ToName(), main = mainCode }, now, cancellationToken);
        await AddEventAsync(connection, transaction, main.Id, staff, isPublic: false, $"Phản ánh {duplicateCode} được gộp vào phản ánh này.",
            new { action = "duplicate_linked", duplicate = duplicateCode }, now, cancellationToken);
        var notice = new Notice(NoticeKinds.Closed, new Dictionary<string, string?>
        {
            ["code"] = duplicateCode, ["status"] = TicketStatusText.ForCitizen(TicketStatus.Closed), ["reason"] = text, ["text"] = text,
        });
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(duplicateCitizen, ZaloMessages.Text(text),
            $"ticket-event:{eventId}", null, TicketId: duplicate.Id, Notice: notice), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return TicketActionResult.Ok((await TicketQueries.ByCodeAsync(connection, null, duplicateCode, forUpdate: false, cancellationToken))!);
    }

    private static Task<long> AddEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, StaffIdentity staff, bool isPublic,
        string body, object payload, DateTimeOffset now, CancellationToken cancellationToken) =>
        TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticketId, ActorKind.Staff, staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            isPublic ? TicketEventKinds.StatusChanged : TicketEventKinds.Note, isPublic, body, payload), now, cancellationToken);
}
