namespace ZaloBot.Domain.Privacy;

/// <summary>What the bot says about personal data, in plain Vietnamese.</summary>
public static class PrivacyTexts
{
    public const string AgreeCallBack = "Đồng ý gọi lại";
    public const string RefuseCallBack = "Không gọi lại";
    public const string AgreeSurvey = "Đồng ý khảo sát";
    public const string RefuseSurvey = "Không khảo sát";

    /// <summary>The short notice before the first personal question; the full, versioned notice is at the link.</summary>
    public static string Notice(PrivacyNotice notice, bool updated) =>
        (updated ? "Thông báo về dữ liệu cá nhân đã được cập nhật.\n" : "") +
        $"Về dữ liệu cá nhân của bạn: {notice.Controller} thu thập nội dung phản ánh, địa điểm, ảnh bạn gửi, họ tên và số điện thoại " +
        "để giải quyết phản ánh theo quy định về tiếp nhận, xử lý phản ánh, kiến nghị (không cần bạn đồng ý), báo kết quả cho bạn và thống kê. " +
        "Dữ liệu được chuyển cho cơ quan có thẩm quyền giải quyết, Hệ thống thông tin phản ánh, kiến nghị quốc gia; Zalo (VNG) là nền tảng truyền tin. " +
        $"Thời gian lưu: {notice.Retention}. " +
        "Bạn có quyền biết, xem, sửa, xoá dữ liệu, rút lại đồng ý và khiếu nại: nhắn \"dữ liệu của tôi\", \"sửa số điện thoại …\", \"xóa dữ liệu của tôi\" hoặc \"rút lại đồng ý\". " +
        "Không cần gửi ảnh CMND/CCCD. " +
        $"Chi tiết: {notice.PageUrl}";

    public static string OtherChannels(PrivacyNotice? notice) =>
        "Bạn không bắt buộc phải gửi qua Zalo. " +
        (notice is null ? "Bạn có thể gọi đường dây nóng hoặc đến bộ phận tiếp nhận của cơ quan." :
            $"Bạn có thể gọi đường dây nóng {notice.Hotline} hoặc đến {notice.Counter}.") +
        " Nếu vẫn muốn gửi tại đây, bạn trả lời câu hỏi dưới đây.";

    public const string AskCallBack =
        "Câu hỏi tuỳ chọn: cán bộ có thể gọi điện cho bạn để hỏi thêm hoặc báo kết quả không? Nếu không, cán bộ chỉ nhắn tin qua Zalo. " +
        "Chọn thế nào cũng không ảnh hưởng đến việc giải quyết phản ánh.";

    public const string AskSurvey =
        "Câu hỏi tuỳ chọn: khi có kết quả, chúng tôi có thể hỏi bạn đánh giá mức độ hài lòng không? " +
        "Chọn thế nào cũng không ảnh hưởng đến việc giải quyết phản ánh.";

    public static string AskPublish(string code) =>
        $"Câu hỏi tuỳ chọn: khi có kết quả, câu trả lời cho phản ánh {code} có được công khai trên trang của tỉnh để người khác cùng biết không? " +
        "Chỉ công khai nội dung và câu trả lời, không kèm họ tên, số điện thoại, ảnh của bạn.";

    public static string Answered(string purpose, bool granted) => (purpose, granted) switch
    {
        (Purposes.CallBack, true) => "Đã ghi nhận: cán bộ có thể gọi điện cho bạn.",
        (Purposes.CallBack, false) => "Đã ghi nhận: cán bộ sẽ không gọi điện, chỉ nhắn tin qua Zalo.",
        (Purposes.Survey, true) => "Đã ghi nhận: khi có kết quả, chúng tôi sẽ hỏi bạn đánh giá.",
        (Purposes.Survey, false) => "Đã ghi nhận: chúng tôi sẽ không gửi khảo sát cho bạn.",
        _ => "Đã ghi nhận lựa chọn của bạn.",
    };

    public const string Withdrawn =
        "Đã rút lại mọi đồng ý tuỳ chọn của bạn (gọi lại, khảo sát, công khai câu trả lời, vị trí); từ nay các việc đó không được thực hiện.";

    public static string RequestReceived(string kindTitle, DateOnly due) =>
        $"Đã tiếp nhận yêu cầu {kindTitle} của bạn. Cơ quan sẽ trả lời trước ngày {due:dd/MM/yyyy}.";

    public const string DeletionWarning =
        "Lưu ý: phản ánh đang giải quyết hoặc hồ sơ phải lưu theo quy định về lưu trữ có thể phải giữ lại; cơ quan sẽ nói rõ lý do. " +
        "Sau khi xoá, bạn sẽ không nhận được tin nhắn về các phản ánh cũ nữa.";

    public const string CorrectionNeedsPhone = "Bạn nhắn kèm số điện thoại mới, ví dụ: \"sửa số điện thoại 0912 345 678\".";

    public const string IdCardNotNeeded =
        "Không cần gửi ảnh hoặc số CMND/CCCD để phản ánh. Nếu ảnh có giấy tờ tuỳ thân, bạn không gửi giúp chúng tôi; số CMND/CCCD trong tin nhắn sẽ được che khi lưu.";
}
