using ZaloBot.Domain.Publication;

namespace ZaloBot.Domain.Tests.Publication;

public class PublicViewTests
{
    [Theory]
    [InlineData("gọi 0912345678 nhé", "gọi *** nhé")]
    [InlineData("gọi 0912.345.678", "gọi ***")]
    [InlineData("sđt +84 912 345 678.", "sđt ***.")]
    [InlineData("số 84912345678", "số ***")]
    [InlineData("bàn 0222 3854 123", "bàn ***")]
    [InlineData("email an.nguyen@example.vn", "email ***")]
    [InlineData("hạn 15-12-2026, hỗ trợ 1.000.000 đồng", "hạn 15-12-2026, hỗ trợ 1.000.000 đồng")]
    [InlineData("số 12 Lý Thái Tổ", "số 12 Lý Thái Tổ")]
    public void Phones_and_emails_are_removed_and_dates_and_amounts_kept(string text, string expected) =>
        PublicView.ShortText(text, null).ShouldBe(expected);

    [Fact]
    public void The_citizens_own_name_is_removed_in_any_case_and_long_text_is_cut_at_a_word()
    {
        PublicView.ShortText("Tôi là NGUYỄN VĂN AN ở phố Nguyễn Trãi", "Nguyễn Văn An").ShouldBe("Tôi là *** ở phố Nguyễn Trãi");
        var cut = PublicView.ShortText(string.Join(' ', Enumerable.Repeat("đường ngập", 100)), null);
        cut.Length.ShouldBeLessThanOrEqualTo(PublicView.ShortTextLength + 1);
        cut.ShouldEndWith("…");
    }

    [Theory]
    [InlineData(PublicationPolicy.Public, "Số 12 Lý Thái Tổ, Phường Kinh Bắc", 21.186)]
    [InlineData(PublicationPolicy.Ward, "Phường Kinh Bắc", null)]
    [InlineData(PublicationPolicy.Never, null, null)]
    public void Addresses_and_locations_are_coarsened_by_the_category(PublicationPolicy policy, string? address, double? lat)
    {
        PublicView.Address(policy, "Số 12 Lý Thái Tổ", "Phường Kinh Bắc", "An").ShouldBe(address);
        PublicView.Coordinate(policy, 21.1861234).ShouldBe(lat);
    }

    [Theory]
    [InlineData(PublicationPolicy.Public, null, true, true)]
    [InlineData(PublicationPolicy.Public, false, true, false)]
    [InlineData(PublicationPolicy.Ward, true, false, true)]
    [InlineData(PublicationPolicy.Never, true, true, false)]
    public void The_citizens_choice_beats_the_default_and_a_never_category_beats_both(PublicationPolicy policy, bool? choice, bool byDefault, bool published) =>
        PublicView.IsPublished(policy, choice, byDefault).ShouldBe(published);
}
