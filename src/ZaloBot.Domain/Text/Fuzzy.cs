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
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// Equal after normalisation, or one slip away for phrases long enough that a slip cannot make another word
    /// ("quay lai" ≈ "quay lia", but "huy" is not "hue").
    /// </summary>
    public static bool SameWords(string normalizedInput, string normalizedPhrase) =>
        normalizedInput == normalizedPhrase ||
        (normalizedPhrase.Length >= 5 && Distance(normalizedInput, normalizedPhrase, 1) <= 1);
}
