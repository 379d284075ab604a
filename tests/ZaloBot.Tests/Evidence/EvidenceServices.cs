using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Evidence;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Evidence;

/// <summary>The service with its dispatcher and evidence downloader on, a simulator as Zalo, and retries in milliseconds.</summary>
public abstract class EvidenceService : OutboxService
{
    /// <summary>Small, so an oversize photo is cheap to make.</summary>
    public const int MaxImageBytes = 300 * 1024;

    public IEvidenceStore Store => Services.GetRequiredService<IEvidenceStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Evidence:PollInterval", "00:00:00.020");
        With("Evidence:RetryBaseDelay", "00:00:00.020");
        With("Evidence:RetryMaxDelay", "00:00:00.100");
        With("Evidence:MaxAttempts", "3");
        With("Evidence:DownloadTimeout", "00:00:03");
        With("Evidence:Lease", "00:00:30");
        With("Evidence:SweepInterval", "00:00:00.100");
        With("Evidence:MaxImageBytes", MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ConfigureStorageAsync();
    }

    protected abstract Task ConfigureStorageAsync();

    /// <summary>A URL the simulator serves the bytes at, as Zalo's CDN serves what citizens send.</summary>
    public string Serve(byte[] bytes, string contentType, int failures = 0, int failureStatus = 404, bool omitLength = false, bool hang = false)
    {
        var name = Guid.NewGuid().ToString("N") + "." + (contentType.Split('/')[1]);
        Simulator.Media.Put(name, new ZaloBot.Simulator.MediaFile(bytes, contentType) { FailuresLeft = failures, FailureStatus = failureStatus, OmitLength = omitLength, Hang = hang });
        return $"{Simulator.BaseUrl}/media/{name}";
    }
}

/// <summary>Evidence in a local directory (the default).</summary>
public sealed class LocalEvidenceService : EvidenceService
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zalobot-evidence-" + Guid.NewGuid().ToString("N"));

    protected override Task ConfigureStorageAsync()
    {
        With("Evidence:Storage", "Local");
        With("Evidence:LocalPath", _directory);
        return Task.CompletedTask;
    }

    protected override async ValueTask DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// Evidence in S3-compatible object storage: the s3rver that scripts/test.sh starts (scripts/s3.sh), one fresh bucket
/// per test class.
/// </summary>
public sealed class S3EvidenceService : EvidenceService
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private readonly string _bucket = "evidence-" + Guid.NewGuid().ToString("N")[..12];

    public static string Endpoint => Environment.GetEnvironmentVariable("ZALOBOT_TEST_S3")
        ?? throw new InvalidOperationException("ZALOBOT_TEST_S3 is not set: start the S3-compatible test server with `export ZALOBOT_TEST_S3=$(scripts/s3.sh start)` (scripts/test.sh does).");

    protected override async Task ConfigureStorageAsync()
    {
        var options = new S3EvidenceOptions { ServiceUrl = Endpoint, Bucket = _bucket, AccessKey = AccessKey, SecretKey = SecretKey };
        using (var s3 = S3EvidenceStore.CreateClient(options))
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket });
        With("Evidence:Storage", "S3");
        With("Evidence:S3:ServiceUrl", Endpoint);
        With("Evidence:S3:Bucket", _bucket);
        With("Evidence:S3:AccessKey", AccessKey);
        With("Evidence:S3:SecretKey", SecretKey);
    }

    /// <summary>Every key in the bucket: what the object store really holds.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        using var s3 = S3EvidenceStore.CreateClient(new S3EvidenceOptions { ServiceUrl = Endpoint, Bucket = _bucket, AccessKey = AccessKey, SecretKey = SecretKey });
        var response = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
    }
}
