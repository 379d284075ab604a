using System.Globalization;
using System.Text;
using System.Text.Json;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Information;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// One labelled citizen message: what its first answer should be, and for complaints the category and place. For a
/// question, <paramref name="Category"/> holds the key of the article that answers it (null: none does).
/// </summary>
public sealed record CorpusEntry(string Intent, string? Category, string? Area, string? Place, string Text, int Line)
{
    /// <summary>The path the engine should take: spam is kept with the unrecognised messages.</summary>
    public string ExpectedPath => Intent == "spam" ? "unknown" : Intent;
}

/// <summary>What the engine did with one corpus message, played as a new citizen's first message.</summary>
public sealed record CorpusOutcome(CorpusEntry Entry, string Path, string? Category, string? Area, string? Address)
{
    public bool RightPath => Path == Entry.ExpectedPath;
    public bool NotUnderstood => Path == "unknown";
    public bool? RightCategory => Entry.Intent != "complaint" || Entry.Category is null ? null : Category == Entry.Category;

    /// <summary>The emergency numbers were the very first line of the answer.</summary>
    public bool EmergencyFirst { get; init; }

    /// <summary>The citizen was offered to file it (a draft, a problem offer, the offer to send a question).</summary>
    public bool OfferedForFiling { get; init; }

    /// <summary>For questions: the key of the first article shown, if any.</summary>
    public string? ArticleShown { get; init; }

    public bool? OnTopic => Entry.Intent != "question" ? null : ArticleShown == Entry.Category;

    /// <summary>The labelled ward and address fragment found (the address compared without case or diacritics).</summary>
    public bool? RightPlace => Entry.Intent != "complaint" || (Entry.Place is null && Entry.Area is null) ? null
        : Area == Entry.Area && (Entry.Place is null
            ? true
            : Address is not null && TextNormalizer.Normalize(Address).Contains(TextNormalizer.Normalize(Entry.Place), StringComparison.Ordinal));
}

/// <summary>
/// First messages on the right path; danger messages whose first line is the emergency line; abuse and spam offered for
/// filing; the emergency line given to a message that is not danger (a false alarm).
/// </summary>
public sealed record CorpusFigures(int RightPath, int Messages, int DangerFirst, int Danger, int AbuseOffered, int Abuse, int FalseAlarms, int NotDanger)
{
    /// <summary>As good or better on every safety figure: no more danger misses, abuse offered or false alarms.</summary>
    public bool NoWorseSafety(CorpusFigures other) =>
        Danger - DangerFirst <= other.Danger - other.DangerFirst && AbuseOffered <= other.AbuseOffered && FalseAlarms <= other.FalseAlarms;

    public static CorpusFigures operator +(CorpusFigures a, CorpusFigures b) =>
        new(a.RightPath + b.RightPath, a.Messages + b.Messages, a.DangerFirst + b.DangerFirst, a.Danger + b.Danger,
            a.AbuseOffered + b.AbuseOffered, a.Abuse + b.Abuse, a.FalseAlarms + b.FalseAlarms, a.NotDanger + b.NotDanger);
}

public static class IntentCorpus
{
    public static IReadOnlyList<CorpusEntry> Parse(string text) =>
        Rows(text, 5).Select(r => new CorpusEntry(r.Parts[0], Label(r.Parts[1]), Label(r.Parts[2]), Label(r.Parts[3]), r.Parts[4], r.Line)).ToList();

    /// <summary>The rows of a corpus file: columns separated by " | ", trimmed; blank lines and # comments skipped.</summary>
    internal static IEnumerable<(string[] Parts, int Line)> Rows(string text, int columns)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(" | ", columns);
            if (parts.Length != columns) throw new FormatException($"line {i + 1}: expected {columns} columns separated by \" | \"");
            yield return (parts.Select(p => p.Trim()).ToArray(), i + 1);
        }
    }

    /// <summary>"-" or nothing: no label.</summary>
    internal static string? Label(string s) => s is "-" or "" ? null : s;

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

    /// <summary>The sample articles questions are labelled against (<c>corpus/intents/articles.json</c>), keyed.</summary>
    public static IReadOnlyList<(string Key, ArticleOption Article)> ParseArticles(string json)
    {
        using var document = JsonDocument.Parse(json);
        var published = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(7));
        return document.RootElement.GetProperty("articles").EnumerateArray()
            .Select((a, i) => (a.GetProperty("key").GetString()!, new ArticleOption(i + 1, a.GetProperty("topic").GetString()!, a.GetProperty("title").GetString()!,
                a.GetProperty("summary").GetString()!, null, a.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList(), published.AddDays(i))))
            .ToList();
    }

    /// <summary>
    /// The context every corpus message is played in (the sample province and articles, a new citizen without tickets)
    /// and the article keys for <see cref="Evaluate"/>.
    /// </summary>
    public static (ConversationContext Context, IReadOnlyDictionary<long, string> ArticleKeys) Context(string provinceJson, string articlesJson, Understander? understanding = null)
    {
        var (categories, areas) = ParseProvince(provinceJson);
        var articles = ParseArticles(articlesJson);
        var context = new ConversationContext(categories, areas, [], [], "PA-2611-TEST", new ConversationLimits())
        {
            Understanding = understanding ?? Understander.Default,
            Articles = articles.Select(a => a.Article).ToList(),
        };
        return (context, articles.ToDictionary(a => a.Article.Id, a => a.Key));
    }

    /// <param name="articleKeys">Article id → its key in articles.json, to name the article a question was answered with.</param>
    /// <param name="decide">A second opinion on the phrases' intent (<see cref="Understander.WithIntentDecision"/>); null: the phrases alone.</param>
    /// <param name="track">A second opinion on the track where the rules find none (<see cref="Understander.WithTrackOpinion"/>); null: the rules alone.</param>
    /// <param name="danger">A second opinion on immediate danger where the rules find none (<see cref="Understander.WithDangerOpinion"/>); null: the rules alone.</param>
    /// <param name="dangerDoubt">A second opinion doubting the danger the rules read (<see cref="Understander.WithDangerDoubt"/>); null: the rules' danger stands.</param>
    public static IReadOnlyList<CorpusOutcome> Evaluate(IEnumerable<CorpusEntry> entries, ConversationContext context, IReadOnlyDictionary<long, string>? articleKeys = null,
        Func<string, Meaning, MessageIntent>? decide = null, Func<string, string?>? track = null, Func<string, bool>? danger = null,
        Func<string, bool>? dangerDoubt = null)
    {
        if (dangerDoubt is not null) context = context with { Understanding = context.Understanding.WithDangerDoubt(dangerDoubt) };
        if (danger is not null) context = context with { Understanding = context.Understanding.WithDangerOpinion(danger) };
        if (decide is not null) context = context with { Understanding = context.Understanding.WithIntentDecision(decide) };
        if (track is not null) context = context with { Understanding = context.Understanding.WithTrackOpinion(track) };
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        return entries.Select(entry =>
        {
            var result = ConversationEngine.Handle(ConversationState.New(), new TextInput(entry.Text, at), context);
            var draft = result.State.Draft;
            var texts = Texts(result);
            var article = texts.SelectMany(t => context.Articles.Select(a => (a, At: t.IndexOf("• " + a.Title, StringComparison.Ordinal))))
                .Where(x => x.At >= 0).OrderBy(x => x.At).Select(x => x.a).FirstOrDefault();
            return new CorpusOutcome(entry, PathOf(result), draft.CategoryCode, draft.AreaCode, draft.Address)
            {
                EmergencyFirst = texts.FirstOrDefault()?.StartsWith(DangerTexts.Prefix, StringComparison.Ordinal) == true,
                OfferedForFiling = result.State.HasDraftInProgress || result.State.Step == Step.QuestionOffer,
                ArticleShown = article is null ? null : articleKeys?.GetValueOrDefault(article.Id) ?? article.Title,
            };
        }).ToList();
    }

    internal static List<string> Texts(ConversationResult result) =>
        result.Effects.Select(e => e switch { SendText t => t.Text, SendButtons b => b.Text, _ => null }).OfType<string>().ToList();

    /// <summary>Which way the engine went, read from its new state and its first message.</summary>
    private static string PathOf(ConversationResult result)
    {
        if (result.Effects.OfType<RecordNotUnderstood>().Any()) return "unknown";
        if (result.Effects.OfType<AppendToTicket>().Any()) return "followup";
        var first = Texts(result).FirstOrDefault() ?? "";
        if (first.StartsWith(DangerTexts.Prefix, StringComparison.Ordinal)) return result.State.HasDraftInProgress ? "danger" : "danger-no-draft";
        if (result.State.Step == Step.QuestionOffer) return "question";
        if (result.State.HasDraftInProgress)
            return result.State.Draft.SuggestedTrack switch { Tracks.TicketTracks.KhieuNai => "khieunai", Tracks.TicketTracks.ToCao => "tocao", _ => "complaint" };
        if (first.StartsWith(ConversationTexts.GreetingPrefix, StringComparison.Ordinal) && first != ConversationTexts.Greeting)
            first = first[ConversationTexts.GreetingPrefix.Length..];
        return first switch
        {
            _ when first.StartsWith("Không tìm thấy", StringComparison.Ordinal) || (Tickets.TicketCode.TryParse(first, out _) && !first.StartsWith("Phản ánh của bạn:", StringComparison.Ordinal)) => "lookup",
            ConversationTexts.AbuseReply => "abuse",
            _ when first.StartsWith(InformationTexts.Topics, StringComparison.Ordinal) => "info",
            ConversationTexts.NoTickets => "status",
            _ when first.StartsWith("Phản ánh của bạn:", StringComparison.Ordinal) => "status",
            ConversationTexts.Greeting => "greeting",
            ConversationTexts.Help => "help",
            ConversationTexts.Info or ConversationTexts.ChannelIsFree or ConversationTexts.ChannelPrivacy or ConversationTexts.ChannelHours
                or ConversationTexts.ChannelResponseTime => "info",
            _ when first.StartsWith("Về dữ liệu cá nhân của bạn:", StringComparison.Ordinal) => "info",
            ConversationTexts.QuestionAnswer => "question",
            ConversationTexts.ThanksReply => "thanks",
            _ => "other",
        };
    }

    /// <summary>The figures that decide between two ways of reading first messages.</summary>
    public static CorpusFigures Figures(IReadOnlyList<CorpusOutcome> outcomes)
    {
        var danger = outcomes.Where(o => o.Entry.Intent == "danger").ToList();
        var abuse = outcomes.Where(o => o.Entry.Intent is "abuse" or "spam").ToList();
        return new CorpusFigures(outcomes.Count(o => o.RightPath), outcomes.Count, danger.Count(o => o.EmergencyFirst), danger.Count,
            abuse.Count(o => o.OfferedForFiling), abuse.Count, outcomes.Count(o => o.EmergencyFirst && o.Entry.Intent != "danger"), outcomes.Count - danger.Count);
    }

    /// <summary>Accuracy per group, the issue's measures, and the category and place figures, as text.</summary>
    public static string Report(string title, IReadOnlyList<CorpusOutcome> outcomes, bool listMistakes)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{title}: {outcomes.Count} first messages");
        foreach (var group in outcomes.GroupBy(o => o.Entry.Intent).OrderByDescending(g => g.Count()))
            text.AppendLine(inv, $"  {group.Key,-18} {group.Count(o => o.RightPath),4}/{group.Count(),-4} {Percent(group.Count(o => o.RightPath), group.Count()),7}");
        var figures = Figures(outcomes);
        Line(text, "right path", figures.RightPath, figures.Messages, "(target ≥ 97 %)");
        Line(text, "danger: 114/113/115 first", figures.DangerFirst, figures.Danger, "(target 100 %)");
        var questions = outcomes.Where(o => o.OnTopic is not null).ToList();
        Line(text, "info on topic", questions.Count(o => o.OnTopic == true), questions.Count, "(target ≥ 90 %; the labelled article, or none when none fits)");
        text.AppendLine(inv, $"  {"abuse/spam offered for filing",-28} {figures.AbuseOffered,4}/{figures.Abuse,-4}   (target 0)");
        text.AppendLine(inv, $"  {"emergency line on non-danger",-28} {figures.FalseAlarms,4}/{figures.NotDanger,-4}");
        Line(text, "not understood", outcomes.Count(o => o.NotUnderstood), outcomes.Count, "(the gibberish and spam rows belong here)");
        var categories = outcomes.Where(o => o.RightCategory is not null).ToList();
        Line(text, "category suggested", categories.Count(o => o.RightCategory == true), categories.Count, "(complaints labelled with a category)");
        var places = outcomes.Where(o => o.RightPlace is not null).ToList();
        Line(text, "place from text", places.Count(o => o.RightPlace == true), places.Count, "(complaints labelled with an address or ward)");
        // Where the misses went, counted and never listed: a held-out half read this way stays unread row by row.
        var wrong = outcomes.Where(o => !o.RightPath).GroupBy(o => $"{o.Entry.ExpectedPath}→{o.Path}").OrderByDescending(g => g.Count()).ToList();
        if (wrong.Count > 0) text.AppendLine(inv, $"  misses went: {string.Join(", ", wrong.Select(g => $"{g.Key} {g.Count()}"))}");
        if (listMistakes)
        {
            foreach (var o in outcomes.Where(o => !o.RightPath || o.RightCategory == false || o.RightPlace == false || o.OnTopic == false || o.Entry.Intent == "danger" && !o.EmergencyFirst))
                text.AppendLine(inv, $"  ! line {o.Entry.Line}: {o.Entry.Intent}/{o.Entry.Category ?? "-"}/{o.Entry.Area ?? "-"}/{o.Entry.Place ?? "-"} → {o.Path}/{(o.Entry.Intent == "question" ? o.ArticleShown : o.Category) ?? "-"}/{o.Area ?? "-"}/{o.Address ?? "-"}  {o.Entry.Text}");
        }
        return text.ToString();
    }

    internal static void Line(StringBuilder text, string label, int part, int whole, string note) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-28} {part,4}/{whole,-4} {Percent(part, whole),7}   {note}");

    public static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
