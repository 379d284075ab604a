using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tracks;

/// <summary>A priority's first-response clock in office hours, and the words that suggest it (rows of <c>ticket_priorities</c>).</summary>
public sealed record PriorityRule(string Code, double FirstResponseHours, IReadOnlyList<string> Keywords)
{
    public DateTimeOffset FirstResponseDue(WorkingDayCalendar calendar, WorkingHours hours, DateTimeOffset receivedAt) =>
        hours.Add(calendar, receivedAt, TimeSpan.FromHours(FirstResponseHours));
}

public static class Priorities
{
    public const string Normal = "normal";
    public const string Urgent = "urgent";

    public static bool IsKnown(string? code) => code is Normal or Urgent;

    /// <summary>Hà Nội's iHanoi: every report accepted within 8 working hours; urgent ones handled within 2–4.</summary>
    public static readonly IReadOnlyList<PriorityRule> Defaults =
    [
        new(Normal, 8, []),
        new(Urgent, 2,
        [
            "cháy", "cháy nhà", "cháy nổ", "đám cháy", "bốc cháy", "hỏa hoạn", "hoả hoạn", "phát nổ", "ngập", "ngập nước", "ngập sâu",
            "ngập lụt", "lũ lụt", "sập", "bị sập", "sập nhà", "nhà sập", "sập cầu", "đổ sập", "sụt lún", "sạt lở", "tai nạn",
            "điện giật", "dây điện đứt", "đứt dây điện", "cột điện đổ", "cây đổ", "đổ cây", "rò rỉ khí", "rò rỉ gas", "hở gas",
            "ngộ độc", "đuối nước", "cấp cứu", "vỡ đê", "vỡ ống nước", "hố sâu", "mất nắp cống",
        ]),
    ];

    /// <summary>Urgent when one of its words occurs; intake staff confirm or change it.</summary>
    public static string Suggest(string text, IEnumerable<PriorityRule> rules) =>
        rules.FirstOrDefault(r => r.Code == Urgent) is { } urgent && KeywordMatcher.Any(text, urgent.Keywords) ? Urgent : Normal;
}
