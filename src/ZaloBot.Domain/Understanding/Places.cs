using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>A place named in a message: the address as the citizen wrote it, and the configured ward it names.</summary>
public sealed record PlaceInText(string? Address, string? AreaCode);

public sealed partial class Understander
{
    /// <summary>The place words of the table, compiled.</summary>
    private sealed class PlaceWords(Understander u, PlacePhrases place)
    {
        public Phrase[] Numbered { get; } = u.Compile(place.Numbered.ToDictionary(p => p, _ => 0.0), fuzzy: false);
        public Phrase[] Named { get; } = u.Compile(place.Named.ToDictionary(p => p, _ => 0.0), fuzzy: false);
        public Phrase[] Landmarks { get; } = u.Compile(place.Landmarks.ToDictionary(p => p, _ => 0.0), fuzzy: false);
        public HashSet<string> NotAfter { get; } = place.NotAfter.Select(TextNormalizer.Normalize).ToHashSet();
        public HashSet<string> StopWords { get; } = place.StopWords.Select(TextNormalizer.Normalize).ToHashSet();
        public HashSet<string> MarkedStopWords { get; } = place.StopWords.Select(w => TextNormalizer.ToneLast(w.ToLowerInvariant())).ToHashSet();
    }

    private static readonly string[] AreaPrefixes = ["phuong", "xa", "thi tran", "p", "x", "tt"];

    /// <summary>
    /// The place a message names: house numbers and alleys ("số 12", "ngõ 5"), named streets, villages and landmarks
    /// ("đường Lý Thái Tổ", "thôn Đông", "trường tiểu học Kim Đồng") and a configured ward. A landmark without a name or
    /// number ("cổng trường") is not an address: the bot still asks where.
    /// </summary>
    public PlaceInText ExtractPlace(string raw, IReadOnlyList<AreaOption> areas)
    {
        var text = Tokenize(raw);
        var spans = new List<(int First, int Last)>();

        // Lower-case (or all-capitals) typing gives no hint where a name ends; stop words do.
        var letters = raw.Where(char.IsLetter).ToList();
        var shouting = letters.Count > 0 && letters.Count(char.IsUpper) > letters.Count * 0.6;
        // A capital at the start of a sentence says nothing; one inside it marks a name.
        var capitalMode = !shouting && text.Tokens.Skip(1).Any(t => t.Capitalised && !t.BreakBefore);

        string? areaCode = null;
        foreach (var area in areas)
        {
            if (AreaPhrase(area.Name) is not { } phrase) continue;
            // "chợ Vũ Ninh phường Vũ Ninh": the name said with its prefix is the ward; the other is a landmark's name.
            (int First, int Last)? found = null;
            for (var i = 0; i < text.Count; i++)
            {
                var length = Match(text, i, phrase);
                if (length == 0) continue;
                var first = i;
                foreach (var prefix in AreaPrefixes)
                {
                    var words = prefix.Split(' ');
                    if (first >= words.Length && Enumerable.Range(0, words.Length).All(j => text.Tokens[first - words.Length + j].Text == words[j]))
                    {
                        first -= words.Length;
                        break;
                    }
                }
                if (found is null || first < i) found = (first, i + length - 1);
                if (first < i) break;
            }
            if (found is { } span)
            {
                areaCode = area.Code;
                spans.Add(span);
                break;
            }
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (spans.Any(s => i >= s.First && i <= s.Last)) continue;
            var numbered = Best(text, i, _place.Numbered).Length;
            // "quyết định số 123/QĐ-XPHC" is a document's number, not a house's.
            var document = numbered > 0 && i + numbered < text.Count
                && (text.Tokens[i + numbered].End < raw.Length && raw[text.Tokens[i + numbered].End] == '/'
                    || i >= 1 && text.Tokens[i - 1].Text is "qd" or "dinh" or "van" or "ban" or "bao" or "hieu"
                    // "xử lý số 0399 xxx 302": a phone's number, not a house's.
                    || text.Tokens[i + numbered].Text is { Length: >= 3 } digits && digits[0] == '0'
                    // "số 0 tròn trĩnh": no house is number naught.
                    || text.Tokens[i + numbered].Text == "0"
                    // "xây thêm tầng 4", "cơi nới lên tầng 5": a floor built, not where.
                    || i >= 1 && InABuilding.Contains(text.Tokens[i].Text) && text.Tokens[i - 1].Text is "them" or "len" or "noi" or "xay");
            if (numbered > 0 && !document && i + numbered < text.Count && (text.Tokens[i + numbered].IsNumber || IsBuildingCode(text.Raw, text.Tokens[i + numbered]))
                && !text.Tokens[i + numbered].BreakBefore)
            {
                var last = i + numbered;
                // "số 12 đường Lý Thái Tổ", "số 12 Lý Thái Tổ": the street that follows belongs to it.
                // Not after a floor or a tower: "tầng 4 trái phép lấn …" names nothing more.
                var next = last + 1;
                var named = next < text.Count ? Best(text, next, _place.Named).Length : 0;
                if (!InABuilding.Contains(text.Tokens[i].Text)) last = NameAfter(text, named > 0 ? next + named : next, capitalMode) ?? last;
                spans.Add((i, last));
                i = last;
                continue;
            }
            var marker = Best(text, i, _place.Named).Length;
            // "xưởng gỗ đầu xóm chạy máy cưa" is where in the village, not a village named "chạy": after a word of position
            // only a capital or a number starts a name ("đầu thôn Đông", "cuối ngõ 5"); the thing before it is the place.
            if (marker > 0 && AtTheHeadOf(text, i)
                && (i + marker >= text.Count || !text.Tokens[i + marker].Capitalised && !text.Tokens[i + marker].IsNumber))
            {
                if (ThingBefore(text, i - 1, spans) is { } thing) spans.Add((thing, i + marker - 1));
                i += marker - 1;
                continue;
            }
            if (marker > 0 && (i == 0 || !_place.NotAfter.Contains(text.Tokens[i - 1].Text)) && NameAfter(text, i + marker, capitalMode) is { } nameEnd)
            {
                // "mương thủy lợi đầu xóm Bàu": the thing at the head of the named village is where.
                var first = AtTheHeadOf(text, i) && ThingBefore(text, i - 1, spans) is { } thing ? thing : i;
                spans.Add((first, nameEnd));
                i = nameEnd;
                continue;
            }
            // "chợ Đồng Xuân", "trường tiểu học số 2": a landmark counts only with a real name or number.
            var landmark = Best(text, i, _place.Landmarks).Length;
            if (landmark > 0 && i + landmark < text.Count && (i == 0 || !_place.NotAfter.Contains(text.Tokens[i - 1].Text)))
            {
                var after = i + landmark;
                if (text.Tokens[after].Text == "so" && after + 1 < text.Count && text.Tokens[after + 1].IsNumber) after++;
                if ((capitalMode && text.Tokens[after].Capitalised || text.Tokens[after].IsNumber) && NameAfter(text, after, capitalMode) is { } landmarkEnd)
                {
                    spans.Add((i, landmarkEnd));
                    i = landmarkEnd;
                }
            }
        }

        // A ward alone says which ward, not where in it: the bot still asks for the place.
        if (spans.Count <= (areaCode is null ? 0 : 1)) return new PlaceInText(null, areaCode);

        spans.Sort();
        var parts = new List<string>();
        var (start, end) = spans[0];
        foreach (var (first, last) in spans.Skip(1))
        {
            // Pieces written together ("số 12 Lý Thái Tổ, phường Kinh Bắc") stay one address.
            if (first <= end + 1 || (first == end + 2 && text.Tokens[end + 1].Text is "o" or "tai" or "thuoc"))
                end = Math.Max(end, last);
            else
            {
                parts.Add(text.Span(start, end));
                (start, end) = (first, last);
            }
        }
        parts.Add(text.Span(start, end));
        return new PlaceInText(string.Join(", ", parts), areaCode);
    }

    /// <summary>A ward's name without its prefix as a phrase (null when nothing is left), read once per name: every place is matched against every ward.</summary>
    private Phrase? AreaPhrase(string areaName)
    {
        if (areaName is not null && _areaPhrases.TryGetValue(areaName, out var known)) return known;
        var name = Tokenize(AreaNames.WithoutPrefix(areaName!));
        var phrase = name.Count == 0 ? null : new Phrase(name.Tokens.Select(t => t.Text).ToArray(), name.Window(0, name.Count), 0, 0);
        if (areaName is not null && _areaPhraseCount < 10_000 && _areaPhrases.TryAdd(areaName, phrase)) Interlocked.Increment(ref _areaPhraseCount);
        return phrase;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Phrase?> _areaPhrases = new(StringComparer.Ordinal);
    private int _areaPhraseCount;

    private static readonly HashSet<string> InABuilding = ["tang", "ham", "can", "block", "thap", "toa"];

    /// <summary>"tòa C", "hầm B2", "tòa CT2", "block A1": a tower's or level's code, written as the building writes it.</summary>
    /// <remarks>Letters alone only as one capital: typed in capitals, "HẦM XE", "TOA NHA" name no tower.</remarks>
    private static bool IsBuildingCode(string raw, Token token) => BuildingCode().IsMatch(raw[token.Start..token.End]);

    [System.Text.RegularExpressions.GeneratedRegex(@"^([A-Z](\d{1,3}[A-Z]?)?|[A-Z]{2,3}\d{1,3}|[a-z]{1,2}\d{1,3})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BuildingCode();

    /// <summary>"… đầu xóm", "… cuối thôn": a word of position, with something before it, leads to the place word at <paramref name="i"/>.</summary>
    private static bool AtTheHeadOf(TokenizedText text, int i) =>
        i >= 2 && text.Tokens[i - 1].Text is "dau" or "cuoi" && !text.Tokens[i - 1].BreakBefore;

    /// <summary>The first word of the thing named just before <paramref name="at"/> ("quán karaoke", "trạm biến áp"), or null.</summary>
    private int? ThingBefore(TokenizedText text, int at, List<(int First, int Last)> taken)
    {
        int? first = null;
        for (var i = at - 1; i >= 0 && i >= at - 3; i--)
        {
            var token = text.Tokens[i];
            // Read with its marks where it has them: "quán karaoke" holds no "quận", "xưởng gỗ" no "xuống".
            var stop = token.Accented is { } marked ? _place.MarkedStopWords.Contains(marked) : _place.StopWords.Contains(token.Text);
            if (stop || token.IsNumber || taken.Any(s => i >= s.First && i <= s.Last)) break;
            first = i;
            if (token.BreakBefore) break;
        }
        return first;
    }

    /// <summary>The last word of a name starting at <paramref name="at"/>, or null when no name follows.</summary>
    private int? NameAfter(TokenizedText text, int at, bool capitalMode)
    {
        int? end = null;
        for (var i = at; i < text.Count && i < at + 5; i++)
        {
            var token = text.Tokens[i];
            if (token.BreakBefore) break;
            if (capitalMode)
            {
                if (!token.Capitalised && !token.IsNumber) break;
            }
            else if (_place.StopWords.Contains(token.Text) || (i - at >= 3 && !token.IsNumber)) break;
            end = i;
        }
        return end;
    }
}
