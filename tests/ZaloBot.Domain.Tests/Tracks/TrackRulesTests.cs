using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Tests.Tracks;

public class TrackRulesTests
{
    [Theory]
    [InlineData("Tôi khiếu nại quyết định xử phạt của UBND phường vì không đúng", TicketTracks.KhieuNai)]
    [InlineData("toi khieu nai quyet dinh thu hoi dat cua huyen", TicketTracks.KhieuNai)]
    [InlineData("Tố cáo cán bộ địa chính phường nhận hối lộ khi cấp sổ đỏ", TicketTracks.ToCao)]
    [InlineData("to cao can bo phuong vien tham nhung", TicketTracks.ToCao)]
    [InlineData("TỐ CÁO công an giao thông làm luật trên quốc lộ", TicketTracks.ToCao)]
    [InlineData("Đèn đường trước nhà tôi hỏng cả tuần", TicketTracks.Pakn)]
    [InlineData("Xin hỏi thủ tục cấp lại căn cước", TicketTracks.Pakn)]
    // The act the citizen says they want outweighs the tracks the story names.
    [InlineData("tôi không đồng ý với kết quả giải quyết đơn tố cáo của phường, họ kết luận tố cáo sai, tôi muốn khiếu nại", TicketTracks.KhieuNai)]
    [InlineData("khiếu nại mãi không ai giải quyết, giờ tôi muốn tố cáo chủ tịch xã bao che", TicketTracks.ToCao)]
    [InlineData("tôi không muốn tố cáo ai, chỉ muốn khiếu nại quyết định phạt", TicketTracks.KhieuNai)]
    public void The_likely_track_comes_from_the_keywords_with_or_without_diacritics(string text, string expected)
    {
        TicketTracks.Recognise(text, TicketTracks.Defaults).ShouldBe(expected);
    }

    [Fact]
    public void Track_keywords_are_data_an_operator_can_change()
    {
        var rules = TicketTracks.Defaults.Select(r => r.Code == TicketTracks.KhieuNai ? r with { Keywords = ["phạt oan"] } : r).ToList();
        TicketTracks.Recognise("Tôi bị phạt oan", rules).ShouldBe(TicketTracks.KhieuNai);
        TicketTracks.Recognise("Tôi bị phạt oan", TicketTracks.Defaults).ShouldBe(TicketTracks.Pakn);
    }

    [Theory]
    [InlineData("Cháy nhà ở ngõ 5 phố Nguyễn Trãi, khói mù mịt", Priorities.Urgent)]
    [InlineData("chay nha o ngo 5, goi cuu hoa gap", Priorities.Urgent)]
    [InlineData("Đường Lý Thái Tổ bị ngập sâu sau mưa", Priorities.Urgent)]
    [InlineData("duong bi ngap nuoc khong di duoc", Priorities.Urgent)]
    [InlineData("Tai nạn giao thông ở ngã tư, cột đèn tín hiệu hỏng", Priorities.Urgent)]
    [InlineData("Xe tải chạy ẩu trên đường làng", Priorities.Normal)]
    [InlineData("xe chay qua rat nhanh", Priorities.Normal)]
    [InlineData("Hồ sơ cấp phép xây dựng chậm trả kết quả", Priorities.Normal)]
    public void Urgency_is_suggested_by_words_typed_with_or_without_diacritics(string text, string expected)
    {
        Priorities.Suggest(text, Priorities.Defaults).ShouldBe(expected);
    }

    [Fact]
    public void Diacritics_typed_must_agree_but_a_phrase_without_them_matches()
    {
        KeywordMatcher.Any("cháy", ["cháy"]).ShouldBeTrue();
        KeywordMatcher.Any("CHÁY", ["cháy"]).ShouldBeTrue();
        KeywordMatcher.Any("chạy", ["cháy"]).ShouldBeFalse();
        KeywordMatcher.Any("chay", ["cháy"]).ShouldBeFalse();
        KeywordMatcher.Any("chay nha", ["cháy nhà"]).ShouldBeTrue();
        KeywordMatcher.Any("khieu  nai!", ["khiếu nại"]).ShouldBeTrue();
        KeywordMatcher.Any("khiếu nạiii", ["khiếu nại"]).ShouldBeFalse();
        KeywordMatcher.Count("", ["khiếu nại"]).ShouldBe(0);
        // The old tone placement ("hoà", "thuỷ") is the same word as the new one.
        KeywordMatcher.Any("hoà giải", ["hòa giải"]).ShouldBeTrue();
        KeywordMatcher.Any("thuỷ lợi", ["thủy lợi"]).ShouldBeTrue();
    }

    [Fact]
    public void Approval_applies_per_agency_per_category_or_both()
    {
        ApprovalRule[] rules = [new("UBND-KB", null), new(null, "CONDUCT"), new("SXD", "INFRA")];
        ApprovalRules.Requires(rules, "UBND-KB", "ADMIN").ShouldBeTrue();
        ApprovalRules.Requires(rules, "SNV", "CONDUCT").ShouldBeTrue();
        ApprovalRules.Requires(rules, "SXD", "INFRA").ShouldBeTrue();
        ApprovalRules.Requires(rules, "SXD", "ADMIN").ShouldBeFalse();
        ApprovalRules.Requires(rules, null, "INFRA").ShouldBeFalse();
        ApprovalRules.Requires([new ApprovalRule(null, null)], "SXD", "INFRA").ShouldBeFalse();
    }
}
