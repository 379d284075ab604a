namespace ZaloBot.MiniApp;

/// <summary>What the Mini App shows when the service says no: plain Vietnamese, and what to do next.</summary>
public static class MiniAppTexts
{
    public const string Unverified = "Không xác minh được tài khoản Zalo của bạn. Bạn đóng ứng dụng rồi mở lại giúp nhé.";
    public const string NotFollower = "Bạn cần bấm Quan tâm tài khoản Zalo của cơ quan để nhận kết quả xử lý, rồi thử lại.";
    public const string ZaloUnavailable = "Zalo đang bận, chưa xác minh được tài khoản. Bạn thử lại sau ít phút nhé.";
    public const string TooMany = "Bạn thao tác nhanh quá. Bạn đợi một phút rồi thử lại nhé.";
    public const string CentreNotFound = "Không tìm thấy điểm tiếp nhận này. Bạn quét lại mã QR giúp nhé.";
    public const string TooLarge = "Nội dung gửi quá lớn. Mỗi ảnh tối đa 5 MB, tối đa 3 ảnh.";
    public const string NotAForm = "Dữ liệu gửi lên không đúng định dạng.";
    public const string Unstorable = "Nội dung có ký tự không lưu được. Bạn sửa lại giúp nhé.";
    public const string NeedsKey = "Thiếu mã lần gửi (idempotencyKey). Bạn cập nhật ứng dụng rồi thử lại.";
    public const string UnknownCategory = "Bạn chọn lĩnh vực phản ánh giúp nhé.";
    public const string DescriptionLength = "Nội dung phản ánh cần từ 10 đến 2.000 ký tự.";
    public const string BadLocation = "Vị trí không hợp lệ.";
    public const string BadPhone = "Số điện thoại không đúng. Bạn nhập số di động Việt Nam giúp nhé.";
    public const string NotAPhoto = "Chỉ gửi được ảnh (JPEG, PNG, WebP, HEIC).";

    public static string Filed(string code, DateOnly due) =>
        $"Đã tiếp nhận phản ánh {code}. Hạn trả lời chậm nhất ngày {due:dd/MM/yyyy}. Kết quả sẽ được nhắn qua Zalo.";
}
