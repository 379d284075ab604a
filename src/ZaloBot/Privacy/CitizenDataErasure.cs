using System.Security.Cryptography;
using System.Text;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Privacy;

/// <summary>
/// Honours Zalo's <c>user_withdraw</c>: the citizen asked the OA to delete their data. What identifies them goes —
/// contact name and phone, the Zalo id on tickets, outbox and inbox, the conversation state, phone numbers typed into
/// their messages, the raw events — while tickets keep their category, place, dates, statuses and audit trail, so
/// statistics and the shape of the record survive. Runs in the processor's transaction; the erasure is itself recorded.
/// </summary>
public static class CitizenDataErasure
{
    private const string Erased = "[đã xoá theo yêu cầu của người dùng]";

    // Vietnamese phone numbers as citizens type them: 0912 345 678, 0912.345.678, +84 912345678.
    private const string PhonePattern = @"(\+?84|0)([ .-]?[0-9]){8,10}";

    public sealed record Summary(int Tickets, int InboxEvents, int OutboxRows);

    /// <param name="currentInboxId">The user_withdraw event itself, erased with the rest; later events of the user are left to be processed.</param>
    public static async Task<Summary> EraseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string zaloUserId, long currentInboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A fresh random stand-in: the user's tickets stay grouped together, but nothing leads back to the Zalo id.
        var standIn = "erased:" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var p = new { zaloUserId, standIn, now, erased = Erased, phone = PhonePattern, currentInboxId };

        // Before the tickets lose the Zalo id, which is how the citizen's files are found.
        await ZaloBot.Evidence.EvidenceErasure.MarkAsync(connection, transaction, zaloUserId, cancellationToken);

        var ticketIds = await TicketLedger.EraseCitizenAsync(connection, transaction, zaloUserId, standIn, PhonePattern, now, cancellationToken);

        const string outbox = """
            update outbox
            set recipient_id = @standIn, message = jsonb_build_object('text', @erased::text), reply_to_msg_id = null,
                status = case when status = 'pending' then 'dead' else status end,
                last_error = case when status = 'pending' then 'withdrawn: the user asked for their data to be deleted' else last_error end,
                lease_until = null
            where recipient_id = @zaloUserId
            """;
        var outboxRows = await connection.ExecuteAsync(new CommandDefinition(outbox, p, transaction, cancellationToken: cancellationToken));

        const string inbox = """
            update inbox
            set user_id = @standIn, msg_id = null, payload = '{"erased":true}'
            where user_id = @zaloUserId and (processed_at is not null or parked_at is not null or id = @currentInboxId)
            """;
        var inboxRows = await connection.ExecuteAsync(new CommandDefinition(inbox, p, transaction, cancellationToken: cancellationToken));

        const string rest = """
            delete from conversations where zalo_user_id = @zaloUserId;
            delete from zalo_users where user_id = @zaloUserId;
            delete from ticket_followers where recipient_id = @zaloUserId; -- followed tickets and linked duplicates
            update staff set zalo_user_id = null where zalo_user_id = @zaloUserId;
            -- Consent records and rights requests stay as proof, without the Zalo id (append-only except in an erasure).
            select set_config('zalobot.erasure', 'on', true);
            update consent_records set zalo_user_id = @standIn where zalo_user_id = @zaloUserId;
            select set_config('zalobot.erasure', 'off', true);
            update privacy_requests set zalo_user_id = @standIn where zalo_user_id = @zaloUserId;
            delete from privacy_export_links where zalo_user_id = @zaloUserId;
            insert into data_erasures (subject_hash, at, tickets, inbox_events, outbox_rows)
            values (@subjectHash, @now, @ticketCount, @inboxRows, @outboxRows);
            """;
        await connection.ExecuteAsync(new CommandDefinition(rest, new
        {
            zaloUserId, standIn, now, ticketCount = ticketIds.Count, inboxRows, outboxRows,
            subjectHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(zaloUserId))),
        }, transaction, cancellationToken: cancellationToken));
        return new Summary(ticketIds.Count, inboxRows, outboxRows);
    }
}
