using System.Net;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Domain.Evidence;

namespace ZaloBot.Evidence;

/// <summary>
/// Downloads citizens' attachments from Zalo's links into the evidence store: bounded in size per kind, typed by
/// their bytes, timed out, retried with backoff, and finally recorded as unavailable or refused with the reason.
/// Work is claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so replicas share it and a crash loses nothing.
/// </summary>
public sealed partial class EvidenceDownloader(
    NpgsqlDataSource dataSource, IHttpClientFactory httpFactory, IEvidenceStore store, IOptions<EvidenceOptions> options,
    Storage.MigrationState migrations, TimeProvider time, ILogger<EvidenceDownloader> logger) : BackgroundService, Operations.IFaultInjectable
{
    public const string HttpClientName = "evidence";

    public string JobName => "evidence-downloader";

    public bool IsEnabled => true;

    public Operations.IJobFaults? Faults { get; set; }

    private sealed record Claimed(long Id, long TicketId, string DeclaredKind, string? SourceUrl, int Attempts);

    private abstract record Outcome
    {
        public sealed record Stored(string ContentType, long Size, string Sha256, string Key, string? ThumbnailKey, PhotoFacts? Photo) : Outcome;
        public sealed record Refused(string Reason) : Outcome;
        public sealed record Failed(string Reason) : Outcome;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (migrations.IsApplied) Faults?.BeforeRun(JobName);
                // Until the schema is migrated (at start-up, or by the migrate command) there is no evidence table to read.
                if (!migrations.IsApplied || !await RunOnceAsync(stoppingToken))
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A worker that dies would stop the host (BackgroundService's default): log, wait, carry on. A claimed
                // download whose result could not be written is taken again when its lease ends.
                if (Storage.StorageErrors.IsUnavailable(ex)) LogStorageDown(ex.Message);
                else LogUnexpected(ex);
                await Task.Delay(options.Value.PollInterval * 5, time, stoppingToken);
            }
        }
    }

    /// <summary>Takes one due download and settles it; false when nothing was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed is null) return false;
        var outcome = await DownloadAsync(claimed, cancellationToken);
        await SettleAsync(claimed, outcome, cancellationToken);
        if (outcome is not Outcome.Failed && StagedUploads.KeyOf(claimed.SourceUrl) is { } staged) await store.DeleteAsync(staged, cancellationToken);
        return true;
    }

    private async Task<Claimed?> ClaimAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            with due as (
                select id from evidence
                where status = 'pending' and next_attempt_at <= @now
                order by next_attempt_at
                limit 1
                for update skip locked
            )
            update evidence e set attempts = e.attempts + 1, next_attempt_at = @leaseUntil
            from due where e.id = due.id
            returning e.id, e.ticket_id as TicketId, e.declared_kind as DeclaredKind, e.source_url as SourceUrl, e.attempts
            """;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Claimed>(new CommandDefinition(sql,
            new { now, leaseUntil = now + options.Value.Lease }, cancellationToken: cancellationToken));
    }

    private async Task<Outcome> DownloadAsync(Claimed item, CancellationToken cancellationToken)
    {
        var staged = StagedUploads.KeyOf(item.SourceUrl);
        Uri? url = null;
        if (staged is null && (!Uri.TryCreate(item.SourceUrl, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            return new Outcome.Refused("not a web link");
        var limit = options.Value.MaxBytesFor(item.DeclaredKind);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DownloadTimeout);
        var temp = Path.Combine(Path.GetTempPath(), $"zalobot-evidence-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            if (staged is not null)
            {
                // Uploaded straight to the service (the Mini App): already in the store, checked like a download.
                if (await StagedUploads.CopyAsync(store, staged, file, limit, timeout.Token) is { } problem)
                    return problem == StagedUploads.TooLarge ? new Outcome.Refused(TooLarge(item.DeclaredKind, null, limit)) : new Outcome.Failed(problem);
            }
            else
            {
            var http = httpFactory.CreateClient(HttpClientName);
            using (var response = await http.GetAsync(url!, HttpCompletionOption.ResponseHeadersRead, timeout.Token))
            {
                if (!response.IsSuccessStatusCode) return new Outcome.Failed($"HTTP {(int)response.StatusCode}");
                if (response.Content.Headers.ContentLength is { } declared && declared > limit)
                    return new Outcome.Refused(TooLarge(item.DeclaredKind, declared, limit));
                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    total += read;
                    // The length header may be missing or lie: the count of bytes read is what is enforced.
                    if (total > limit) return new Outcome.Refused(TooLarge(item.DeclaredKind, null, limit));
                    await file.WriteAsync(buffer.AsMemory(0, read), timeout.Token);
                }
            }
            }
            file.Position = 0;
            var head = new byte[ContentSniffer.HeaderLength];
            var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, timeout.Token);
            var verdict = ContentSniffer.Check(item.DeclaredKind, head.AsSpan(0, headLength));
            if (!verdict.Accepted) return new Outcome.Refused(verdict.Refusal!);
            return await StoreAsync(item, file, verdict.Content!, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome.Failed($"timed out after {options.Value.DownloadTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return new Outcome.Failed(ex.HttpRequestError + (ex.StatusCode is { } status ? $" HTTP {(int)status}" : ""));
        }
        catch (Exception ex) when (ex is IOException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException)
        {
            // The store failing is not the link's fault, but the download is retried all the same.
            return new Outcome.Failed("evidence store: " + ex.GetType().Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever else goes wrong with one file is recorded against that file, never left claimed and unexplained.
            LogUnexpected(ex);
            return new Outcome.Failed("unexpected: " + ex.GetType().Name);
        }
    }

    private async Task<Outcome> StoreAsync(Claimed item, FileStream file, SniffedContent content, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        var size = file.Length;
        var now = time.GetUtcNow();
        var key = EvidenceKeys.For(item.TicketId, item.Id, sha, content.Extension, now);
        file.Position = 0;
        await store.PutAsync(key, file, content.ContentType, cancellationToken);

        PhotoFacts? photo = null;
        string? thumbnailKey = null;
        if (content.Kind == "image")
        {
            var bytes = new byte[size];
            file.Position = 0;
            await file.ReadExactlyAsync(bytes, cancellationToken);
            try
            {
                photo = EvidenceImages.Inspect(bytes, options.Value.ThumbnailSize);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A photo that cannot be previewed is still evidence: kept without a thumbnail.
                LogUnexpected(ex);
            }
            if (photo?.Thumbnail is { } thumbnail)
            {
                thumbnailKey = EvidenceKeys.Thumbnail(key);
                await store.PutAsync(thumbnailKey, new MemoryStream(thumbnail), "image/jpeg", cancellationToken);
            }
        }
        return new Outcome.Stored(content.ContentType, size, sha, key, thumbnailKey, photo);
    }

    private async Task SettleAsync(Claimed item, Outcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        switch (outcome)
        {
            case Outcome.Stored s:
                // Only a row still pending is settled: an erasure that came meanwhile wins, and its sweeper removes the bytes.
                var updated = await connection.ExecuteAsync(new CommandDefinition("""
                    update evidence set status = 'stored', content_type = @ContentType, size_bytes = @Size, sha256 = @Sha256,
                        storage_key = @Key, thumbnail_key = @ThumbnailKey, width = @width, height = @height,
                        photo_latitude = @lat, photo_longitude = @lon, photo_taken_at = @taken, downloaded_at = @now, last_error = null
                    where id = @id and status = 'pending'
                    """, new
                {
                    s.ContentType, s.Size, s.Sha256, s.Key, s.ThumbnailKey, width = s.Photo?.Width, height = s.Photo?.Height,
                    lat = s.Photo?.Latitude, lon = s.Photo?.Longitude, taken = s.Photo?.TakenAt, now, id = item.Id,
                }, cancellationToken: cancellationToken));
                if (updated == 0)
                {
                    await store.DeleteAsync(s.Key, cancellationToken);
                    if (s.ThumbnailKey is not null) await store.DeleteAsync(s.ThumbnailKey, cancellationToken);
                }
                EvidenceMetrics.Count("stored");
                EvidenceMetrics.Stored(s.Size);
                LogStored(item.Id, item.TicketId, s.ContentType, s.Size);
                break;
            case Outcome.Refused r:
                await connection.ExecuteAsync(new CommandDefinition(
                    "update evidence set status = 'refused', last_error = @reason where id = @id and status = 'pending'",
                    new { reason = r.Reason, id = item.Id }, cancellationToken: cancellationToken));
                EvidenceMetrics.Count("refused");
                LogRefused(item.Id, item.TicketId, r.Reason);
                break;
            case Outcome.Failed f:
                var giveUp = item.Attempts >= options.Value.MaxAttempts;
                var delay = Operations.RetryDelay.After(item.Attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                await connection.ExecuteAsync(new CommandDefinition("""
                    update evidence set status = case when @giveUp then 'unavailable' else 'pending' end,
                        last_error = @reason, next_attempt_at = @next
                    where id = @id and status = 'pending'
                    """, new { giveUp, reason = f.Reason, next = now + delay, id = item.Id }, cancellationToken: cancellationToken));
                EvidenceMetrics.Count(giveUp ? "unavailable" : "retry");
                if (giveUp) LogUnavailable(item.Id, item.TicketId, item.Attempts, f.Reason);
                else LogRetry(item.Id, item.TicketId, item.Attempts, f.Reason, delay);
                break;
        }
    }

    private static string TooLarge(string kind, long? size, long limit) =>
        $"too large: {(size is { } s ? $"{s:N0} bytes" : "more bytes")} than the {limit:N0}-byte limit for {kind}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence {EvidenceId} of ticket {TicketId} stored ({ContentType}, {Size} bytes)")]
    private partial void LogStored(long evidenceId, long ticketId, string contentType, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence {EvidenceId} of ticket {TicketId} refused: {Reason}")]
    private partial void LogRefused(long evidenceId, long ticketId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence {EvidenceId} of ticket {TicketId}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private partial void LogRetry(long evidenceId, long ticketId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence {EvidenceId} of ticket {TicketId} unavailable after {Attempts} attempts: {Reason}")]
    private partial void LogUnavailable(long evidenceId, long ticketId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence downloader failed unexpectedly")]
    private partial void LogUnexpected(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence downloader cannot reach storage: {Reason}")]
    private partial void LogStorageDown(string reason);
}
