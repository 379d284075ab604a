using ZaloBot.Calendar;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets;
using ZaloBot.Tracks;

namespace ZaloBot.StaffConsole;

/// <summary>The ticket page's track card: the stored track, priority and clocks, and the badge each clock shows now.</summary>
public sealed record TrackCard(TicketClocksView Clocks, TicketClock? FirstResponse, TicketClock? Acceptance, TicketClock? Resolution)
{
    public static async Task<TrackCard?> LoadAsync(NpgsqlConnection connection, TicketView ticket, TrackSettings settings, HolidayCalendar holidays,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clocks = await TracksApi.LoadClocksAsync(connection, ticket.Code, cancellationToken);
        if (clocks is null) return null;
        var rules = await settings.GetAsync(cancellationToken);
        var calendar = await holidays.GetAsync(cancellationToken);
        // A badge only beside a clock that still runs: a met or paused deadline shows its date alone.
        var held = ticket.HeldAt is not null;
        TicketClock? Clock(DateTime? firstResponse, DateTime? acceptance, DateTime? resolution) => NearestClock.Of(ticket.Status,
            TicketService.Utc(firstResponse), TicketService.Utc(acceptance), TicketService.Utc(resolution), held, calendar, rules.OfficeHours, now);
        return new TrackCard(clocks, Clock(clocks.FirstResponseDueAt, null, null), Clock(null, clocks.AcceptanceDueAt, null), Clock(null, null, clocks.DueAt));
    }
}
