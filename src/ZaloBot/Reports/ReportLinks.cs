namespace ZaloBot.Reports;

/// <summary>The console's reports page for a period (days inclusive) and agency, and its CSV and Excel downloads.</summary>
public sealed record ReportLinks(string Page, string Csv, string Xlsx)
{
    public const string PagePath = "/console/reports";

    public static ReportLinks For(string baseUrl, DateOnly from, DateOnly lastDay, string? agency)
    {
        var query = $"from={from:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}" + (agency is null ? "" : "&agency=" + Uri.EscapeDataString(agency));
        var page = $"{baseUrl}{PagePath}?{query}";
        return new ReportLinks(page, page + "&handler=Csv", page + "&handler=Xlsx");
    }
}
