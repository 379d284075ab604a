using ZaloBot.Domain.Privacy;

namespace ZaloBot.Domain.Tests.Privacy;

public class IdNumbersTests
{
    [Theory]
    [InlineData("CCCD của tôi là 001203012345 nhé", "CCCD của tôi là *********345 nhé")]
    [InlineData("số căn cước 001 203 012 345.", "số căn cước *********345.")]
    [InlineData("CMND 123456789", "CMND ******789")]
    [InlineData("cmnd: 123.456.789, cấp năm 2010", "cmnd: ******789, cấp năm 2010")]
    public void Citizen_ID_numbers_keep_only_their_last_three_digits(string text, string masked)
    {
        IdNumbers.Contains(text).ShouldBeTrue();
        IdNumbers.Mask(text).ShouldBe(masked);
    }

    [Theory]
    [InlineData("Gọi tôi 0912345678")]
    [InlineData("Gọi tôi 0912 345 678")]
    [InlineData("Số +84 912345678 hoặc 84912345678")]
    [InlineData("Nhà số 12, ngõ 345, đường 3/2; lúc 21.180 độ")]
    [InlineData("Mã PA-2611-7K3Q ngày 24/11/2026")]
    public void Phones_addresses_dates_and_codes_are_left_alone(string text)
    {
        IdNumbers.Contains(text).ShouldBeFalse();
        IdNumbers.Mask(text).ShouldBe(text);
    }
}
