using ZaloBot.Domain.Delivery;

namespace ZaloBot.Domain.Tests.Delivery;

public class NudgeReplyTests
{
    [Theory]
    [InlineData("XEM PA-2611-7K3Q", true)]
    [InlineData("xem pa-2611-7k3q", true)]
    [InlineData("  Xém   PA-2611-7K3Q ", true)]
    [InlineData("xem", false)]
    [InlineData("xem giúp tôi", false)]
    [InlineData("PA-2611-7K3Q", false)]
    [InlineData("xembong PA-2611-7K3Q", false)]
    [InlineData(null, false)]
    public void The_keyword_and_a_code_in_any_case_and_without_diacritics(string? text, bool expected) =>
        NudgeReply.IsKeyword(text).ShouldBe(expected);

    [Fact]
    public void The_nudge_tells_the_citizen_what_to_send() =>
        NudgeReply.Text("PA-2611-7K3Q").ShouldBe("Phản ánh PA-2611-7K3Q có cập nhật mới. Nhắn XEM PA-2611-7K3Q để đọc.");
}
