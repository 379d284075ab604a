using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

public static class Fixtures
{
    public const string NewCode = "PA-2611-7K3Q";
    public static readonly DateOnly Deadline = new(2026, 12, 8);

    public static readonly CategoryOption[] Categories =
    [
        new("ADMIN", "Thủ tục hành chính", ["thu tuc", "ho so", "giay to", "cap phep", "mot cua"], Deadline),
        new("CONDUCT", "Thái độ, hành vi của cán bộ, công chức", ["can bo", "cong chuc", "thai do", "nhung nhieu"], Deadline),
        new("BIZ_TRANSPORT", "Hỗ trợ doanh nghiệp: vận chuyển công nhân", ["van chuyen", "cong nhan", "xe dua don"], Deadline),
        new("BIZ_EXPERT", "Hỗ trợ doanh nghiệp: nhập cảnh chuyên gia", ["chuyen gia", "nhap canh", "visa"], Deadline),
        new("BIZ_VACCINE", "Hỗ trợ doanh nghiệp: tiêm vắc-xin", ["vac xin", "vaccine", "tiem chung"], Deadline),
        new("BIZ_POLICY", "Hỗ trợ doanh nghiệp: chính sách hỗ trợ dịch bệnh", ["chinh sach", "dich benh"], Deadline),
        new("INFRA", "Hạ tầng, môi trường", ["duong", "ngap", "rac", "den duong", "o nhiem", "moi truong"], Deadline),
        new("OTHER", "Khác", ["khac"], Deadline),
    ];

    public static readonly AreaOption[] Areas =
    [
        new("KINHBAC", "Phường Kinh Bắc"),
        new("VOCUONG", "Phường Võ Cường"),
        new("TUSON", "Phường Từ Sơn"),
    ];

    public static readonly ServiceCentreOption[] Centres =
    [
        new("BN01", "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh"),
    ];

    public static CitizenTicket Open(string code = "PA-2610-ABCD") =>
        new(code, "Hạ tầng, môi trường", "Đang xử lý", true, new DateOnly(2026, 11, 30), "Đã chuyển Sở Xây dựng xử lý.");

    public static CitizenTicket Closed(string code = "PA-2609-WXYZ") =>
        new(code, "Thủ tục hành chính", "Đã đóng", false, null, "Đã giải quyết xong.");

    public static ConversationContext Context(params CitizenTicket[] tickets) =>
        new(Categories, Areas, Centres, tickets, NewCode, new ConversationLimits());

    public static ConversationContext WithoutAreas() => Context() with { Areas = [] };
}
