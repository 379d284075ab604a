namespace ZaloBot.Tickets.Ledger;

/// <summary>The named field changes: each a decision made elsewhere (tracks, ratings, duplicates, delivery), written here.</summary>
public static partial class TicketLedger
{
    /// <summary>A new ticket's track, priority and first clocks; null when no ticket of this citizen has the code.</summary>
    public static Task<long?> SetStartingClocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string citizenZaloId,
        string track, string suggestedTrack, string priority, DateTimeOffset firstResponseDue, DateTimeOffset acceptanceDue, CancellationToken cancellationToken)
    {
        const string sql = """
            update tickets
            set track = @track, suggested_track = @suggestedTrack, priority = @priority, suggested_priority = @priority,
                first_response_due_at = @firstResponseDue, acceptance_due_at = @acceptanceDue
            where code = @code and citizen_zalo_id = @citizenZaloId
            returning id
            """;
        return connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql,
            new { track, suggestedTrack, priority, code, citizenZaloId, firstResponseDue, acceptanceDue }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The moment of acceptance, from which the resolution clock runs; returns the ticket's track.</summary>
    public static Task<string> MarkAcceptedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string>(new CommandDefinition("update tickets set accepted_at = @now where id = @ticketId returning track",
            new { ticketId, now }, transaction, cancellationToken: cancellationToken))!;

    public static Task ChangeTrackAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string track, DateTimeOffset acceptanceDue, DateTimeOffset? due, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set track = @track, acceptance_due_at = @acceptanceDue, due_at = @due, updated_at = @now, version = version + 1 where id = @ticketId
            """, new { track, acceptanceDue, due, now, ticketId }, transaction, cancellationToken: cancellationToken));

    public static Task SetPriorityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string priority, DateTimeOffset firstResponseDue, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set priority = @priority, first_response_due_at = @firstResponseDue, updated_at = @now, version = version + 1 where id = @ticketId
            """, new { priority, firstResponseDue, now, ticketId }, transaction, cancellationToken: cancellationToken));

    public static Task ExtendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set due_at = @due, extensions = extensions + 1, updated_at = @now, version = version + 1 where id = @ticketId
            """, new { due, now, ticketId }, transaction, cancellationToken: cancellationToken));

    /// <summary>An answer held for approval: the ticket is unchanged but for its version.</summary>
    public static Task HoldAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, HeldAnswerKind kind, string answer, long by, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set pending_result = @answer, pending_kind = @kind, pending_result_by = @by, pending_result_at = @now, updated_at = @now, version = version + 1 where id = @ticketId
            """, new { answer, kind = HeldAnswerKinds.ToName(kind), by, now, ticketId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The held answer is gone: approved (what follows moves the version) or returned (this moves it).</summary>
    public static Task ClearHeldAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, DateTimeOffset? returnedAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(returnedAt is null
            ? "update tickets set pending_result = null, pending_kind = null, pending_result_by = null, pending_result_at = null where id = @ticketId"
            : "update tickets set pending_result = null, pending_kind = null, pending_result_by = null, pending_result_at = null, updated_at = @returnedAt, version = version + 1 where id = @ticketId",
            new { ticketId, returnedAt }, transaction, cancellationToken: cancellationToken));

    /// <summary>The citizen's rating of their own resolved or closed ticket; null when there is no such ticket.</summary>
    public static Task<long?> RateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string citizenZaloId, int rating, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            update tickets set rating = @rating, updated_at = @now
            where code = @code and citizen_zalo_id = @citizenZaloId and status = any(@rated)
            returning id
            """, new { rating, now, code, citizenZaloId, rated = Rated }, transaction, cancellationToken: cancellationToken));

    /// <summary>A low rating flags the citizen's resolved or closed ticket for a supervisor; null when there is no such ticket.</summary>
    public static Task<long?> FlagForReviewAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string citizenZaloId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            update tickets set review_flagged_at = @now, review_reason = @reason
            where code = @code and citizen_zalo_id = @citizenZaloId and status = any(@rated)
            returning id
            """, new { now, reason, code, citizenZaloId, rated = Rated }, transaction, cancellationToken: cancellationToken));

    /// <summary>The citizen's own ticket only: a forged code for someone else's ticket changes nothing.</summary>
    public static Task SetPublicationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string code, string citizenZaloId, bool publish, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("update tickets set publish = @publish where code = @code and citizen_zalo_id = @citizenZaloId",
            new { publish, code, citizenZaloId }, transaction, cancellationToken: cancellationToken));

    /// <summary>A ticket filed through another channel (Open311): its channel, and no empty strings for contact it did not give.</summary>
    public static Task SetChannelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string channel, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set channel = @channel, contact_name = nullif(contact_name, ''), contact_phone = nullif(contact_phone, '')
            where id = @ticketId
            """, new { channel, ticketId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The escalation marker for one clock keeps the ticket out of the next scans.</summary>
    public static Task MarkEscalatedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, Domain.Tracks.BreachKind kind, DateTimeOffset due, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(kind switch
        {
            Domain.Tracks.BreachKind.FirstResponse => "update tickets set first_response_escalated_for = @due where id = @ticketId",
            Domain.Tracks.BreachKind.Acceptance => "update tickets set acceptance_escalated_for = @due where id = @ticketId",
            Domain.Tracks.BreachKind.Resolution => "update tickets set resolution_escalated_for = @due where id = @ticketId",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A clock without a marker."),
        }, new { ticketId, due }, transaction, cancellationToken: cancellationToken));

    /// <summary>The duplicate is closed and points to the main ticket, and so do its own duplicates.</summary>
    public static Task CloseAsDuplicateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long duplicateId, long mainId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets set status = @closed, closed_at = @now, updated_at = @now, duplicate_of = @mainId, version = version + 1 where id = @duplicateId;
            update tickets set duplicate_of = @mainId, updated_at = @now where duplicate_of = @duplicateId;
            """, new { now, mainId, duplicateId, closed = TicketStatus.Closed.ToName() }, transaction, cancellationToken: cancellationToken));

    /// <summary>Whether the latest notice of each ticket reached its citizen (a reason when it did not).</summary>
    public static Task MarkReachabilityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ticketIds, string?[] reasons, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update tickets t
            set citizen_unreachable_at = case when r.reason is null then null else @now end,
                citizen_unreachable_reason = r.reason
            from unnest(@ticketIds, @reasons) as r(ticket_id, reason)
            where t.id = r.ticket_id
            """, new { ticketIds, reasons, now }, transaction, cancellationToken: cancellationToken));

    private static readonly string[] Rated = [.. TicketStatusNames.Names(s => s.HasResult())];
}
