namespace ZaloBot.Privacy;

// A class rather than a positional record: Dapper reports text[] as System.Array when matching constructors.
public sealed class BreachRow
{
    public long Id { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedByName { get; init; } = "";
    public DateTime DiscoveredAt { get; init; }
    public string Summary { get; init; } = "";
    public string[] DataKinds { get; init; } = [];
    public DateTime AffectedFrom { get; init; }
    public DateTime AffectedTo { get; init; }
    public int AffectedCount { get; init; }
    public DateTime? NotifiedAt { get; init; }
    public string? Notification { get; init; }
}

/// <summary>One affected ticket: which citizen (by ticket, never by full phone) and what of theirs was exposed.</summary>
public sealed record AffectedSubject(string TicketCode, string? ContactName, bool Contact, bool Location, bool Photos);

public sealed record BreachInput(string? Summary, DateTimeOffset? DiscoveredAt, IReadOnlyList<string> DataKinds, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// The breach register: a suspected breach is recorded with the time it was discovered, the data kinds and the time
/// range it touched; a query over tickets in that range lists the affected subjects; the 72-hour clock (a setting) to
/// notify the data-protection authority runs from discovery until the notification is recorded. Admins only; audited.
/// </summary>
public sealed class BreachRegister(NpgsqlDataSource dataSource, IOptions<PrivacyOptions> options, TimeProvider time, IPrivacyAudit audit)
{
    public static readonly IReadOnlyList<(string Code, string Title)> Kinds =
    [
        ("contact", "Họ tên, số điện thoại"), ("content", "Nội dung phản ánh, địa chỉ"), ("location", "Vị trí"), ("photos", "Ảnh, tệp"),
    ];

    public const int MaxSummary = 2000;

    public int NoticeHours => options.Value.BreachNoticeHours;

    public static IReadOnlyList<string> Validate(BreachInput input, DateTimeOffset now)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Summary) || input.Summary.Length > MaxSummary) errors.Add($"Mô tả sự cố (tối đa {MaxSummary} ký tự).");
        if (input.DiscoveredAt is not { } found || found > now.AddMinutes(5)) errors.Add("Thời điểm phát hiện (không ở tương lai).");
        if (input.DataKinds.Count == 0 || input.DataKinds.Any(k => Kinds.All(x => x.Code != k))) errors.Add("Chọn loại dữ liệu bị ảnh hưởng.");
        if (input.From is not { } from || input.To is not { } to || to < from || to - from > TimeSpan.FromDays(3660)) errors.Add("Khoảng thời gian bị ảnh hưởng hợp lệ.");
        return errors;
    }

    private const string AffectedSql = """
        select t.code as TicketCode, t.contact_name as ContactName,
               t.contact_phone is not null or t.contact_name is not null as Contact,
               t.latitude is not null as Location,
               exists (select 1 from evidence e where e.ticket_id = t.id and e.origin = 'citizen') as Photos
        from tickets t
        where t.created_at <= @to and t.updated_at >= @from
          and (('contact' = any(@kinds) and (t.contact_phone is not null or t.contact_name is not null))
               or 'content' = any(@kinds)
               or ('location' = any(@kinds) and t.latitude is not null)
               or ('photos' = any(@kinds) and exists (select 1 from evidence e where e.ticket_id = t.id and e.origin = 'citizen')))
        order by t.id
        """;

    /// <summary>Tickets whose data existed in the range and has one of the kinds: the subjects to consider notifying.</summary>
    public async Task<IReadOnlyList<AffectedSubject>> AffectedAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AffectedSubject>(new CommandDefinition(AffectedSql, new { from, to, kinds = kinds.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<long> RecordAsync(BreachInput input, long staffId, string? remoteIp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var affected = await AffectedAsync(input.From!.Value, input.To!.Value, input.DataKinds, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into privacy_breaches (recorded_at, recorded_by, discovered_at, summary, data_kinds, affected_from, affected_to, affected_count)
            values (@now, @staffId, @discovered, @summary, @kinds, @from, @to, @count) returning id
            """, new
            {
                now, staffId, discovered = input.DiscoveredAt, summary = input.Summary!.Trim(), kinds = input.DataKinds.ToArray(),
                from = input.From, to = input.To, count = affected.Count,
            }, transaction, cancellationToken: cancellationToken));
        await audit.BreachRecordedAsync(connection, transaction, staffId, id, affected.Count, remoteIp, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Records the notification sent to the authority; false if unknown or already notified.</summary>
    public async Task<bool> NotifyAsync(long id, string? notification, long staffId, string? remoteIp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(notification) || notification.Length > MaxSummary) return false;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "update privacy_breaches set notified_at = @now, notified_by = @staffId, notification = @notification where id = @id and notified_at is null",
            new { id, now, staffId, notification = notification.Trim() }, transaction, cancellationToken: cancellationToken));
        if (changed == 1)
            await audit.BreachNotifiedAsync(connection, transaction, staffId, id, remoteIp, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task<IReadOnlyList<BreachRow>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select b.id, b.recorded_at as RecordedAt, s.name as RecordedByName, b.discovered_at as DiscoveredAt, b.summary, b.data_kinds as DataKinds,
                   b.affected_from as AffectedFrom, b.affected_to as AffectedTo, b.affected_count as AffectedCount, b.notified_at as NotifiedAt, b.notification
            from privacy_breaches b join staff s on s.id = b.recorded_by
            order by (b.notified_at is null) desc, b.id desc limit 100
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<BreachRow>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }
}
