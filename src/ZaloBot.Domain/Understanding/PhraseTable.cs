using System.Text.Json;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// The words the bot understands, as data: what operators read and extend (docs/understanding.md). The built-in
/// table is <c>phrases.json</c>, embedded in this assembly; an operator's file of the same shape is merged over it.
/// Phrases may be written with or without diacritics; they are normalised when compiled.
/// </summary>
public sealed class PhraseTable
{
    /// <summary>Words whose meaning is lost without their diacritics ("đừng" is not "đúng"), replaced before normalising.</summary>
    public Dictionary<string, string> BeforeNormalising { get; set; } = [];

    /// <summary>Single-word Zalo abbreviations and misspellings → the words they stand for ("ko" → "không").</summary>
    public Dictionary<string, string> Abbreviations { get; set; } = [];

    /// <summary>Politeness, particles and pronouns that carry no intent ("ạ", "nhé", "cho tôi").</summary>
    public List<string> Fillers { get; set; } = [];

    /// <summary>Whole-message intents (greeting, complaint, problem, status, question…) → weighted phrases.</summary>
    public Dictionary<string, Dictionary<string, double>> Intents { get; set; } = [];

    /// <summary>Short answers at a step (yes, no, submit, skip…): a message made only of these phrases and fillers.</summary>
    public Dictionary<string, List<string>> Answers { get; set; } = [];

    /// <summary>
    /// Weighted phrases that are not intents of a whole message but signals beside them: the kinds of immediate danger
    /// (<c>dangerFire</c>, <c>dangerPower</c>, <c>dangerPolice</c>, <c>dangerMedical</c>, <c>dangerRescue</c>),
    /// <c>abuse</c> and <c>spam</c>. Kept apart so they never take words from the intents.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> Signals { get; set; } = [];

    /// <summary>Category code → weighted phrases that suggest it (added to the category's own keywords).</summary>
    public Dictionary<string, Dictionary<string, double>> Categories { get; set; } = [];

    public PlacePhrases Place { get; set; } = new();

    public ContactPhrases Contact { get; set; } = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a table; throws <see cref="JsonException"/> with the position of a mistake.</summary>
    public static PhraseTable Parse(string json) =>
        JsonSerializer.Deserialize<PhraseTable>(json, Json) ?? throw new JsonException("The phrase table is empty.");

    /// <summary>The table shipped with the bot.</summary>
    public static PhraseTable BuiltIn()
    {
        using var stream = typeof(PhraseTable).Assembly.GetManifestResourceStream("ZaloBot.Domain.Understanding.phrases.json")
            ?? throw new InvalidOperationException("The built-in phrase table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// This table with <paramref name="extra"/> laid over it: maps and weights are overridden (a weight of 0 removes a
    /// phrase), lists are extended, and a list entry written "-phrase" removes that phrase.
    /// </summary>
    public PhraseTable Merge(PhraseTable extra) => new()
    {
        BeforeNormalising = MergeMap(BeforeNormalising, extra.BeforeNormalising),
        Abbreviations = MergeMap(Abbreviations, extra.Abbreviations),
        Fillers = MergeList(Fillers, extra.Fillers),
        Intents = MergeNested(Intents, extra.Intents),
        Answers = Answers.Keys.Union(extra.Answers.Keys).ToDictionary(k => k,
            k => MergeList(Answers.GetValueOrDefault(k) ?? [], extra.Answers.GetValueOrDefault(k) ?? [])),
        Categories = MergeNested(Categories, extra.Categories),
        Signals = MergeNested(Signals, extra.Signals),
        Place = new PlacePhrases
        {
            Numbered = MergeList(Place.Numbered, extra.Place.Numbered),
            Named = MergeList(Place.Named, extra.Place.Named),
            Landmarks = MergeList(Place.Landmarks, extra.Place.Landmarks),
            NotAfter = MergeList(Place.NotAfter, extra.Place.NotAfter),
            StopWords = MergeList(Place.StopWords, extra.Place.StopWords),
        },
        Contact = new ContactPhrases
        {
            Honorifics = MergeList(Contact.Honorifics, extra.Contact.Honorifics),
            Labels = MergeList(Contact.Labels, extra.Contact.Labels),
        },
    };

    private static Dictionary<string, T> MergeMap<T>(Dictionary<string, T> a, Dictionary<string, T> b)
    {
        var merged = new Dictionary<string, T>(a);
        foreach (var (key, value) in b) merged[key] = value;
        return merged;
    }

    private static Dictionary<string, Dictionary<string, double>> MergeNested(
        Dictionary<string, Dictionary<string, double>> a, Dictionary<string, Dictionary<string, double>> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k, k =>
            MergeMap(a.GetValueOrDefault(k) ?? [], b.GetValueOrDefault(k) ?? [])
                .Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value));

    private static List<string> MergeList(List<string> a, List<string> b)
    {
        var removed = b.Where(x => x.StartsWith('-')).Select(x => x[1..].Trim()).ToHashSet();
        return a.Concat(b.Where(x => !x.StartsWith('-'))).Where(x => !removed.Contains(x)).Distinct().ToList();
    }
}

public sealed class PlacePhrases
{
    /// <summary>Words followed by a number that make an address ("số 12", "ngõ 5", "tổ 3").</summary>
    public List<string> Numbered { get; set; } = [];

    /// <summary>Words followed by a name that make an address ("đường Lý Thái Tổ", "thôn Đông").</summary>
    public List<string> Named { get; set; } = [];

    /// <summary>Landmarks ("chợ", "trường tiểu học"): a place only with a capitalised name or a number after them.</summary>
    public List<string> Landmarks { get; set; } = [];

    /// <summary>A named word right after one of these is not a place ("thành phố", "môi trường").</summary>
    public List<string> NotAfter { get; set; } = [];

    /// <summary>Words that end a name typed in lower case ("duong nguyen trai bi ngap" → "nguyen trai").</summary>
    public List<string> StopWords { get; set; } = [];
}

public sealed class ContactPhrases
{
    /// <summary>Forms of address before a name ("a Hùng" is anh Hùng: the form is kept with the name, written out).</summary>
    public List<string> Honorifics { get; set; } = [];

    /// <summary>What people write around their contact details ("tên tôi là", "sđt").</summary>
    public List<string> Labels { get; set; } = [];
}
