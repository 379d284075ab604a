using ZaloBot.Domain.Publication;

namespace ZaloBot.Open311;

/// <summary>Filters of GET requests (Open311) and of the public answers page; all optional, combined with AND.</summary>
public sealed record PublicTicketFilter(
    IReadOnlyList<string>? Codes = null,
    IReadOnlyList<string>? ServiceCodes = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    IReadOnlyList<string>? Statuses = null,
    string? AreaCode = null,
    string? Text = null,
    int Limit = 50,
    int Offset = 0,
    bool ExcludeDuplicates = false);

/// <summary>A ticket as the public may see it: only these fields exist, each already made safe by <see cref="PublicView"/>.</summary>
public sealed record PublicTicket(
    string Code,
    string Open311Status,
    TicketStatus Status,
    string StatusText,
    string? Answer,
    string ServiceCode,
    string ServiceName,
    string Description,
    string? AgencyCode,
    string? AgencyName,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? ResolvedAt,
    string? Address,
    string? AreaCode,
    double? Latitude,
    double? Longitude,
    string? DuplicateOf)
{
    /// <summary>Answered by the deadline: resolved (or closed) no later than the due time. Null while open or without a deadline.</summary>
    public bool? OnTime => ResolvedAt is { } resolved && ExpectedAt is { } due ? resolved <= due : null;
}

/// <summary>
/// Reads of tickets for the public (Open311 and the answers page). The SQL selects the private columns it needs to
/// scrub (the contact name, to remove it from free text) but they never leave this class.
/// </summary>
public static class PublicTickets
{
    /// <summary>Open311's "open": not yet answered (a resolved ticket is "closed" to the public, though open to staff).</summary>
    public static readonly string[] OpenStatuses = [.. TicketStatusNames.Names(s => !s.IsAnswered())];
    public static readonly string[] ClosedStatuses = [.. TicketStatusNames.Names(s => s.IsAnswered())];

    /// <summary>Answered with a result to show: resolved or closed (not rejected).</summary>
    public static readonly string[] AnsweredWithResult = [.. TicketStatusNames.Names(s => s.HasResult())];

    // Newest first by requested_datetime: the (created_at, id) index read backwards serves the default page and any
    // date window; each "is null or" collapses because unprepared statements are planned with the actual values.
    // The page is chosen first, so the answer and the names are looked up for its rows only, not for skipped ones.
    internal const string ListSql = """
        with page as (
            select t.id, t.created_at
            from tickets t join categories c on c.code = t.category_code
            where c.publication <> 'never' and coalesce(t.publish, t.channel <> 'zalo' and c.publish_by_default) and t.track <> 'to_cao'
              and coalesce(t.publish, t.channel <> 'zalo') -- implied by the line above; it matches tickets_public_candidates
              and (@codes::text[] is null or t.code = any(@codes))
              and (@serviceCodes::text[] is null or t.category_code = any(@serviceCodes))
              and (@start::timestamptz is null or t.created_at >= @start)
              and (@end::timestamptz is null or t.created_at <= @end)
              and (@statuses::text[] is null or t.status = any(@statuses))
              and (@area::text is null or t.area_code = @area)
              and (@pattern::text is null or t.description ilike @pattern)
              and (not @excludeDuplicates or t.duplicate_of is null)
            order by t.created_at desc, t.id desc
            limit @limit offset @offset
        )
        select t.code, t.status, t.category_code as ServiceCode, c.name as ServiceName, c.publication, t.description,
               t.contact_name as ContactName, t.assigned_agency_code as AgencyCode, a.name as AgencyName,
               t.created_at as CreatedAt, t.updated_at as UpdatedAt, t.due_at as DueAt, t.resolved_at as ResolvedAt,
               t.address, t.area_code as AreaCode, ar.name as AreaName, t.latitude, t.longitude, m.code as DuplicateOf,
               (select e.body from ticket_events e
                where e.ticket_id = t.id and e.kind = 'status_changed' and e.is_public and e.body is not null
                  and e.payload->>'action' in ('resolve', 'reject', 'duplicate')
                order by e.id desc limit 1) as Answer
        from page p
        join tickets t on t.id = p.id
        join categories c on c.code = t.category_code
        left join agencies a on a.code = t.assigned_agency_code
        left join areas ar on ar.code = t.area_code
        left join tickets m on m.id = t.duplicate_of
        order by p.created_at desc, p.id desc
        """;

    public static async Task<IReadOnlyList<PublicTicket>> ListAsync(NpgsqlConnection connection, PublicTicketFilter filter, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(ListSql, Parameters(filter), cancellationToken: cancellationToken));
        return rows.Select(ToPublic).ToList();
    }

    internal static object Parameters(PublicTicketFilter filter)
    {
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        return new
        {
            codes = filter.Codes?.ToArray(),
            serviceCodes = filter.ServiceCodes?.ToArray(),
            start = filter.Start,
            end = filter.End,
            statuses = filter.Statuses?.ToArray(),
            area = filter.AreaCode,
            pattern = text is null ? null : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%",
            limit = filter.Limit,
            offset = filter.Offset,
            excludeDuplicates = filter.ExcludeDuplicates,
        };
    }

    private static PublicTicket ToPublic(Row r)
    {
        // An unknown policy name publishes as little as "ward" would (the row passed the SQL filter, so it is not "never").
        var policy = PublicView.TryParsePolicy(r.Publication, out var known) ? known : PublicationPolicy.Ward;
        var status = PublicView.Open311Status(r.Status);
        return new PublicTicket(
            r.Code, status, r.Status, TicketStatusText.ForCitizen(r.Status),
            r.Answer is null ? null : PublicView.ShortText(r.Answer, r.ContactName, 2000),
            r.ServiceCode, r.ServiceName,
            PublicView.ShortText(r.Description, r.ContactName),
            r.AgencyCode, r.AgencyName,
            Utc(r.CreatedAt), Utc(r.UpdatedAt), r.DueAt is { } due ? Utc(due) : null, r.ResolvedAt is { } res ? Utc(res) : null,
            PublicView.Address(policy, r.Address, r.AreaName, r.ContactName), r.AreaCode,
            PublicView.Coordinate(policy, r.Latitude), PublicView.Coordinate(policy, r.Longitude), r.DuplicateOf);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed record Row(
        string Code, TicketStatus Status, string ServiceCode, string ServiceName, string Publication, string Description, string? ContactName,
        string? AgencyCode, string? AgencyName, DateTime CreatedAt, DateTime UpdatedAt, DateTime? DueAt, DateTime? ResolvedAt,
        string? Address, string? AreaCode, string? AreaName, double? Latitude, double? Longitude, string? DuplicateOf, string? Answer);
}
