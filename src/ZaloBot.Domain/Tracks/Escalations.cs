using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tracks;

public enum BreachKind
{
    /// <summary>Still not accepted when the first-response clock (working hours, by priority) ran out.</summary>
    FirstResponse,
    /// <summary>Still not accepted when the track's acceptance period ran out.</summary>
    Acceptance,
    /// <summary>Accepted but not resolved by the resolution due date (after any extension).</summary>
    Resolution,
}

/// <summary>The clocks of one ticket, as stored.</summary>
public sealed record TicketClocks(TicketStatus Status, DateTimeOffset? FirstResponseDue, DateTimeOffset? AcceptanceDue, DateTimeOffset? ResolutionDue, bool AwaitingApproval = false);

public sealed record Breach(BreachKind Kind, DateTimeOffset DueAt);

/// <summary>
/// Which clocks a ticket has broken. The caller escalates each breach once: the breach is identified by its kind and
/// the due date it broke, so an extended or reopened ticket that breaks its new date escalates again.
/// </summary>
public static class Escalations
{
    public static IReadOnlyList<Breach> Breaches(TicketClocks clocks, DateTimeOffset now)
    {
        var breaches = new List<Breach>();
        if (clocks.Status.AwaitsAcceptance())
        {
            if (clocks.FirstResponseDue is { } first && now > first) breaches.Add(new(BreachKind.FirstResponse, first));
            if (clocks.AcceptanceDue is { } acceptance && now > acceptance) breaches.Add(new(BreachKind.Acceptance, acceptance));
        }
        // An answer waiting for approval is the office's delay, not the handler's: it still counts.
        else if (clocks.Status.ClockRuns() && clocks.ResolutionDue is { } due && now > due)
            breaches.Add(new(BreachKind.Resolution, due));
        return breaches;
    }

    public static string ToName(this BreachKind kind) => kind switch
    {
        BreachKind.FirstResponse => "first_response",
        BreachKind.Acceptance => "acceptance",
        _ => "resolution",
    };
}
