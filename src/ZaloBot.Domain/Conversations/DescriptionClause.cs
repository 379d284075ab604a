using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// A correction about one part of what the citizen described ("đèn hỏng gần 2 tuần rồi chứ không phải 1 tuần") replaces
/// the clause it is about and keeps the rest ("…, tối đi lại rất nguy hiểm") — the whole description would lose it.
/// </summary>
public static partial class DescriptionClause
{
    // Words too common to say which clause a correction is about ("den" stays: it is "đèn" as often as "đến").
    private static readonly HashSet<string> Common =
    [
        "bi", "ca", "nay", "roi", "la", "da", "va", "rat", "thi", "co", "cua", "o", "khong", "ko", "mot", "hai", "nhung", "ma",
        "cho", "di", "lai", "tu", "con", "nua", "qua", "lam", "duoc", "dc", "hon", "gan", "chu", "phai", "nhe", "a",
    ];

    /// <summary>
    /// <paramref name="description"/> with the clause that shares the most words with <paramref name="to"/> (two at
    /// least, and no other clause sharing two) replaced by it; null when no single clause is meant.
    /// </summary>
    public static string? Replace(string description, string to)
    {
        var clauses = Clause().Split(description.Trim()).Where(c => c.Length > 0).ToArray();
        var said = Words(to);
        var shares = clauses.Select(c => Words(c).Count(said.Contains)).ToArray();
        if (shares.Length == 0 || shares.Count(s => s >= 2) != 1) return null;
        var at = Array.FindIndex(shares, s => s >= 2);
        var clause = clauses[at];
        var closing = clause.Length > 0 && ",.;!?".Contains(clause[^1], StringComparison.Ordinal) ? clause[^1].ToString() : "";
        var text = to.Trim().TrimEnd(',', '.', ';', '!', '?');
        clauses[at] = (at == 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text) + closing;
        return string.Join(' ', clauses);
    }

    /// <summary>
    /// "hỏng hơn mười ngày chứ không phải một tuần" against "… bị hỏng cả tuần nay, …": the words said wrong
    /// (<paramref name="from"/>) stand in the description with their quantity ("cả tuần nay"), and that span becomes what
    /// it should be — less the words just before it that it repeats ("hỏng"). Null when the description does not hold them.
    /// </summary>
    public static string? ReplaceSpan(string description, string from, string to)
    {
        var wrong = Words(from).Where(w => !Quantity.Contains(w) && !w.All(char.IsDigit)).ToHashSet(StringComparer.Ordinal);
        if (wrong.Count == 0) return null;
        var tokens = description.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = tokens.Select(TextNormalizer.Normalize).ToArray();
        var hits = Enumerable.Range(0, words.Length).Where(i => wrong.Contains(words[i])).ToArray();
        // Each wrong word once, close together: the place the correction is about, not words scattered through the text.
        if (hits.Length != wrong.Count || hits[^1] - hits[0] > wrong.Count + 1 || !wrong.All(w => hits.Any(i => words[i] == w))) return null;
        var start = hits[0];
        while (start > 0 && (Quantity.Contains(words[start - 1]) || words[start - 1].All(char.IsDigit)) && !EndsClause(tokens[start - 1])) start--;
        var end = hits[^1];
        while (end + 1 < words.Length && !EndsClause(tokens[end]) && Trailing.Contains(words[end + 1])) end++;
        var before = words[..start].ToHashSet(StringComparer.Ordinal);
        var said = to.Trim().TrimEnd(',', '.', ';', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (said.Count > 1 && before.Contains(TextNormalizer.Normalize(said[0]))) said.RemoveAt(0);
        var closing = EndsClause(tokens[end]) ? tokens[end][^1].ToString() : "";
        var replaced = tokens[..start].Append(string.Join(' ', said) + closing).Concat(tokens[(end + 1)..]).ToArray();
        var text = string.Join(' ', replaced);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static bool EndsClause(string token) => token.Length > 0 && ",.;!?".Contains(token[^1], StringComparison.Ordinal);

    // Words that say how much or how long, and go with what they measure ("cả tuần nay", "gần 2 tuần rồi").
    private static readonly HashSet<string> Quantity =
    [
        "ca", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "may", "vai", "nua", "hon", "gan",
        "khoang", "tron", "chung", "tu", "it", "nhieu", "cac", "nhung",
    ];

    private static readonly HashSet<string> Trailing = ["nay", "roi", "qua", "nua", "lien", "truoc"];

    private static HashSet<string> Words(string text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);

    // A clause ends at a comma, a full stop or the like, and keeps its mark.
    [GeneratedRegex(@"(?<=[,.;!?])\s+")]
    private static partial Regex Clause();
}
