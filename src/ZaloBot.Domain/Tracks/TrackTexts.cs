using System.Globalization;

namespace ZaloBot.Domain.Tracks;

/// <summary>What citizens and staff are told about tracks, clocks, approval and "is it fixed?" — Vietnamese, in one place.</summary>
public static class TrackTexts
{
    public const string PaknExplanation =
        "Phản ánh, kiến nghị được cơ quan có thẩm quyền xem xét, trả lời theo thời hạn của từng lĩnh vực.";

    public const string KhieuNaiExplanation =
        "Theo Luật Khiếu nại 2011, khiếu nại là đề nghị xem xét lại quyết định hành chính hoặc hành vi hành chính mà bạn cho là trái pháp luật, xâm phạm quyền, lợi ích hợp pháp của mình. Bạn lưu ý:\n" +
        "- Khiếu nại được giải quyết bởi người đã ra quyết định hoặc thủ trưởng cơ quan có cán bộ thực hiện hành vi đó (cơ quan có thẩm quyền).\n" +
        "- Cần ghi rõ họ tên, địa chỉ, giấy tờ tùy thân của bạn; thường phải có đơn khiếu nại có chữ ký (hoặc trình bày trực tiếp), kèm bản sao quyết định, giấy tờ liên quan.\n" +
        "- Thời hiệu khiếu nại là 90 ngày kể từ ngày bạn nhận được quyết định hoặc biết được hành vi.\n" +
        "- Cơ quan có thẩm quyền thụ lý trong 10 ngày và giải quyết trong 30 ngày kể từ ngày thụ lý (vụ việc phức tạp không quá 45 ngày).";

    public const string ToCaoExplanation =
        "Theo Luật Tố cáo 2018, tố cáo là báo cho cơ quan có thẩm quyền biết hành vi vi phạm pháp luật của cán bộ, công chức hoặc cơ quan, tổ chức, cá nhân. Bạn lưu ý:\n" +
        "- Người tố cáo phải nêu rõ họ tên, địa chỉ; tố cáo nặc danh không được thụ lý giải quyết. Thông tin về người tố cáo được giữ bí mật.\n" +
        "- Tố cáo do người đứng đầu cơ quan, tổ chức quản lý người bị tố cáo giải quyết; thường cần đơn tố cáo có chữ ký hoặc trình bày trực tiếp.\n" +
        "- Trong 7 ngày làm việc cơ quan xem xét thụ lý; thời hạn giải quyết 30 ngày kể từ ngày thụ lý, có thể gia hạn 1 lần (phức tạp) hoặc 2 lần (đặc biệt phức tạp), mỗi lần không quá 30 ngày.\n" +
        "- Cố ý tố cáo sai sự thật phải chịu trách nhiệm trước pháp luật.";

    public static string TrackName(string track) => track switch
    {
        TicketTracks.KhieuNai => "khiếu nại",
        TicketTracks.ToCao => "tố cáo",
        _ => "phản ánh, kiến nghị",
    };

    public static string TrackQuestion(string track) => track == TicketTracks.ToCao
        ? "Nội dung bạn gửi có vẻ là một tố cáo (báo hành vi vi phạm pháp luật của cán bộ, công chức). Bạn muốn gửi như một tố cáo hay như một phản ánh?"
        : "Nội dung bạn gửi có vẻ là một khiếu nại (đề nghị xem xét lại một quyết định hoặc hành vi hành chính). Bạn muốn gửi như một khiếu nại hay như một phản ánh?";

    public static string AsTrack(string track) => track == TicketTracks.ToCao ? "Gửi là tố cáo" : "Gửi là khiếu nại";

    public const string AsPakn = "Gửi là phản ánh";

    /// <summary>The confirmation of a khiếu nại or tố cáo: named, coded and timed by its own law, never as a phản ánh.</summary>
    public static string SubmittedAs(string track, string code, TrackRule? rule) =>
        $"Đã gửi {TrackName(track)} thành công. Mã {TrackName(track)} của bạn: {code}.\n" +
        (rule is null ? "" : $"Theo luật, cơ quan có thẩm quyền xem xét thụ lý trong {rule.AcceptanceDays} {Days(rule.AcceptanceKind)}" +
            (rule.ResolutionDays is { } days ? $" và giải quyết trong {days} {Days(rule.ResolutionKind)} kể từ ngày thụ lý" : "") + ". ") +
        "Bạn sẽ nhận thông báo tại đây.\n" +
        (track == TicketTracks.ToCao ? ToCaoIdentity + "\n" : "") +
        $"Để xem tình trạng, gõ: tra cứu {code}";

    /// <summary>How the denouncer is protected; the answer to a tố cáo is never published.</summary>
    public const string ToCaoIdentity =
        "Danh tính của bạn được giữ bí mật theo Luật Tố cáo: họ tên, địa chỉ, số điện thoại của bạn chỉ người có thẩm quyền giải quyết được biết, không tiết lộ cho người bị tố cáo; nội dung tố cáo và kết quả không được công khai.";

    private static string Days(DayKind kind) => kind == DayKind.Working ? "ngày làm việc" : "ngày";

    public static string RecordedAnyway(string track) =>
        $"Chúng tôi vẫn ghi nhận nội dung của bạn như một {TrackName(track)}; bộ phận tiếp nhận sẽ hướng dẫn bạn các bước tiếp theo và chuyển đến cơ quan có thẩm quyền. Thời hạn giải quyết tính theo luật như trên.";

    // ---- "is it really fixed?" ----

    public const string FixedQuestion = "Vấn đề bạn phản ánh đã được khắc phục chưa?";

    public const string FixedTitle = "Đã khắc phục";
    public const string NotFixedTitle = "Chưa khắc phục";

    /// <summary>The buttons under the resolution notice; the payload is words the conversation recognises with the code.</summary>
    public static IReadOnlyList<(string Title, string Payload)> FixedButtons(string code) =>
        [(FixedTitle, $"{FixedTitle} {code}"), (NotFixedTitle, $"{NotFixedTitle} {code}")];

    public static string AskWhatRemains(string code) =>
        $"Bạn cho biết điều gì còn chưa được khắc phục ở phản ánh {code}? Chúng tôi sẽ mở lại phản ánh và báo cơ quan xử lý.";

    public static string Reopened(string code) =>
        $"Phản ánh {code} đã được mở lại với nội dung bạn vừa gửi. Cơ quan xử lý đã được thông báo; bạn sẽ nhận kết quả tại đây.";

    public static string TooLateToReopen(string code) =>
        $"Phản ánh {code} đã được giải quyết từ lâu nên không thể mở lại. Bạn gửi một phản ánh mới để chúng tôi xem xét nhé.";

    public const string ThanksForConfirming = "Cảm ơn bạn đã xác nhận.";

    public const string AnswerLater =
        $"Dạ vâng, bạn không cần trả lời ngay. Khi nào muốn cho chúng tôi biết, bạn chỉ cần nhắn \"{FixedTitle}\" hoặc \"{NotFixedTitle}\".";

    public const string WhatRemainsTooShort = "Bạn mô tả thêm một chút điều gì còn chưa được khắc phục nhé (ít nhất vài từ).";

    // ---- notices ----

    public static string Extended(string code, DateOnly newDue, string reason) =>
        $"Thời hạn giải quyết {code} được gia hạn đến ngày {newDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}. Lý do: {reason}";

    public static string TrackChanged(string code, string track) =>
        $"Nội dung {code} được xác định là {TrackName(track)} và sẽ được giải quyết theo thời hạn của {TrackName(track)}.";

    // ---- staff ----

    public static string StaffEscalation(string code, BreachKind kind, string? agency) => kind switch
    {
        BreachKind.FirstResponse => $"⚠ {code} quá thời hạn phản hồi đầu tiên mà chưa được tiếp nhận.",
        BreachKind.Acceptance => $"⚠ {code} quá thời hạn thụ lý/tiếp nhận theo quy định.",
        _ => $"⚠ {code} quá hạn giải quyết" + (agency is null ? "." : $" ({agency})."),
    };

    public static string AwaitingApproval(string code) => $"Kết quả giải quyết {code} đang chờ duyệt trước khi gửi công dân.";

    public static string AnswerReturned(string code, string comment) => $"Kết quả giải quyết {code} bị trả lại, cần sửa: {comment}";

    public static string CitizenNotFixed(string code, string text) =>
        $"Công dân báo {code} chưa được khắc phục, phản ánh đã mở lại: {(text.Length <= 120 ? text : text[..117] + "...")}";

    public static string LowRating(string code, int rating) => $"{code} được công dân đánh giá {rating}/5 — cần giám sát xem xét.";
}
