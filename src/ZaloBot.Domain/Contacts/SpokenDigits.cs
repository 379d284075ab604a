using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Contacts;

/// <summary>
/// A phone number said in words ("không chín bảy tám, hai hai ba, bốn năm sáu"), as older citizens type it and as
/// voice typing sometimes writes it. Only a run long enough to be a phone is read: "năm", "sáu", "ba" and "tư" are
/// everyday words too.
/// </summary>
public static partial class SpokenDigits
{
    private const int PhoneDigits = 9;

    private static readonly Dictionary<string, char> Digits = new(StringComparer.Ordinal)
    {
        ["khong"] = '0', ["linh"] = '0', ["le"] = '0', ["mot"] = '1', ["hai"] = '2', ["ba"] = '3', ["bon"] = '4', ["tu"] = '4',
        ["nam"] = '5', ["lam"] = '5', ["sau"] = '6', ["bay"] = '7', ["tam"] = '8', ["chin"] = '9',
    };

    /// <summary>The text with each run of at least nine digit words (commas, dots and dashes between them allowed) written as digits.</summary>
    public static string AsDigits(string text)
    {
        if (!text.Any(char.IsLetter)) return text;
        var words = Word().Matches(text);
        var result = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count;)
        {
            var run = 0;
            while (i + run < words.Count && Digits.ContainsKey(TextNormalizer.Normalize(words[i + run].Value))
                   && (run == 0 || Gap().IsMatch(text.AsSpan(words[i + run - 1].Index + words[i + run - 1].Length, words[i + run].Index - words[i + run - 1].Index - words[i + run - 1].Length).ToString())))
                run++;
            if (run < PhoneDigits)
            {
                i += Math.Max(run, 1);
                continue;
            }
            var first = words[i];
            var last = words[i + run - 1];
            result.Append(text, at, first.Index - at);
            for (var j = i; j < i + run; j++) result.Append(Digits[TextNormalizer.Normalize(words[j].Value)]);
            at = last.Index + last.Length;
            i += run;
        }
        return at == 0 ? text : result.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[\s,.\-]*$")]
    private static partial Regex Gap();
}
