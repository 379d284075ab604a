using Dapper;
using Npgsql;
using ZaloBot.Domain.Conversations;

namespace ZaloBot.Evidence;

/// <summary>
/// Records, inside the caller's transaction, that a ticket event's attachments are to be downloaded. The webhook has
/// long been acknowledged by then; the downloader fetches them later, off the conversation's path.
/// </summary>
public static class EvidenceQueue
{
    /// <param name="origin">Who sent the files: <c>citizen</c>, or <c>staff</c> for photos from the field.</param>
    /// <param name="phase">What moment the files show: null as the citizen sent them, <c>after</c> for the site once handled.</param>
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, long ticketEventId,
        IReadOnlyList<DraftAttachment> attachments, DateTimeOffset now, CancellationToken cancellationToken, string origin = "citizen", string? phase = null)
    {
        if (attachments.Count == 0) return;
        const string sql = """
            insert into evidence (ticket_id, ticket_event_id, position, origin, phase, declared_kind, source_url, file_name, next_attempt_at, created_at)
            select @ticketId, @ticketEventId, a.position, @origin, @phase, a.kind, a.url, a.name, @now, @now
            from unnest(@positions, @kinds, @urls, @names) as a(position, kind, url, name)
            on conflict (ticket_event_id, position) do nothing
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            ticketId, ticketEventId, now, origin, phase,
            positions = Enumerable.Range(0, attachments.Count).ToArray(),
            kinds = attachments.Select(a => DeclaredKind(a.Type)).ToArray(),
            urls = attachments.Select(a => a.Url).ToArray(),
            names = attachments.Select(a => a.Name).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    public static string DeclaredKind(string attachmentType) => attachmentType switch
    {
        "image" or "photo" => "image",
        "video" => "video",
        "audio" or "voice" => "audio",
        _ => "file",
    };
}
