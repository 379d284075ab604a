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
    /// <summary>Windows of up to <see cref="ShortWindow"/> words by start and length; longer ones (rare) by both.</summary>
    private string?[]? _shortWindows;
    private Dictionary<(int, int), string>? _windows;
    private const int ShortWindow = 4;

    public string Raw { get; } = raw;
    public List<Token> Tokens { get; } = tokens;
    public int Count => Tokens.Count;

    public string Window(int start, int length)
    {
        if (length is >= 1 and <= ShortWindow && start >= 0 && start + length <= Count)
        {
            _shortWindows ??= new string?[Count * ShortWindow];
            return _shortWindows[start * ShortWindow + length - 1] ??= Join(start, length);
        }
        _windows ??= [];
        if (!_windows.TryGetValue((start, length), out var joined))
        {
            joined = Join(start, length);
            _windows[(start, length)] = joined;
        }
        return joined;
    }

    private string Join(int start, int length) => string.Join(' ', Tokens.Skip(start).Take(length).Select(t => t.Text));

    /// <summary>Where each word ends in the joined text (plus one for the space after it), and what comes next with a digit.</summary>
    private int[]? _ends;
    private int[]? _nextDigit;

    /// <summary>The length of <see cref="Window"/> without joining it (the words must be there).</summary>
    public int WindowLength(int start, int length)
    {
        if (_ends is null)
        {
            var ends = new int[Count + 1];
            for (var j = 0; j < Count; j++) ends[j + 1] = ends[j] + Tokens[j].Text.Length + 1;
            _ends = ends;
        }
        return _ends[start + length] - _ends[start] - 1;
    }

    private bool? _writtenWithMarks;

    /// <summary>
    /// Whether the citizen typed this message with diacritics throughout (nearly every word of six or more): then a
    /// short word typed plain is that plain word — "cách đây không xa" is far, not "xã".
    /// </summary>
    public bool WrittenWithMarks => _writtenWithMarks ??= MarkedShare();

    private bool MarkedShare()
    {
        int words = 0, marked = 0;
        foreach (var token in Tokens)
        {
            if (token.IsNumber) continue;
            words++;
            if (token.Accented is not null) marked++;
        }
        return words >= MarkedWords && marked * 100 >= words * MarkedPercent;
    }

    private const int MarkedWords = 6;
    private const int MarkedPercent = 80;

    /// <summary>Whether <see cref="Window"/> has an ASCII digit, without joining it (the words must be there).</summary>
    public bool AnyDigit(int start, int length)
    {
        _nextDigit ??= NextWhere(t => t.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0);
        return _nextDigit[start] < start + length;
    }

    private HashSet<string>? _knownSet;
    private int[]? _nextUnknown;

    /// <summary>The first word from <paramref name="start"/> on that is not in <paramref name="known"/> (<see cref="Count"/> if none).</summary>
    public int NextUnknown(int start, HashSet<string> known)
    {
        if (!ReferenceEquals(_knownSet, known) || _nextUnknown is null)
        {
            _nextUnknown = NextWhere(t => !known.Contains(t.Text));
            _knownSet = known;
        }
        return _nextUnknown[start];
    }

    /// <summary>For each position, the first word at or after it that satisfies <paramref name="test"/> (<see cref="Count"/> if none).</summary>
    private int[] NextWhere(Func<Token, bool> test)
    {
        var next = new int[Count + 1];
        next[Count] = Count;
        for (var j = Count - 1; j >= 0; j--) next[j] = test(Tokens[j]) ? j : next[j + 1];
        return next;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(",;:!?\n…");

    /// <summary>
    /// Whether a clause ends before token <paramref name="i"/>: a comma, semicolon, colon, "!" or "?", a full stop or an
    /// ellipsis followed by a space, or a new line — not the hyphen, slash or dot inside "qua-tang", "bit.ly/…", "12/3".
    /// </summary>
    public bool ClauseBreakBefore(int i)
    {
        if (i <= 0 || i >= Count || !Tokens[i].BreakBefore) return false;
        var between = Raw.AsSpan(Tokens[i - 1].End, Tokens[i].Start - Tokens[i - 1].End);
        if (between.IndexOfAny(ClauseMarks) >= 0) return true;
        var dot = between.IndexOf('.');
        return dot >= 0 && dot + 1 < between.Length && char.IsWhiteSpace(between[dot + 1]);
    }

    /// <summary>The token after the first clause break (the opening clause's end), or 0 when the text is one clause.</summary>
    public int FirstClauseBreak()
    {
        for (var i = 1; i < Count; i++)
            if (ClauseBreakBefore(i)) return i;
        return 0;
    }

    /// <summary>The token after the last clause break (the closing clause's start), or 0 when the text is one clause.</summary>
    public int LastClauseBreak()
    {
        for (var i = Count - 1; i > 0; i--)
            if (ClauseBreakBefore(i)) return i;
        return 0;
    }

    /// <summary>The clauses, as token ranges [Start, End), in order; one range when the text is one clause.</summary>
    public List<(int Start, int End)> Clauses()
    {
        var clauses = new List<(int Start, int End)>();
        for (int start = 0, i = 1; i <= Count; i++)
        {
            if (i < Count && !ClauseBreakBefore(i)) continue;
            clauses.Add((start, i));
            start = i;
        }
        return clauses;
    }

    /// <summary>The raw text of the tokens in [start, end), as the citizen wrote it.</summary>
    public string Clause((int Start, int End) clause) => Span(clause.Start, clause.End - 1);

    /// <summary>The raw text before token <paramref name="i"/>.</summary>
    public string RawBefore(int i) => Raw[..Tokens[i].Start];

    /// <summary>The raw text from token <paramref name="i"/> on.</summary>
    public string RawFrom(int i) => Raw[Tokens[i].Start..];

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
        _readLookup = _read.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Written with marks other than the đ stroke, which citizens drop without changing the word ("dc" is "đc").</summary>
    private static bool Marked(string typed, string normalized) => typed.Replace('đ', 'd') != normalized;

    private static string[] Words(string text) => TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The last texts this thread read: the engine hands one message to several readers (commands, spam, meaning,
    /// abuse, danger, category, place), each of which reads it whole. A text's reading depends only on the text and
    /// the table, and nothing changes it once made (the windows it keeps are joined from its words).
    /// </summary>
    [ThreadStatic] private static (Tokenizer Tokenizer, TokenizedText Text)[]? t_recent;
    [ThreadStatic] private static int t_next;
    private const int RecentTexts = 4;

    public TokenizedText Tokenize(string raw)
    {
        var recent = t_recent ??= new (Tokenizer, TokenizedText)[RecentTexts];
        foreach (var (tokenizer, text) in recent)
            if (ReferenceEquals(tokenizer, this) && string.Equals(text.Raw, raw, StringComparison.Ordinal)) return text;
        var read = TokenizeOnce(raw);
        recent[t_next] = (this, read);
        t_next = (t_next + 1) % RecentTexts;
        return read;
    }

    private TokenizedText TokenizeOnce(string raw)
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
            var (parts, accented) = Read(raw.AsSpan(start, i - start));
            var capitalised = char.IsUpper(raw[start]);
            for (var p = 0; p < parts.Length; p++)
            {
                // A "word" of combining marks alone (a stray accent after a space) normalises to nothing: no token.
                if (parts[p].Length == 0) continue;
                tokens.Add(new Token(parts[p], start, i, sawBreak && p == 0, capitalised && p == 0, accented));
            }
            sawBreak = false;
        }
        return new TokenizedText(raw, tokens);
    }

    /// <summary>
    /// A word as typed → its words and marks: a pure function of the word, remembered because every message is read by
    /// several readers and each word costs two or three ICU calls. A flood of odd words only stops the remembering, and
    /// numbers are not remembered (<see cref="TextNormalizer.Rememberable"/>).
    /// </summary>
    private (string[] Parts, string? Accented) Read(ReadOnlySpan<char> typed)
    {
        if (_readLookup.TryGetValue(typed, out var known)) return known;
        var word = typed.ToString();
        var reading = Read(word);
        if (_readCount < MaxRead && TextNormalizer.Rememberable(word) && _read.TryAdd(word, reading)) Interlocked.Increment(ref _readCount);
        return reading;
    }

    private (string[] Parts, string? Accented) Read(string word)
    {
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
        return (parts, accented);
    }

    private const int MaxRead = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[], string?)> _read = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[], string?)>.AlternateLookup<ReadOnlySpan<char>> _readLookup;
    private int _readCount;

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
