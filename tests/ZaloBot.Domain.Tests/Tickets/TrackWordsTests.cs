using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.Tickets;

/// <summary>Notices and replies name each case as the law does: a khiếu nại or a tố cáo is never called a phản ánh.</summary>
public class TrackWordsTests
{
    [Theory]
    [InlineData("pakn", "Phản ánh PA-2611-7K3Q đã được tiếp nhận xử lý.")]
    [InlineData("khieu_nai", "Khiếu nại PA-2611-7K3Q đã được tiếp nhận xử lý.")]
    [InlineData("to_cao", "Tố cáo PA-2611-7K3Q đã được tiếp nhận xử lý.")]
    public void The_acceptance_notice_names_the_track(string track, string expected)
    {
        TicketActions.Of(TicketAction.Accept).CitizenNotice(new NoticeFacts("PA-2611-7K3Q", null, null, null, null, track)).ShouldBe(expected);
    }

    [Fact]
    public void No_notice_of_a_complaint_or_denunciation_says_phan_anh()
    {
        foreach (var track in new[] { "khieu_nai", "to_cao" })
        foreach (var spec in TicketActions.All)
            spec.CitizenNotice(new NoticeFacts("PA-2611-7K3Q", "Thanh tra tỉnh", "lý do", "kết quả", new DateOnly(2026, 12, 1), track))
                .ShouldNotContain("phản ánh", Case.Insensitive, $"{spec.Name} for {track}");
        TicketNotifications.Reply("PA-2611-7K3Q", "Thanh tra tỉnh", "Đã thụ lý.", "to_cao").ShouldBe("Thanh tra tỉnh trả lời tố cáo PA-2611-7K3Q:\nĐã thụ lý.");
        TicketNotifications.Reply("PA-2611-7K3Q", "Sở Xây dựng", "Đã xử lý.").ShouldBe("Sở Xây dựng trả lời phản ánh PA-2611-7K3Q:\nĐã xử lý.");
    }
}
