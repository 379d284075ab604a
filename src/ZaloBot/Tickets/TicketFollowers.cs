using System.Text.Json.Nodes;
using ZaloBot.Outbox;

namespace ZaloBot.Tickets;

/// <summary>
/// Citizens who receive a ticket's notices besides its own: the citizens of duplicates linked to it, and citizens who
/// chose in chat to follow it. Each gets the same notice, in the same transaction, under its own idempotency key.
/// </summary>
public static class TicketFollowers
{
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string key,
        JsonObject message, Notice? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var followers = await connection.QueryAsync<(string OaId, string RecipientId, long? ViaTicketId)>(new CommandDefinition(
            "select oa_id, recipient_id, via_ticket_id from ticket_followers where ticket_id = @ticketId order by created_at, recipient_id",
            new { ticketId }, transaction, cancellationToken: cancellationToken));
        foreach (var (oaId, recipient, via) in followers)
        {
            // The template by phone uses the follower's own ticket (its contact phone), never the main ticket's citizen's.
            // Each follower hears through the OA they wrote to, which may not be the main ticket's.
            await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(OutboxRecipient.FromStored(oaId, recipient), (JsonObject)message.DeepClone(),
                $"{key}:follower:{recipient}", null, TicketId: via, Notice: via is null ? null : notice), now, cancellationToken);
        }
    }

    public static Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, OutboxRecipient recipient, long? viaTicketId,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into ticket_followers (ticket_id, oa_id, recipient_id, via_ticket_id, created_at)
            select @ticketId, @OaId, @recipientId, @viaTicketId, @now
            where not exists (select 1 from tickets where id = @ticketId and citizen_zalo_id = @recipientId)
            on conflict (ticket_id, recipient_id) do nothing
            """, new { ticketId, recipient.OaId, recipientId = recipient.StoredId, viaTicketId, now }, transaction, cancellationToken: cancellationToken));
}
