using System.Text.Json;
using Npgsql;
using ZaloBot.Webhooks;

namespace ZaloBot.Conversations;

/// <summary>What each stored webhook event means: a citizen's turn in the conversation, a staff reply typed in Zalo's own chat tool, or nothing.</summary>
public sealed class ConversationEventHandler(ConversationTurns turns, TimeProvider time, ILogger<ConversationEventHandler> logger) : IInboxEventHandler
{
    public async Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(inboxEvent.Payload);
        if (!ZaloEventParser.TryReadEnvelope(document.RootElement, out var envelope, out var error))
            throw new InvalidOperationException($"Stored event {inboxEvent.Id} has no envelope: {error}");
        var zaloEvent = ZaloEventParser.Parse(document.RootElement, envelope);

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

        if (CitizenInputs.From(zaloEvent) is not { } input || zaloEvent.UserId is not { } userId) return;
        await turns.RunAsync(connection, transaction, userId, input, $"inbox:{inboxEvent.Id}", inboxEvent.CorrelationId, cancellationToken);
    }
}
