using Dapper;
using Npgsql;

namespace ZaloBot.Evidence;

/// <summary>
/// The evidence part of a citizen's <c>user_withdraw</c>: their photos, videos, voice messages and files, and Zalo's
/// links to them, go with the rest of their data. Runs inside the erasure's transaction, before the tickets lose the
/// Zalo id; the bytes are deleted from the store by <see cref="EvidenceSweeper"/> once that transaction has committed.
/// </summary>
public static class EvidenceErasure
{
    public static async Task<int> MarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string zaloUserId, CancellationToken cancellationToken)
    {
        const string sql = """
            update evidence e
            set status = 'erased', source_url = null, file_name = null, last_error = null,
                photo_latitude = null, photo_longitude = null, photo_taken_at = null
            from tickets t
            where e.ticket_id = t.id and t.citizen_zalo_id = @zaloUserId and e.origin = 'citizen' and e.status <> 'erased'
            """;
        var count = await connection.ExecuteAsync(new CommandDefinition(sql, new { zaloUserId }, transaction, cancellationToken: cancellationToken));

        // Zalo's links in the thread lead to the same files for as long as Zalo keeps them.
        const string links = """
            select set_config('zalobot.erasure', 'on', true);
            update ticket_events set payload = payload - 'attachments' - 'Attachments'
            where actor_kind = 'citizen' and actor_id = @zaloUserId and (payload ? 'attachments' or payload ? 'Attachments');
            select set_config('zalobot.erasure', 'off', true);
            """;
        await connection.ExecuteAsync(new CommandDefinition(links, new { zaloUserId }, transaction, cancellationToken: cancellationToken));
        return count;
    }
}
