using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tests.Conversations;

public class MatchingTests
{
    [Theory]
    [InlineData("huy", GlobalCommand.Cancel)]
    [InlineData("huy bo", GlobalCommand.Cancel)]
    [InlineData("quay lai", GlobalCommand.Back)]
    [InlineData("quay lia", GlobalCommand.Back)]
    [InlineData("tro lai", GlobalCommand.Back)]
    [InlineData("huong dan", GlobalCommand.Help)]
    [InlineData("huong dna", GlobalCommand.Help)]
    [InlineData("menu", GlobalCommand.Menu)]
    [InlineData("lam lai", GlobalCommand.StartOver)]
    [InlineData("bat dau lai", GlobalCommand.StartOver)]
    [InlineData("hue", GlobalCommand.None)]
    [InlineData("huy chuyen xe buyt", GlobalCommand.None)]
    public void Global_commands_match_whole_messages_with_small_slips(string normalized, GlobalCommand expected) =>
        Intents.Global(normalized).ShouldBe(expected);

    [Fact]
    public void Ambiguous_option_matches_nothing()
    {
        OptionMatcher.Match("ho tro doanh nghiep", Fixtures.Categories, c => c.Name, c => c.Keywords).ShouldBeNull();
    }

    [Fact]
    public void An_answer_fitting_some_options_equally_names_those_only()
    {
        OptionMatcher.Tied("doanh nghiep", Fixtures.Categories, c => c.Name, c => c.Keywords).Select(c => c.Code)
            .ShouldBe(["BIZ_TRANSPORT", "BIZ_EXPERT", "BIZ_VACCINE", "BIZ_POLICY"]);
        OptionMatcher.Tied("visa", Fixtures.Categories, c => c.Name, c => c.Keywords).ShouldBeEmpty();
        OptionMatcher.Tied("3", Fixtures.Categories, c => c.Name, c => c.Keywords).ShouldBeEmpty();
        OptionMatcher.Tied("con meo", Fixtures.Categories, c => c.Name, c => c.Keywords).ShouldBeEmpty();
    }

    [Fact]
    public void Fuzzy_distance_stops_early() =>
        Fuzzy.Distance("kitten", "sitting").ShouldBe(3);
}
