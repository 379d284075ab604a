using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Delivery;

/// <summary>
/// The citizen's answer to the nudge template ("Phản ánh {code} có cập nhật mới. Nhắn XEM {code} để đọc."): the keyword
/// and a ticket code, as typed or sent by the template's button, in any case and with or without diacritics.
/// </summary>
public static class NudgeReply
{
    public const string DefaultKeyword = "XEM";

    public static bool IsKeyword(string? text, string keyword = DefaultKeyword)
    {
        var normalized = TextNormalizer.Normalize(text);
        var key = TextNormalizer.Normalize(keyword);
        return key.Length > 0 && normalized.StartsWith(key + " ", StringComparison.Ordinal) && TicketCode.TryParse(text, out _);
    }

    /// <summary>The nudge's words for the code, for the template's text and the docs: "Nhắn XEM PA-2611-7K3Q để đọc."</summary>
    public static string Text(string code, string keyword = DefaultKeyword) => $"Phản ánh {code} có cập nhật mới. Nhắn {keyword} {code} để đọc.";
}
