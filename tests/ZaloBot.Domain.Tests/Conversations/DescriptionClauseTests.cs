using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>A correction about one clause of the description replaces that clause and keeps the others.</summary>
public class DescriptionClauseTests
{
    private const string Described = "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm";

    [Theory]
    [InlineData("đèn hỏng từ mười hôm nay rồi", "Đèn hỏng từ mười hôm nay rồi, tối đi lại rất nguy hiểm")]
    [InlineData("tối đi lại nguy hiểm lắm vì đường trơn", "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại nguy hiểm lắm vì đường trơn")]
    public void The_clause_the_correction_is_about_is_replaced(string to, string expected) =>
        DescriptionClause.Replace(Described, to).ShouldBe(expected);

    [Theory]
    [InlineData("đèn đường trước nhà hỏng cả tháng, tối đi lại nguy hiểm lắm")]
    [InlineData("cống tắc")]
    public void A_correction_about_no_single_clause_replaces_none(string to) =>
        DescriptionClause.Replace(Described, to).ShouldBeNull();

    [Theory]
    [InlineData("một tuần", "hỏng hơn mười ngày", "Đèn đường trước nhà bị hỏng hơn mười ngày, tối đi lại rất nguy hiểm")]
    [InlineData("1 tuan", "nua thang", "Đèn đường trước nhà bị hỏng nua thang, tối đi lại rất nguy hiểm")]
    public void Words_said_wrong_are_replaced_with_their_measure(string from, string to, string expected) =>
        DescriptionClause.ReplaceSpan(Described, from, to).ShouldBe(expected);

    [Theory]
    [InlineData("1 cột")]
    [InlineData("một")]
    public void Words_the_description_does_not_hold_replace_nothing(string from) =>
        DescriptionClause.ReplaceSpan(Described, from, "hỏng 3 cột liền").ShouldBeNull();
}
