using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Privacy;

/// <summary>
/// The "Privacy" settings section: who the controller is, the notice's version, and the legal clocks. Some clocks
/// rest on a single secondary source (docs/privacy.md), so every one of them is a setting, not a constant.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The controller named in the notice (the province's body that runs the service).</summary>
    [Required, StringLength(200, MinimumLength = 3)]
    public string Controller { get; set; } = "Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công)";

    [Required, StringLength(100, MinimumLength = 3)]
    public string Hotline { get; set; } = "1022";

    /// <summary>Where a citizen can go in person instead.</summary>
    [Required, StringLength(300, MinimumLength = 3)]
    public string Counter { get; set; } = "bộ phận tiếp nhận của Trung tâm Phục vụ hành chính công tỉnh";

    [Required, StringLength(300, MinimumLength = 3)]
    public string ContactEmail { get; set; } = "baovedulieu@example.gov.vn";

    /// <summary>Raised when the notice's text changes; citizens see the new notice once.</summary>
    [Range(1, 1000)]
    public int NoticeVersion { get; set; } = 1;

    /// <summary>The notice version in which each optional purpose's wording last changed (publish, call_back, survey, location).</summary>
    public Dictionary<string, int> PurposeVersions { get; set; } = new();

    /// <summary>How the notice states retention (the retention job's settings decide what actually happens).</summary>
    [Required, StringLength(300, MinimumLength = 3)]
    public string RetentionText { get; set; } = "trong thời gian giải quyết và lưu hồ sơ theo quy định về lưu trữ; tin nhắn gốc được xoá sau thời hạn lưu";

    /// <summary>Where the notice is served from; empty: the service centres' public address.</summary>
    public Uri? PublicBaseUrl { get; set; }

    [Range(1, 30)]
    public int AcknowledgeWorkingDays { get; set; } = 2;

    [Range(1, 90)]
    public int AccessWorkingDays { get; set; } = 10;

    [Range(1, 90)]
    public int CorrectionWorkingDays { get; set; } = 10;

    [Range(1, 90)]
    public int DeletionWorkingDays { get; set; } = 20;

    /// <summary>Calendar days to honour a withdrawal of consent.</summary>
    [Range(1, 90)]
    public int WithdrawalDays { get; set; } = 15;

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The deadline to notify the data-protection authority of a breach.</summary>
    [Range(1, 240)]
    public int BreachNoticeHours { get; set; } = 72;

    /// <summary>Where the evidence store's data physically lives (ISO country code); anything but VN is flagged in the processing record.</summary>
    [StringLength(2, MinimumLength = 2)]
    public string? EvidenceStoreCountry { get; set; }

    [StringLength(2, MinimumLength = 2)]
    public string DatabaseCountry { get; set; } = "VN";
}
