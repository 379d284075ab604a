namespace ZaloBot.NationalSync;

/// <summary>A ticket as the national system receives it, in its field names (HOIDAPID is the ticket code: pushing it again is harmless).</summary>
public sealed record NationalQuestion(string Code, string CategoryCode, string? AgencyCode, string? AgencyName, string Description,
    string? ContactName, string? Email, TicketStatus Status);

/// <summary>A ticket's answer: the result the agency gave when it resolved the ticket.</summary>
public sealed record NationalAnswer(string Code, string? NationalId, string Text, string? AgencyName, DateTimeOffset At);

/// <param name="AuthFailed">The gateway refused our credentials: nothing can go until an operator fixes them.</param>
public sealed record NationalResult(bool Ok, string? NationalId, string? Error, bool AuthFailed = false);

/// <summary>How records reach the national system; the LGSP JSON gateway today, another transport when one is published.</summary>
public interface INationalTransport
{
    Task<NationalResult> PushQuestionAsync(NationalQuestion question, CancellationToken cancellationToken);
    Task<NationalResult> PushAnswerAsync(NationalAnswer answer, CancellationToken cancellationToken);
}

/// <summary>The field names of the one provincial integration found (unconfirmed), as rows of both the transport and the export.</summary>
public static class NationalFields
{
    public static Dictionary<string, object?> Question(NationalQuestion q, LgspOptions o) => new()
    {
        [o.Field("HOIDAPID")] = q.Code,
        [o.Field("MALINHVUC")] = o.Categories.GetValueOrDefault(q.CategoryCode, q.CategoryCode),
        [o.Field("NOIDUNG")] = q.Description,
        [o.Field("MADONVI")] = q.AgencyCode is null ? null : o.Agencies.GetValueOrDefault(q.AgencyCode, q.AgencyCode),
        [o.Field("TENDONVI")] = q.AgencyName,
        [o.Field("HOVATEN")] = q.ContactName,
        [o.Field("THUDIENTU")] = q.Email,
        [o.Field("TRANGTHAI")] = q.Status.ToName(),
    };

    public static Dictionary<string, object?> Answer(NationalAnswer a, LgspOptions o) => new()
    {
        [o.Field("HOIDAPID")] = a.NationalId ?? a.Code,
        [o.Field("TRALOIID")] = a.Code,
        [o.Field("NOIDUNGTRALOI")] = a.Text,
        [o.Field("NGUOITRALOI")] = a.AgencyName,
        [o.Field("CHUCVUNGUOITRALOI")] = o.AnswererTitle,
        [o.Field("NGAYTRALOI")] = a.At.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What staff see on the ticket: whether its question and answer reached the national system.</summary>
public sealed record NationalSyncStatus(string Kind, string Status, int Attempts, string? NationalId, string? LastError, DateTime? SentAt)
{
    public static async Task<IReadOnlyList<NationalSyncStatus>> ForTicketAsync(Npgsql.NpgsqlConnection connection, long ticketId, CancellationToken cancellationToken) =>
        Dapper.SqlMapper.AsList(await Dapper.SqlMapper.QueryAsync<NationalSyncStatus>(connection, new Dapper.CommandDefinition(
            """
            select kind, status, attempts, national_id as NationalId, last_error as LastError, sent_at as SentAt
            from national_sync where ticket_id = @ticketId order by id
            """, new { ticketId }, cancellationToken: cancellationToken)));
}
