using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Tracks;

/// <summary>Sets a new ticket's clocks from its track and priority (the resolution clock starts at acceptance: <see cref="TrackPolicy"/>).</summary>
public sealed class TrackClocks(TrackSettings settings, ZaloBot.Calendar.HolidayCalendar holidays)
{
    /// <summary>The new ticket's track and priority (from the conversation), and its first-response and acceptance clocks.</summary>
    public async Task ApplyCreatedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, SetTicketTrack set, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync(cancellationToken);
        var calendar = await holidays.GetAsync(cancellationToken);
        var track = TicketTracks.IsKnown(set.Track) ? set.Track : TicketTracks.Pakn;
        var priority = Priorities.IsKnown(set.Priority) ? set.Priority : Priorities.Normal;
        var id = await TicketLedger.SetStartingClocksAsync(connection, transaction, set.TicketCode, citizenZaloId, track, set.SuggestedTrack, priority,
            rules.Priority(priority).FirstResponseDue(calendar, rules.OfficeHours, now), rules.Track(track).AcceptanceDue(calendar, now), cancellationToken);
        if (id is { } ticketId && (track != TicketTracks.Pakn || set.SuggestedTrack != TicketTracks.Pakn || priority != Priorities.Normal))
            await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticketId, ActorKind.System, null, TrackEvents.TrackSet, IsPublic: false, null,
                new { track, suggested_track = set.SuggestedTrack, priority }), now, cancellationToken);
        // An urgent ticket is pushed to intake and supervisors at once, apart from the ordinary "new ticket" push, so
        // that it stands out on a phone among the day's others.
        if (id is { } urgentId && priority == Priorities.Urgent)
            await ZaloBot.Staff.StaffPush.ToIntakeAsync(connection, transaction, $"ticket:{urgentId}:urgent", Domain.StaffChat.StaffTexts.UrgentTicket(set.TicketCode), set.TicketCode, now, cancellationToken);
    }
}
