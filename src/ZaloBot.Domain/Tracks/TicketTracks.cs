using ZaloBot.Domain.Calendar;

namespace ZaloBot.Domain.Tracks;

/// <summary>
/// The clocks of one legal track, as stored in <c>ticket_tracks</c> (an operator corrects them there). Acceptance runs
/// from receipt; resolution from acceptance — for <c>pakn</c> the category's own working days when
/// <see cref="ResolutionDays"/> is null; an extension adds <see cref="ExtensionDays"/> to the current due date, at
/// most <see cref="MaxExtensions"/> times, each with a reason and a notice to the citizen.
/// </summary>
public sealed record TrackRule(
    string Code,
    string Name,
    int AcceptanceDays,
    DayKind AcceptanceKind,
    int? ResolutionDays,
    DayKind ResolutionKind,
    int MaxExtensions,
    int ExtensionDays,
    DayKind ExtensionKind,
    IReadOnlyList<string> Keywords,
    string Explanation)
{
    public DateTimeOffset AcceptanceDue(WorkingDayCalendar calendar, DateTimeOffset receivedAt) =>
        Clocks.DueAfterDays(calendar, receivedAt, AcceptanceDays, AcceptanceKind);

    /// <param name="categoryWorkingDays">The category's deadline, used when the track leaves resolution to the category.</param>
    public DateTimeOffset ResolutionDue(WorkingDayCalendar calendar, DateTimeOffset acceptedAt, int categoryWorkingDays) =>
        ResolutionDays is { } days
            ? Clocks.DueAfterDays(calendar, acceptedAt, days, ResolutionKind)
            : Clocks.DueAfterDays(calendar, acceptedAt, categoryWorkingDays, DayKind.Working);

    public ExtensionDecision Extend(WorkingDayCalendar calendar, DateTimeOffset currentDue, int extensionsSoFar, string? reason)
    {
        if (MaxExtensions == 0) return new ExtensionDecision.Refused($"The {Code} track allows no extension.");
        if (extensionsSoFar >= MaxExtensions) return new ExtensionDecision.Refused($"The {Code} track allows at most {MaxExtensions} extension(s); this ticket has had {extensionsSoFar}.");
        if (string.IsNullOrWhiteSpace(reason)) return new ExtensionDecision.Incomplete("A reason is required for an extension (the citizen is told it).");
        return new ExtensionDecision.Allowed(Clocks.DueAfterDays(calendar, currentDue, ExtensionDays, ExtensionKind));
    }
}

public abstract record ExtensionDecision
{
    public sealed record Allowed(DateTimeOffset NewDue) : ExtensionDecision;
    public sealed record Refused(string Reason) : ExtensionDecision;
    public sealed record Incomplete(string Reason) : ExtensionDecision;
}

public static partial class TicketTracks
{
    public const string Pakn = "pakn";
    public const string KhieuNai = "khieu_nai";
    public const string ToCao = "to_cao";

    public static readonly IReadOnlyList<string> All = [Pakn, KhieuNai, ToCao];

    public static bool IsKnown(string? code) => code is Pakn or KhieuNai or ToCao;

    /// <summary>
    /// The built-in rules, the same figures migration 0012 seeds (the database's rows win at run time). Sources and
    /// the figures that could not be confirmed are listed in the README ("Tracks and clocks").
    /// </summary>
    public static readonly IReadOnlyList<TrackRule> Defaults =
    [
        new(Pakn, "Phản ánh, kiến nghị", 1, DayKind.Working, null, DayKind.Working, 1, 5, DayKind.Working, [], TrackTexts.PaknExplanation),
        new(KhieuNai, "Khiếu nại", 10, DayKind.Calendar, 30, DayKind.Calendar, 1, 15, DayKind.Calendar,
            ["khiếu nại", "quyết định hành chính", "hành vi hành chính", "quyết định xử phạt", "quyết định thu hồi", "quyết định cưỡng chế",
             "bồi thường", "đền bù", "giải phóng mặt bằng", "xem xét lại quyết định", "không đồng ý với quyết định"],
            TrackTexts.KhieuNaiExplanation),
        new(ToCao, "Tố cáo", 7, DayKind.Working, 30, DayKind.Calendar, 2, 30, DayKind.Calendar,
            ["tố cáo", "tố giác", "hối lộ", "nhận hối lộ", "đưa hối lộ", "tham nhũng", "tham ô", "lạm dụng chức vụ", "lạm quyền", "làm luật", "bảo kê",
             "vòi tiền", "ăn tiền", "sai phạm của cán bộ"],
            TrackTexts.ToCaoExplanation),
    ];

    /// <summary>
    /// The likely track of what the citizen wrote: the non-default track with the most keyword hits, else <c>pakn</c>.
    /// Only a suggestion — the bot confirms it with the citizen and intake staff can change it.
    /// </summary>
    public static string Recognise(string text, IEnumerable<TrackRule> rules)
    {
        text = WithoutDeniedTracks(text);
        // "tôi không đồng ý với kết quả giải quyết đơn tố cáo …, tôi muốn khiếu nại": the act the citizen says they want
        // outweighs the tracks the story names.
        var stated = StatedAct().Matches(Text.TextNormalizer.Normalize(text)).Select(m => m.Groups["act"].Value == "khieu nai" ? KhieuNai : ToCao).Distinct().ToList();
        if (stated.Count == 1 && rules.Any(r => r.Code == stated[0])) return stated[0];
        var best = Pakn;
        var bestHits = 0;
        foreach (var rule in rules)
        {
            if (rule.Code == Pakn) continue;
            var hits = KeywordMatcher.Count(text, rule.Keywords);
            // Tố cáo wins a tie: a denunciation misfiled as a complaint is the costlier mistake (identity protection).
            if (hits > bestHits || hits == bestHits && hits > 0 && rule.Code == ToCao)
            {
                best = rule.Code;
                bestHits = hits;
            }
        }
        return best;
    }

    /// <summary>
    /// "ko tố cáo gì đâu, chỉ muốn phản ánh…", "không phải khiếu nại": the text without the track the citizen says it is
    /// not (read without diacritics then); the text itself when it denies none.
    /// </summary>
    public static string WithoutDeniedTracks(string text)
    {
        var normalized = Text.TextNormalizer.Normalize(text);
        return TrackDenied().IsMatch(normalized) ? TrackDenied().Replace(normalized, " ") : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\b(khong|ko|k|chua|chang) )\b(muon|xin|can|dinh|se|quyet dinh|lam don|gui don|viet don|nop don) (\w+ )?(?<act>khieu nai|to cao|to giac)\b")]
    private static partial System.Text.RegularExpressions.Regex StatedAct();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(khong|ko|k|chang|cha|dau|chu khong) (phai )?(la )?(muon |dinh )?(to cao|khieu nai|kien)( gi| ai)?\b")]
    private static partial System.Text.RegularExpressions.Regex TrackDenied();
}
