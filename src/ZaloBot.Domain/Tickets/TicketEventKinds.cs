namespace ZaloBot.Domain.Tickets;

/// <summary>The kinds of entry in a ticket's audit trail and thread, as stored.</summary>
public static class TicketEventKinds
{
    public const string Created = "created";
    public const string CitizenMessage = "citizen_message";
    public const string StaffReply = "staff_reply";
    public const string StaffReplyZalo = "staff_reply_zalo";
    public const string Note = "note";
    /// <summary>A photo of the site once handled, sent by staff from the field in Zalo (internal unless sent to the citizen as a reply).</summary>
    public const string FieldPhoto = "field_photo";
    public const string StatusChanged = "status_changed";
    public const string Rated = "rated";
    public const string AnswerSubmitted = "answer_submitted";
    public const string ReplySubmitted = "reply_submitted";
    public const string CitizenReopened = "citizen_reopened";
}
