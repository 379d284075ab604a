using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>The text a model's features are taken from, the same when it is trained and when it is asked.</summary>
public static class ModelText
{
    /// <summary>Whether the shipped models read the words as the phrases read them; the trainer refuses a shipped kind that differs.</summary>
    public const bool ShippedAsRead = false;

    public static string Of(string raw, bool asRead) => asRead ? Understander.Default.WordsAsRead(raw) : TextNormalizer.Normalize(raw);
}
