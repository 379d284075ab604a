namespace ZaloBot.NationalSync;

/// <summary>
/// The <c>NationalSync</c> section: copying tickets in the national system's scope (a flag per category,
/// <c>categories.national_scope</c>) and their answers to the national PAKN system. No public specification exists:
/// every name below is configuration, defaulting to what a working provincial integration uses (docs/national-sync.md).
/// </summary>
public sealed class NationalSyncOptions
{
    public const string Section = "NationalSync";

    public bool Enabled { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 20;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed push is reserved for this replica; a replica that stopped mid-push lets go after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    public LgspOptions Lgsp { get; set; } = new();
}

/// <summary>The province's LGSP data-sharing gateway: a token endpoint, then JSON calls naming a service.</summary>
public sealed class LgspOptions
{
    public string? BaseUrl { get; set; }
    public string TokenPath { get; set; } = "/token";
    public string ServicePath { get; set; } = "/api";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The receiving system's code, sent in the <c>dstcode</c> header.</summary>
    public string? DstCode { get; set; }

    public string QuestionService { get; set; } = "DongBoHoiDap";
    public string AnswerService { get; set; } = "DongBoTraLoi";

    /// <summary>Where the national id is in each <c>result[]</c> item.</summary>
    public string ResultIdField { get; set; } = "HOIDAPID";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Our field → the gateway's name, for any name that differs from the default (e.g. <c>NOIDUNG</c>).</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Our agency code → the national <c>MADONVI</c>; unmapped agencies send their own code.</summary>
    public Dictionary<string, string> Agencies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Our category code → the national <c>MALINHVUC</c>; unmapped categories send their own code.</summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>CHUCVUNGUOITRALOI</c>: answers are given by the agency, not a named person.</summary>
    public string AnswererTitle { get; set; } = "Cơ quan giải quyết";

    public string Field(string name) => Fields.TryGetValue(name, out var mapped) ? mapped : name;
}
