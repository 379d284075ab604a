using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Reports;
using ZaloBot.Reports;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

public sealed record Bar(string Label, long Value);

/// <summary>
/// The reports page: a period's figures per track, the on-time trend, the per-agency league, the counts as charts, the
/// tracks report; CSV and Excel. Supervisors and admins see the province or any agency; the head of an agency
/// (staff.agency_head) sees their own agency's, which is the page the weekly and monthly Zalo summaries link to.
/// </summary>
public sealed class ReportsModel(NpgsqlDataSource dataSource, ConsoleLookups lookups, TimeProvider time) : PageModel
{
    public TicketReport Report { get; private set; } = null!;
    public PeriodReport Period { get; private set; } = null!;
    public IReadOnlyList<AgencyFigures> League { get; private set; } = [];
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];
    public ReportCadence TrendGrain { get; private set; }
    public Lookups Lookups { get; private set; } = null!;
    public string? Error { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? Agency { get; private set; }
    public bool MayChooseAgency { get; private set; }
    public Tracks.TrackReport? TrackReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? agency, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(from, to, agency, cancellationToken)) return Redirect("/console/forbidden");
        Report = await ReportsApi.BuildAsync(dataSource, From, To.AddDays(1), null, Agency, cancellationToken);
        League = LeagueTable.Order(Period.Agencies);
        // Twelve weeks for a report of up to a quarter, else twelve months.
        TrendGrain = To.DayNumber - From.DayNumber > 92 ? ReportCadence.Monthly : ReportCadence.Weekly;
        Trend = await OnTimeTrend.LoadAsync(dataSource, TrendGrain, To, Agency, cancellationToken);
        if (Agency is null) TrackReport = await Tracks.TrackReports.BuildAsync(dataSource, From, To.AddDays(1), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, string? agency, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(from, to, agency, cancellationToken)) return Redirect("/console/forbidden");
        if (Error is not null) return BadRequest(Error);
        return File(ReportExports.Csv(Period, Agency, Lookups.Agency), ReportCsv.ContentType, $"{FileName}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? from, string? to, string? agency, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(from, to, agency, cancellationToken)) return Redirect("/console/forbidden");
        if (Error is not null) return BadRequest(Error);
        var counts = await ReportsApi.BuildAsync(dataSource, From, To.AddDays(1), null, Agency, cancellationToken);
        var bytes = await ReportExports.XlsxAsync(Period, Agency, Lookups.Agency, counts, c => Label(c.Dimension, c.Key), cancellationToken);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{FileName}.xlsx");
    }

    private string FileName => $"bao-cao-{From:yyyyMMdd}-{To:yyyyMMdd}" + (Agency is null ? "" : "-" + Agency.ToLowerInvariant());

    /// <returns>False when this staff member may not see reports at all.</returns>
    private async Task<bool> LoadAsync(string? from, string? to, string? agency, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.From(User);
        MayChooseAgency = staff.Role is StaffRole.Supervisor or StaffRole.Admin;
        if (!MayChooseAgency && (staff.AgencyCode is null || !await IsAgencyHeadAsync(staff.Id, cancellationToken))) return false;

        var today = WorkingDayCalendar.DateInVietnam(time.GetUtcNow());
        From = Parse(from) ?? today.AddMonths(-1);
        To = Parse(to) ?? today;
        Lookups = await lookups.GetAsync(cancellationToken);
        if ((from is not null && Parse(from) is null) || (to is not null && Parse(to) is null) || To < From || To.DayNumber - From.DayNumber > 3660)
        {
            (From, To) = (today.AddMonths(-1), today);
            Refuse("Khoảng thời gian không hợp lệ; đang hiện 30 ngày gần nhất.");
        }
        // A head of an agency sees their own agency whatever the address says.
        Agency = MayChooseAgency ? (string.IsNullOrEmpty(agency) ? null : agency) : staff.AgencyCode;
        if (Agency is not null && Lookups.Agencies.All(a => a.Code != Agency))
        {
            Agency = null;
            Refuse("Không có cơ quan này; đang hiện toàn tỉnh.");
        }
        Period = await PeriodFigures.LoadAsync(dataSource, From, To.AddDays(1), Agency, cancellationToken);
        return true;
    }

    private void Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private async Task<bool> IsAgencyHeadAsync(long staffId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select agency_head from staff where id = @staffId and active", new { staffId }, cancellationToken: cancellationToken));
    }

    /// <summary>A chart's bars: months in order, anything else largest first.</summary>
    public IReadOnlyList<Bar> Bars(string dimension) => Report.Counts.Where(c => c.Dimension == dimension)
        .OrderBy(c => dimension == "month" ? c.Key : null, StringComparer.Ordinal)
        .ThenByDescending(c => dimension == "month" ? 0 : c.Count)
        .Select(c => new Bar(Label(dimension, c.Key), c.Count))
        .ToList();

    private string Label(string dimension, string key) => dimension switch
    {
        "status" => ConsoleTexts.Status(key),
        "category" => Lookups.Category(key),
        "agency" => key == "(unassigned)" ? "Chưa giao" : Lookups.Agency(key),
        "centre" => key == "(none)" ? "Không qua điểm tiếp nhận" : Lookups.Centre(key),
        // "2026-11" is "11/2026" to a Vietnamese reader.
        "month" when key.Length == 7 => $"{key[5..]}/{key[..4]}",
        _ => key,
    };

    public static string Percent(double? rate) => ReportTexts.Percent(rate);

    public static string Hours(double? hours) => hours is { } h ? (h < 48 ? $"{h:0.#} giờ" : $"{h / 24:0.#} ngày") : "–";

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
