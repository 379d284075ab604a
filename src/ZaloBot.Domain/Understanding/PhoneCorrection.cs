using System.Text.RegularExpressions;
using ZaloBot.Domain.Contacts;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// How people correct a phone number at the summary: rarely by typing it whole. "so cuoi la 9 ko phai 8", "0913 chứ
/// không phải 0912", "đuôi 687 chứ k phải 678", "2 số cuối bị ngược", or the whole number with "mới đúng". Read
/// against the number the draft holds, since only it says which digits the wrong ones are.
/// </summary>
public static partial class PhoneCorrection
{
    /// <summary>The corrected number (E.164), or null when the message does not correct the phone.</summary>
    public static string? Read(string written, string currentE164)
    {
        if (!currentE164.StartsWith("+84", StringComparison.Ordinal)) return null;
        var current = "0" + currentE164[3..];
        var n = " " + TextNormalizer.Normalize(written) + " ";
        var aboutPhone = PhoneWord().IsMatch(n);
        if (!aboutPhone && !Cue().IsMatch(n)) return null;

        // "số điện thoại là không chín một hai ba bốn năm sáu bảy chín nhé": read out in words, as older citizens type it.
        var whole = WholeNumber().Matches(SpokenDigits.AsDigits(written))
            .Select(m => VietnamesePhone.TryNormalize(m.Value, out var e164) ? e164 : null)
            .Where(p => p is not null && p != currentE164).Distinct().ToList();
        if (whole.Count == 1) return whole[0];
        if (whole.Count > 1 || !aboutPhone) return null;

        var national = Fragments(n, current);
        return national is not null && national != current && VietnamesePhone.TryNormalize(national, out var corrected) ? corrected : null;
    }

    private static string? Fragments(string n, string current)
    {
        var tokens = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Digit runs that are not counts of digits ("sai 1 số", "2 số cuối").
        var runs = tokens.Select((t, i) => (Text: t, At: i))
            .Where(t => t.Text.Length < 9 && t.Text.All(char.IsAsciiDigit) && !(t.Text.Length == 1 && t.At + 1 < tokens.Length && tokens[t.At + 1] == "so"))
            .ToList();
        var atTheEnd = n.Contains(" cuoi ", StringComparison.Ordinal) || n.Contains(" duoi ", StringComparison.Ordinal);
        var atTheStart = n.Contains(" dau ", StringComparison.Ordinal);

        if (runs.Count == 0 && atTheEnd && Swapped().IsMatch(n))
            return current[..^2] + current[^1] + current[^2];
        if (runs.Count == 1)
        {
            var right = runs[0].Text;
            if (right.Length >= current.Length) return null;
            return atTheEnd ? current[..^right.Length] + right
                : atTheStart ? right + current[right.Length..]
                : null;
        }
        if (runs.Count != 2 || runs[0].Text.Length != runs[1].Text.Length) return null;

        // Which of the two is the wrong one: the one after "(không) phải", the one before "thành/sang", else the only
        // one the number holds.
        bool Denied(int at) => at > 0 && tokens[at - 1] == "phai" || at > 1 && tokens[at - 2] == "phai" && tokens[at - 1] == "la";
        bool Becomes(int at) => at + 1 < tokens.Length && tokens[at + 1] is "thanh" or "sang";
        var held = runs.Select(r => current.Contains(r.Text, StringComparison.Ordinal)).ToArray();
        var wrong = Denied(runs[1].At) ? 1 : Denied(runs[0].At) || Becomes(runs[0].At) ? 0 : held[0] != held[1] ? (held[0] ? 0 : 1) : -1;
        if (wrong < 0) return null;
        var (bad, good) = (runs[wrong].Text, runs[1 - wrong].Text);
        // Where the wrong digits sit: at the end or the start when said, else the one place the number holds them.
        var first = current.IndexOf(bad, StringComparison.Ordinal);
        var at = atTheEnd && current.EndsWith(bad, StringComparison.Ordinal) ? current.Length - bad.Length
            : atTheStart && current.StartsWith(bad, StringComparison.Ordinal) ? 0
            : first >= 0 && current.IndexOf(bad, first + 1, StringComparison.Ordinal) < 0 ? first : -1;
        return at < 0 ? null : current[..at] + good + current[(at + bad.Length)..];
    }

    [GeneratedRegex(@" (sdt|dt|so dt|so dien thoai|dien thoai|so dthoai|so dien|so may|so lien he|so lien lac|so zalo|so cuoi|so dau|duoi so|so phone|phone) ", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();

    [GeneratedRegex(@" (nham|sai|khong phai|ko phai|k phai|kh phai|chu|moi dung|doi|sua|thanh|lai|thay) ", RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?<![\d])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@" (nguoc|dao|dao nguoc|lon|bi dao|dao cho|dao vi tri) ", RegexOptions.CultureInvariant)]
    private static partial Regex Swapped();
}
