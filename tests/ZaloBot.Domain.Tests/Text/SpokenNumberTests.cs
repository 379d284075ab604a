using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tests.Text;

public class SpokenNumberTests
{
    [Theory]
    [InlineData("số hai mươi mốt", "số 21")]
    [InlineData("số mười hai đường Lý Thái Tổ", "số 12 đường Lý Thái Tổ")]
    [InlineData("so muoi mot", "so 11")]
    [InlineData("số ba mươi lăm", "số 35")]
    [InlineData("số hai mươi tư ngõ 5", "số 24 ngõ 5")]
    [InlineData("số một trăm linh năm", "số 105")]
    [InlineData("số một trăm hai mươi", "số 120")]
    [InlineData("số tám", "số 8")]
    [InlineData("số hai mươi mốt cơ bác", "số 21 cơ bác")]
    public void A_house_number_said_in_words_is_written_in_digits(string said, string written) =>
        SpokenNumber.InDigits(said).ShouldBe(written);

    [Theory]
    [InlineData("năm nay đèn hỏng ba lần")]
    [InlineData("số nhà 12")]
    [InlineData("số điện thoại của tôi")]
    [InlineData("một số người đổ rác")]
    [InlineData("số mới là không chín một hai ba bốn năm sáu bảy")]
    [InlineData("số hai ba bốn")]
    public void Number_words_not_after_so_and_words_that_are_no_number_stay(string said) =>
        SpokenNumber.InDigits(said).ShouldBe(said);

    [Theory]
    [InlineData("muoi lam", 15)]
    [InlineData("hai muoi", 20)]
    [InlineData("chin muoi chin", 99)]
    public void Tens_and_units_read_as_spoken(string words, int number) =>
        SpokenNumber.Parse(words.Split(' ')).ShouldBe(number);

    [Theory]
    [InlineData("lam")]
    [InlineData("muoi hai ba")]
    [InlineData("mot tram linh")]
    public void Words_that_are_not_one_number_read_as_none(string words) =>
        SpokenNumber.Parse(words.Split(' ')).ShouldBeNull();
}
