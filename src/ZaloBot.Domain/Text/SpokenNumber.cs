using System.Globalization;
using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Text;

/// <summary>
/// A house number said in words, as older citizens and voice typing write it: "số hai mươi mốt" is "số 21", "số mười
/// hai" "số 12", "số một trăm linh năm" "số 105". Only after "số": "năm", "ba" and "tư" are everyday words too.
/// </summary>
public static partial class SpokenNumber
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["nam"] = 5, ["lam"] = 5, ["nham"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
    };

    /// <summary>The text with each "số" followed by a number in words written "số" and the digits.</summary>
    public static string InDigits(string text)
    {
        if (!text.Any(char.IsLetter)) return text;
        return Said().Replace(text, m =>
        {
            var words = Word().Matches(m.Groups["words"].Value).Select(w => TextNormalizer.Normalize(w.Value)).ToList();
            // The longest run of words from the start that reads as a number; the rest stays as typed.
            for (var take = words.Count; take > 0; take--)
            {
                if (Parse(words.Take(take).ToList()) is not { } number) continue;
                // "số không chín một hai …": digits read one by one are a phone, not a house number.
                if (take < words.Count && Units.ContainsKey(words[take])) return m.Value;
                var spoken = Word().Matches(m.Groups["words"].Value)[take - 1];
                var rest = m.Groups["words"].Value[(spoken.Index + spoken.Length)..];
                return m.Groups["so"].Value + " " + number.ToString(CultureInfo.InvariantCulture) + rest;
            }
            return m.Value;
        });
    }

    /// <summary>"hai mươi mốt" → 21; null when the words are not one number from 0 to 999.</summary>
    public static int? Parse(IReadOnlyList<string> words)
    {
        var at = 0;
        var total = 0;
        // "một trăm …"
        if (words.Count >= at + 2 && Units.TryGetValue(words[at], out var hundreds) && hundreds > 0 && words[at + 1] == "tram")
        {
            total = hundreds * 100;
            at += 2;
            if (at == words.Count) return total;
            // "… linh năm", "… lẻ năm": no tens.
            if (words[at] is "linh" or "le")
                return words.Count == at + 2 && Units.TryGetValue(words[at + 1], out var alone) && alone > 0 ? total + alone : null;
        }
        // "mười …", "hai mươi …"
        var tens = -1;
        if (words.Count > at && words[at] == "muoi") { tens = 1; at++; }
        else if (words.Count > at + 1 && Units.TryGetValue(words[at], out var t) && t >= 2 && words[at + 1] == "muoi") { tens = t; at += 2; }
        if (tens > 0)
        {
            total += tens * 10;
            if (at == words.Count) return total;
            // After the tens "mốt" is one, "lăm" five, "tư" four.
            if (words.Count == at + 1 && Units.TryGetValue(words[at], out var unit) && unit > 0) return total + unit;
            return null;
        }
        if (words.Count == at + 1 && Units.TryGetValue(words[at], out var single) && single > 0 && words[at] is not ("lam" or "nham" or "tu")) return total + single;
        return at == words.Count && total > 0 ? total : null;
    }

    [GeneratedRegex(@"(?i)\b(?<so>số|so)\s+(?<words>(?:\p{L}+\s*){1,6})")]
    private static partial Regex Said();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
