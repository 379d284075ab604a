using System.Globalization;
using System.Text.Json.Nodes;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Evidence;
using ZaloBot.Inbox;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Tickets.Ledger;
using ZaloBot.Webhooks;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>
/// Photos from the field in Zalo: an officer names the ticket ("ảnh PA-…", or the code in the photo's caption, or
/// the ticket last pushed to or worked on by them), then sends the photo. It is kept as evidence marked "after" and
/// downloaded like a citizen's; it reaches the citizen only when the officer says "gửi dân", as a reply from the
/// agency, so a photo that shows bystanders or the wrong site is not sent by default.
/// </summary>
public sealed partial class FieldPhotoDesk(TicketService tickets, TimeProvider time)
{
    public const string AfterPhase = "after";
    private const string DefaultCaption = "Hình ảnh kết quả xử lý tại hiện trường.";

    /// <summary>Who may add the site's "after" photo: whoever may resolve the ticket.</summary>
    public static bool MayAddPhoto(StaffRole role) => TicketActions.Of(TicketAction.Resolve).Roles.Contains(role);

    public async Task<JsonObject> ChooseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, StaffCommand.Photo command, CancellationToken cancellationToken)
    {
        if (command.Code is not { } code) return ZaloMessages.Text(StaffTexts.PhotoWrongCode(command.Typed));
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: false, cancellationToken);
        if (Refusal(staff, ticket, code) is { } refused) return refused;
        var toCitizen = FieldPhotos.AsksToSendToCitizen(command.Typed);
        await StaffPhotoTargets.ChooseAsync(connection, transaction, staff.Id, ticket!.Id, toCitizen, time.GetUtcNow(), cancellationToken);
        return ZaloMessages.Text(StaffTexts.PhotoReady(ticket.Code, toCitizen));
    }

    /// <summary>A photo message from a linked staff member: which ticket, whether they may, then the evidence and the answer.</summary>
    public async Task<JsonObject> ReceiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, UserMessageEvent message, CancellationToken cancellationToken)
    {
        var photos = message.Attachments.Where(a => EvidenceQueue.DeclaredKind(a.Type) == "image" && a.Url is not null)
            .Select(a => new DraftAttachment("image", a.Url!, a.Name, a.Size)).ToList();
        if (photos.Count == 0) return ZaloMessages.Text(StaffTexts.PhotoOnlyImages);

        var now = time.GetUtcNow();
        TicketView? ticket = null;
        if (TicketCode.TryFind(message.Text, out var named, out _))
        {
            ticket = await TicketQueries.ByCodeAsync(connection, transaction, named.Value, forUpdate: false, cancellationToken);
            if (Refusal(staff, ticket, named.Value) is { } refused) return refused;
        }
        else if (TicketCode.FindMistyped(message.Text) is { } mistyped)
        {
            return ZaloMessages.Text(StaffTexts.PhotoWrongCode(mistyped));
        }

        var remembered = await StaffPhotoTargets.ReadAsync(connection, transaction, staff.Id, cancellationToken);
        var target = FieldPhotos.Choose(ticket?.Id,
            remembered is { ChosenTicketId: { } c, ChosenAt: { } ca } ? (c, Utc(ca)) : null,
            remembered is { RecentTicketId: { } r, RecentAt: { } ra, RecentAmbiguous: false } ? (r, Utc(ra)) : null, now);
        if (target is null) return ZaloMessages.Text(StaffTexts.PhotoWhichTicket);
        if (ticket is null)
        {
            var code = remembered!.CodeOf(target.TicketId)!;
            ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: false, cancellationToken);
            if (Refusal(staff, ticket, code) is { } refused) return refused;
        }

        var toCitizen = FieldPhotos.AsksToSendToCitizen(message.Text) || (target.Source == FieldPhotoSource.Chosen && remembered!.ChosenToCitizen);
        var caption = CaptionOf(message.Text);
        string? notSent = null;
        var kept = 0;
        foreach (var photo in photos)
        {
            long eventId;
            if (toCitizen && notSent is null && Uri.TryCreate(photo.Url, UriKind.Absolute, out var url))
            {
                // Zalo's own link to the officer's photo: the citizen gets the image without an upload, while the link lives.
                var sent = await tickets.AddToThreadAsync(connection, transaction, staff, ticket!.Code, TicketEventKinds.StaffReply, isPublic: true,
                    caption ?? DefaultCaption, cancellationToken, reply => ZaloMessages.Image(url: url, caption: reply));
                if (sent.Failure is null)
                {
                    eventId = await TicketQueries.LatestEventIdAsync(connection, transaction, ticket.Id, TicketEventKinds.StaffReply, cancellationToken);
                    await EvidenceQueue.EnqueueAsync(connection, transaction, ticket.Id, eventId, [photo], now, cancellationToken, origin: "staff", phase: AfterPhase);
                    kept++;
                    continue;
                }
                // The ticket is open (checked above), so the refusal is an approval rule: approvers approve words, not photos.
                notSent = StaffTexts.PhotoNeedsApproval;
            }
            eventId = await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticket!.Id, ActorKind.Staff,
                staff.Id.ToString(CultureInfo.InvariantCulture), TicketEventKinds.FieldPhoto, IsPublic: false, caption,
                new { attachments = new[] { new { type = "image", url = photo.Url } } }), now, cancellationToken);
            await TicketLedger.TouchAsync(connection, transaction, ticket.Id, now, cancellationToken);
            await EvidenceQueue.EnqueueAsync(connection, transaction, ticket.Id, eventId, [photo], now, cancellationToken, origin: "staff", phase: AfterPhase);
            kept++;
        }
        await StaffPhotoTargets.PhotoTakenAsync(connection, transaction, staff.Id, ticket!.Id, now, cancellationToken);
        return ZaloMessages.Text(notSent is not null
            ? StaffTexts.PhotoNotSent(ticket.Code, notSent)
            : StaffTexts.PhotoSaved(ticket.Code, kept, toCitizen, guessed: target.Source == FieldPhotoSource.Recent));
    }

    /// <summary>Why this officer cannot add a photo to this ticket, in their words; null when they can.</summary>
    private static JsonObject? Refusal(StaffIdentity staff, TicketView? ticket, string code)
    {
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode)) return ZaloMessages.Text(StaffTexts.NotFound(code));
        if (!MayAddPhoto(staff.Role)) return ZaloMessages.Text(StaffTexts.PhotoNotAllowed(ticket.Code));
        // A resolved ticket is still open: the photo of the finished work often comes just after the resolution.
        return ticket.Status.IsOpen() ? null : ZaloMessages.Text(StaffTexts.PhotoTicketClosed(ticket.Code, TicketStatusText.ForCitizen(ticket.Status)));
    }

    /// <summary>
    /// The caption as the citizen would read it: without the code and without "gửi dân" (an instruction to us, not words
    /// for them); null when nothing but instructions ("ảnh", "gửi dân") is left.
    /// </summary>
    private static string? CaptionOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var rest = (TicketCode.TryFind(text, out _, out var span) ? text.Remove(span.Start, span.Length) : text).Trim();
        if (FieldPhotos.IsInstructionOnly(Domain.Text.TextNormalizer.Normalize(rest))) return null;
        var words = SendWords().Replace(rest, " ").Trim(' ', ',', '.', ';', ':', '-');
        return words.Length == 0 ? null : words;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\s,.;:!-]*\bg(ử|u)i\s+((người|nguoi|công|cong)\s+)?(dân|dan)\b[\s,.;:!-]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SendWords();

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
