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

    [Fact]
    public void Shown_back_in_the_familiar_form() =>
        VietnamesePhone.Display("+84912345678").ShouldBe("0912 345 678");
}
