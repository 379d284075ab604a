namespace ZaloBot.Domain.StaffChat;

/// <summary>Everything the bot says to staff in Zalo, in one place.</summary>
public static class StaffTexts
{
    public static string Linked(string name, string role) => $"Đã liên kết tài khoản cán bộ {name} ({role}) với Zalo này. Gõ \"hướng dẫn\" để xem các lệnh.";

    public const string WrongCode = "Mã liên kết không đúng hoặc đã hết hạn. Vui lòng kiểm tra lại hoặc đề nghị quản trị viên cấp mã mới.";

    public const string TooManyAttempts = "Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.";

    public const string Help =
        "Các lệnh (gõ có dấu hay không dấu đều được):\n" +
        "- ds: danh sách phản ánh, kiến nghị, khiếu nại, tố cáo cần xử lý\n" +
        "- xem <mã>: chi tiết và diễn biến\n" +
        "- nhận <mã>: tiếp nhận / bắt đầu xử lý\n" +
        "- trả lời <mã> <nội dung>: trả lời người dân (nhân danh cơ quan)\n" +
        "- ghi chú <mã> <nội dung>: ghi chú nội bộ\n" +
        "- chuyển <mã> <mã cơ quan> <lý do>: giao / chuyển cơ quan\n" +
        "- giải quyết <mã> <kết quả>\n" +
        "- từ chối <mã> <lý do>\n" +
        "- đóng <mã>, mở lại <mã> <lý do>\n" +
        "- ảnh <mã>, rồi gửi ảnh: ảnh sau xử lý từ hiện trường (ghi \"gửi dân\" để gửi cho người dân)" + TrackStaffCommand.HelpText;

    public const string NotUnderstood = "Chưa rõ lệnh. Gõ \"hướng dẫn\" để xem các lệnh.";

    public const string EmptyQueue = "Không có phản ánh, kiến nghị, khiếu nại hay tố cáo nào đang chờ bạn xử lý.";

    public static string QueueHeader(int count) => $"Hồ sơ cần xử lý ({count} mới nhất):";

    public static string NotFound(string code) => $"Không tìm thấy {Case(code)} {code} trong phạm vi của bạn.";

    public static string Done(string code, string status) => $"Đã cập nhật {code}: {status}.";

    public static string Refused(string code, string reason) => $"Không thực hiện được với {code}: {reason}";

    public static string ReplySent(string code) => $"Đã gửi trả lời tới người dân ({code}).";

    public static string NoteAdded(string code) => $"Đã ghi chú nội bộ vào {code}.";

    public static string NewTicket(string code, string description) => $"{Capitalised(Case(code))} mới {code}: {Snippet(description)}";

    /// <summary>Words of immediate danger: the citizen was already given the emergency numbers; staff must act at once.</summary>
    public static string UrgentTicket(string code) =>
        $"🚨 KHẨN — {code}: người dân báo nguy hiểm tức thời (đã được nhắc gọi số khẩn cấp). Cần phản hồi ngay.";

    public static string Assigned(string code, string description) => $"{Capitalised(Case(code))} {code} được giao cho đơn vị của bạn: {Snippet(description)}";

    /// <summary>An action on a ticket of the agency, by someone else (e.g. a supervisor reopened it): what and why.</summary>
    public static string Moved(string code, string action, string? why) => $"{Capitalised(Case(code))} {code}: {action}" + (string.IsNullOrWhiteSpace(why) ? "." : $". {Snippet(why)}");

    public static string CitizenFollowUp(string code, string? text) => $"Người dân bổ sung thông tin cho {code}: {Snippet(text ?? "(ảnh/tệp)")}";

    public static string Overdue(string code) => $"{Capitalised(Case(code))} {code} đã quá hạn giải quyết. Đề nghị xử lý ngay.";

    public static string PhotoReady(string code, bool toCitizen) =>
        $"Đã sẵn sàng nhận ảnh sau xử lý cho {Case(code)} {code}. Gửi ảnh trong vòng {(int)FieldPhotos.Window.TotalMinutes} phút" +
        (toCitizen ? "; ảnh sẽ được gửi cho người dân." : ". Muốn gửi ảnh cho người dân, ghi \"gửi dân\" kèm ảnh.");

    public static string PhotoSaved(string code, int count, bool sentToCitizen, bool guessed) =>
        $"Đã lưu {count} ảnh sau xử lý vào {Case(code)} {code}" +
        (sentToCitizen ? " và gửi cho người dân." : " (nội bộ; ghi \"gửi dân\" kèm ảnh để gửi cho người dân).") +
        (guessed ? $" Nếu nhầm {Case(code)}, gõ \"ảnh <mã đúng>\" rồi gửi lại ảnh." : "");

    public const string PhotoWhichTicket =
        "Chưa rõ ảnh này thuộc hồ sơ nào. Gõ \"ảnh <mã>\" (ví dụ: ảnh PA-2611-7K3Q) rồi gửi lại ảnh, hoặc ghi mã kèm ảnh.";

    public static string PhotoWrongCode(string typed) =>
        $"\"{Snippet(typed)}\" không có mã hồ sơ hợp lệ. Mã có dạng PA-2611-7K3Q (hoặc KN-…, TC-…). Gõ \"ảnh <mã>\" rồi gửi ảnh.";

    public static string PhotoNotAllowed(string code) =>
        $"Bạn không có quyền gửi ảnh kết quả cho {Case(code)} {code}: chỉ cán bộ hiện trường, cán bộ xử lý của đơn vị được giao, lãnh đạo và quản trị viên.";

    public static string PhotoTicketClosed(string code, string status) =>
        $"{Capitalised(Case(code))} {code} đang ở trạng thái \"{status}\", không nhận thêm ảnh. Đề nghị mở lại trước nếu cần bổ sung.";

    public const string PhotoOnlyImages = "Chỉ nhận ảnh (không nhận video, tệp) làm ảnh sau xử lý. Vui lòng gửi ảnh chụp.";

    public const string PhotoNeedsApproval = "trả lời của đơn vị bạn cần được duyệt trước khi gửi, nên ảnh chỉ được lưu nội bộ. Gửi lời trả lời bằng lệnh \"trả lời <mã> <nội dung>\".";

    public static string PhotoNotSent(string code, string reason) =>
        $"Đã lưu ảnh vào {Case(code)} {code} nhưng chưa gửi được cho người dân: {reason}";

    public static string DueSoon(string code, DateTimeOffset dueAt) =>
        $"{Capitalised(Case(code))} {code} sắp đến hạn ({dueAt.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}).";

    /// <summary>How the law names the case a code belongs to (phản ánh, khiếu nại, tố cáo), by the code's prefix.</summary>
    private static string Case(string code) => Conversations.ConversationTexts.KindOf(code);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Snippet(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
