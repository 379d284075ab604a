namespace ZaloBot.Evidence;

public enum EvidenceStorageKind { Local, S3 }

/// <summary>Where evidence is kept, how it is downloaded, and how long it is kept (appsettings section "Evidence").</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Run the downloader and sweeper in this process.</summary>
    public bool Enabled { get; set; } = true;

    public EvidenceStorageKind Storage { get; set; } = EvidenceStorageKind.Local;

    /// <summary>The local store's directory; relative paths are under the service's content root.</summary>
    public string LocalPath { get; set; } = "data/evidence";

    public S3EvidenceOptions S3 { get; set; } = new();

    /// <summary>Largest download kept, per declared kind: a larger one is refused with the reason recorded.</summary>
    public long MaxImageBytes { get; set; } = 15 * 1024 * 1024;
    public long MaxVideoBytes { get; set; } = 100 * 1024 * 1024;
    public long MaxAudioBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxFileBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>One download's time limit, from the request to the last byte.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a failing link is recorded as unavailable.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Downloads in flight in this process.</summary>
    public int Workers { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed download is reserved for this replica before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest side of a thumbnail, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>Largest photo staff may attach to a reply (it is re-encoded for Zalo's 1 MB upload limit).</summary>
    public long MaxStaffPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Days evidence is kept after its ticket is closed or rejected, unless <see cref="RetentionDaysByCategory"/> says
    /// otherwise for the ticket's category; 0 keeps it forever. Set it from the archive rules the province follows.
    /// </summary>
    public int RetentionDays { get; set; } = 1825;
    public Dictionary<string, int> RetentionDaysByCategory { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often expired and erased evidence is removed from the store.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    public long MaxBytesFor(string kind) => kind switch
    {
        "image" => MaxImageBytes,
        "video" => MaxVideoBytes,
        "audio" => MaxAudioBytes,
        _ => MaxFileBytes,
    };

    public int RetentionDaysFor(string category) => RetentionDaysByCategory.TryGetValue(category, out var days) ? days : RetentionDays;
}

/// <summary>S3-compatible object storage (AWS S3, MinIO, Ceph, a cloud provider's S3 API).</summary>
public sealed class S3EvidenceOptions
{
    /// <summary>The endpoint, e.g. https://s3.ap-southeast-1.amazonaws.com or http://minio:9000; empty for AWS by region.</summary>
    public string? ServiceUrl { get; set; }
    public string Region { get; set; } = "us-east-1";
    public string? Bucket { get; set; }
    /// <summary>Key prefix inside the bucket, so one bucket can serve several deployments.</summary>
    public string Prefix { get; set; } = "evidence/";
    /// <summary>Path-style addressing (http://host/bucket/key), which most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
    /// <summary>Static keys; when empty the SDK's default chain (environment, instance role) is used.</summary>
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
}
