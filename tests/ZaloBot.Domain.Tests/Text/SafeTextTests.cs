using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tests.Text;

public class SafeTextTests
{
    [Theory]
    [InlineData("Đường Nguyễn Trãi ngập 🌧", UnsafeTextReason.None)]
    [InlineData("", UnsafeTextReason.None)]
    [InlineData("a\0b", UnsafeTextReason.Nul)]
    [InlineData("a{D800}b", UnsafeTextReason.LoneSurrogate)]
    [InlineData("cut emoji {D83D}", UnsafeTextReason.LoneSurrogate)]
    [InlineData("{DC00} low first", UnsafeTextReason.LoneSurrogate)]
    public void Finds_what_PostgreSQL_cannot_store(string text, UnsafeTextReason expected) =>
        SafeText.Check(Surrogates(text)).ShouldBe(expected);

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate: they are spelled {D800} and built here.
    internal static string Surrogates(string text) =>
        text.Replace("{D800}", "\ud800").Replace("{D83D}", "\ud83d").Replace("{DC00}", "\udc00");

    [Fact]
    public void Null_is_safe() => SafeText.IsSafe(null).ShouldBeTrue();

    [Theory]
    [InlineData("Nguyễn\0 An", "Nguyễn An")]
    [InlineData("ngập {D83D}", "ngập \ufffd")]
    [InlineData("{DC00}x🌧", "\ufffdx🌧")]
    public void Cleans_a_citizens_words_without_losing_them(string text, string expected) =>
        SafeText.Clean(Surrogates(text)).ShouldBe(expected);

    [Fact]
    public void Clean_returns_the_same_instance_when_nothing_to_clean()
    {
        var text = "Cống bị tắc";
        SafeText.Clean(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Describe_names_the_field_but_never_echoes_the_value() =>
        SafeText.Describe("phone", UnsafeTextReason.Nul).ShouldNotContain("0912");
}

public class IdleCheckOverflowTests
{
    [Fact]
    public void A_draft_last_active_in_the_year_9999_has_no_idle_check_instead_of_an_overflow()
    {
        var state = ConversationState.New() with { Step = Step.Description, LastActivityAt = DateTimeOffset.MaxValue.AddMinutes(-1) };

        ConversationEngine.NextIdleCheck(state, new ConversationLimits()).ShouldBe(DateTimeOffset.MaxValue);
        ConversationEngine.NextIdleCheck(state with { ReminderSentAt = DateTimeOffset.MaxValue }, new ConversationLimits()).ShouldBe(DateTimeOffset.MaxValue);
    }
}
