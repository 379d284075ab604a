using ZaloBot.Domain.StaffChat;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.Tickets;

/// <summary>Every action and status has its row: nothing falls through to a default that means something else.</summary>
public class TicketActionsTests
{
    public static TheoryData<TicketAction> EveryAction() => new(Enum.GetValues<TicketAction>());

    public static TheoryData<TicketStatus> EveryStatus() => new(Enum.GetValues<TicketStatus>());

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Every_action_has_a_complete_row(TicketAction action)
    {
        var spec = TicketActions.Of(action);

        spec.Action.ShouldBe(action);
        spec.From.ShouldNotBeEmpty();
        spec.Roles.ShouldNotBeEmpty();
        spec.ConsoleLabel.ShouldNotBeNullOrWhiteSpace();
        spec.Summary.ShouldNotBeNullOrWhiteSpace();
        spec.NoticeKind.ShouldNotBeNullOrWhiteSpace();
        spec.CitizenNotice(new NoticeFacts("PA-2611-7K3Q", "Sở Xây dựng", "lý do", "kết quả", new DateOnly(2026, 12, 1))).ShouldContain("PA-2611-7K3Q");
        Enum.IsDefined(spec.Clock).ShouldBeTrue();
        Enum.IsDefined(spec.StaffPush).ShouldBeTrue();
    }

    [Fact]
    public void One_row_per_action_and_distinct_names()
    {
        TicketActions.All.Select(s => s.Action).ShouldBe(Enum.GetValues<TicketAction>(), ignoreOrder: true);
        TicketActions.All.Select(s => s.NoticeKind).ShouldBeUnique();
        TicketActions.All.Select(s => s.ConsoleLabel).ShouldBeUnique();
        TicketActions.All.Where(s => s.ChatVerb is not null).Select(s => s.ChatVerb).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Each_chat_verb_parses_to_its_action(TicketAction action)
    {
        var spec = TicketActions.Of(action);
        if (spec.ChatVerb is null)
        {
            spec.Action.ShouldBe(TicketAction.Assign, "only assignment has no verb of its own: \"chuyển\" on an accepted ticket assigns it");
            return;
        }
        var command = StaffCommandParser.Parse($"{spec.ChatVerb} PA-2611-7K3Q SXD vì lý do");
        command.ShouldBeOfType<StaffCommand.Act>().Action.ShouldBe(action);
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_status_has_a_name_and_a_text(TicketStatus status)
    {
        TicketStatusNames.TryParse(status.ToName(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(status);
        TicketStatusText.ForCitizen(status).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Open_means_not_finished_and_resolved_is_open()
    {
        Enum.GetValues<TicketStatus>().Where(s => !s.IsOpen()).ShouldBe([TicketStatus.Closed, TicketStatus.Rejected], ignoreOrder: true);
        TicketStatus.Resolved.IsOpen().ShouldBeTrue();
        TicketStatus.Resolved.ClockRuns().ShouldBeFalse();
    }

    [Fact]
    public void A_citizen_may_only_reopen()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            var decision = TicketTransitions.DecideForCitizen(action, TicketStatus.Resolved, new TransitionInput(Reason: "chưa sửa"), now.AddDays(-1), now);
            if (action == TicketAction.Reopen) decision.ShouldBe(new TransitionDecision.Allowed(TicketStatus.InProgress));
            else decision.ShouldBeOfType<TransitionDecision.Refused>().RoleNotAllowed.ShouldBeTrue();
        }
        TicketTransitions.DecideForCitizen(TicketAction.Reopen, TicketStatus.Resolved, new TransitionInput(Reason: "chưa sửa"), now.AddDays(-31), now)
            .ShouldBeOfType<TransitionDecision.Refused>().RoleNotAllowed.ShouldBeFalse();
    }
}
