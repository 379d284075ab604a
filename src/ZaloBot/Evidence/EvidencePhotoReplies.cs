using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Domain.Evidence;
using ZaloBot.Domain.Tickets;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Zalo;

namespace ZaloBot.Evidence;

public sealed record PhotoReplyResult(int Status, string? Title = null, string? Detail = null, long? EvidenceId = null, string? Sha256 = null);

/// <summary>
/// A staff reply that carries a photo (the repaired street): kept as evidence like a citizen's, uploaded through
/// Zalo's upload API (JPEG/PNG up to 1 MB, so larger photos are re-encoded), and sent as an image message with the
/// reply as its caption through the outbox, in the same transaction as the thread entry.
/// </summary>
public sealed partial class EvidencePhotoReplies(
    NpgsqlDataSource dataSource, TicketService tickets, ZaloApiClient zalo, ZaloTokenProvider tokens, IEvidenceStore store,
    OutboxSignal outbox, IOptions<EvidenceOptions> options, TimeProvider time, ILogger<EvidencePhotoReplies> logger)
{
    public const string DefaultCaption = "Hình ảnh kết quả xử lý.";

    public async Task<PhotoReplyResult> SendAsync(StaffIdentity staff, string code, byte[] photo, string text, CancellationToken cancellationToken)
    {
        var verdict = ContentSniffer.Check("image", photo.AsSpan(0, Math.Min(photo.Length, ContentSniffer.HeaderLength)));
        if (!verdict.Accepted) return new(StatusCodes.Status415UnsupportedMediaType, "Not a photo", verdict.Refusal);
        var content = verdict.Content!;

        TicketView? visible;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            visible = await EvidenceFiles.VisibleTicketAsync(connection, staff, code, cancellationToken);
        if (visible is null) return new(StatusCodes.Status404NotFound, "Ticket not found", $"No ticket {code} that you can see.");
        if (!visible.Status.IsOpen())
            return new(StatusCodes.Status409Conflict, "Not possible now", $"Ticket {visible.Code} is {visible.Status.ToName()}; reopen it before replying.");

        if (EvidenceImages.ForZaloUpload(photo, content.ContentType) is not { } upload)
            return new(StatusCodes.Status415UnsupportedMediaType, "Photo cannot be sent", $"The {content.ContentType} photo could not be decoded or made small enough for Zalo.");

        string attachmentId;
        try
        {
            // Uploaded by the OA the message goes out through: the citizen's, which is not always the configured one.
            var token = await tokens.GetAsync(visible.CitizenOaId, cancellationToken);
            attachmentId = await zalo.UploadImageAsync(new MemoryStream(upload.Bytes), "anh." + (upload.ContentType == "image/png" ? "png" : "jpg"), token, cancellationToken);
        }
        catch (Exception ex) when (ex is ZaloApiException or HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or System.Text.Json.JsonException)
        {
            LogUploadFailed(code, ex.Message);
            return new(StatusCodes.Status502BadGateway, "Zalo did not take the photo", "Zalo's upload API failed; nothing was sent. Try again.");
        }

        var now = time.GetUtcNow();
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
        var facts = EvidenceImages.Inspect(photo, options.Value.ThumbnailSize);
        var caption = string.IsNullOrWhiteSpace(text) ? DefaultCaption : text;

        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var result = await tickets.AddToThreadAsync(db, transaction, staff, code, "staff_reply", isPublic: true, caption, cancellationToken,
            reply => ZaloMessages.Image(attachmentId: attachmentId, caption: reply));
        if (result.Failure is not null)
            return new(result.Failure == TicketFailure.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound, "Not possible now", result.Detail);
        var ticketId = result.Ticket!.Id;
        // The reply's event was just written under the ticket's row lock (AddToThreadAsync locks it), so it is the latest.
        var eventId = await TicketQueries.LatestEventIdAsync(db, transaction, ticketId, Domain.Tickets.TicketEventKinds.StaffReply, cancellationToken);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into evidence (ticket_id, ticket_event_id, position, origin, declared_kind, status, content_type, size_bytes, sha256,
                                  width, height, photo_latitude, photo_longitude, photo_taken_at, zalo_attachment_id, next_attempt_at, created_at, downloaded_at)
            values (@ticketId, @eventId, 0, 'staff', 'image', 'stored', @ContentType, @size, @sha, @Width, @Height, @Latitude, @Longitude, @TakenAt,
                    @attachmentId, @now, @now, @now)
            returning id
            """, new
        {
            ticketId, eventId, content.ContentType, size = (long)photo.Length, sha, facts.Width, facts.Height, facts.Latitude, facts.Longitude, facts.TakenAt,
            attachmentId, now,
        }, transaction, cancellationToken: cancellationToken));
        var key = EvidenceKeys.For(ticketId, id, sha, content.Extension, now);
        var thumbnailKey = facts.Thumbnail is null ? null : EvidenceKeys.Thumbnail(key);
        await db.ExecuteAsync(new CommandDefinition("update evidence set storage_key = @key, thumbnail_key = @thumbnailKey where id = @id",
            new { key, thumbnailKey, id }, transaction, cancellationToken: cancellationToken));
        // Stored before the commit: a committed row always has its bytes; a failed commit leaves an orphan file at worst.
        await store.PutAsync(key, new MemoryStream(photo), content.ContentType, cancellationToken);
        if (thumbnailKey is not null) await store.PutAsync(thumbnailKey, new MemoryStream(facts.Thumbnail!), "image/jpeg", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return new(StatusCodes.Status200OK, EvidenceId: id, Sha256: sha);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo reply to {TicketCode}: Zalo upload failed: {Reason}")]
    private partial void LogUploadFailed(string ticketCode, string reason);
}
