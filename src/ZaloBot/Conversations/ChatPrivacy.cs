using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Privacy;
using ZaloBot.Privacy;

namespace ZaloBot.Conversations;

/// <summary>
/// The conversation's privacy effects, applied in the turn's transaction: records appended, requests queued with their
/// clocks, and the answers that need the database (the data summary, the deadline) added to the turn's replies. A part
/// of the chat's turn, so it lives with the conversations and uses the privacy feature's records, one way.
/// </summary>
public sealed class ChatPrivacy(ConsentRecords consents, PrivacyRequests requests, DataExport export)
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Zalo.ZaloRecipient citizen, ConversationEffect effect, string? inboundMsgId,
        ReplyComposer replies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case RecordNoticeShown:
                await consents.AppendAsync(connection, transaction, citizen, Purposes.Notice, ConsentAnswers.Shown, null, inboundMsgId, now, cancellationToken);
                break;
            case RecordConsent consent:
                await consents.AppendAsync(connection, transaction, citizen, consent.Purpose, consent.Answer, consent.TicketCode, inboundMsgId, now, cancellationToken);
                break;
            case SetPublication publication:
                // The engine's publication choice is also a consent record for that ticket.
                await consents.AppendAsync(connection, transaction, citizen, Purposes.Publication,
                    publication.Publish ? ConsentAnswers.Granted : ConsentAnswers.Refused, publication.TicketCode, inboundMsgId, now, cancellationToken);
                break;
            case ShowMyData:
                replies.Add(new SendText(await export.SummaryWithLinkAsync(connection, transaction, citizen.UserId, now, cancellationToken)));
                await requests.CreateAsync(connection, transaction, citizen, RequestKinds.Access, null, inboundMsgId, now, completed: true, cancellationToken);
                break;
            case StartPrivacyRequest start:
                var due = await requests.CreateAsync(connection, transaction, citizen, start.Kind, start.Detail, inboundMsgId, now, completed: false, cancellationToken);
                replies.Add(new SendText(PrivacyTexts.RequestReceived(RequestKinds.Title(start.Kind), due)));
                break;
            case WithdrawConsents:
                foreach (var purpose in Purposes.Optional)
                    await consents.AppendAsync(connection, transaction, citizen, purpose, ConsentAnswers.Withdrawn, null, inboundMsgId, now, cancellationToken);
                var unpublished = await Tickets.Ledger.TicketLedger.WithdrawPublicationAsync(connection, transaction, citizen.UserId, now, cancellationToken);
                var dueDate = await requests.CreateAsync(connection, transaction, citizen, RequestKinds.Withdraw,
                    unpublished > 0 ? $"{unpublished} phản ánh đã thôi công khai" : null, inboundMsgId, now, completed: false, cancellationToken);
                replies.Add(new SendText(PrivacyTexts.Withdrawn + " " + PrivacyTexts.RequestReceived(RequestKinds.Title(RequestKinds.Withdraw), dueDate)));
                break;
            default:
                throw new InvalidOperationException($"Unhandled privacy effect {effect.GetType().Name}");
        }
    }
}
