using Dapper;
using Npgsql;
using ZaloBot.Calendar;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Tracks;

/// <summary>
/// What the conversation decided about tracks and resolved tickets, written in the turn's transaction: the new ticket's
/// track and clocks, "fixed" / "not fixed yet" (which reopens the ticket and tells its agency), and low ratings.
/// </summary>
public sealed class CitizenFeedback(TrackClocks clocks, HolidayCalendar holidays, ILogger<CitizenFeedback> logger)
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
                    await TrackEvents.AddAsync(connection, transaction, id.Id, "citizen", citizenZaloId, TrackEvents.CitizenConfirmedFixed, isPublic: true, null, new { }, now, ct);
                break;
            case CitizenNotFixed notFixed:
                await ReopenAsync(connection, transaction, citizenZaloId, notFixed, now, ct);
                break;
            default:
                throw new InvalidOperationException($"Unhandled track effect {effect.GetType().Name}");
        }
    }

    private async Task ReopenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, CitizenNotFixed notFixed, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = await OwnTicketAsync(connection, transaction, citizenZaloId, notFixed.TicketCode, ct);
        if (ticket is null) return;
        var (id, status, agency, resolvedAt) = ticket.Value;
        // The engine checked the window when it asked; by now an officer may have closed the ticket: keep the words anyway.
        var reopenable = status == "resolved" && resolvedAt is { } r && now - new DateTimeOffset(DateTime.SpecifyKind(r, DateTimeKind.Utc)) <= TicketTransitions.ReopenWindow;
        if (!reopenable)
        {
            logger.LogInformation("Ticket {TicketCode} could not be reopened by its citizen (status {Status}); the message joins its thread", notFixed.TicketCode, status);
            await TrackEvents.AddAsync(connection, transaction, id, "citizen", citizenZaloId, "citizen_message", isPublic: true, notFixed.Text, new { not_fixed = true }, now, ct);
            return;
        }
        var due = HolidayCalendar.DueAt(await holidays.GetAsync(ct), now, TicketService.ReopenWorkingDays);
        await connection.ExecuteAsync(new CommandDefinition("""
            update tickets set status = 'in_progress', resolved_at = null, due_at = @due, reopen_count = reopen_count + 1, updated_at = @now, version = version + 1
            where id = @id
            """, new { due, now, id }, transaction, cancellationToken: ct));
        var eventId = await TrackEvents.AddAsync(connection, transaction, id, "citizen", citizenZaloId, TrackEvents.CitizenReopened, isPublic: true, notFixed.Text,
            new { from = "resolved", to = "in_progress" }, now, ct);
        var text = TrackTexts.CitizenNotFixed(notFixed.TicketCode, notFixed.Text);
        if (agency is not null) await StaffPush.ToAgencyAsync(connection, transaction, agency, $"ticket-event:{eventId}:not-fixed", text, notFixed.TicketCode, now, ct);
        else await StaffPush.ToIntakeAsync(connection, transaction, $"ticket-event:{eventId}:not-fixed", text, notFixed.TicketCode, now, ct);
    }

    /// <summary>After the citizen's rating: 1–2 flags the ticket for review and tells the supervisors.</summary>
    public static async Task AfterRatingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, RateTicket rate, DateTimeOffset now, CancellationToken ct)
    {
        if (rate.Rating > LowRating) return;
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            update tickets set review_flagged_at = @now, review_reason = @reason
            where code = @code and citizen_zalo_id = @citizenZaloId and status in ('resolved', 'closed')
            returning id
            """, new { now, reason = $"rating {rate.Rating}", code = rate.TicketCode, citizenZaloId }, transaction, cancellationToken: ct));
        if (id is null) return;
        var eventId = await TrackEvents.AddAsync(connection, transaction, id.Value, "system", null, TrackEvents.FlaggedForReview, isPublic: false, null, new { rating = rate.Rating }, now, ct);
        await StaffPush.ToSupervisorsAsync(connection, transaction, $"ticket-event:{eventId}:review", TrackTexts.LowRating(rate.TicketCode, rate.Rating), rate.TicketCode, now, ct);
    }

    private static Task<(long Id, string Status, string? Agency, DateTime? ResolvedAt)?> OwnTicketAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<(long Id, string Status, string? Agency, DateTime? ResolvedAt)?>(new CommandDefinition(
            "select id, status, assigned_agency_code, resolved_at from tickets where code = @code and citizen_zalo_id = @citizenZaloId for update",
            new { code, citizenZaloId }, transaction, cancellationToken: ct));

    /// <summary>The citizen's resolved tickets still inside the reopen window, for the conversation.</summary>
    public static async Task<IReadOnlySet<string>> ReopenableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "select code from tickets where citizen_zalo_id = @citizenZaloId and status = 'resolved' and resolved_at >= @since",
            new { citizenZaloId, since = now - TicketTransitions.ReopenWindow }, transaction, cancellationToken: ct))).ToHashSet();
}
