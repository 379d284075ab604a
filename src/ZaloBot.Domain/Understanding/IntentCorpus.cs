using System.Globalization;
using System.Text;
using System.Text.Json;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>One labelled citizen message: what its first answer should be, and for complaints the category and place.</summary>
public sealed record CorpusEntry(string Intent, string? Category, string? Area, string? Place, string Text, int Line);

/// <summary>What the engine did with one corpus message, played as a new citizen's first message.</summary>
public sealed record CorpusOutcome(CorpusEntry Entry, string Path, string? Category, string? Area, string? Address)
{
    public bool RightPath => Path == Entry.Intent;
    public bool NotUnderstood => Path == "unknown";
    public bool? RightCategory => Entry.Intent != "complaint" || Entry.Category is null ? null : Category == Entry.Category;

    /// <summary>The labelled ward and address fragment found (the address compared without case or diacritics).</summary>
    public bool? RightPlace => Entry.Intent != "complaint" || (Entry.Place is null && Entry.Area is null) ? null
        : Area == Entry.Area && (Entry.Place is null
            ? true
            : Address is not null && TextNormalizer.Normalize(Address).Contains(TextNormalizer.Normalize(Entry.Place), StringComparison.Ordinal));
}

/// <summary>
/// The labelled corpus (<c>corpus/intents</c>) and how it is scored: every message is played through the real
/// engine as the first message of a new citizen with no tickets, and the first answer's path is read from what the
/// engine did. Used by the held-out test and by <c>scripts/bench.sh intents</c>.
/// </summary>
public static class IntentCorpus
{
    public static IReadOnlyList<CorpusEntry> Parse(string text)
    {
        var entries = new List<CorpusEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(" | ", 5);
            if (parts.Length != 5) throw new FormatException($"line {i + 1}: expected 5 columns separated by \" | \"");
            static string? Label(string s) => s.Trim() is "-" or "" ? null : s.Trim();
            entries.Add(new CorpusEntry(parts[0].Trim(), Label(parts[1]), Label(parts[2]), Label(parts[3]), parts[4].Trim(), i + 1));
        }
        return entries;
    }

    /// <summary>The categories and wards the corpus is labelled against (<c>corpus/intents/province.json</c>).</summary>
    public static (IReadOnlyList<CategoryOption> Categories, IReadOnlyList<AreaOption> Areas) ParseProvince(string json)
    {
        using var document = JsonDocument.Parse(json);
        var deadline = new DateOnly(2026, 12, 8);
        var categories = document.RootElement.GetProperty("categories").EnumerateArray()
            .Select(c => new CategoryOption(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!,
                c.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList(), deadline))
            .ToList();
        var areas = document.RootElement.GetProperty("areas").EnumerateArray()
            .Select(a => new AreaOption(a.GetProperty("code").GetString()!, a.GetProperty("name").GetString()!))
            .ToList();
        return (categories, areas);
    }

    public static IReadOnlyList<CorpusOutcome> Evaluate(IEnumerable<CorpusEntry> entries, ConversationContext context)
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        return entries.Select(entry =>
        {
            var result = ConversationEngine.Handle(ConversationState.New(), new TextInput(entry.Text, at), context);
            var draft = result.State.Draft;
            return new CorpusOutcome(entry, PathOf(result), draft.CategoryCode, draft.AreaCode, draft.Address);
        }).ToList();
    }

    /// <summary>Which way the engine went, read from its new state and its first message.</summary>
    private static string PathOf(ConversationResult result)
    {
        if (result.Effects.OfType<RecordNotUnderstood>().Any()) return "unknown";
        if (result.Effects.OfType<AppendToTicket>().Any()) return "followup";
        if (result.State.Step == Step.QuestionOffer) return "question";
        if (result.State.HasDraftInProgress) return "complaint";
        var first = result.Effects.Select(e => e switch { SendText t => t.Text, SendButtons b => b.Text, _ => null }).OfType<string>().FirstOrDefault() ?? "";
        if (first.StartsWith(ConversationTexts.GreetingPrefix, StringComparison.Ordinal) && first != ConversationTexts.Greeting)
            first = first[ConversationTexts.GreetingPrefix.Length..];
        return first switch
        {
            ConversationTexts.NoTickets => "status",
            _ when first.StartsWith("Phản ánh của bạn:", StringComparison.Ordinal) => "status",
            ConversationTexts.Greeting => "greeting",
            ConversationTexts.Help => "help",
            ConversationTexts.Info => "info",
            ConversationTexts.QuestionAnswer => "question",
            ConversationTexts.ThanksReply => "thanks",
            _ => "other",
        };
    }

    /// <summary>Accuracy per intent, the share of "not understood", and the category and place figures, as text.</summary>
    public static string Report(string title, IReadOnlyList<CorpusOutcome> outcomes, bool listMistakes)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{title}: {outcomes.Count} messages");
        foreach (var group in outcomes.GroupBy(o => o.Entry.Intent).OrderByDescending(g => g.Count()))
            text.AppendLine(inv, $"  {group.Key,-10} {group.Count(o => o.RightPath),4}/{group.Count(),-4} {Percent(group.Count(o => o.RightPath), group.Count()),7}");
        text.AppendLine(inv, $"  right path         {outcomes.Count(o => o.RightPath),4}/{outcomes.Count,-4} {Percent(outcomes.Count(o => o.RightPath), outcomes.Count),7}   (target ≥ 95 %)");
        text.AppendLine(inv, $"  not understood     {outcomes.Count(o => o.NotUnderstood),4}/{outcomes.Count,-4} {Percent(outcomes.Count(o => o.NotUnderstood), outcomes.Count),7}   (target ≤ 3 %)");
        var categories = outcomes.Where(o => o.RightCategory is not null).ToList();
        text.AppendLine(inv, $"  category suggested {categories.Count(o => o.RightCategory == true),4}/{categories.Count,-4} {Percent(categories.Count(o => o.RightCategory == true), categories.Count),7}   (complaints labelled with a category)");
        var places = outcomes.Where(o => o.RightPlace is not null).ToList();
        text.AppendLine(inv, $"  place from text    {places.Count(o => o.RightPlace == true),4}/{places.Count,-4} {Percent(places.Count(o => o.RightPlace == true), places.Count),7}   (complaints labelled with an address or ward)");
        if (listMistakes)
        {
            foreach (var o in outcomes.Where(o => !o.RightPath || o.RightCategory == false || o.RightPlace == false))
                text.AppendLine(inv, $"  ! line {o.Entry.Line}: {o.Entry.Intent}/{o.Entry.Category ?? "-"}/{o.Entry.Area ?? "-"}/{o.Entry.Place ?? "-"} → {o.Path}/{o.Category ?? "-"}/{o.Area ?? "-"}/{o.Address ?? "-"}  {o.Entry.Text}");
        }
        return text.ToString();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
