using System.Globalization;
using System.Text;

namespace ZaloBot.Domain.Text;

/// <summary>
/// How the bot compares what citizens type: case, Vietnamese diacritics (including đ) and extra spaces ignored,
/// punctuation treated as space. "HUỶ  bỏ!" and "huy bo" normalise to the same key.
/// </summary>
public static class TextNormalizer
{
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
