using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Publication;
using ZaloBot.Tickets;

namespace ZaloBot.SimilarReports;

/// <summary>
/// The conversation's side of similar reports: before a draft is confirmed, the closest open match (if close enough) goes
/// into the engine's context; the engine's choices (follow a ticket, publish or not) are written here.
/// </summary>
public sealed class ChatSimilarOffers(SimilarReportFinder finder)
{
    public async Task<ConversationContext> AddToAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, ConversationState state, ConversationContext context, CancellationToken cancellationToken)
    {
        // Only a draft at its summary is complete enough to compare, and the query runs only then.
        var draft = state.Draft;
        if (!finder.Options.OfferInChat || state.Step is not (Step.Confirm or Step.FollowOffer) || draft.CategoryCode is null || draft.Description is null)
            return context;
        var matches = await finder.FindAsync(connection, transaction,
            new SimilarityProbe(draft.CategoryCode, draft.Description, draft.AreaCode, draft.Latitude, draft.Longitude, ExcludeCitizen: userId),
            finder.Options.OfferScore, 1, cancellationToken);
        if (matches is not [var match, ..]) return context;
        return context with
        {
            SimilarOpen = new SimilarOpenTicket(match.Code, PublicView.ShortText(match.Description, null, 160), TicketStatusText.ForCitizen(match.Status)),
        };
    }

    public static async Task FollowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloBot.Zalo.ZaloRecipient citizen, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select id from tickets where code = @ticketCode", new { ticketCode }, transaction, cancellationToken: cancellationToken));
        if (id is { } ticketId) await TicketFollowers.AddAsync(connection, transaction, ticketId, citizen, null, now, cancellationToken);
    }

    /// <summary>The citizen's own ticket only: a forged code for someone else's ticket changes nothing.</summary>
    public static Task SetPublicationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, string ticketCode, bool publish, CancellationToken cancellationToken) =>
        ZaloBot.Tickets.Ledger.TicketLedger.SetPublicationAsync(connection, transaction, ticketCode, userId, publish, cancellationToken);
}
