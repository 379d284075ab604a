using System.Text.Json;
using Npgsql;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Webhooks;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>What each stored webhook event means: a citizen's turn in the conversation, a staff reply typed in Zalo's own chat tool, or nothing.</summary>
public sealed class ConversationEventHandler(
    ConversationTurns turns,
    StaffEnrolment enrolment,
    StaffChatHandler staffChat,
    TimeProvider time,
    ILogger<ConversationEventHandler> logger) : IInboxEventHandler
{
    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(inboxEvent.Payload);
        if (!ZaloEventParser.TryReadEnvelope(document.RootElement, out var envelope, out var error))
            throw new InvalidOperationException($"Stored event {inboxEvent.Id} has no envelope: {error}");
        var zaloEvent = WithSaneClock(ZaloEventParser.Parse(document.RootElement, envelope), time.GetUtcNow());

        switch (zaloEvent)
        {
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
                await EnrolAsync(connection, transaction, message.SenderId, code, cause, inboxEvent.CorrelationId, cancellationToken);
                return;
            }
            if (await StaffEnrolment.LinkedStaffAsync(connection, transaction, message.SenderId, cancellationToken) is { } staff)
            {
                await staffChat.HandleAsync(connection, transaction, staff, message.SenderId, text, cause, inboxEvent.CorrelationId, cancellationToken);
                return;
            }
        }

        if (CitizenInputs.From(zaloEvent) is not { } input || zaloEvent.UserId is not { } userId) return;
        await turns.RunAsync(connection, transaction, userId, input, $"inbox:{inboxEvent.Id}", inboxEvent.CorrelationId, cancellationToken);
    }

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

    private async Task EnrolAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string zaloUserId, string code, string cause, string? correlationId, CancellationToken cancellationToken)
    {
        var (outcome, staff) = await enrolment.RedeemAsync(connection, transaction, zaloUserId, code, cancellationToken);
        var reply = outcome switch
        {
            EnrolmentOutcome.Linked => StaffTexts.Linked(staff!.Name, staff.Role),
            EnrolmentOutcome.RateLimited => StaffTexts.TooManyAttempts,
            _ => StaffTexts.WrongCode,
        };
        if (outcome != EnrolmentOutcome.Linked) logger.LogWarning("Staff enrolment refused ({Outcome})", outcome);
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(zaloUserId, ZaloMessages.Text(reply), cause + ":0", correlationId), time.GetUtcNow(), cancellationToken);
    }
}
