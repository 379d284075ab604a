using ZaloBot.Domain.Places;

namespace ZaloBot.Domain.Tests.Places;

public class GazetteerTests
{
    private static readonly Gazetteer Sample = new([
        new Place("ward", "Phường Kinh Bắc", "KINHBAC", 21.1860, 106.0630),
        new Place("ward", "Phường Võ Cường", "VOCUONG", 21.1690, 106.0500),
        new Place("ward", "Phường Từ Sơn", "TUSON", 21.1170, 105.9600),
        new Place("street", "Lý Thái Tổ", "KINHBAC", 21.1815, 106.0700),
        new Place("street", "Nguyễn Trãi", "KINHBAC", 21.1770, 106.0660),
        new Place("street", "Nguyễn Trãi", "TUSON", 21.1160, 105.9620),
        new Place("street", "Trần Phú", "TUSON", 21.1150, 105.9580),
        new Place("landmark", "Chợ Nhớn", "KINHBAC", 21.1830, 106.0690),
    ]);

    [Theory]
    [InlineData("so 12 duong ly thai to", "Lý Thái Tổ")]
    [InlineData("SỐ 12 ĐƯỜNG LÝ THÁI TỔ", "Lý Thái Tổ")]
    [InlineData("truoc cong cho nhon, ngap het", "Chợ Nhớn")]
    [InlineData("ngõ 5 tran phu", "Trần Phú")]
    public void A_street_or_landmark_typed_without_diacritics_is_found(string typed, string expected)
    {
        var place = Sample.Locate(typed, null).ShouldNotBeNull();
        place.Name.ShouldBe(expected);
        place.Precision.ShouldNotBe(Gazetteer.Ward);
    }

    [Fact]
    public void A_street_several_wards_share_is_placed_by_the_tickets_ward_or_the_ward_typed()
    {
        Sample.Locate("ngo 5 nguyen trai", "TUSON")!.Latitude.ShouldBe(21.1160);
        Sample.Locate("ngo 5 nguyen trai, p kinh bac", null)!.Latitude.ShouldBe(21.1770);
    }

    [Fact]
    public void A_shared_street_without_a_ward_is_not_guessed()
    {
        Sample.Locate("ngo 5 nguyen trai", null).ShouldBeNull();
    }

    [Fact]
    public void Without_a_known_street_the_ward_is_used()
    {
        var place = Sample.Locate("gan truong hoc, phuong vo cuong", null).ShouldNotBeNull();
        place.Precision.ShouldBe(Gazetteer.Ward);
        place.Name.ShouldBe("Phường Võ Cường");
        Sample.Locate("ngõ nhỏ sau nhà văn hoá", "TUSON")!.Name.ShouldBe("Phường Từ Sơn");
        Sample.Locate(null, "KINHBAC")!.Precision.ShouldBe(Gazetteer.Ward);
    }

    [Theory]
    [InlineData("")]
    [InlineData("asdfgh")]
    [InlineData("ly thai")]          // part of a name is not the name
    [InlineData("phuly thai to")]    // nor a name glued to another word
    public void Nothing_recognisable_places_nothing(string typed)
    {
        Sample.Locate(typed, null).ShouldBeNull();
        Gazetteer.Empty.Locate(typed, "KINHBAC").ShouldBeNull();
    }

    [Fact]
    public void Names_are_keyed_without_their_kind_word()
    {
        Gazetteer.Key("Phường Kinh Bắc").ShouldBe("kinh bac");
        Gazetteer.Key("Đường Lý Thái Tổ").ShouldBe("ly thai to");
        Gazetteer.Key("Trần Phú").ShouldBe("tran phu");
    }
}
