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
        if (word is not null && TonesLast.TryGetValue(word, out var known)) return known;
        var result = ToneLastOnce(word!);
        // Words are few (a few thousand syllables) and each costs two ICU calls; a flood of odd words only stops the caching.
        if (_tonesLastCount < MaxCachedWords && Rememberable(word) && TonesLast.TryAdd(word!, result)) Interlocked.Increment(ref _tonesLastCount);
        return result;
    }

    private const int MaxCachedWords = 50_000;
    private static int _tonesLastCount;

    /// <summary>
    /// Whether a word may be kept in a cache that outlives the message: a syllable may, a run of digits may not (phone
    /// and identity numbers are citizens' data; they need no ICU call anyway) nor a run-on longer than a few syllables.
    /// </summary>
    internal static bool Rememberable(ReadOnlySpan<char> word) => word.Length <= 24 && word.IndexOfAnyInRange('0', '9') < 0;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TonesLast = new(StringComparer.Ordinal);

    private static string ToneLastOnce(string word)
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
        // The engine and its readers normalise the same message many times over: the last texts are remembered per thread.
        var recent = t_recent ??= new (string, string)[RecentTexts];
        foreach (var (typed, normalized) in recent)
            if (string.Equals(typed, text, StringComparison.Ordinal)) return normalized;
        var result = Folded(text) ?? NormalizeWhole(text);
        recent[t_next] = (text, result);
        t_next = (t_next + 1) % RecentTexts;
        return result;
    }

    [ThreadStatic] private static (string Typed, string Normalized)[]? t_recent;
    [ThreadStatic] private static int t_next;
    private const int RecentTexts = 4;

    /// <summary>
    /// <see cref="Normalize"/> one character at a time: every message is normalised many times over, and ICU's whole-string
    /// decomposition was most of the engine's cost. The decomposition of a string is its characters' decompositions in a
    /// row, reordered only among combining marks, which are all dropped or read as a break, so the result is the same.
    /// Null (so the whole string goes through ICU, as before) for a surrogate or a character ICU refuses on its own.
    /// </summary>
    private static string? Folded(string text)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length * 2));
        var length = 0;
        var pendingSpace = false;
        try
        {
            foreach (var c in text)
            {
                if (c < 0x80)
                {
                    Fold(c, ref buffer, ref rented, ref length, ref pendingSpace);
                    continue;
                }
                if (Decomposition(c) is not { } decomposed) return null;
                foreach (var d in decomposed)
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
                    Fold(d, ref buffer, ref rented, ref length, ref pendingSpace);
                }
            }
            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void Fold(char c, ref Span<char> buffer, ref char[]? rented, ref int length, ref bool pendingSpace)
    {
        var folded = c switch
        {
            'đ' or 'Đ' => 'd',
            _ => char.ToLowerInvariant(c),
        };
        if (!char.IsLetterOrDigit(folded))
        {
            pendingSpace = true;
            return;
        }
        if (length + 2 > buffer.Length)
        {
            var larger = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            buffer[..length].CopyTo(larger);
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
            buffer = rented = larger;
        }
        if (pendingSpace && length > 0) buffer[length++] = ' ';
        pendingSpace = false;
        buffer[length++] = folded;
    }

    /// <summary>
    /// Each character's canonical decomposition, asked of ICU once for the scripts citizens type (Latin with Vietnamese
    /// marks lies below U+1F00), each time for the rest; null for a surrogate or a character ICU refuses.
    /// </summary>
    private static readonly string?[] Decompositions = new string?[0x2000];

    private static readonly string Refused = new('￿', 1);

    private static string? Decomposition(char c)
    {
        if (char.IsSurrogate(c)) return null;
        var decomposed = c < Decompositions.Length ? Decompositions[c] : null;
        if (decomposed is null)
        {
            try
            {
                decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                decomposed = Refused;
            }
            if (c < Decompositions.Length) Decompositions[c] = decomposed;
        }
        return ReferenceEquals(decomposed, Refused) ? null : decomposed;
    }

    private static string NormalizeWhole(string text)
    {
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
