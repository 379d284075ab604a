namespace ZaloBot.Domain.Text;

public static class Fuzzy
{
    /// <summary>
    /// Edit distance where swapping two neighbouring letters counts as one slip (optimal string alignment), the
    /// commonest typo on a phone keyboard ("quay lia"). Stops early once it exceeds <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        // Three rows of the table (the swap looks two rows back) instead of the whole of it: called for every phrase
        // that might match at every word, so it must not allocate.
        var width = b.Length + 1;
        int[]? rented = null;
        var rows = width * 3 <= 256 ? stackalloc int[width * 3] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(width * 3));
        try
        {
            // Where each row starts in rows.
            int twoBack = 0, previous = width, current = 2 * width;
            for (var j = 0; j <= b.Length; j++) rows[previous + j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                rows[current] = i;
                var rowMin = int.MaxValue;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        value = Math.Min(value, rows[twoBack + j - 2] + 1);
                    rows[current + j] = value;
                    rowMin = Math.Min(rowMin, value);
                }
                if (rowMin > max) return max + 1;
                (twoBack, previous, current) = (previous, current, twoBack);
            }
            return rows[previous + b.Length];
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Equal after normalisation, or one slip away for phrases long enough that a slip cannot make another word
    /// ("quay lai" ≈ "quay lia", but "huy" is not "hue").
    /// </summary>
    public static bool SameWords(string normalizedInput, string normalizedPhrase) =>
        normalizedInput == normalizedPhrase ||
        (normalizedPhrase.Length >= 5 && WithinOneSlip(normalizedInput, normalizedPhrase));

    /// <summary>
    /// <c>Distance(a, b, 1) &lt;= 1</c> without the table: equal but for one letter changed, added, dropped, or two
    /// neighbours swapped, all of which leave the words equal up to the first difference and after it. Every short
    /// answer is compared with every phrase of its set, so this runs dozens of times a message.
    /// </summary>
    public static bool WithinOneSlip(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        // As Distance answers: its early stop treats any word against an empty one as too far.
        if (b.Length == 0) return a.Length == 0;
        var same = a.AsSpan().CommonPrefixLength(b);
        if (same == a.Length && same == b.Length) return true;
        if (a.Length > b.Length) return a.AsSpan(same + 1).SequenceEqual(b.AsSpan(same));
        if (a.Length < b.Length) return b.AsSpan(same + 1).SequenceEqual(a.AsSpan(same));
        return a.AsSpan(same + 1).SequenceEqual(b.AsSpan(same + 1))
            || (same + 1 < a.Length && a[same] == b[same + 1] && a[same + 1] == b[same] && a.AsSpan(same + 2).SequenceEqual(b.AsSpan(same + 2)));
    }

    /// <summary>
    /// Every word of <paramref name="name"/> is in <paramref name="typed"/> (both normalised), a word of four letters or
    /// more with at most one slip — a letter dropped too ("vu nih" for "vu ninh") —, a shorter one exactly ("vo cuonq"
    /// for "vo cuong"); at least one long word.
    /// </summary>
    public static bool AllWordsWithOneSlip(string typed, string name)
    {
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return wanted.Any(w => w.Length >= 4)
               && wanted.All(w => words.Any(t => w.Length >= 4 ? t.Length >= 3 && Distance(t, w, 1) <= 1 : t == w));
    }
}
