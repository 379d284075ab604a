using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Information;

/// <summary>An information article for citizens and businesses, as the conversation shows it.</summary>
public sealed record ArticleOption(long Id, string Topic, string Title, string Summary, string? Link, IReadOnlyList<string> Keywords, DateTimeOffset PublishedAt);

/// <summary>The topics articles are filed under: stored by code, shown (and typed, pressed) by their Vietnamese name.</summary>
public static class ArticleTopics
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("policies", "Chính sách"),
        ("investment", "Đầu tư"),
        ("events", "Sự kiện"),
        ("procedures", "Thủ tục hành chính"),
        ("support", "Chương trình hỗ trợ"),
    ];

    public static bool IsKnown(string? code) => All.Any(t => t.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(t => t.Code == code).Name ?? code;

    /// <summary>The topic a whole message names ("chinh sach", "Thông tin: Đầu tư"), or null.</summary>
    public static string? Match(string normalized)
    {
        var text = normalized.StartsWith("thong tin ", StringComparison.Ordinal) ? normalized["thong tin ".Length..] : normalized;
        foreach (var (code, name) in All)
            if (text == TextNormalizer.Normalize(name)) return code;
        return null;
    }
}

/// <summary>
/// Finds the articles that answer a typed question: words compared without case or diacritics, keywords (phrases
/// admins attach to an article) weigh most, then the title, then the summary. Pure and fast enough for every message.
/// </summary>
public static class ArticleMatcher
{
    /// <summary>Below this an article is a coincidence of common words, not an answer.</summary>
    public const double MinScore = 2.0;

    // Words that carry no subject: politeness, question words, pronouns. Matching on them would find everything.
    private static readonly HashSet<string> StopWords =
    [
        "a", "ad", "admin", "ah", "oi", "cho", "hoi", "xin", "toi", "minh", "em", "anh", "chi", "ban", "can", "gi", "la", "ve",
        "thi", "nhu", "the", "nao", "o", "dau", "co", "khong", "k", "ko", "duoc", "nhe", "nha", "voi", "va", "cua", "de", "lam",
        "muon", "biet", "cac", "nhung", "mot", "bao", "nhieu", "khi", "tai", "sao", "vay", "a", "u", "nay", "do", "di", "den",
        "tu", "theo", "trong", "ra", "vao", "len", "xuong", "con", "roi", "chua", "da", "se", "dang", "phai", "ai",
    ];

    /// <param name="everyday">Whether the question's everyday words count for the procedure's ("bìa đỏ" for "sổ đỏ"): for a
    /// message read as a question; one read as nothing is answered only where an editor's own words stand in it.</param>
    public static IReadOnlyList<ArticleOption> Best(string question, IReadOnlyList<ArticleOption> articles, int max = 3, bool everyday = true)
    {
        if (articles.Count == 0) return [];
        var literal = everyday ? EverydayWords.Spelled(TextNormalizer.Normalize(question)) : TextNormalizer.Normalize(question);
        var meant = everyday ? EverydayWords.Meant(literal, question) : [];
        var normalized = meant.Count == 0 ? literal : literal + " " + string.Join(' ', meant);
        var words = Words(normalized);
        if (words.Count == 0) return [];
        var padded = " " + normalized + " ";
        var paddedLiteral = " " + literal + " ";
        // Each article's keywords normalised once per question, for the three uses below.
        var keywords = articles.Select(a => a.Keywords.Select(TextNormalizer.Normalize).Distinct().ToArray()).ToArray();
        var shared = keywords.SelectMany(k => k).GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        // A procedure mentioned only as circumstance weighs less — where another is asked about outright.
        var askedOutright = keywords.SelectMany(k => k).Any(k => k.Length > 0
            && padded.Contains(" " + k + " ", StringComparison.Ordinal) && !OnlyAsCircumstance(padded, k));
        return articles
            .Select((a, i) => (Article: a, Score: Score(a, keywords[i], padded, paddedLiteral, words, shared, askedOutright)))
            .Where(x => x.Score >= MinScore)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Article.PublishedAt)
            .Take(max)
            .Select(x => x.Article)
            .ToList();
    }

    private static double Score(ArticleOption article, string[] keywords, string paddedQuestion, string paddedLiteral, HashSet<string> questionWords, HashSet<string> shared, bool discountCircumstance)
    {
        double score = 0;
        foreach (var keyword in keywords)
        {
            // A keyword phrase found whole is strong evidence, the longer the stronger — and one no other article has
            // ("cccd") names its topic alone. Found only in what everyday words mean, it weighs less than one the
            // citizen wrote: "đăng ký tạm trú … tự làm trên mạng" asks about residence, done online.
            if (keyword.Length > 0 && paddedQuestion.Contains(" " + keyword + " ", StringComparison.Ordinal))
                score += (1.5 + keyword.Count(c => c == ' ') + (keyword.Length >= 4 && !shared.Contains(keyword) ? 0.5 : 0))
                         * (discountCircumstance && OnlyAsCircumstance(paddedQuestion, keyword) ? CircumstanceWeight : 1)
                         * (paddedLiteral.Contains(" " + keyword + " ", StringComparison.Ordinal) ? 1 : InferredWeight);
        }
        // The title counts by how much of it the question covers: two common words of a long title are not its topic.
        var title = Words(TextNormalizer.Normalize(article.Title));
        if (title.Count > 0) score += 3.0 * questionWords.Where(title.Contains).Sum(w => paddedLiteral.Contains(" " + w + " ", StringComparison.Ordinal) ? 1 : InferredWeight) / title.Count;
        var summary = Words(TextNormalizer.Normalize(article.Summary));
        score += 0.25 * questionWords.Count(w => summary.Contains(w) && !title.Contains(w));
        return score;
    }

    // A keyword only the everyday words' meaning holds weighs this much of one written.
    private const double InferredWeight = 0.6;

    // A procedure mentioned as the asker's circumstance weighs this much of one asked about.
    private const double CircumstanceWeight = 0.3;

    /// <summary>
    /// Every mention of <paramref name="keyword"/> is circumstance, not the subject: not done yet ("làm khai sinh …, bố mẹ
    /// chưa đăng ký kết hôn có được không") or where the asker is ("em thuê trọ ở khu công nghiệp muốn đăng ký tạm trú").
    /// </summary>
    private static bool OnlyAsCircumstance(string paddedQuestion, string keyword)
    {
        for (var at = paddedQuestion.IndexOf(" " + keyword + " ", StringComparison.Ordinal); at >= 0;
             at = paddedQuestion.IndexOf(" " + keyword + " ", at + 1, StringComparison.Ordinal))
        {
            var before = paddedQuestion[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3).ToArray();
            // "bố mẹ chưa đăng ký kết hôn": "chưa" may stand a verb before the keyword.
            var notYet = before.TakeLast(2).Any(w => w is "chua" or "khong") || before.Length == 3 && before[0] == "chua" && before[1] is "dang" or "lam" or "co";
            // "thuê trọ gần khu công nghiệp", "công nhân khu công nghiệp", "đi làm KCN": where the asker lives or works.
            var where = before.Length > 0 && before[^1] is "o" or "trong" or "tai" or "gan" or "canh" or "nhan"
                        || before.Length >= 2 && before[^1] == "lam" && before[^2] is "di" or "vao";
            // "có cần giấy kết hôn bản gốc không": a paper another procedure asks for.
            var paperNeeded = before.Length >= 2 && before[^1] == "giay" && before[^2] is "can" or "mang" or "nop" or "phai";
            if (!notYet && !where && !paperNeeded) return false;
        }
        return true;
    }

    private static HashSet<string> Words(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
