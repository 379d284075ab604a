using ZaloBot.Domain.Contacts;

namespace ZaloBot.Domain.Tests.Contacts;

public class SpokenDigitsTests
{
    [Theory]
    [InlineData("số bác là không chín bảy tám, hai hai ba, bốn năm sáu", "số bác là 0978223456")]
    [InlineData("khong chin mot hai ba bon nam sau bay tam nhe", "0912345678 nhe")]
    [InlineData("Lan, không chín tám tám - một hai ba - bốn lăm sáu", "Lan, 0988123456")]
    public void A_phone_said_in_words_is_written_as_digits(string said, string written) =>
        SpokenDigits.AsDigits(said).ShouldBe(written);

    [Theory]
    [InlineData("nhà có năm sáu người, ba bốn đứa trẻ")]
    [InlineData("Nguyễn Văn An, 0912345678")]
    [InlineData("hai ba bốn năm sáu bảy tám chín")]
    public void Everyday_words_and_short_runs_stay_as_they_are(string text) => SpokenDigits.AsDigits(text).ShouldBe(text);
}
