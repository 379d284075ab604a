namespace ZaloBot.Domain.Tickets;

/// <summary>What the citizen is told when their ticket moves; the agency speaks, never the individual officer.</summary>
public static class TicketNotifications
{
    public static string For(TicketAction action, string code, string? agencyName, string? reason, string? result, DateOnly? due) =>
        TicketActions.Of(action).CitizenNotice(new NoticeFacts(code, agencyName, reason, result, due));

    public static string Reply(string code, string agencyName, string text, string track = "pakn") => $"{agencyName} trả lời {CaseNoun(track).ToLowerInvariant()} {code}:\n{text}";

    /// <summary>How the law names a case of each track, for notices and replies: never "phản ánh" for a khiếu nại or tố cáo.</summary>
    public static string CaseNoun(string track) => track switch
    {
        "khieu_nai" => "Khiếu nại",
        "to_cao" => "Tố cáo",
        _ => "Phản ánh",
    };

    public const string RatingQuestion = "Bạn có hài lòng với kết quả giải quyết không? Bấm chấm điểm từ 1 (rất không hài lòng) đến 5 (rất hài lòng).";

    /// <summary>Rating buttons: the payload is words the conversation recognises ("đánh giá PA-… 5").</summary>
    public static IReadOnlyList<(string Title, string Payload)> RatingButtons(string code) =>
        Enumerable.Range(1, 5).Reverse().Select(n => ($"{n} ★", $"Đánh giá {code} {n}")).ToList();

    public static string ThanksForRating(int rating) => $"Cảm ơn bạn đã đánh giá {rating}/5. Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.";
}
