using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Privacy;
using ZaloBot.Outbox;
using ZaloBot.Storage;
using ZaloBot.Understanding;

namespace ZaloBot.Conversations;

/// <summary>
/// Runs one input through the engine for one citizen and writes everything it decided — replies in the outbox,
/// ticket changes, the new state — in the caller's transaction. Used for webhook events and for idle ticks alike.
/// </summary>
public sealed class ConversationTurns(ConversationContextLoader contexts, IOptions<ConversationLimits> limits, TimeProvider time, UnrecognisedMessages unrecognised,
    Tracks.CitizenFeedback feedback, ZaloBot.SimilarReports.ChatSimilarOffers similarOffers, ChatPrivacy privacy,
    ZaloBot.ServiceCentres.CentreLinkSigner centreLinks)
{
    /// <param name="causeKey">Identifies what caused this turn (e.g. <c>inbox:42</c>); replies are keyed by it, so a replayed cause adds nothing.</param>
    /// <param name="replyToMsgId">The citizen's inbound message this turn answers (replies to it are free); null for idle ticks.</param>
    /// <param name="citizen">The citizen as the OA they wrote to knows them: answers leave through that OA.</param>
    public async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloBot.Zalo.ZaloRecipient citizen, ConversationInput input, string causeKey, string? replyToMsgId, string? correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Tickets, feedback and privacy records are found by the user id, which Zalo never gives to two people on different OAs.
        var userId = citizen.UserId;
        var (stored, context) = await contexts.LoadAsync(connection, transaction, citizen, limits.Value, cancellationToken);
        var state = stored ?? ConversationState.New();
        context = await similarOffers.AddToAsync(connection, transaction, userId, state, context, cancellationToken);

        // A signed centre code is checked and spent here, in this transaction; the engine gets the verdict.
        input = await centreLinks.ReadAsync(connection, transaction, input, cancellationToken);
        var result = ConversationEngine.Handle(state, input, context);

        var replies = new ReplyComposer();
        foreach (var effect in result.Effects)
        {
            if (replies.Add(effect)) continue;
            switch (effect)
            {
                case CreateTicket ticket:
                    // ID card numbers are never needed to handle a case: stored with only their last digits.
                    await TicketIntake.CreateAsync(connection, transaction, citizen, ticket with { Description = IdNumbers.Mask(ticket.Description) }, now, cancellationToken);
                    break;
                case AppendToTicket append:
                    await TicketIntake.AppendCitizenMessageAsync(connection, transaction, userId, append.TicketCode,
                        append.Text is null ? null : IdNumbers.Mask(append.Text), append.Attachments, now, cancellationToken);
                    break;
                case RateTicket rate:
                    await TicketIntake.RecordRatingAsync(connection, transaction, userId, rate.TicketCode, rate.Rating, now, cancellationToken);
                    await Tracks.CitizenFeedback.AfterRatingAsync(connection, transaction, userId, rate, now, cancellationToken);
                    break;
                case TrackEffect track:
                    await feedback.ApplyAsync(connection, transaction, userId, track, now, cancellationToken);
                    break;
                case SetPublication choice:
                    await ZaloBot.SimilarReports.ChatSimilarOffers.SetPublicationAsync(connection, transaction, userId, choice.TicketCode, choice.Publish, cancellationToken);
                    await privacy.ApplyAsync(connection, transaction, citizen, choice, replyToMsgId, replies, now, cancellationToken);
                    break;
                case PrivacyEffect privacyEffect:
                    await privacy.ApplyAsync(connection, transaction, citizen, privacyEffect, replyToMsgId, replies, now, cancellationToken);
                    break;
                case FollowTicket follow:
                    await ZaloBot.SimilarReports.ChatSimilarOffers.FollowAsync(connection, transaction, citizen, follow.TicketCode, now, cancellationToken);
                    break;
                case RecordNotUnderstood message:
                    await unrecognised.RecordAsync(connection, transaction, message, now, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unhandled conversation effect {effect.GetType().Name}");
            }
        }

        // The replies and the new state need no answer from the database: one round trip for all of them.
        var messages = replies.Build();
        var writes = messages.Select((message, i) => OutboxWriter.Insert(new OutboxMessage(citizen, message, $"{causeKey}:{i}", correlationId, replyToMsgId), now))
            .Append(ConversationStore.Save(citizen, result.State, ConversationEngine.NextIdleCheck(result.State, limits.Value), now, ConversationStateJson.Default.ConversationState));
        await StatementBatch.ExecuteAsync(connection, transaction, writes, cancellationToken);
    }
}
