using System.Text;
using System.Text.Json.Nodes;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Inbox;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Webhooks;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>
/// Staff working tickets from the Zalo app: the same ticket service, rules and scope as the HTTP API, run inside the
/// processor's transaction so a redelivered or retried message never acts twice.
/// </summary>
public sealed class StaffChatHandler(TicketService tickets, Tracks.TrackService tracks, FieldPhotoDesk photos, TimeProvider time)
{
    private const int QueueSize = 5;

    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, ZaloRecipient zaloUser, string text, string causeKey, string? replyToMsgId, string? correlationId, CancellationToken cancellationToken)
    {
        var command = StaffCommandParser.Parse(text);
        var replies = await AnswerAsync(connection, transaction, staff, command, cancellationToken);
        // The ticket an officer just worked on is where a photo sent next without a code belongs.
        if (CodeOf(command) is { } code)
            await StaffPhotoTargets.RememberAsync(connection, transaction, [staff.Id], code, pushed: false, time.GetUtcNow(), cancellationToken);
        await SendAsync(connection, transaction, zaloUser, replies, causeKey, replyToMsgId, correlationId, cancellationToken);
    }

    /// <summary>A photo (or another file) from a linked staff member: a photo from the field.</summary>
    public async Task HandlePhotoAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, ZaloRecipient zaloUser, UserMessageEvent message, string causeKey, string? correlationId, CancellationToken cancellationToken) =>
        await SendAsync(connection, transaction, zaloUser, [await photos.ReceiveAsync(connection, transaction, staff, message, cancellationToken)], causeKey, message.MsgId, correlationId, cancellationToken);

    private async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloRecipient zaloUser, IReadOnlyList<JsonObject> replies, string causeKey, string? replyToMsgId, string? correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var i = 0; i < replies.Count; i++)
            await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(zaloUser, replies[i], $"{causeKey}:{i}", correlationId, replyToMsgId), now, cancellationToken);
    }

    private static string? CodeOf(StaffCommand command) => command switch
    {
        StaffCommand.Show s => s.Code,
        StaffCommand.Claim c => c.Code,
        StaffCommand.Reply r => r.Code,
        StaffCommand.Note n => n.Code,
        StaffCommand.Act a => a.Code,
        TrackStaffCommand t => t.TicketCode,
        _ => null,
    };

    private async Task<List<JsonObject>> AnswerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, StaffCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case StaffCommand.Help:
                return [ZaloMessages.Text(StaffTexts.Help)];
            case StaffCommand.Queue:
                return [.. await QueueAsync(connection, staff, time.GetUtcNow(), cancellationToken)];
            case StaffCommand.Show show:
                return [.. await ShowAsync(connection, transaction, staff, show.Code, cancellationToken)];
            case StaffCommand.Claim claim:
                var current = await TicketQueries.ByCodeAsync(connection, transaction, claim.Code, forUpdate: false, cancellationToken);
                var action = current is not null && current.Status == TicketStatus.Received ? TicketAction.Accept : TicketAction.Start;
                return [Outcome(claim.Code, await tickets.ApplyAsync(connection, transaction, staff, claim.Code, action, new TransitionInput(), null, cancellationToken))];
            case StaffCommand.Reply reply:
                var replied = await tickets.AddToThreadAsync(connection, transaction, staff, reply.Code, "staff_reply", isPublic: true, reply.Text, cancellationToken);
                if (replied.Held) return [ZaloMessages.Text(Domain.Tracks.TrackTexts.AwaitingApproval(reply.Code))];
                return [replied.Failure is null ? ZaloMessages.Text(StaffTexts.ReplySent(reply.Code)) : Outcome(reply.Code, replied)];
            case StaffCommand.Note note:
                var noted = await tickets.AddToThreadAsync(connection, transaction, staff, note.Code, "note", isPublic: false, note.Text, cancellationToken);
                return [noted.Failure is null ? ZaloMessages.Text(StaffTexts.NoteAdded(note.Code)) : Outcome(note.Code, noted)];
            case StaffCommand.Act act:
                var ticket = await TicketQueries.ByCodeAsync(connection, transaction, act.Code, forUpdate: false, cancellationToken);
                // "chuyển" on a ticket nobody holds yet is its first assignment.
                var move = act.Action == TicketAction.Transfer && ticket is not null && ticket.Status == TicketStatus.Accepted ? TicketAction.Assign : act.Action;
                var acted = await tickets.ApplyAsync(connection, transaction, staff, act.Code, move, act.Input, null, cancellationToken);
                // A resolution that needs approval is held: say so rather than "in progress".
                if (acted.Held) return [ZaloMessages.Text(Domain.Tracks.TrackTexts.AwaitingApproval(act.Code))];
                return [Outcome(act.Code, acted)];
            case StaffCommand.Photo photo:
                return [await photos.ChooseAsync(connection, transaction, staff, photo, cancellationToken)];
            case TrackStaffCommand trackCommand:
                return [Outcome(trackCommand.TicketCode, await tracks.RunAsync(connection, transaction, staff, trackCommand, cancellationToken))];
            default:
                return [ZaloMessages.Text(StaffTexts.NotUnderstood)];
        }
    }

    private static JsonObject Outcome(string code, TicketActionResult result) => result.Failure switch
    {
        null => ZaloMessages.Text(StaffTexts.Done(code, TicketStatusText.ForCitizen(result.Ticket!.Status))),
        TicketFailure.NotFound => ZaloMessages.Text(StaffTexts.NotFound(code)),
        _ => ZaloMessages.Text(StaffTexts.Refused(code, result.Detail ?? "")),
    };

    private static async Task<IReadOnlyList<JsonObject>> QueueAsync(NpgsqlConnection connection, StaffIdentity staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TicketStatus? status = staff.Role switch
        {
            StaffRole.IntakeOfficer => TicketStatus.Received,
            StaffRole.DiagnosisOfficer => TicketStatus.Accepted,
            StaffRole.FieldOfficer or StaffRole.AgencyHandler => TicketStatus.Assigned,
            StaffRole.Supervisor or StaffRole.Admin => null,
            _ => throw new ArgumentOutOfRangeException(nameof(staff), staff.Role, "A role without a queue."),
        };
        var scope = staff.QueueScope;
        var page = await TicketQueries.QueueAsync(connection, new TicketFilter(Status: status, Limit: QueueSize), scope, now, cancellationToken);
        if (page.Items.Count == 0) return [ZaloMessages.Text(StaffTexts.EmptyQueue)];
        var list = new StringBuilder(StaffTexts.QueueHeader(page.Items.Count));
        foreach (var t in page.Items) list.Append("\n- ").Append(t.Code).Append(": ").Append(Snippet(t.Description)).Append(" (").Append(TicketStatusText.ForCitizen(t.Status)).Append(')');
        return ZaloMessages.TextWithButtons(list.ToString(), page.Items.Select(t => ($"Xem {t.Code}", $"xem {t.Code}")).ToList());
    }

    private static async Task<IReadOnlyList<JsonObject>> ShowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, CancellationToken cancellationToken)
    {
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: false, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode)) return [ZaloMessages.Text(StaffTexts.NotFound(code))];
        var thread = await TicketQueries.ThreadAsync(connection, ticket.Id, cancellationToken);
        var text = new StringBuilder($"{ticket.Code} — {TicketStatusText.ForCitizen(ticket.Status)}\n{ticket.Description}");
        if (ticket.Address is not null) text.Append("\nĐịa điểm: ").Append(ticket.Address);
        if (ticket.AssignedAgencyCode is not null) text.Append("\nĐơn vị: ").Append(ticket.AssignedAgencyCode);
        foreach (var e in thread.TakeLast(3)) text.Append("\n· ").Append(e.Kind).Append(e.Body is null ? "" : ": " + Snippet(e.Body));
        // "Nhận" only where claiming means something: accepting a received ticket, starting an assigned one.
        return ticket.Status is TicketStatus.Received or TicketStatus.Assigned
            ? ZaloMessages.TextWithButtons(text.ToString(), [($"Nhận {code}", $"nhận {code}")])
            : [ZaloMessages.Text(text.ToString())];
    }

    private static string Snippet(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
