namespace ZaloBot.Staff;

/// <summary>What a field officer's next photo points at (see <c>Domain/StaffChat/FieldPhotos</c>), one row per officer.</summary>
public static class StaffPhotoTargets
{
    public sealed record Row(long? ChosenTicketId, string? ChosenCode, DateTime? ChosenAt, bool ChosenToCitizen, long? RecentTicketId, string? RecentCode, DateTime? RecentAt, bool RecentAmbiguous)
    {
        public string? CodeOf(long ticketId) => ticketId == ChosenTicketId ? ChosenCode : ticketId == RecentTicketId ? RecentCode : null;
    }

    /// <summary>"ảnh PA-…": the ticket named wins over anything pushed in between.</summary>
    public static Task ChooseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long ticketId, bool toCitizen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into staff_photo_targets (staff_id, chosen_ticket_id, chosen_at, chosen_to_citizen, recent_ticket_id, recent_at)
            values (@staffId, @ticketId, @now, @toCitizen, @ticketId, @now)
            on conflict (staff_id) do update set chosen_ticket_id = excluded.chosen_ticket_id, chosen_at = excluded.chosen_at,
                chosen_to_citizen = excluded.chosen_to_citizen, recent_ticket_id = excluded.recent_ticket_id, recent_at = excluded.recent_at,
                recent_ambiguous = false
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { staffId, ticketId, toCitizen, now }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>How close two pushes about different tickets must be for neither to count as "the last one".</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A ticket pushed to these staff members (<paramref name="pushed"/>), or worked on by one of them in chat. A push about
    /// another ticket within <see cref="Burst"/> of the last makes the recent ticket ambiguous; working on one in chat never is.
    /// </summary>
    public static Task RememberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<long> staffIds, string ticketCode, bool pushed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (staffIds.Count == 0) return Task.CompletedTask;
        const string sql = """
            insert into staff_photo_targets (staff_id, recent_ticket_id, recent_at)
            select s.id, t.id, @now from unnest(@ids) as s(id) join tickets t on t.code = @ticketCode
            on conflict (staff_id) do update set recent_ticket_id = excluded.recent_ticket_id, recent_at = excluded.recent_at,
                recent_ambiguous = @pushed and staff_photo_targets.recent_ticket_id is distinct from excluded.recent_ticket_id
                                   and staff_photo_targets.recent_at > @burstStart
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { ids = staffIds.ToArray(), ticketCode, pushed, now, burstStart = now - Burst }, transaction, cancellationToken: cancellationToken));
    }

    public static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Row?>(new CommandDefinition("""
            select p.chosen_ticket_id as ChosenTicketId, c.code as ChosenCode, p.chosen_at as ChosenAt, p.chosen_to_citizen as ChosenToCitizen,
                   p.recent_ticket_id as RecentTicketId, r.code as RecentCode, p.recent_at as RecentAt, p.recent_ambiguous as RecentAmbiguous
            from staff_photo_targets p
            left join tickets c on c.id = p.chosen_ticket_id
            left join tickets r on r.id = p.recent_ticket_id
            where p.staff_id = @staffId
            """, new { staffId }, transaction, cancellationToken: cancellationToken));

    /// <summary>A photo kept: the next photos of the same ticket need no code again; a caption naming another ticket ends the choice.</summary>
    public static Task PhotoTakenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long ticketId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update staff_photo_targets set recent_ticket_id = @ticketId, recent_at = @now, recent_ambiguous = false,
                chosen_ticket_id = case when chosen_ticket_id = @ticketId then chosen_ticket_id end,
                chosen_at = case when chosen_ticket_id = @ticketId then @now end
            where staff_id = @staffId
            """, new { staffId, ticketId, now }, transaction, cancellationToken: cancellationToken));
}
