namespace ZaloBot.Tracks;

/// <summary>The ticket_events this feature writes, and how the console names them.</summary>
public static class TrackEvents
{
    public const string TrackSet = "track_set";
    public const string TrackChanged = "track_changed";
    public const string PriorityChanged = "priority_changed";
    public const string Extended = "extended";
    public const string Escalated = "escalated";
    public const string AnswerSubmitted = "answer_submitted";
    public const string AnswerApproved = "answer_approved";
    public const string AnswerReturned = "answer_returned";
    public const string CitizenConfirmedFixed = "citizen_confirmed_fixed";
    public const string CitizenReopened = "citizen_reopened";
    public const string FlaggedForReview = "flagged_for_review";

    public static string? ConsoleText(string kind) => kind switch
    {
        TrackSet => "Xác định loại đơn, mức khẩn",
        TrackChanged => "Đổi loại đơn",
        PriorityChanged => "Đổi mức khẩn",
        Extended => "Gia hạn giải quyết",
        Escalated => "Cảnh báo vi phạm thời hạn",
        AnswerSubmitted => "Kết quả chờ duyệt",
        AnswerApproved => "Duyệt kết quả",
        AnswerReturned => "Trả lại kết quả",
        CitizenConfirmedFixed => "Công dân xác nhận đã khắc phục",
        CitizenReopened => "Công dân báo chưa khắc phục — mở lại",
        FlaggedForReview => "Cần giám sát xem xét",
        _ => null,
    };
}
