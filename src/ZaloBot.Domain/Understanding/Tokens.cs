using System.Globalization;
using System.Text;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// One word of a message: its normalised, abbreviation-expanded form, where it came from in the raw text, and the word
/// as typed in lower case when the citizen typed diacritics (null otherwise), which tells "đó" from "đổ".
/// </summary>
public readonly record struct Token(string Text, int Start, int End, bool BreakBefore, bool Capitalised, string? Accented = null)
{
    public bool IsNumber => Text.Length > 0 && char.IsAsciiDigit(Text[0]);
}

/// <summary>A message split into tokens, with the joined windows that fuzzy matching compares cached.</summary>
internal sealed class TokenizedText(string raw, List<Token> tokens)
{
    private readonly Dictionary<(int, int), string> _windows = [];

    public string Raw { get; } = raw;
    public List<Token> Tokens { get; } = tokens;
    public int Count => Tokens.Count;

    public string Window(int start, int length)
    {
        if (!_windows.TryGetValue((start, length), out var joined))
        {
            joined = string.Join(' ', Tokens.Skip(start).Take(length).Select(t => t.Text));
            _windows[(start, length)] = joined;
        }
        return joined;
    }

    /// <summary>The raw text of tokens [first, last], as the citizen wrote it.</summary>
    public string Span(int first, int last) => Raw[Tokens[first].Start..Tokens[last].End];
}

/// <summary>Splits raw text into words, normalises each (case, diacritics) and expands abbreviations.</summary>
internal sealed class Tokenizer
{
    private readonly Dictionary<string, string[]> _before;
    private readonly Dictionary<string, string[]> _abbreviations;

    /// <summary>
    /// Abbreviations written with tone or vowel marks ("hông" → không) apply only when typed with those marks:
    /// without them they would swallow another word ("hong" is also "hỏng", broken — the commonest complaint word).
    /// </summary>
    private readonly Dictionary<string, string[]> _markedAbbreviations;

    public Tokenizer(PhraseTable table)
    {
        _before = table.BeforeNormalising.ToDictionary(
            p => p.Key.Normalize(NormalizationForm.FormC).ToLowerInvariant(), p => Words(p.Value));
        // Only single words are abbreviations: a phrase key could never match one token.
        var single = table.Abbreviations
            .Select(p => (Typed: p.Key.Normalize(NormalizationForm.FormC).ToLowerInvariant(), Key: TextNormalizer.Normalize(p.Key), Value: Words(p.Value)))
            .Where(p => p.Key.Length > 0 && !p.Key.Contains(' '))
            .ToList();
        _abbreviations = single.Where(p => !Marked(p.Typed, p.Key))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        _markedAbbreviations = single.Where(p => Marked(p.Typed, p.Key))
            .GroupBy(p => p.Typed).ToDictionary(g => g.Key, g => g.Last().Value);
    }

    /// <summary>Written with marks other than the đ stroke, which citizens drop without changing the word ("dc" is "đc").</summary>
    private static bool Marked(string typed, string normalized) => typed.Replace('đ', 'd') != normalized;

    private static string[] Words(string text) => TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public TokenizedText Tokenize(string raw)
    {
        var tokens = new List<Token>();
        var i = 0;
        var sawBreak = false;
        while (i < raw.Length)
        {
            if (!IsWordChar(raw[i]))
            {
                if (!char.IsWhiteSpace(raw[i])) sawBreak = true;
                i++;
                continue;
            }
            var start = i;
            while (i < raw.Length && IsWordChar(raw[i])) i++;
            var word = raw[start..i];
            var lower = word.Normalize(NormalizationForm.FormC).ToLowerInvariant();
            string[] parts;
            string? accented = null;
            if (_before.TryGetValue(lower, out var replaced)) parts = replaced;
            else
            {
                var normalized = TextNormalizer.Normalize(word);
                if (_markedAbbreviations.TryGetValue(lower, out var expanded) || _abbreviations.TryGetValue(normalized, out expanded)) parts = expanded;
                else
                {
                    parts = [normalized];
                    if (lower != normalized) accented = TextNormalizer.ToneLast(lower);
                }
            }
            var capitalised = char.IsUpper(word[0]);
            for (var p = 0; p < parts.Length; p++)
                tokens.Add(new Token(parts[p], start, i, sawBreak && p == 0, capitalised && p == 0, accented));
            sawBreak = false;
        }
        return new TokenizedText(raw, tokens);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
