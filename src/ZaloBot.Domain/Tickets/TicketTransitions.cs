namespace ZaloBot.Domain.Tickets;

/// <summary>What a staff member supplies with an action.</summary>
public sealed record TransitionInput(string? Reason = null, string? Result = null, string? AgencyCode = null);

public abstract record TransitionDecision
{
    public sealed record Allowed(TicketStatus To) : TransitionDecision;

    /// <summary>The action does not apply to a ticket in this state, or not for this role (HTTP 409 / 403).</summary>
    public sealed record Refused(string Reason, bool RoleNotAllowed) : TransitionDecision;

    /// <summary>The action applies but something it needs is missing (HTTP 400).</summary>
    public sealed record Incomplete(string Reason) : TransitionDecision;
}

/// <summary>
/// Decides a move against <see cref="TicketActions"/>: anything not in the table is refused. Reopening is possible
/// only within <see cref="ReopenWindow"/> of the resolution.
/// </summary>
public static class TicketTransitions
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(30);

    public static TransitionDecision Decide(TicketAction action, TicketStatus from, StaffRole role, TransitionInput input, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        var spec = TicketActions.Of(action);
        if (!spec.Roles.Contains(role) && spec.From.Contains(from))
            return new TransitionDecision.Refused($"The role {role.ToName()} may not {spec.Name} tickets.", RoleNotAllowed: true);
        return DecideState(spec, from, input, resolvedAt, now);
    }

    /// <summary>An action the citizen takes from chat ("not fixed yet" reopens): the same table, without staff roles.</summary>
    public static TransitionDecision DecideForCitizen(TicketAction action, TicketStatus from, TransitionInput input, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        var spec = TicketActions.Of(action);
        return spec.CitizenMay
            ? DecideState(spec, from, input, resolvedAt, now)
            : new TransitionDecision.Refused($"A citizen may not {spec.Name} tickets.", RoleNotAllowed: true);
    }

    private static TransitionDecision DecideState(TicketActionSpec spec, TicketStatus from, TransitionInput input, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        if (!spec.From.Contains(from))
            return new TransitionDecision.Refused($"A ticket that is {from.ToName()} cannot be {spec.Past}.", RoleNotAllowed: false);
        if (spec.Clock == ClockEffect.Restarts && resolvedAt is { } resolved && now - resolved > ReopenWindow)
            return new TransitionDecision.Refused($"A ticket can be reopened only within {ReopenWindow.TotalDays:0} days of its resolution.", RoleNotAllowed: false);
        return spec.Missing(input) is { } missing ? new TransitionDecision.Incomplete(missing) : new TransitionDecision.Allowed(spec.To);
    }

    /// <summary>The statuses an action can start from (for documentation and the staff console).</summary>
    public static IReadOnlyList<TicketStatus> From(TicketAction action) => TicketActions.Of(action).From;

    public static IReadOnlyList<StaffRole> RolesFor(TicketAction action) => TicketActions.Of(action).Roles;
}
