using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Calendar;
using ZaloBot.Staff;

namespace ZaloBot.ReportEndpoints;

/// <summary>
/// How a report endpoint answers, whichever feature owns the report: the period (and format) checked one way, then the
/// report as JSON or, with format=csv, as a file a spreadsheet opens.
/// </summary>
public static class ReportResponse
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>/api/reports, for supervisors: each feature adds its own report to it.</summary>
    public static RouteGroupBuilder MapReportsGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(StaffPolicies.Supervisor);

    /// <param name="invalid">A problem with the endpoint's own parameters, reported with the period's and the format's.</param>
    public static async Task<Results<Ok<T>, ContentHttpResult, ValidationProblem>> JsonOrCsvAsync<T>(
        string? from, string? to, string? format, TimeProvider time, Func<DateOnly, DateOnly, Task<T>> build, Func<T, string> toCsv,
        (string Parameter, string Problem)? invalid = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = ReportPeriod.Parse(from, to, time, errors);
        if (format is not (null or "json" or "csv")) errors["format"] = ["json or csv."];
        if (invalid is { } p) errors[p.Parameter] = [p.Problem];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var report = await build(start, end);
        return format == "csv" ? TypedResults.Text(toCsv(report), CsvContentType) : TypedResults.Ok(report);
    }

    /// <summary>A report with no CSV form.</summary>
    public static async Task<Results<Ok<T>, ValidationProblem>> JsonAsync<T>(string? from, string? to, TimeProvider time, Func<DateOnly, DateOnly, Task<T>> build)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = ReportPeriod.Parse(from, to, time, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await build(start, end));
    }
}
