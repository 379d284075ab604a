using ZaloBot.Domain.Privacy;
using ZaloBot.Evidence;
using ZaloBot.Retention;

namespace ZaloBot.Privacy;

public sealed record RecordPurpose(string Code, string Title, string LegalBasis, bool Optional);

public sealed record RecordDataKind(string Kind, string Examples, bool Sensitive, IReadOnlyList<string> Purposes, string Retention,
    IReadOnlyList<string> StoredIn, IReadOnlyList<string> RolesWithAccess);

public sealed record RecordStore(string Name, string Kind, string Location, string? Country, bool OutsideVietnam, string? Warning);

public sealed record RecordClock(string Name, string Value, bool Confirmed);

/// <summary>The record of processing activities, always generated from the running configuration.</summary>
public sealed record ProcessingRecordDocument(
    string Controller, string Contact, int NoticeVersion, string NoticeUrl,
    IReadOnlyList<RecordPurpose> Purposes, IReadOnlyList<RecordDataKind> DataKinds, IReadOnlyList<string> Recipients,
    IReadOnlyList<RecordStore> Stores, IReadOnlyList<RecordClock> Clocks);

/// <summary>
/// Builds the processing record (the material of the impact-assessment dossier) from what this instance is configured
/// to do: the notice, retention, where evidence is stored (flagging any store outside Vietnam or of unknown location)
/// and which roles see what. Nothing here is typed by hand into a document that can drift from the service.
/// </summary>
public sealed class ProcessingRecord(IOptions<PrivacyOptions> privacy, IOptions<RetentionOptions> retention, IOptions<EvidenceOptions> evidence, ConsentRecords consents)
{
    private const string LegalDuty = "Nhiệm vụ theo luật: tiếp nhận, xử lý phản ánh, kiến nghị (QĐ 31/2021/QĐ-TTg), Luật Tố cáo 2018; không cần đồng ý (Luật 91/2025/QH15)";
    private const string Consent = "Sự đồng ý của chủ thể dữ liệu (nút bấm trong Zalo, ghi lại)";

    private static readonly string[] Handlers = ["intake_officer", "diagnosis_officer", "agency_handler (cơ quan được giao)", "field_officer (cơ quan được giao)", "supervisor", "admin"];

    public ProcessingRecordDocument Build()
    {
        var p = privacy.Value;
        var r = retention.Value;
        var stores = new List<RecordStore> { new("PostgreSQL", "database", "máy chủ cơ sở dữ liệu của đơn vị vận hành", p.DatabaseCountry, p.DatabaseCountry != "VN", null) };
        var e = evidence.Value;
        if (e.Enabled) stores.Add(EvidenceStore(e, p.EvidenceStoreCountry));

        var ticketRetention = "Hồ sơ giải quyết: theo quy định lưu trữ; xoá định danh khi người dân yêu cầu xoá (trừ hồ sơ phải lưu, có lý do)";
        var purposes = new List<RecordPurpose>
        {
            new("handling", "Giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo", LegalDuty, false),
            new("notices", "Thông báo tiến độ, kết quả cho người dân qua Zalo", LegalDuty, false),
            new("statistics", "Thống kê tổng hợp (không có dữ liệu cá nhân)", LegalDuty, false),
        };
        purposes.AddRange(Domain.Privacy.Purposes.Optional.Select(code => new RecordPurpose(code, Domain.Privacy.Purposes.Title(code), Consent, true)));
        var all = stores.Select(s => s.Name).ToList();
        return new ProcessingRecordDocument(
            p.Controller, $"{p.ContactEmail}, {p.Hotline}", p.NoticeVersion, consents.NoticeUrl, purposes,
            [
                new("Liên hệ", "họ tên, số điện thoại", false, ["handling", "notices", Domain.Privacy.Purposes.CallBack], ticketRetention, ["PostgreSQL"],
                    [.. Handlers, "tố cáo: chỉ cán bộ cơ quan được giao, supervisor, admin (mỗi lần xem được ghi lại)"]),
                new("Định danh Zalo", "mã người dùng Zalo theo OA", false, ["handling", "notices"], ticketRetention, ["PostgreSQL"], Handlers),
                new("Nội dung phản ánh", "mô tả, địa chỉ, tin nhắn (số CMND/CCCD được che khi lưu)", false, ["handling", "statistics", Domain.Privacy.Purposes.Publication],
                    ticketRetention, ["PostgreSQL"], Handlers),
                new("Vị trí", "toạ độ chia sẻ, toạ độ trong ảnh (EXIF)", true, ["handling", Domain.Privacy.Purposes.Location], ticketRetention, all,
                    ["intake_officer", "diagnosis_officer", "agency_handler (cơ quan được giao)", "field_officer (cơ quan được giao)", "supervisor", "admin"]),
                new("Ảnh, tệp", "ảnh hiện trường; có thể có khuôn mặt, giấy tờ (được khuyên không gửi)", true, ["handling"], ticketRetention, all, Handlers),
                new("Tin nhắn gốc từ Zalo", "bản ghi sự kiện webhook", false, ["handling"], $"{r.ProcessedEvents.TotalDays:0} ngày sau khi xử lý", ["PostgreSQL"], ["admin (vận hành)"]),
                new("Tin nhắn đã gửi", "nội dung bot và cán bộ gửi", false, ["notices"], $"{r.SentMessages.TotalDays:0} ngày sau khi gửi", ["PostgreSQL"], ["admin (vận hành)"]),
                new("Đồng ý và yêu cầu", "bản ghi đồng ý, yêu cầu quyền của chủ thể", false, ["handling"], "lưu làm bằng chứng; xoá định danh khi xoá dữ liệu", ["PostgreSQL"], ["supervisor", "admin"]),
                new("Tài khoản cán bộ", "họ tên, tên đăng nhập, nhật ký đăng nhập, địa chỉ IP", false, ["handling"], "trong thời gian công tác", ["PostgreSQL"], ["admin"]),
            ],
            ["Cơ quan có thẩm quyền giải quyết", "Hệ thống thông tin phản ánh, kiến nghị quốc gia", "Zalo (Công ty Cổ phần VNG) — nền tảng truyền tin"],
            stores,
            [
                new("Xác nhận yêu cầu", $"{p.AcknowledgeWorkingDays} ngày làm việc", true),
                new("Rút lại đồng ý", $"{p.WithdrawalDays} ngày", true),
                new("Cung cấp dữ liệu", $"{p.AccessWorkingDays} ngày làm việc", false),
                new("Chỉnh sửa", $"{p.CorrectionWorkingDays} ngày làm việc", false),
                new("Xoá", $"{p.DeletionWorkingDays} ngày làm việc", false),
                new("Thông báo vi phạm cho A05 (Bộ Công an)", $"{p.BreachNoticeHours} giờ", true),
            ]);
    }

    private static RecordStore EvidenceStore(EvidenceOptions e, string? country)
    {
        if (e.Storage == EvidenceStorageKind.Local)
            return new("Kho ảnh, tệp", "local", e.LocalPath, country ?? "VN", country is not null and not "VN", null);
        var where = e.S3.ServiceUrl ?? $"AWS S3 ({e.S3.Region})";
        // An S3 region is a hint only: the operator states the country, and an unstated one is flagged, never assumed.
        var outside = country is not "VN";
        var warning = country is null ? "Chưa khai báo quốc gia lưu trữ (Privacy:EvidenceStoreCountry): cần xác định trước khi vận hành."
            : country != "VN" ? $"Lưu trữ ngoài Việt Nam ({country}): cần hồ sơ đánh giá tác động chuyển dữ liệu ra nước ngoài." : null;
        return new("Kho ảnh, tệp", "s3", where, country, outside, warning);
    }
}
