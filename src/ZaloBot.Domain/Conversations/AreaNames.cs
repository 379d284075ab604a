using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Conversations;

/// <summary>Citizens write "Kinh Bắc" or "p. Kinh Bắc" as often as "Phường Kinh Bắc".</summary>
public static class AreaNames
{
    private static readonly string[] Prefixes = ["phuong ", "xa ", "thi tran ", "thi xa ", "quan ", "huyen ", "thanh pho ", "tp ", "p ", "x "];

    public static string WithoutPrefix(string name)
    {
        var n = TextNormalizer.Normalize(name);
        foreach (var prefix in Prefixes)
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal)) return n[prefix.Length..];
        }
        return n;
    }
}
