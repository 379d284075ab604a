using Dapper;
using Npgsql;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Evidence;

/// <summary>
/// One kept file as staff see it. The photo's own position (EXIF) is evidence for staff only: nothing public ever
/// reads this record.
/// </summary>
public sealed record EvidenceItem(
    long Id, long? TicketEventId, int Position, string Origin, string DeclaredKind, string Status, string? FileName,
    string? ContentType, long? SizeBytes, string? Sha256, int? Width, int? Height,
    double? PhotoLatitude, double? PhotoLongitude, DateTime? PhotoTakenAt,
    int Attempts, string? LastError, DateTime CreatedAt, DateTime? DownloadedAt,
    string? SourceUrl, bool HasThumbnail, string? Phase = null)
{
    public bool Stored => Status == "stored";

    /// <summary>What the ticket API shows of this file, with the links that serve it under the ticket.</summary>
    public EvidenceView View(string ticketCode)
    {
        var url = $"/api/tickets/{ticketCode}/evidence/{Id}";
        return new(Id, TicketEventId, Position, Origin, DeclaredKind, Status, FileName, ContentType, SizeBytes, Sha256,
            Width, Height, PhotoLatitude, PhotoLongitude, PhotoTakenAt, Attempts, LastError, DownloadedAt,
            Stored ? url : null, Stored && HasThumbnail ? url + "/thumbnail" : null, Phase);
    }
}

/// <summary>The ticket API's evidence read: the ticket page lists the kept files without the tickets feature reading the evidence table.</summary>
internal sealed class TicketEvidence : ITicketEvidence
{
    public async Task<IReadOnlyList<EvidenceView>> ForTicketAsync(NpgsqlConnection connection, TicketView ticket, CancellationToken cancellationToken) =>
        (await EvidenceFiles.ForTicketAsync(connection, ticket.Id, cancellationToken)).Select(e => e.View(ticket.Code)).ToList();
}

/// <summary>Reads evidence rows under the ticket's agency scope: another agency's staff get nothing, not even a 403.</summary>
public static class EvidenceFiles
{
    private const string Columns = """
        id, ticket_event_id as TicketEventId, position, origin, declared_kind as DeclaredKind, status, file_name as FileName,
        content_type as ContentType, size_bytes as SizeBytes, sha256, width, height,
        photo_latitude as PhotoLatitude, photo_longitude as PhotoLongitude, photo_taken_at as PhotoTakenAt,
        attempts, last_error as LastError, created_at as CreatedAt, downloaded_at as DownloadedAt,
        source_url as SourceUrl, thumbnail_key is not null as HasThumbnail, phase
        """;

    /// <summary>The ticket when the staff member may see it, else null.</summary>
    public static async Task<TicketView?> VisibleTicketAsync(NpgsqlConnection connection, StaffIdentity staff, string code, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var parsed)) return null;
        var ticket = await TicketQueries.ByCodeAsync(connection, null, parsed.Value, forUpdate: false, cancellationToken);
        return ticket is not null && staff.CanSee(ticket.AssignedAgencyCode) ? ticket : null;
    }

    public static async Task<IReadOnlyList<EvidenceItem>> ForTicketAsync(NpgsqlConnection connection, long ticketId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<EvidenceItem>(new CommandDefinition(
            $"select {Columns} from evidence where ticket_id = @ticketId order by id", new { ticketId }, cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// The stored file's key and type, when it belongs to this ticket and is stored; with <paramref name="withholdCitizens"/>
    /// (a tố cáo seen by someone who may not reveal the denouncer) the citizen's own files are not served.
    /// </summary>
    public static Task<(string Key, string? ThumbnailKey, string ContentType, string? FileName, string Sha256)?> StoredAsync(
        NpgsqlConnection connection, long ticketId, long evidenceId, bool withholdCitizens, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<(string, string?, string, string?, string)?>(new CommandDefinition("""
            select storage_key, thumbnail_key, content_type, file_name, sha256 from evidence
            where id = @evidenceId and ticket_id = @ticketId and status = 'stored' and storage_key is not null
              and not (@withholdCitizens and origin = 'citizen')
            """, new { ticketId, evidenceId, withholdCitizens }, cancellationToken: cancellationToken));
}
