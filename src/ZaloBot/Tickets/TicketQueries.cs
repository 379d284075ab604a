namespace ZaloBot.Tickets;

/// <summary>
/// Filters of the staff queue; all optional, combined with AND. Unreachable: no channel reached the citizen with the
/// latest notice. OpenOnly: not closed or rejected (the map's default). Located: the citizen shared a location. Placed:
/// a shared location, a typed place or a ward, which the console may geocode.
/// </summary>
public sealed record TicketFilter(
    TicketStatus? Status = null,
    string? Category = null,
    string? Agency = null,
    string? Centre = null,
    bool Overdue = false,
    bool DueSoon = false,
    string? Text = null,
    long? After = null,
    int Limit = 50,
    bool Unreachable = false,
    bool OpenOnly = false,
    bool Located = false,
    string? Oa = null,
    bool Placed = false);

/// <summary>Reads of tickets for staff. The queue pages by id (keyset), so page 1,000 costs what page 1 does.</summary>
public static class TicketQueries
{
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(2);

    private const string Columns = """
        t.id, t.code, t.status, t.category_code as CategoryCode, t.description, t.address, t.latitude, t.longitude,
        t.area_code as AreaCode, t.contact_name as ContactName, t.contact_phone as ContactPhone,
        t.service_centre_code as ServiceCentreCode, t.assigned_agency_code as AssignedAgencyCode,
        t.created_at as CreatedAt, t.updated_at as UpdatedAt, t.due_at as DueAt, t.resolved_at as ResolvedAt,
        t.rating, t.version, t.citizen_zalo_id as CitizenZaloId,
        t.citizen_unreachable_at as CitizenUnreachableAt, t.citizen_unreachable_reason as CitizenUnreachableReason, t.held_at as HeldAt,
        t.track, t.priority, t.first_response_due_at as FirstResponseDueAt, t.acceptance_due_at as AcceptanceDueAt,
        t.citizen_oa_id as CitizenOaId, t.service_centre_source as ServiceCentreSource
        """;

    /// <param name="scopeAgency">Only tickets assigned to this agency (staff who do not see all tickets).</param>
    public static async Task<TicketPage> QueueAsync(NpgsqlConnection connection, TicketFilter filter, string? scopeAgency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Unprepared statements are planned with the actual values, so each "is null or" collapses and the
        // matching index is used.
        const string filters = """
            where (@status::text is null or t.status = @status)
              and (@category::text is null or t.category_code = @category)
              and (@agency::text is null or t.assigned_agency_code = @agency)
              and (@centre::text is null or t.service_centre_code = @centre)
              and (@scopeAgency::text is null or t.assigned_agency_code = @scopeAgency)
              and (not @overdue or (ticket_clock_runs(t.status) and t.due_at < @now))
              and (not @dueSoon or (ticket_clock_runs(t.status) and t.due_at >= @now and t.due_at < @soon))
              and (@pattern::text is null or t.description ilike @pattern or t.code = @code)
              and (not @unreachable or t.citizen_unreachable_at is not null)
              and (not @openOnly or ticket_is_open(t.status))
              and (not @located or t.latitude is not null)
              and (not @placed or t.latitude is not null or t.address is not null or t.area_code is not null)
              and (@oa::text is null or t.citizen_oa_id = @oa)
              and (@after::bigint is null or t.id < @after)
            """;
        // "Could not reach the citizen" is a column the dispatcher sets on the ticket (with a partial index on the few
        // marked tickets), cleared when a later notice gets through.
        const string sql = $"select {Columns} from tickets t {filters} order by t.id desc limit @limit";
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        var rows = (await connection.QueryAsync<TicketView>(new CommandDefinition(sql, new
        {
            status = filter.Status,
            category = filter.Category,
            agency = filter.Agency,
            centre = filter.Centre,
            oa = filter.Oa,
            scopeAgency,
            overdue = filter.Overdue,
            dueSoon = filter.DueSoon,
            now,
            soon = now + DueSoonWindow,
            pattern = text is null ? null : "%" + EscapeLike(text) + "%",
            code = text?.ToUpperInvariant(),
            after = filter.After,
            limit = filter.Limit + 1,
            unreachable = filter.Unreachable,
            openOnly = filter.OpenOnly,
            located = filter.Located,
            placed = filter.Placed,
        }, cancellationToken: cancellationToken))).AsList();

        var hasMore = rows.Count > filter.Limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new TicketPage(rows, hasMore ? rows[^1].Id : null);
    }

    public static Task<TicketView?> ByCodeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string code, bool forUpdate, CancellationToken cancellationToken)
    {
        const string select = $"select {Columns} from tickets t where t.code = @code";
        const string selectForUpdate = select + " for update";
        return connection.QuerySingleOrDefaultAsync<TicketView?>(new CommandDefinition(
            forUpdate ? selectForUpdate : select, new { code }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The ticket's latest entry of a kind: the one just written under the ticket's row lock (as
    /// <c>TicketService.AddToThreadAsync</c> takes it), for rows that refer to it.
    /// </summary>
    public static Task<long> LatestEventIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string kind, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select max(id) from ticket_events where ticket_id = @ticketId and kind = @kind", new { ticketId, kind }, transaction, cancellationToken: cancellationToken));

    /// <summary>The answer waiting for approval on a ticket, if any.</summary>
    public static async Task<HeldAnswer?> HeldAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Text, string? Kind, long? By)?>(new CommandDefinition(
            "select pending_result, pending_kind, pending_result_by from tickets where id = @ticketId and pending_result is not null",
            new { ticketId }, transaction, cancellationToken: cancellationToken));
        return row is { } r ? new HeldAnswer(HeldAnswerKinds.Parse(r.Kind), r.Text, r.By) : null;
    }

    public static async Task<IReadOnlyList<TicketEventView>> ThreadAsync(NpgsqlConnection connection, long ticketId, CancellationToken cancellationToken)
    {
        const string sql = """
            select id, at, actor_kind as ActorKind, actor_id as ActorId, kind, is_public as IsPublic, body, payload::text as Payload
            from ticket_events where ticket_id = @ticketId order by id
            """;
        return (await connection.QueryAsync<TicketEventView>(new CommandDefinition(sql, new { ticketId }, cancellationToken: cancellationToken))).AsList();
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
