using System.Globalization;

namespace ZaloBot.Evidence;

/// <summary>Names of stored files, and the retry schedule of downloads.</summary>
public static class EvidenceKeys
{
    /// <summary>By month, then evidence id and part of the hash: unique, and says nothing about the citizen.</summary>
    public static string For(long ticketId, long evidenceId, string sha256, string extension, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:yyyy}/{at:MM}/{ticketId}/{evidenceId}-{sha256[..16]}.{extension}");

    public static string Thumbnail(string key) => key[..key.LastIndexOf('.')] + ".thumb.jpg";

}
