using System.Globalization;
using System.Text;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tracks;

/// <summary>
/// Whole-word phrase matching that ignores case and diacritics, except where the citizen typed the diacritics: then
/// they must agree, so "xe chạy" does not match the keyword "cháy". A lone word typed without marks is ambiguous in
/// Vietnamese ("chay" is cháy, chạy or chay), so a one-word keyword needs the marks; a phrase ("chay nha") does not.
/// </summary>
public static class KeywordMatcher
{
    /// <summary>How many of <paramref name="keywords"/> occur in <paramref name="text"/>.</summary>
    public static int Count(string text, IEnumerable<string> keywords)
    {
        var words = TextWords(text);
        return keywords.Count(k => Contains(words, KeywordWords(k)));
    }

    public static bool Any(string text, IEnumerable<string> keywords) => Count(text, keywords) > 0;

    /// <summary>The first keyword that occurs, for showing staff why something was suggested.</summary>
    public static string? First(string text, IEnumerable<string> keywords)
    {
        var words = TextWords(text);
        return keywords.FirstOrDefault(k => Contains(words, KeywordWords(k)));
    }

    // Each message is matched against every rule's keywords (tracks, priorities), and reading a text costs ICU calls:
    // the keywords are read once, the message once per rule set. Nothing changes a list of words once read.
    [ThreadStatic] private static (string Text, List<Word> Words)? t_last;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<Word>> Keywords = new(StringComparer.Ordinal);
    private static int _keywordCount;

    private static List<Word> TextWords(string text)
    {
        if (t_last is { } last && string.Equals(last.Text, text, StringComparison.Ordinal)) return last.Words;
        var words = Words(text);
        t_last = (text, words);
        return words;
    }

    private static List<Word> KeywordWords(string keyword)
    {
        if (keyword is null) return Words(keyword!);
        if (Keywords.TryGetValue(keyword, out var known)) return known;
        var words = Words(keyword);
        if (_keywordCount < 10_000 && Keywords.TryAdd(keyword, words)) Interlocked.Increment(ref _keywordCount);
        return words;
    }

    private readonly record struct Word(string Accented, string Plain)
    {
        public bool HasMarks => Accented != Plain;
    }

    private static bool Contains(List<Word> text, List<Word> phrase)
    {
        if (phrase.Count == 0 || phrase.Count > text.Count) return false;
        for (var i = 0; i + phrase.Count <= text.Count; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Count && all; j++)
            {
                var (t, p) = (text[i + j], phrase[j]);
                all = t.Plain == p.Plain && (t.HasMarks ? !p.HasMarks || t.Accented == p.Accented : phrase.Count > 1 || !p.HasMarks);
            }
            if (all) return true;
        }
        return false;
    }

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0) return;
            var typed = current.ToString();
            var plain = TextNormalizer.Normalize(typed);
            words.Add(new Word(typed == plain ? plain : TextNormalizer.ToneLast(typed), plain));
            current.Clear();
        }
    }
}
