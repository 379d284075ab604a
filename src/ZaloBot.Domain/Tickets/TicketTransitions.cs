namespace ZaloBot.Domain.Tickets;

public enum TicketAction
{
    Accept,
    Reject,
    Assign,
    Transfer,
    Start,
    Resolve,
    Reopen,
    Close,
}

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
/// Every allowed move of a ticket, in one table: from which statuses, to which, by whom, and what it needs. Anything
/// not in the table is refused. Reopening is possible only within <see cref="ReopenWindow"/> of the resolution.
/// </summary>
public static class TicketTransitions
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(30);

    private sealed record Rule(TicketAction Action, TicketStatus[] From, TicketStatus To, StaffRole[] Roles, Func<TransitionInput, string?> Requires);

    private static readonly StaffRole[] Oversight = [StaffRole.Supervisor, StaffRole.Admin];
    private static string? Nothing(TransitionInput _) => null;
    private static string? NeedsReason(TransitionInput i) => string.IsNullOrWhiteSpace(i.Reason) ? "A reason is required." : null;
    private static string? NeedsResult(TransitionInput i) => string.IsNullOrWhiteSpace(i.Result) ? "The result of the handling is required." : null;
    private static string? NeedsAgency(TransitionInput i) => string.IsNullOrWhiteSpace(i.AgencyCode) ? "The agency to assign is required." : null;
    private static string? NeedsAgencyAndReason(TransitionInput i) => NeedsAgency(i) ?? NeedsReason(i);

    private static readonly Rule[] Rules =
    [
        new(TicketAction.Accept, [TicketStatus.Received], TicketStatus.Accepted, [StaffRole.IntakeOfficer, .. Oversight], Nothing),
        new(TicketAction.Reject, [TicketStatus.Received, TicketStatus.Accepted], TicketStatus.Rejected, [StaffRole.IntakeOfficer, StaffRole.DiagnosisOfficer, .. Oversight], NeedsReason),
        new(TicketAction.Assign, [TicketStatus.Accepted], TicketStatus.Assigned, [StaffRole.DiagnosisOfficer, .. Oversight], NeedsAgency),
        new(TicketAction.Transfer, [TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Assigned, [StaffRole.DiagnosisOfficer, StaffRole.AgencyHandler, .. Oversight], NeedsAgencyAndReason),
        new(TicketAction.Start, [TicketStatus.Assigned], TicketStatus.InProgress, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], Nothing),
        new(TicketAction.Resolve, [TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Resolved, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], NeedsResult),
        new(TicketAction.Reopen, [TicketStatus.Resolved], TicketStatus.InProgress, [StaffRole.IntakeOfficer, .. Oversight], NeedsReason),
        new(TicketAction.Close, [TicketStatus.Resolved], TicketStatus.Closed, [StaffRole.IntakeOfficer, .. Oversight], Nothing),
    ];

    public static TransitionDecision Decide(TicketAction action, TicketStatus from, StaffRole role, TransitionInput input, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        var rule = Rules.Single(r => r.Action == action);
        if (!rule.From.Contains(from))
            return new TransitionDecision.Refused($"A ticket that is {from.ToName()} cannot be {Past(action)}.", RoleNotAllowed: false);
        if (!rule.Roles.Contains(role))
            return new TransitionDecision.Refused($"The role {role.ToName()} may not {action.ToString().ToLowerInvariant()} tickets.", RoleNotAllowed: true);
        if (action == TicketAction.Reopen && resolvedAt is { } resolved && now - resolved > ReopenWindow)
            return new TransitionDecision.Refused($"A ticket can be reopened only within {ReopenWindow.TotalDays:0} days of its resolution.", RoleNotAllowed: false);
        return rule.Requires(input) is { } missing ? new TransitionDecision.Incomplete(missing) : new TransitionDecision.Allowed(rule.To);
    }

    /// <summary>The statuses an action can start from (for documentation and the staff console).</summary>
    public static IReadOnlyList<TicketStatus> From(TicketAction action) => Rules.Single(r => r.Action == action).From;

    public static IReadOnlyList<StaffRole> RolesFor(TicketAction action) => Rules.Single(r => r.Action == action).Roles;

    private static string Past(TicketAction action) => action switch
    {
        TicketAction.Accept => "accepted",
        TicketAction.Reject => "rejected",
        TicketAction.Assign => "assigned",
        TicketAction.Transfer => "transferred",
        TicketAction.Start => "started",
        TicketAction.Resolve => "resolved",
        TicketAction.Reopen => "reopened",
        _ => "closed",
    };
}
