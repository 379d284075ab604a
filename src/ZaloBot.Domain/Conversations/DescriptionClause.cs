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

    private static HashSet<string> Words(string text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);

    // A clause ends at a comma, a full stop or the like, and keeps its mark.
    [GeneratedRegex(@"(?<=[,.;!?])\s+")]
    private static partial Regex Clause();
}
