using System.Text;

namespace ZaloBot.Domain.Text;

/// <summary>What makes a .NET string unsafe to hand to PostgreSQL, a JSON document or a header.</summary>
public enum UnsafeTextReason
{
    None,
    /// <summary>U+0000: PostgreSQL's text and jsonb refuse it ("invalid byte sequence for encoding UTF8: 0x00").</summary>
    Nul,
    /// <summary>Half of a surrogate pair: not Unicode, so it has no UTF-8 encoding and cannot be stored or sent.</summary>
    LoneSurrogate,
}

/// <summary>
/// The one rule for text from outside (webhooks, the staff API) before it reaches PostgreSQL or a header.
/// Identifiers and codes are <em>refused</em> when unsafe (<see cref="Check"/>): silently changing an id would make it
/// a different id. A citizen's own words are <em>cleaned</em> (<see cref="Clean"/>) instead: refusing them would leave
/// the citizen without an answer, and a NUL or a broken surrogate carries no meaning worth keeping.
/// </summary>
public static class SafeText
{
    /// <summary>U+FFFD, what a broken surrogate becomes: visible to staff as "something was here", never a crash.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>Why <paramref name="text"/> is unsafe, or <see cref="UnsafeTextReason.None"/>; null is safe (absent).</summary>
    public static UnsafeTextReason Check(string? text) => Check(text.AsSpan());

    public static UnsafeTextReason Check(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return UnsafeTextReason.Nul;
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a well-formed pair
                continue;
            }
            return UnsafeTextReason.LoneSurrogate;
        }
        return UnsafeTextReason.None;
    }

    public static bool IsSafe(string? text) => Check(text) == UnsafeTextReason.None;

    /// <summary>True when the text has half a surrogate pair: it cannot be encoded as UTF-8 at all (a NUL can, escaped).</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return true;
        }
        return false;
    }

    /// <summary>
    /// The text with every NUL removed and every lone surrogate replaced by U+FFFD; the same instance when already
    /// safe (the common case allocates nothing).
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSafe(text)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? Replacement : c);
            }
        }
        return builder.ToString();
    }

    /// <summary><see cref="Clean(string)"/> that passes null through.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>
    /// A short human-readable reason (English, for API problem details), naming the field but never echoing its value,
    /// which may hold a phone number or an address.
    /// </summary>
    public static string Describe(string field, UnsafeTextReason reason) => reason switch
    {
        UnsafeTextReason.Nul => $"'{field}' contains a NUL character (U+0000), which cannot be stored.",
        UnsafeTextReason.LoneSurrogate => $"'{field}' contains invalid Unicode (an unpaired surrogate), which cannot be stored.",
        _ => $"'{field}' is valid.",
    };

    /// <summary>The metric/log label for a reason.</summary>
    public static string Label(UnsafeTextReason reason) => reason switch
    {
        UnsafeTextReason.Nul => "nul",
        UnsafeTextReason.LoneSurrogate => "lone_surrogate",
        _ => "none",
    };
}
