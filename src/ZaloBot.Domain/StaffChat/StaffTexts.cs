namespace ZaloBot.Domain.StaffChat;

/// <summary>Everything the bot says to staff in Zalo, in one place.</summary>
public static class StaffTexts
{
    public static string Linked(string name, string role) => $"Đã liên kết tài khoản cán bộ {name} ({role}) với Zalo này. Gõ \"hướng dẫn\" để xem các lệnh.";

    public const string WrongCode = "Mã liên kết không đúng hoặc đã hết hạn. Vui lòng kiểm tra lại hoặc đề nghị quản trị viên cấp mã mới.";

    public const string TooManyAttempts = "Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.";

    public const string Help =
        "Các lệnh (gõ có dấu hay không dấu đều được):\n" +
        "- ds: danh sách phản ánh cần xử lý\n" +
        "- xem <mã>: chi tiết và diễn biến\n" +
        "- nhận <mã>: tiếp nhận / bắt đầu xử lý\n" +
        "- trả lời <mã> <nội dung>: trả lời người dân (nhân danh cơ quan)\n" +
        "- ghi chú <mã> <nội dung>: ghi chú nội bộ\n" +
        "- chuyển <mã> <mã cơ quan> <lý do>: giao / chuyển cơ quan\n" +
        "- giải quyết <mã> <kết quả>\n" +
        "- từ chối <mã> <lý do>\n" +
        "- đóng <mã>, mở lại <mã> <lý do>" + TrackStaffCommand.HelpText;

    public const string NotUnderstood = "Chưa rõ lệnh. Gõ \"hướng dẫn\" để xem các lệnh.";

    public const string EmptyQueue = "Không có phản ánh nào đang chờ bạn xử lý.";

    public static string QueueHeader(int count) => $"Phản ánh cần xử lý ({count} mới nhất):";

    public static string NotFound(string code) => $"Không tìm thấy phản ánh {code} trong phạm vi của bạn.";

    public static string Done(string code, string status) => $"Đã cập nhật {code}: {status}.";

    public static string Refused(string code, string reason) => $"Không thực hiện được với {code}: {reason}";

    public static string ReplySent(string code) => $"Đã gửi trả lời tới người dân ({code}).";

    public static string NoteAdded(string code) => $"Đã ghi chú nội bộ vào {code}.";

    public static string NewTicket(string code, string description) => $"Phản ánh mới {code}: {Snippet(description)}";

    /// <summary>Words of immediate danger: the citizen was already given the emergency numbers; staff must act at once.</summary>
    public static string UrgentTicket(string code) =>
        $"🚨 KHẨN — {code}: người dân báo nguy hiểm tức thời (đã được nhắc gọi số khẩn cấp). Cần phản hồi ngay.";

    public static string Assigned(string code, string description) => $"Phản ánh {code} được giao cho đơn vị của bạn: {Snippet(description)}";

    /// <summary>An action on a ticket of the agency, by someone else (e.g. a supervisor reopened it): what and why.</summary>
    public static string Moved(string code, string action, string? why) => $"Phản ánh {code}: {action}" + (string.IsNullOrWhiteSpace(why) ? "." : $". {Snippet(why)}");

    public static string CitizenFollowUp(string code, string? text) => $"Người dân bổ sung thông tin cho {code}: {Snippet(text ?? "(ảnh/tệp)")}";

    public static string Overdue(string code) => $"Phản ánh {code} đã quá hạn giải quyết. Đề nghị xử lý ngay.";

    public static string DueSoon(string code, DateTimeOffset dueAt) =>
        $"Phản ánh {code} sắp đến hạn ({dueAt.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}).";

    private static string Snippet(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
