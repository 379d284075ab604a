using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Calendar;
using ZaloBot.ReportEndpoints;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.NationalSync;

/// <summary>
/// The national-scope tickets of a period, with their answers, in the national system's field names, as CSV or JSON:
/// what staff enter or upload by hand while no credentials for the gateway exist. /api/national-sync/export.
/// </summary>
public static class NationalExportApi
{
    public static IEndpointRouteBuilder MapNationalExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/national-sync").WithTags("National PAKN sync").RequireAuthorization(StaffPolicies.Supervisor)
            .MapGet("/export", ExportAsync)
            .WithSummary("Tickets in the national scope created in [from, to), with their answers, in the configured national field names (HOIDAPID, MALINHVUC, NOIDUNG, …). format=csv or json.");
        return app;
    }

    private sealed record Row(string Code, string CategoryCode, string? AgencyCode, string? AgencyName, string Description, string? ContactName,
        TicketStatus Status, string? NationalId, string? AnswerText, DateTime? AnswerAt);

    private static Task<Results<Ok<List<Dictionary<string, object?>>>, ContentHttpResult, ValidationProblem>> ExportAsync(
        string? from, string? to, string? format, NpgsqlDataSource db, IOptions<NationalSyncOptions> options, TimeProvider time, CancellationToken ct) =>
        ReportResponse.JsonOrCsvAsync(from, to, format, time, (start, end) => RecordsAsync(db, start, end, options.Value.Lgsp, ct),
            records => ToCsv(records, options.Value.Lgsp));

    private static async Task<List<Dictionary<string, object?>>> RecordsAsync(NpgsqlDataSource db, DateOnly start, DateOnly end, LgspOptions o, CancellationToken ct)
    {
        const string sql = """
            select t.code, t.category_code as CategoryCode, t.assigned_agency_code as AgencyCode, a.name as AgencyName, t.description,
                   t.contact_name as ContactName, t.status,
                   (select s.national_id from national_sync s where s.ticket_id = t.id and s.kind = 'question') as NationalId,
                   r.body as AnswerText, r.at as AnswerAt
            from tickets t join categories c on c.code = t.category_code left join agencies a on a.code = t.assigned_agency_code
            left join lateral (
                select e.body, e.at from ticket_events e
                where e.ticket_id = t.id and e.kind = 'status_changed' and e.payload->>'to' = @resolved order by e.id desc limit 1
            ) r on true
            where c.national_scope
              and t.created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh' and t.created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
            order by t.id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql,
            new { from = start.ToDateTime(TimeOnly.MinValue), to = end.ToDateTime(TimeOnly.MinValue), resolved = TicketStatus.Resolved }, cancellationToken: ct));
        return rows.Select(r =>
        {
            var record = NationalFields.Question(new NationalQuestion(r.Code, r.CategoryCode, r.AgencyCode, r.AgencyName, r.Description, r.ContactName, null, r.Status), o);
            var answer = NationalFields.Answer(new NationalAnswer(r.Code, r.NationalId, r.AnswerText ?? "", r.AgencyName,
                r.AnswerAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : default), o);
            foreach (var (key, value) in answer)
                if (!record.ContainsKey(key)) record[key] = r.AnswerAt is null ? null : value;
            return record;
        }).ToList();
    }

    private static string ToCsv(List<Dictionary<string, object?>> records, LgspOptions o)
    {
        var header = NationalFields.Question(new NationalQuestion("", "", null, null, "", null, null, default), o).Keys
            .Concat(NationalFields.Answer(new NationalAnswer("", null, "", null, default), o).Keys).Distinct().ToList();
        var csv = new StringBuilder().AppendJoin(',', header).Append("\r\n");
        foreach (var record in records)
            csv.AppendJoin(',', header.Select(h => Quote(Convert.ToString(record.GetValueOrDefault(h), CultureInfo.InvariantCulture)))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.</summary>
    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
