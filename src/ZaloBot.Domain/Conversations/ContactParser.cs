using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// Splits "Nguyễn Văn An, 0912 345 678" (in either order, any separator; the number may be said in words) into a name
/// and a phone-looking part.
/// </summary>
public static partial class ContactParser
{
    public static (string? Name, string? Phone) Split(string text)
    {
        text = Digits(text);
        var matches = PhoneLike().Matches(text);
        var match = matches.Count > 0 ? matches[0] : null;
        var rest = match is null ? text : NumberWord().Replace(text[..match.Index], "") + text[(match.Index + match.Length)..];
        // "An 0912345678, à nhầm 0912345687": a number corrected within the message — the last one given is the number,
        // and nothing between the two is the name.
        if (matches.Count > 1 && SelfCorrection().IsMatch(text[matches[0].Index..matches[^1].Index]))
        {
            match = matches[^1];
            rest = text[..matches[0].Index] + text[(matches[^1].Index + matches[^1].Length)..];
        }
        var phone = match?.Value.Trim();
        var name = NameNoise().Replace(rest, " ").Trim();
        name = Spaces().Replace(name, " ");
        return (name.Length >= 2 && name.Any(char.IsLetter) ? name : null, phone);
    }

    /// <summary>The words before the first phone-looking run, when there are words after it too; null otherwise.</summary>
    public static string? BeforeThePhone(string text)
    {
        text = Digits(text);
        var match = PhoneLike().Match(text);
        if (!match.Success || match.Index == 0 || match.Index + match.Length >= text.TrimEnd().Length) return null;
        var before = Spaces().Replace(NameNoise().Replace(text[..match.Index], " "), " ").Trim();
        return before.Length >= 2 ? before : null;
    }

    /// <summary>A number said in words written in digits, and "09o1…"'s letter o read as the zero it was meant as.</summary>
    private static string Digits(string text) => LetterO().Replace(Contacts.SpokenDigits.AsDigits(text), "0");

    // A comma between digits groups them ("0,975,888,111"); after a name it separates ("An, 0912…").
    [GeneratedRegex(@"\+?\d(?:[\d\s.\-()]|,(?=\d)){6,}\d")]
    private static partial Regex PhoneLike();

    // Labels and punctuation people put around their contact details.
    // "số bác là 0978…": the number's owner named before it is a label, not a name.
    [GeneratedRegex(@"(?i)\b(s[oố] (c[uủ]a )?(t[oô]i|em|b[aá]c|ch[aá]u|m[iì]nh|tui|con|anh|ch[iị]|[oô]ng|b[aà])( l[aà])?|s[oố] m[aá]y|sđt|sdt|số điện thoại|so dien thoai|điện thoại|dien thoai|s[oố] (đ|d)t|đt|dt|họ tên|ho ten|tên|ten)\b|[,;:/|\-]")]
    private static partial Regex NameNoise();

    // "09o1234567": the letter o typed for a zero between digits.
    [GeneratedRegex(@"(?<=\d)[oO](?=\d)")]
    private static partial Regex LetterO();

    // "…, khoan, số này cũ rồi, số mới là 0988…": the old number given and replaced.
    [GeneratedRegex(@"(?i)\b(nh[aầ]m|l[oộ]n|sai|ph[aả]i l[aà]|[dđ][uú]ng l[aà]|ch[uứ] kh[oô]ng|kho[aả]n|s[oố] m[oớ]i|c[uũ] r[oồ]i)\b")]
    private static partial Regex SelfCorrection();

    // "An, số 0912…": the word "số" just before the number belongs to it.
    [GeneratedRegex(@"(?i)\bs[oố]\s*$")]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
