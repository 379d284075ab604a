using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.Tickets;

public class TicketTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TransitionInput Complete = new(Reason: "lý do", Result: "đã sửa xong", AgencyCode: "SXD");

    /// <summary>The whole table, written out independently: (action, from) → to; anything absent is refused.</summary>
    private static readonly Dictionary<(TicketAction, TicketStatus), TicketStatus> Expected = new()
    {
        [(TicketAction.Accept, TicketStatus.Received)] = TicketStatus.Accepted,
        [(TicketAction.Reject, TicketStatus.Received)] = TicketStatus.Rejected,
        [(TicketAction.Reject, TicketStatus.Accepted)] = TicketStatus.Rejected,
        [(TicketAction.Assign, TicketStatus.Accepted)] = TicketStatus.Assigned,
        [(TicketAction.Transfer, TicketStatus.Assigned)] = TicketStatus.Assigned,
        [(TicketAction.Transfer, TicketStatus.InProgress)] = TicketStatus.Assigned,
        [(TicketAction.Start, TicketStatus.Assigned)] = TicketStatus.InProgress,
        [(TicketAction.Hold, TicketStatus.Assigned)] = TicketStatus.OnHold,
        [(TicketAction.Hold, TicketStatus.InProgress)] = TicketStatus.OnHold,
        [(TicketAction.Resume, TicketStatus.OnHold)] = TicketStatus.InProgress,
        [(TicketAction.Resolve, TicketStatus.Assigned)] = TicketStatus.Resolved,
        [(TicketAction.Resolve, TicketStatus.InProgress)] = TicketStatus.Resolved,
        [(TicketAction.Reopen, TicketStatus.Resolved)] = TicketStatus.InProgress,
        [(TicketAction.Close, TicketStatus.Resolved)] = TicketStatus.Closed,
    };

    public static TheoryData<TicketAction, TicketStatus> EveryPair()
    {
        var data = new TheoryData<TicketAction, TicketStatus>();
        foreach (var action in Enum.GetValues<TicketAction>())
            foreach (var from in Enum.GetValues<TicketStatus>())
                data.Add(action, from);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_action_from_every_status_follows_the_table(TicketAction action, TicketStatus from)
    {
        var decision = TicketTransitions.Decide(action, from, StaffRole.Admin, Complete, Now.AddDays(-1), Now);

        if (Expected.TryGetValue((action, from), out var to))
            decision.ShouldBe(new TransitionDecision.Allowed(to));
        else
            decision.ShouldBeOfType<TransitionDecision.Refused>().RoleNotAllowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(TicketAction.Accept, StaffRole.DiagnosisOfficer)]
    [InlineData(TicketAction.Accept, StaffRole.FieldOfficer)]
    [InlineData(TicketAction.Accept, StaffRole.AgencyHandler)]
    [InlineData(TicketAction.Assign, StaffRole.IntakeOfficer)]
    [InlineData(TicketAction.Assign, StaffRole.AgencyHandler)]
    [InlineData(TicketAction.Start, StaffRole.IntakeOfficer)]
    [InlineData(TicketAction.Resolve, StaffRole.DiagnosisOfficer)]
    [InlineData(TicketAction.Close, StaffRole.FieldOfficer)]
    [InlineData(TicketAction.Reopen, StaffRole.AgencyHandler)]
    public void Roles_outside_the_action_are_refused(TicketAction action, StaffRole role)
    {
        var from = TicketTransitions.From(action)[0];
        TicketTransitions.Decide(action, from, role, Complete, Now, Now)
            .ShouldBeOfType<TransitionDecision.Refused>().RoleNotAllowed.ShouldBeTrue();
    }

    [Fact]
    public void Every_role_listed_for_an_action_is_allowed_it()
    {
        foreach (var action in Enum.GetValues<TicketAction>())
            foreach (var role in TicketTransitions.RolesFor(action))
                TicketTransitions.Decide(action, TicketTransitions.From(action)[0], role, Complete, Now, Now).ShouldBeOfType<TransitionDecision.Allowed>();
    }

    [Theory]
    [InlineData(TicketAction.Reject, TicketStatus.Received)]
    [InlineData(TicketAction.Assign, TicketStatus.Accepted)]
    [InlineData(TicketAction.Transfer, TicketStatus.Assigned)]
    [InlineData(TicketAction.Resolve, TicketStatus.InProgress)]
    [InlineData(TicketAction.Reopen, TicketStatus.Resolved)]
    public void Actions_that_need_input_say_what_is_missing(TicketAction action, TicketStatus from)
    {
        TicketTransitions.Decide(action, from, StaffRole.Admin, new TransitionInput(), Now, Now)
            .ShouldBeOfType<TransitionDecision.Incomplete>().Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Reopening_is_possible_only_within_the_window()
    {
        TicketTransitions.Decide(TicketAction.Reopen, TicketStatus.Resolved, StaffRole.Supervisor, Complete, Now.AddDays(-29), Now)
            .ShouldBeOfType<TransitionDecision.Allowed>();
        TicketTransitions.Decide(TicketAction.Reopen, TicketStatus.Resolved, StaffRole.Supervisor, Complete, Now.AddDays(-31), Now)
            .ShouldBeOfType<TransitionDecision.Refused>().Reason.ShouldContain("30 days");
    }

    [Fact]
    public void Status_and_role_names_round_trip()
    {
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            TicketStatusNames.TryParse(status.ToName(), out var back).ShouldBeTrue();
            back.ShouldBe(status);
        }
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            StaffRoleNames.TryParse(role.ToName(), out var back).ShouldBeTrue();
            back.ShouldBe(role);
        }
        TicketStatusNames.TryParse("done", out _).ShouldBeFalse();
    }
}

public class RoutingTests
{
    private static readonly RoutingRule[] Rules =
    [
        new("INFRA", null, "SXD"),
        new("INFRA", "TUSON", "UBND-TS"),
        new("ADMIN", "KINHBAC", "UBND-KB"),
    ];

    [Theory]
    [InlineData("INFRA", "TUSON", "UBND-TS")]
    [InlineData("INFRA", "KINHBAC", "SXD")]
    [InlineData("INFRA", null, "SXD")]
    [InlineData("ADMIN", "KINHBAC", "UBND-KB")]
    [InlineData("ADMIN", "TUSON", "VPUB")]
    [InlineData("OTHER", null, "VPUB")]
    public void Most_specific_rule_wins_then_the_category_default(string category, string? area, string expected) =>
        Routing.Route(category, area, "VPUB", Rules).ShouldBe(expected);
}
