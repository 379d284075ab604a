using Microsoft.Extensions.Options;
using ZaloBot.Tickets;

namespace ZaloBot.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section)
            .Validate(o => o.Storage != EvidenceStorageKind.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket),
                "Evidence:S3:Bucket is required when Evidence:Storage is S3.")
            .Validate(o => o.Storage != EvidenceStorageKind.S3 || string.IsNullOrEmpty(o.S3.ServiceUrl) || (Uri.TryCreate(o.S3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "Evidence:S3:ServiceUrl must be an absolute URL (e.g. https://s3.example.vn).")
            .Validate(o => string.IsNullOrEmpty(o.S3.AccessKey) == string.IsNullOrEmpty(o.S3.SecretKey),
                "Evidence:S3:AccessKey and Evidence:S3:SecretKey go together (or leave both empty for the SDK's default credentials).")
            .Validate(o => o.Storage != EvidenceStorageKind.Local || !string.IsNullOrWhiteSpace(o.LocalPath), "Evidence:LocalPath is required.")
            .Validate(o => o.MaxImageBytes > 0 && o.MaxVideoBytes > 0 && o.MaxAudioBytes > 0 && o.MaxFileBytes > 0 && o.MaxStaffPhotoBytes > 0,
                "Evidence:Max*Bytes must be positive.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 50, "Evidence:MaxAttempts must be between 1 and 50.")
            .Validate(o => o.Workers is >= 1 and <= 32, "Evidence:Workers must be between 1 and 32.")
            .Validate(o => o.DownloadTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.Lease > o.DownloadTimeout,
                "Evidence:DownloadTimeout and Evidence:PollInterval must be positive, and Evidence:Lease longer than DownloadTimeout.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "Evidence:RetryBaseDelay must be positive and not above RetryMaxDelay.")
            .Validate(o => o.ThumbnailSize is >= 32 and <= 2048, "Evidence:ThumbnailSize must be between 32 and 2048.")
            .Validate(o => o.RetentionDays >= 0 && o.RetentionDaysByCategory.Values.All(d => d >= 0), "Evidence retention days must be 0 (keep forever) or more.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Evidence:SweepInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvidenceOptions>>(sp => new EvidencePathValidator(sp.GetService<IHostEnvironment>()));

        services.AddSingleton<IEvidenceStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            if (options.Storage == EvidenceStorageKind.S3)
                return new S3EvidenceStore(S3EvidenceStore.CreateClient(options.S3), options.S3.Bucket!, options.S3.Prefix);
            return new LocalEvidenceStore(EvidencePathValidator.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.LocalPath));
        });

        // Registered directly (not AddHostedService, which keeps one factory registration per declared type).
        // Downloads are never retried inside the HTTP call: the downloader's own schedule retries and records each try.
        services.AddHttpClient(EvidenceDownloader.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, ConnectTimeout = TimeSpan.FromSeconds(15) });
        services.AddSingleton<EvidenceDownloader>();
        services.AddSingleton<EvidenceSweeper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.Enabled
            ? sp.GetRequiredService<EvidenceDownloader>() : new Idle());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EvidenceSweeper>());
        services.AddSingleton<EvidencePhotoReplies>();
        services.AddSingleton<ITicketEvidence, TicketEvidence>();
        return services;
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
