using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// Picks one of a few options from what a citizen typed: its number, its name, words from its name or keywords, or
/// those words with one slip. An answer that fits several options equally well picks none: the bot asks again
/// rather than guess.
/// </summary>
public static class OptionMatcher
{
    public static T? Match<T>(string normalizedInput, IReadOnlyList<T> options, Func<T, string> name, Func<T, IEnumerable<string>> keywords)
        where T : class
    {
        if (normalizedInput.Length == 0) return null;
        var names = options.Select(o => TextNormalizer.Normalize(name(o))).ToList();
        if (Intents.Ordinal(normalizedInput, options.Count, names) is { } number)
            return number >= 1 && number <= options.Count ? options[number - 1] : null;

        var exact = names.IndexOf(normalizedInput);
        if (exact >= 0) return options[exact];

        var scores = Scores(normalizedInput, options, names, keywords);
        var best = scores.Max();
        if (best == 0 || scores.Count(s => s == best) > 1) return null;
        return options[Array.IndexOf(scores, best)];
    }

    /// <summary>
    /// The options an answer fits equally well when it fits more than one and not all ("doanh nghiệp" among the four
    /// business-support fields): those to ask between. Empty when the answer picks one, none or every option.
    /// </summary>
    public static IReadOnlyList<T> Tied<T>(string normalizedInput, IReadOnlyList<T> options, Func<T, string> name, Func<T, IEnumerable<string>> keywords)
    {
        var names = options.Select(o => TextNormalizer.Normalize(name(o))).ToList();
        if (normalizedInput.Length == 0 || Intents.Ordinal(normalizedInput, options.Count, names) is not null) return [];
        var scores = Scores(normalizedInput, options, names, keywords);
        var best = scores.Max();
        var tied = Enumerable.Range(0, options.Count).Where(i => best > 0 && scores[i] == best).Select(i => options[i]).ToList();
        return tied.Count > 1 && tied.Count < options.Count ? tied : [];
    }

    private static int[] Scores<T>(string normalizedInput, IReadOnlyList<T> options, List<string> names, Func<T, IEnumerable<string>> keywords)
    {
        var scores = new int[options.Count];
        var inputWords = normalizedInput.Split(' ');
        for (var i = 0; i < options.Count; i++)
        {
            if (normalizedInput.Length >= 4 && names[i].Contains(normalizedInput, StringComparison.Ordinal)) scores[i] += 3;
            foreach (var keyword in keywords(options[i]).Select(TextNormalizer.Normalize).Append(names[i]))
            {
                if (keyword.Length == 0) continue;
                if (Contains(normalizedInput, keyword)) scores[i] += 2 + keyword.Split(' ').Length;
                // "vacxin", "dichbenh": a keyword of several words typed as one.
                else if (keyword.Contains(' ', StringComparison.Ordinal) && inputWords.Contains(keyword.Replace(" ", "", StringComparison.Ordinal)))
                    scores[i] += 2 + keyword.Split(' ').Length;
                else if (keyword.Split(' ').All(k => k.Length >= 4 && inputWords.Any(w => w.Length >= 4 && Fuzzy.Distance(w, k, 1) <= 1)))
                    scores[i] += 1;
            }
        }

        return scores;
    }

    /// <summary>Whole-word containment: "duong bi ngap" contains "ngap" but "tiem" is not in "tiemnang".</summary>
    private static bool Contains(string text, string phrase) =>
        text == phrase ||
        text.StartsWith(phrase + " ", StringComparison.Ordinal) ||
        text.EndsWith(" " + phrase, StringComparison.Ordinal) ||
        text.Contains(" " + phrase + " ", StringComparison.Ordinal);
}
