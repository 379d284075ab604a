using System.Globalization;

namespace ZaloBot.Evidence;

/// <summary>Names of stored files, and the retry schedule of downloads.</summary>
public static class EvidenceKeys
{
    /// <summary>By month, then evidence id and part of the hash: unique, and says nothing about the citizen.</summary>
    public static string For(long ticketId, long evidenceId, string sha256, string extension, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:yyyy}/{at:MM}/{ticketId}/{evidenceId}-{sha256[..16]}.{extension}");

    public static string Thumbnail(string key) => key[..key.LastIndexOf('.')] + ".thumb.jpg";

    /// <summary>Doubles from the base per attempt, capped, with ±20 % jitter so a wave of failures does not retry in step.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
