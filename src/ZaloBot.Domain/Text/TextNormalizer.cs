using System.Globalization;
using System.Text;

namespace ZaloBot.Domain.Text;

/// <summary>
/// How the bot compares what citizens type: case, Vietnamese diacritics (including đ) and extra spaces ignored,
/// punctuation treated as space. "HUỶ  bỏ!" and "huy bo" normalise to the same key.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// A word with diacritics, its tone mark moved to the end: "huỷ" and "hủy", "hoà" and "hòa" (the old and the new
    /// placement, both common on phones) become one spelling, while "đó" and "đổ" stay apart.
    /// </summary>
    public static string ToneLast(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        var tones = new StringBuilder(1);
        foreach (var c in decomposed)
            (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323' ? tones : letters).Append(c);
        return letters.ToString().Normalize(NormalizationForm.FormC) + tones;
    }

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(folded);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
