using System.Globalization;
using System.Text;

namespace ZaloBot.Tickets;

/// <summary>
/// The reports' CSV, written one way: the counts file (a row per count, then the summary figures, then the line that
/// says no personal data is in it) and the quoting every report file uses, so a spreadsheet reads them all alike.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = ReportEndpoints.ReportResponse.CsvContentType;

    /// <param name="summary">The summary figures as <c>$"name,{value}"</c>, written with invariant numbers.</param>
    public static string Counts(IEnumerable<CountRow> counts, params FormattableString[] summary)
    {
        var csv = new StringBuilder("dimension,key,value\n");
        foreach (var row in counts) csv.Append(row.Dimension).Append(',').Append(Quote(row.Key)).Append(',').Append(row.Count).Append('\n');
        foreach (var figure in summary) csv.Append("summary,").Append(figure.ToString(CultureInfo.InvariantCulture)).Append('\n');
        // Counts only: the file says so, for whoever receives it (docs/privacy.md).
        csv.Append(ReportEndpoints.ReportPrivacy.CsvNoPersonalData);
        return csv.ToString();
    }

    /// <summary>A field quoted only when it must be (a comma, a quote or a line break in it).</summary>
    public static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
