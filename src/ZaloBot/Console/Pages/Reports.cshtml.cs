using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

public sealed record AgencyPerformance(string Agency, long Resolved, double? OnTimeRate, double? MedianHours);

public sealed record Bar(string Label, long Value);

/// <summary>The report figures of GET /api/reports/tickets as a page to print: counts, charts, per-agency service levels, CSV.</summary>
public sealed class ReportsModel(NpgsqlDataSource dataSource, ConsoleLookups lookups, TimeProvider time) : PageModel
{
    public TicketReport Report { get; private set; } = null!;
    public IReadOnlyList<AgencyPerformance> Agencies { get; private set; } = [];
    public Lookups Lookups { get; private set; } = null!;
    public string? Error { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public Tracks.TrackReport? TrackReport { get; private set; }

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        await LoadAsync(from, to, cancellationToken);
        TrackReport = await Tracks.TrackReports.BuildAsync(dataSource, From, To.AddDays(1), cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        await LoadAsync(from, to, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ReportsApi.ToCsv(Report))).ToArray(),
            "text/csv; charset=utf-8", $"bao-cao-{From:yyyyMMdd}-{To:yyyyMMdd}.csv");
    }

    private async Task LoadAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        From = Parse(from) ?? today.AddMonths(-1);
        To = Parse(to) ?? today;
        if ((from is not null && Parse(from) is null) || (to is not null && Parse(to) is null) || To < From || To.DayNumber - From.DayNumber > 3660)
        {
            Error = "Khoảng thời gian không hợp lệ; đang hiện 30 ngày gần nhất.";
            (From, To) = (today.AddMonths(-1), today);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Lookups = await lookups.GetAsync(cancellationToken);
        // "To" is inclusive on the page; the report takes [from, to).
        Report = await ReportsApi.BuildAsync(dataSource, From, To.AddDays(1), null, cancellationToken);
        const string perAgency = """
            select assigned_agency_code as Agency,
                   count(*) filter (where resolved_at is not null) as Resolved,
                   (count(*) filter (where resolved_at is not null and due_at is not null and resolved_at <= due_at))::float8
                       / nullif(count(*) filter (where resolved_at is not null and due_at is not null), 0) as OnTimeRate,
                   percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600.0)
                       filter (where resolved_at is not null) as MedianHours
            from tickets
            where created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh'
              and created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
              and assigned_agency_code is not null
            group by assigned_agency_code
            order by 2 desc, 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Agencies = (await connection.QueryAsync<AgencyPerformance>(new CommandDefinition(perAgency,
            new { from = From.ToDateTime(TimeOnly.MinValue), to = To.AddDays(1).ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken))).AsList();
    }

    public IReadOnlyList<Bar> Bars(string dimension) => Report.Counts.Where(c => c.Dimension == dimension)
        .Select(c => new Bar(dimension switch
        {
            "status" => ConsoleTexts.Status(c.Key),
            "category" => Lookups.Category(c.Key),
            "agency" => c.Key == "(unassigned)" ? "Chưa giao" : Lookups.Agency(c.Key),
            "centre" => c.Key == "(none)" ? "Không qua điểm tiếp nhận" : Lookups.Centre(c.Key),
            _ => c.Key,
        }, c.Count))
        .OrderBy(b => dimension == "month" ? b.Label : null, StringComparer.Ordinal)
        .ThenByDescending(b => dimension == "month" ? 0 : b.Value)
        .ToList();

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Hours(double? hours) => hours is { } h ? (h < 48 ? $"{h:0.#} giờ" : $"{h / 24:0.#} ngày") : "–";

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
