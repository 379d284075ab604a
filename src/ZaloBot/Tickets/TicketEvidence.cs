using Npgsql;

namespace ZaloBot.Tickets;

/// <summary>What the API shows of one kept file.</summary>
public sealed record EvidenceView(
    long Id, long? TicketEventId, int Position, string Origin, string Kind, string Status, string? FileName, string? ContentType,
    long? SizeBytes, string? Sha256, int? Width, int? Height, double? PhotoLatitude, double? PhotoLongitude, DateTime? PhotoTakenAt,
    int Attempts, string? Problem, DateTime? DownloadedAt, string? Url, string? ThumbnailUrl, string? Phase);

/// <summary>
/// The kept copies of a ticket's attachments, for the ticket's own page. The evidence feature reads them and registers
/// this; the tickets feature only asks, so evidence depends on tickets and not back.
/// </summary>
public interface ITicketEvidence
{
    Task<IReadOnlyList<EvidenceView>> ForTicketAsync(NpgsqlConnection connection, TicketView ticket, CancellationToken cancellationToken);
}
