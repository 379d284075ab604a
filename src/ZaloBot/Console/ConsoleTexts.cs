namespace ZaloBot.StaffConsole;

/// <summary>The console's Vietnamese names for statuses, roles, actions and thread entries.</summary>
public static class ConsoleTexts
{
    public static readonly TicketStatus[] StatusOrder = Enum.GetValues<TicketStatus>();

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Received => "Mới tiếp nhận",
        TicketStatus.Accepted => "Đã tiếp nhận",
        TicketStatus.Assigned => "Đã giao xử lý",
        TicketStatus.InProgress => "Đang xử lý",
        TicketStatus.OnHold => "Tạm dừng",
        TicketStatus.Resolved => "Đã giải quyết",
        TicketStatus.Closed => "Đã đóng",
        TicketStatus.Rejected => "Từ chối",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without a name in the console."),
    };

    /// <summary>A name read from an event's payload, shown as is when it is not a status (never written by the service).</summary>
    public static string Status(string status) => TicketStatusNames.TryParse(status, out var parsed) ? Status(parsed) : status;

    /// <summary>A case named by its track, as the law names it: "Phản ánh, kiến nghị", "Khiếu nại", "Tố cáo".</summary>
    public static string Track(string track)
    {
        var name = Domain.Tracks.TrackTexts.TrackName(track);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The case a code names, by the prefix its track gave it: "Phản ánh", "Khiếu nại", "Tố cáo".</summary>
    public static string CaseOf(string code)
    {
        var name = Domain.Conversations.ConversationTexts.KindOf(code);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static string Role(StaffRole role) => role switch
    {
        StaffRole.IntakeOfficer => "Cán bộ tiếp nhận",
        StaffRole.DiagnosisOfficer => "Cán bộ chẩn đoán, đề xuất",
        StaffRole.FieldOfficer => "Cán bộ xử lý hiện trường",
        StaffRole.AgencyHandler => "Cán bộ cơ quan xử lý",
        StaffRole.Supervisor => "Lãnh đạo, giám sát",
        _ => "Quản trị viên",
    };

    public static string Role(string role) => StaffRoleNames.TryParse(role, out var parsed) ? Role(parsed) : role;

    public static string Action(TicketAction action) => TicketActions.Of(action).ConsoleLabel;

    /// <summary>What an action needs, in the words of the form: a reason, a result, an agency.</summary>
    public static (bool Reason, bool Result, bool Agency) Needs(TicketAction action)
    {
        var needs = TicketActions.Of(action).Needs;
        return (needs.HasFlag(ActionNeeds.Reason), needs.HasFlag(ActionNeeds.Result), needs.HasFlag(ActionNeeds.Agency));
    }

    public static string EventKind(string kind) => kind switch
    {
        "created" => "Công dân gửi đơn",
        "citizen_message" => "Công dân nhắn thêm",
        "staff_reply" => "Trả lời công dân",
        "staff_reply_zalo" => "Trả lời từ công cụ chat của OA",
        "note" => "Ghi chú nội bộ",
        "field_photo" => "Ảnh sau xử lý từ hiện trường (nội bộ)",
        "status_changed" => "Đổi trạng thái",
        "rated" => "Công dân đánh giá",
        _ => ZaloBot.Tracks.TrackEvents.ConsoleText(kind) ?? kind,
    };

    /// <summary>Age as staff say it: "15 phút", "3 giờ", "2 ngày".</summary>
    public static string Age(TimeSpan age) => age.TotalMinutes < 60
        ? $"{Math.Max(0, (int)age.TotalMinutes)} phút"
        : age.TotalHours < 48 ? $"{(int)age.TotalHours} giờ" : $"{(int)age.TotalDays} ngày";
}
