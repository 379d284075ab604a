using ZaloBot.Tickets.Ledger;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Tracks;

/// <summary>
/// What the conversation decided about tracks and resolved tickets, written in the turn's transaction: the new ticket's
/// track and clocks, "fixed" / "not fixed yet" (which reopens the ticket and tells its agency), and low ratings.
/// </summary>
public sealed class CitizenFeedback(TrackClocks clocks, TicketService tickets, ILogger<CitizenFeedback> logger)
{
    /// <summary>A rating at or below this flags the ticket for a supervisor's review.</summary>
    public const int LowRating = 2;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, TrackEffect effect, DateTimeOffset now, CancellationToken ct)
    {
        switch (effect)
        {
            case SetTicketTrack set:
                await clocks.ApplyCreatedAsync(connection, transaction, citizenZaloId, set, now, ct);
                break;
            case CitizenConfirmedFixed confirmed:
                if (await OwnTicketAsync(connection, transaction, citizenZaloId, confirmed.TicketCode, ct) is { } id)
                    await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(id.Id, ActorKind.Citizen, citizenZaloId, TrackEvents.CitizenConfirmedFixed, IsPublic: true, null, new { }), now, ct);
                break;
            case CitizenNotFixed notFixed:
                await ReopenAsync(connection, transaction, citizenZaloId, notFixed, now, ct);
                break;
            default:
                throw new InvalidOperationException($"Unhandled track effect {effect.GetType().Name}");
        }
    }

    /// <summary>
    /// "Not fixed yet" is the citizen's reopen: the same row of the action table as a staff reopen (window, clock,
    /// reopen count, the agency told). When the ticket can no longer reopen — an officer may have closed it since the
    /// engine asked — the words join its thread anyway.
    /// </summary>
    private async Task ReopenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, CitizenNotFixed notFixed, DateTimeOffset now, CancellationToken ct)
    {
        if (await tickets.ApplyForCitizenAsync(connection, transaction, citizenZaloId, notFixed.TicketCode, TicketAction.Reopen, notFixed.Text, now, ct) is not null) return;
        if (await OwnTicketAsync(connection, transaction, citizenZaloId, notFixed.TicketCode, ct) is not { } ticket) return;
        logger.LogInformation("Ticket {TicketCode} could not be reopened by its citizen (status {Status}); the message joins its thread", notFixed.TicketCode, ticket.Status.ToName());
        await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticket.Id, ActorKind.Citizen, citizenZaloId, TicketEventKinds.CitizenMessage, IsPublic: true, notFixed.Text,
            new { not_fixed = true }), now, ct);
    }

    /// <summary>After the citizen's rating: 1–2 flags the ticket for review and tells the supervisors.</summary>
    public static async Task AfterRatingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, RateTicket rate, DateTimeOffset now, CancellationToken ct)
    {
        if (rate.Rating > LowRating) return;
        var id = await TicketLedger.FlagForReviewAsync(connection, transaction, rate.TicketCode, citizenZaloId, $"rating {rate.Rating}", now, ct);
        if (id is null) return;
        var eventId = await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(id.Value, ActorKind.System, null, TrackEvents.FlaggedForReview, IsPublic: false, null, new { rating = rate.Rating }), now, ct);
        await StaffPush.ToSupervisorsAsync(connection, transaction, $"ticket-event:{eventId}:review", TrackTexts.LowRating(rate.TicketCode, rate.Rating), rate.TicketCode, now, ct);
    }

    private static Task<(long Id, TicketStatus Status)?> OwnTicketAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<(long Id, TicketStatus Status)?>(new CommandDefinition(
            "select id, status from tickets where code = @code and citizen_zalo_id = @citizenZaloId for update",
            new { code, citizenZaloId }, transaction, cancellationToken: ct));

    /// <summary>The citizen's resolved tickets still inside the reopen window, for the conversation (read with its other per-turn queries).</summary>
    public const string ReopenableSql = "select code from tickets where citizen_zalo_id = @citizenZaloId and status = @resolved and resolved_at >= @since";

    /// <summary>The parameters of <see cref="ReopenableSql"/> besides the citizen.</summary>
    public static (DateTimeOffset Since, TicketStatus Resolved) ReopenableWindow(DateTimeOffset now) => (now - TicketTransitions.ReopenWindow, TicketStatus.Resolved);
}
