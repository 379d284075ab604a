using ZaloBot.Domain.Delivery;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Outbox;
using ZaloBot.Privacy;
using ZaloBot.Staff;
using ZaloBot.Inbox;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>What each stored webhook event means: a citizen's turn in the conversation, a staff reply typed in Zalo's own chat tool, or nothing.</summary>
public sealed class ConversationEventHandler(
    ConversationTurns turns,
    StaffEnrolment enrolment,
    StaffChatHandler staffChat,
    Microsoft.Extensions.Options.IOptions<NudgeOptions> nudges,
    ZaloBot.Oas.OaDirectory oas,
    TimeProvider time,
    ILogger<ConversationEventHandler> logger) : IInboxEventHandler
{
    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        var zaloEvent = WithSaneClock(inboxEvent.Event, time.GetUtcNow());
        // Events that name no OA are the configured OA's (what a single-OA deployment always received).
        var oaId = zaloEvent.OaId ?? oas.PrimaryOaId;

        // One round trip: the interaction recorded (the clock is already bounded to now by WithSaneClock: a forged future
        // date cannot hold a window open); any message opens the free window, so notices waiting behind a nudge go now,
        // as answers to it; and whether the sender is linked staff.
        var written = zaloEvent is UserMessageEvent { IsAnonymous: false, MsgId.Length: > 0 } w ? w : null;
        // Linked staff are looked for behind typed text (chat commands) and photos (from the field), not enrolment codes.
        var staffCandidate = zaloEvent is UserMessageEvent { IsAnonymous: false } m
                    && (m is { EventName: "user_send_text", Text: { } t } ? !StaffEnrolment.TryReadCode(t, out _) : m.Attachments.Count > 0) ? m : null;
        var arrival = await EventArrival.RunAsync(connection, transaction,
            IsInteraction(zaloEvent) && zaloEvent.UserId is { } interacting ? (new ZaloRecipient(oaId, interacting), zaloEvent.Timestamp) : null,
            written is null ? null : (written.SenderId, written.MsgId, time.GetUtcNow()),
            staffCandidate is null ? null : new ZaloRecipient(oaId, staffCandidate.SenderId), cancellationToken);
        // Sent with the nudge's keyword ("XEM PA-…"), the released notices are the whole answer.
        if (written is not null && arrival.NudgesReleased > 0 && NudgeReply.IsKeyword(written.Text, nudges.Value.Keyword))
            return;

        switch (zaloEvent)
        {
            case UnknownEvent { EventName: ZaloEventNames.UserWithdraw, UserId: { } withdrawing }:
                var erased = await CitizenDataErasure.EraseAsync(connection, transaction, withdrawing, inboxEvent.Id, time.GetUtcNow(), cancellationToken);
                logger.LogInformation("user_withdraw honoured: {Tickets} ticket(s), {InboxEvents} event(s), {OutboxRows} message(s) erased",
                    erased.Tickets, erased.InboxEvents, erased.OutboxRows);
                return;
            case OaMessageEvent { AdminId: not null } staffReply:
                // Typed by staff in Zalo's OA chat tool: part of the record, even though it bypassed us.
                await TicketIntake.AppendExternalStaffReplyAsync(connection, transaction, staffReply.RecipientId, staffReply.AdminId,
                    staffReply.Text, staffReply.MsgId, time.GetUtcNow(), cancellationToken);
                return;
            case UserMessageEvent { IsAnonymous: true }:
                // Anonymous chatters cannot be answered by the consultation API; their messages stay in the inbox.
                logger.LogInformation("Anonymous message {InboxId} kept without a conversation", inboxEvent.Id);
                return;
        }

        if (zaloEvent is UserMessageEvent { EventName: "user_send_text", Text: { } text } message)
        {
            var cause = $"inbox:{inboxEvent.Id}";
            if (StaffEnrolment.TryReadCode(text, out var code))
            {
                await EnrolAsync(connection, transaction, new ZaloRecipient(oaId, message.SenderId), code, cause, message.MsgId, inboxEvent.CorrelationId, cancellationToken);
                return;
            }
            if (arrival.Staff is { } staff)
            {
                await staffChat.HandleAsync(connection, transaction, staff, new ZaloRecipient(oaId, message.SenderId), text, cause, message.MsgId, inboxEvent.CorrelationId, cancellationToken);
                return;
            }
        }

        // A linked officer's photo is a photo from the field, not a citizen's complaint.
        if (zaloEvent is UserMessageEvent { Attachments.Count: > 0 } media && arrival.Staff is { } officer)
        {
            await staffChat.HandlePhotoAsync(connection, transaction, officer, new ZaloRecipient(oaId, media.SenderId), media, $"inbox:{inboxEvent.Id}", inboxEvent.CorrelationId, cancellationToken);
            return;
        }

        if (CitizenInputs.From(zaloEvent) is not { } input || zaloEvent.UserId is not { } userId) return;
        // Answers to a message are replies to it (free); a follow or a form has no message to reply to.
        var replyTo = zaloEvent is UserMessageEvent { MsgId.Length: > 0 } inbound ? inbound.MsgId : null;
        await turns.RunAsync(connection, transaction, new ZaloRecipient(oaId, userId), input, $"inbox:{inboxEvent.Id}", replyTo, inboxEvent.CorrelationId, cancellationToken);
    }

    /// <summary>What opens Zalo's 7-day window: the user wrote, followed, pressed a button, sent the form or opened the chat.</summary>
    private static bool IsInteraction(ZaloEvent zaloEvent) => zaloEvent switch
    {
        UserMessageEvent { IsAnonymous: false } => true,
        FollowEvent { IsFollow: true } => true,
        UserSubmitInfoEvent or ChatNowEvent => true,
        _ => false,
    };

    /// <summary>How far back an event's own timestamp is believed; older ones are handled as if this old.</summary>
    internal static readonly TimeSpan MaxEventAge = TimeSpan.FromDays(30);

    /// <summary>
    /// The event with its timestamp moved into [now − <see cref="MaxEventAge"/>, now]. The stored event keeps Zalo's
    /// value; only the engine's clock is bounded, because the engine dates the draft's activity by it: a signed event
    /// dated in the year 9999 overflowed the idle check, and one dated 1970 would expire the draft it just added to.
    /// </summary>
    internal static ZaloEvent WithSaneClock(ZaloEvent zaloEvent, DateTimeOffset now) =>
        zaloEvent.Timestamp > now ? zaloEvent with { Timestamp = now }
        : now - zaloEvent.Timestamp > MaxEventAge ? zaloEvent with { Timestamp = now - MaxEventAge }
        : zaloEvent;

    private async Task EnrolAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloRecipient zaloUser, string code, string cause, string replyTo, string? correlationId, CancellationToken cancellationToken)
    {
        var (outcome, staff) = await enrolment.RedeemAsync(connection, transaction, zaloUser, code, cancellationToken);
        var reply = outcome switch
        {
            EnrolmentOutcome.Linked => StaffTexts.Linked(staff!.Name, staff.Role),
            EnrolmentOutcome.RateLimited => StaffTexts.TooManyAttempts,
            _ => StaffTexts.WrongCode,
        };
        if (outcome != EnrolmentOutcome.Linked) logger.LogWarning("Staff enrolment refused ({Outcome})", outcome);
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(zaloUser, ZaloMessages.Text(reply), cause + ":0", correlationId, replyTo), time.GetUtcNow(), cancellationToken);
    }
}
