using System.Security.Cryptography;

namespace ZaloBot.Evidence;

/// <summary>
/// Files uploaded straight to the service (the Mini App's photos) rather than linked from Zalo: put in the evidence
/// store under a staging key at once, then taken by the downloader through the same checks, hashing and thumbnails
/// as a download (source <c>staged:&lt;key&gt;</c>), and the staged copy removed.
/// </summary>
public static class StagedUploads
{
    public const string Prefix = "staged:";
    public const string TooLarge = "too large";

    public static string? KeyOf(string? sourceUrl) =>
        sourceUrl is not null && sourceUrl.StartsWith(Prefix, StringComparison.Ordinal) && sourceUrl.Length > Prefix.Length ? sourceUrl[Prefix.Length..] : null;

    /// <summary>Stores the upload and returns the source to enqueue as the attachment's URL.</summary>
    public static async Task<string> PutAsync(IEvidenceStore store, Stream content, string contentType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = $"staged/{now:yyyy/MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        await store.PutAsync(key, content, contentType, cancellationToken);
        return Prefix + key;
    }

    /// <summary>Copies the staged bytes into <paramref name="destination"/>; null when done, else why not.</summary>
    public static async Task<string?> CopyAsync(IEvidenceStore store, string key, Stream destination, long limit, CancellationToken cancellationToken)
    {
        await using var source = await store.OpenAsync(key, cancellationToken);
        if (source is null) return "the uploaded file is gone";
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit) return TooLarge;
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return null;
    }
}
