namespace ZaloBot.Tickets.Ledger;

/// <summary>Writes made for a citizen's data-protection rights: each changes the ticket and leaves an audit event.</summary>
public static partial class TicketLedger
{
    /// <summary>"Rút lại đồng ý": answers the citizen allowed to publish are no longer published. Returns how many tickets changed.</summary>
    public static async Task<int> WithdrawPublicationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            with changed as (
                update tickets set publish = false, updated_at = @now
                where citizen_zalo_id = @userId and publish
                returning id
            )
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
            select id, @now, 'citizen', @userId, 'consent_withdrawn', false, 'Người dân rút lại đồng ý công khai câu trả lời.', '{}'
            from changed
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, now }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A correction request carried out: the new phone number on the citizen's tickets that are still open.</summary>
    public static async Task<int> CorrectContactPhoneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string userId, string phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            with changed as (
                update tickets set contact_phone = @phone, updated_at = @now
                where citizen_zalo_id = @userId and not (status = any(@finished))
                returning id
            )
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
            select id, @now, 'system', null, 'contact_corrected', false, 'Số điện thoại liên hệ được sửa theo yêu cầu của người dân.', '{}'
            from changed
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, phone, now, finished = TicketStatusNames.Names(s => !s.IsOpen()).ToArray() }, transaction, cancellationToken: cancellationToken));
    }
}
