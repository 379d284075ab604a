using Dapper;
using Npgsql;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Tracks;

/// <summary>Sets a ticket's clocks when it is created and accepted, from its track and priority.</summary>
public sealed class TrackClocks(TrackSettings settings, ZaloBot.Calendar.HolidayCalendar holidays)
{
    /// <summary>The new ticket's track and priority (from the conversation), and its first-response and acceptance clocks.</summary>
    public async Task ApplyCreatedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, SetTicketTrack set, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync(cancellationToken);
        var calendar = await holidays.GetAsync(cancellationToken);
        var track = TicketTracks.IsKnown(set.Track) ? set.Track : TicketTracks.Pakn;
        var priority = Priorities.IsKnown(set.Priority) ? set.Priority : Priorities.Normal;
        const string sql = """
            update tickets
            set track = @track, suggested_track = @suggested, priority = @priority, suggested_priority = @priority,
                first_response_due_at = @first, acceptance_due_at = @acceptance
            where code = @code and citizen_zalo_id = @citizenZaloId
            returning id
            """;
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new
        {
            track, suggested = set.SuggestedTrack, priority, code = set.TicketCode, citizenZaloId,
            first = rules.Priority(priority).FirstResponseDue(calendar, rules.OfficeHours, now),
            acceptance = rules.Track(track).AcceptanceDue(calendar, now),
        }, transaction, cancellationToken: cancellationToken));
        if (id is { } ticketId && (track != TicketTracks.Pakn || set.SuggestedTrack != TicketTracks.Pakn || priority != Priorities.Normal))
            await TrackEvents.AddAsync(connection, transaction, ticketId, "system", null, TrackEvents.TrackSet, isPublic: false, null,
                new { track, suggested_track = set.SuggestedTrack, priority }, now, cancellationToken);
    }

    /// <summary>
    /// The resolution due date when a ticket is accepted: the track's own period (calendar days for khiếu nại and tố
    /// cáo), or the category's working days; and the moment of acceptance, from which it runs.
    /// </summary>
    public static async Task<DateTimeOffset> OnAcceptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, WorkingDayCalendar calendar, int categoryWorkingDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            update tickets t set accepted_at = @now
            from ticket_tracks r where t.id = @ticketId and r.code = t.track
            returning r.resolution_days as Days, r.resolution_day_kind as Kind
            """;
        var row = await connection.QuerySingleOrDefaultAsync<(int? Days, string Kind)?>(new CommandDefinition(sql, new { ticketId, now }, transaction, cancellationToken: cancellationToken));
        if (row is { Days: { } days } found && DayKinds.TryParse(found.Kind, out var kind))
            return Clocks.DueAfterDays(calendar, now, days, kind);
        return Clocks.DueAfterDays(calendar, now, categoryWorkingDays, DayKind.Working);
    }
}
