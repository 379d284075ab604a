using ZaloBot.Domain.Contacts;

namespace ZaloBot.Domain.Tests.Contacts;

public class VietnamesePhoneTests
{
    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("0912.345.678", "+84912345678")]
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0351234567", "+84351234567")]
    [InlineData("0561234567", "+84561234567")]
    [InlineData("0701234567", "+84701234567")]
    [InlineData("0812345678", "+84812345678")]
    public void Mobile_formats_normalise_to_e164(string typed, string expected)
    {
        VietnamesePhone.TryNormalize(typed, out var e164).ShouldBeTrue();
        e164.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("0212345678")]
    [InlineData("0112345678")]
    [InlineData("1912345678")]
    [InlineData("0912a45678")]
    [InlineData("+1 912 345 6789")]
    [InlineData("8491234567")]
    public void Anything_else_is_refused(string? typed) =>
        VietnamesePhone.TryNormalize(typed, out _).ShouldBeFalse();

    [Theory]
    [InlineData("0222 3825 416", "+842223825416")]
    [InlineData("02223825416", "+842223825416")]
    [InlineData("024 3856 1120", "+842438561120")]
    [InlineData("+84 222 382 5416", "+842223825416")]
    [InlineData("0912 345 678", "+84912345678")]
    public void A_number_to_call_back_may_be_a_landline_with_its_area_code(string typed, string expected)
    {
        VietnamesePhone.TryNormalizeCallable(typed, out var e164).ShouldBeTrue();
        e164.ShouldBe(expected);
        VietnamesePhone.IsMobile(e164).ShouldBe(expected.Length == 12);
    }

    [Theory]
    [InlineData("0243 856 112")]
    [InlineData("3825416")]
    [InlineData("022238254167")]
    [InlineData("0922 3825 416")]
    public void A_landline_without_its_full_area_code_is_refused(string typed)
    {
        VietnamesePhone.TryNormalizeCallable(typed, out _).ShouldBeFalse();
        VietnamesePhone.TryNormalize(typed, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_landline_is_never_taken_for_a_mobile_where_only_mobiles_will_do() =>
        VietnamesePhone.TryNormalize("0222 3825 416", out _).ShouldBeFalse();

    [Fact]
    public void A_landline_is_shown_back_with_its_area_code() =>
        VietnamesePhone.Display("+842223825416").ShouldBe("0222 382 5416");

    [Fact]
    public void Shown_back_in_the_familiar_form() =>
        VietnamesePhone.Display("+84912345678").ShouldBe("0912 345 678");
}
