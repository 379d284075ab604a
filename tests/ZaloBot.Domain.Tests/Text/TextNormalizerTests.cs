using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Hủy", "huy")]
    [InlineData("HUỶ", "huy")]
    [InlineData("huỷ bỏ", "huy bo")]
    [InlineData("  Huỷ   BỎ!! ", "huy bo")]
    [InlineData("Đường Nguyễn Trãi", "duong nguyen trai")]
    [InlineData("tra cứu PA-2611-7K3Q", "tra cuu pa 2611 7k3q")]
    [InlineData("Gửi phản ánh", "gui phan anh")]
    public void Folds_case_diacritics_and_spacing(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.")]
    public void Empty_or_punctuation_only_text_normalises_to_empty(string? input) =>
        TextNormalizer.Normalize(input).ShouldBe("");

    [Fact]
    public void Precomposed_and_decomposed_forms_match() =>
        TextNormalizer.Normalize("Ho\u0302\u0300 Chi\u0301 Minh").ShouldBe(TextNormalizer.Normalize("Hồ Chí Minh"));

    [Theory]
    [InlineData("huỷ", "hủy")]
    [InlineData("hoà", "hòa")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("thuỷ", "thủy")]
    public void Old_and_new_tone_placement_are_one_spelling(string old, string modern) =>
        TextNormalizer.ToneLast(old).ShouldBe(TextNormalizer.ToneLast(modern));

    [Theory]
    [InlineData("đó", "đổ")]
    [InlineData("hủy", "hũy")]
    [InlineData("cống", "công")]
    public void Different_marks_stay_different(string a, string b) =>
        TextNormalizer.ToneLast(a).ShouldNotBe(TextNormalizer.ToneLast(b));
}
