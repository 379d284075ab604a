using System.Globalization;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Conversations;

public enum GlobalCommand
{
    None,
    Cancel,
    Back,
    Help,
    Menu,
    StartOver,
}

/// <summary>
/// The fixed, structural parts of what citizens type: menu numbers, ticket-code lookups, ratings. Words and phrases
/// live in the phrase table (<see cref="Understander"/>); only a whole message is a command there, so "hủy" inside a
/// description is just a word.
/// </summary>
public static partial class Intents
{
    /// <summary>A global command with the built-in phrases (the engine uses the context's table).</summary>
    public static GlobalCommand Global(string text) => Understander.Default.Command(text);

    /// <summary>The main menu's entries by button title or number: 1 complaint, 2 lookup, 3 information, 4 help.</summary>
    public static int? MenuChoice(string n) =>
        Number(n) is { } number and >= 1 and <= 4 ? number
        : n switch
        {
            "gui phan anh" or "phan anh" or "gui kien nghi" or "kien nghi" or "gui phan anh kien nghi" => 1,
            "tra cuu" or "xem phan anh" => 2,
            "thong tin" or "gioi thieu" => 3,
            "huong dan" => 4,
            _ => null,
        };

    /// <summary>"đánh giá PA-… 5" (the rating buttons' payload, or typed): the 1–5 rating, else null.</summary>
    public static int? Rating(string n)
    {
        if (!n.StartsWith("danh gia ", StringComparison.Ordinal)) return null;
        var last = n[^1];
        return n.Length > 10 && last is >= '1' and <= '5' && n[^2] == ' ' ? last - '0' : null;
    }

    /// <summary>"tra cứu …": a lookup request, with or without a code after it.</summary>
    public static bool StartsWithLookup(string n) => n == "tra cuu" || n.StartsWith("tra cuu ", StringComparison.Ordinal);

    /// <summary>
    /// An option picked by its place in a list: "3", "số 3", "cái thứ 2 đó", "chọn số 4 nhé", "thứ hai ạ" → the number.
    /// Word numerals after "thứ" or "số", or alone ("Một ạ", as older citizens answer a numbered list) — but "ba" and "tư"
    /// alone are a person and a ward's word, and a numeral that begins one of the <paramref name="names"/> is that
    /// name; "cái cuối cùng" is the last of <paramref name="count"/>.
    /// </summary>
    public static int? Ordinal(string n, int count, IReadOnlyList<string>? names = null)
    {
        if (Number(n) is { } number) return number;
        var m = OrdinalPhrase().Match(n);
        if (!m.Success) return null;
        if (m.Groups["last"].Success) return count;
        if (m.Groups["digits"].Success) return int.Parse(m.Groups["digits"].Value, CultureInfo.InvariantCulture);
        var word = m.Groups["word"].Success ? m.Groups["word"].Value : m.Groups["bare"].Value;
        if (m.Groups["bare"].Success && names is not null && names.Any(name => name == word || name.StartsWith(word + " ", StringComparison.Ordinal))) return null;
        return word switch { "nhat" or "mot" => 1, "hai" => 2, "ba" => 3, "bon" or "tu" => 4, "nam" => 5, _ => null };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(chac (la )?|la )?(cai |lua chon |chon |muc |o |dong |phuong |xa |p )?((thu |so )?(?<digits>\d{1,2})|(thu|so) (?<word>nhat|mot|hai|ba|bon|tu|nam)|(?<bare>mot|hai|bon|nam)|(?<last>cuoi( cung)?))( (a|do|day|ay|nhe|nha|ad|di|thoi|chau|em|e|con))*$")]
    private static partial System.Text.RegularExpressions.Regex OrdinalPhrase();

    /// <summary>"3", "số 3", "3." → 3.</summary>
    public static int? Number(string n)
    {
        var digits = n.StartsWith("so ", StringComparison.Ordinal) ? n[3..] : n;
        return digits.Length is > 0 and <= 2 && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;
    }
}
