using System.Text.Json;

namespace ZaloBot.Tickets.Ledger;

/// <summary>Who wrote an entry of the audit trail.</summary>
public enum ActorKind
{
    Citizen,
    Staff,
    System,
}

/// <summary>One entry of a ticket's audit trail and thread.</summary>
public sealed record TicketEntry(long TicketId, ActorKind Actor, string? ActorId, string Kind, bool IsPublic, string? Body, object? Payload = null);

/// <summary>A new ticket as intake files it (chat or Open311); it starts received. <paramref name="CitizenOaId"/>: the OA it came through.</summary>
public sealed record NewTicket(string Code, string CitizenZaloId, string CategoryCode, string Description, string? Address, double? Latitude, double? Longitude,
    string? AreaCode, string? ContactName, string? ContactPhone, string? ServiceCentreCode, string CitizenOaId, string? ServiceCentreSource = null);

/// <summary>A status move decided against the action table, written with optimistic concurrency.</summary>
public sealed record TicketMove(long TicketId, int Version, TicketStatus To, string? Agency, DateTimeOffset? Due, bool Reopens);

/// <summary>
/// The only code that writes the tickets and ticket_events tables: create, move, append an entry, and the few named
/// field changes the features need — always in the caller's transaction, so a ticket's change, its audit entry and
/// the messages about it commit together. Deciding whether a change is allowed is not done here: the action table
/// (<see cref="TicketActions"/>) and <see cref="TicketService"/> decide, features call in with the decision made.
/// </summary>
public static partial class TicketLedger
{
    public static Task<long> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into tickets (code, citizen_zalo_id, citizen_oa_id, status, category_code, description, address, latitude, longitude,
                                 area_code, contact_name, contact_phone, service_centre_code, service_centre_source, created_at, updated_at)
            values (@Code, @CitizenZaloId, @CitizenOaId, @received, @CategoryCode, @Description, @Address, @Latitude, @Longitude,
                    @AreaCode, @ContactName, @ContactPhone, @ServiceCentreCode, @ServiceCentreSource, @now, @now)
            returning id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            ticket.Code, ticket.CitizenZaloId, ticket.CitizenOaId, ticket.CategoryCode, ticket.Description, ticket.Address, ticket.Latitude, ticket.Longitude,
            ticket.AreaCode, ticket.ContactName, ticket.ContactPhone, ticket.ServiceCentreCode,
            ServiceCentreSource = ticket.ServiceCentreCode is null ? null : ticket.ServiceCentreSource, now, received = TicketStatus.Received.ToName(),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Appends to the audit trail (append-only: the table refuses updates outside an erasure).</summary>
    public static Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
            values (@TicketId, @now, @actor, @ActorId, @Kind, @IsPublic, @Body, @payload::jsonb)
            returning id
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            entry.TicketId, now, actor = ActorName(entry.Actor), entry.ActorId, entry.Kind, entry.IsPublic, entry.Body,
            payload = JsonSerializer.Serialize(entry.Payload ?? new { }),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A status move; false when the ticket changed since it was read (its version moved on).</summary>
    public static async Task<bool> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketMove move, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            update tickets
            set status = @to, assigned_agency_code = @Agency, due_at = @Due, updated_at = @now, version = version + 1,
                resolved_at = case when @to = @resolved then @now when @to = @inProgress then null else resolved_at end,
                closed_at = case when @to in (@closed, @rejected) then @now else closed_at end,
                reopen_count = reopen_count + case when @Reopens then 1 else 0 end,
                held_at = case when @to = @onHold then @now end
            where id = @TicketId and version = @Version
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            move.TicketId, move.Version, to = move.To.ToName(), move.Agency, move.Due, move.Reopens, now,
            resolved = TicketStatus.Resolved.ToName(), inProgress = TicketStatus.InProgress.ToName(),
            closed = TicketStatus.Closed.ToName(), rejected = TicketStatus.Rejected.ToName(), onHold = TicketStatus.OnHold.ToName(),
        }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The thread moved (a reply or a note): the ticket's updated_at follows.</summary>
    public static Task TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("update tickets set updated_at = @now where id = @ticketId",
            new { now, ticketId }, transaction, cancellationToken: cancellationToken));

    private static string ActorName(ActorKind actor) => actor switch
    {
        ActorKind.Citizen => "citizen",
        ActorKind.Staff => "staff",
        ActorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "An actor without a name."),
    };
}
