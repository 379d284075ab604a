namespace ZaloBot.Tickets.Ledger;

/// <summary>The one rewrite of tickets and their audit trail: a citizen's erasure.</summary>
public static partial class TicketLedger
{
    /// <summary>
    /// The citizen's tickets lose their contact details and Zalo id (a random stand-in keeps them grouped), phone
    /// numbers in texts are struck out, and each ticket records the erasure. Returns the tickets' ids.
    /// </summary>
    public static async Task<List<long>> EraseCitizenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string zaloUserId, string standIn, string phonePattern, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var p = new { zaloUserId, standIn, phone = phonePattern, now };
        const string tickets = """
            with erased as (
                update tickets
                set contact_name = null, contact_phone = null, citizen_zalo_id = @standIn, updated_at = @now,
                    description = regexp_replace(description, @phone, '[đã xoá]', 'g'),
                    citizen_unreachable_at = null, citizen_unreachable_reason = null
                where citizen_zalo_id = @zaloUserId
                returning id
            )
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
            select id, @now, 'system', null, 'citizen_data_erased', false, 'Người dân yêu cầu xoá dữ liệu cá nhân (user_withdraw).', '{}'
            from erased
            returning ticket_id
            """;
        var ticketIds = (await connection.QueryAsync<long>(new CommandDefinition(tickets, p, transaction, cancellationToken: cancellationToken))).AsList();

        // The audit trail refuses updates except inside an erasure (migration 0009); the setting ends with the transaction.
        const string citizenEvents = """
            select set_config('zalobot.erasure', 'on', true);
            update ticket_events
            set actor_id = @standIn, body = regexp_replace(body, @phone, '[đã xoá]', 'g')
            where actor_kind = 'citizen' and actor_id = @zaloUserId;
            select set_config('zalobot.erasure', 'off', true);
            """;
        await connection.ExecuteAsync(new CommandDefinition(citizenEvents, p, transaction, cancellationToken: cancellationToken));
        return ticketIds;
    }
}
