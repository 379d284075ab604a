using System.Globalization;
using System.Text;
using SpreadCheetah;
using ZaloBot.Domain.Reports;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets;

namespace ZaloBot.Reports;

/// <summary>
/// A period's figures as a spreadsheet: one row per scope (the province or agency, then each agency) and track, the
/// same figures as the page and the Zalo summary. CSV for any tool; XLSX (SpreadCheetah, MIT: a small streaming writer
/// with no dependencies) with a second sheet of the counts by status, category, agency, centre and month.
/// </summary>
public static class ReportExports
{
    private static readonly string[] Header =
    [
        "Cơ quan", "Loại đơn", "Tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn", "Quá hạn", "Mở lại",
        "Thời gian giải quyết, trung vị (giờ)", "Hài lòng (điểm trung bình)", "Lượt đánh giá",
    ];

    /// <summary>The rows, in the page's order; numbers stay numbers (null: no figure).</summary>
    public static IEnumerable<object?[]> Rows(PeriodReport report, string? agency, Func<string, string> agencyName)
    {
        IEnumerable<object?[]> Scope(string name, ScopeFigures figures)
        {
            yield return Row(name, "Tất cả", figures.Total);
            foreach (var track in ReportTexts.Tracks)
                yield return Row(name, TrackTexts.TrackName(track), figures.ByTrack.GetValueOrDefault(track) ?? ReportFigures.None);
        }

        if (agency is not null)
        {
            foreach (var row in Scope(agencyName(agency), report.For(agency))) yield return row;
            yield break;
        }
        foreach (var row in Scope("Toàn tỉnh", report.Province)) yield return row;
        foreach (var a in LeagueTable.Order(report.Agencies))
            foreach (var row in Scope(agencyName(a.Agency), a.Figures)) yield return row;
        if (report.Unassigned is { } unassigned)
            foreach (var row in Scope("Chưa giao cơ quan", unassigned)) yield return row;
    }

    private static object?[] Row(string scope, string track, ReportFigures f) =>
        [scope, track, f.Received, f.Resolved, f.ResolvedOnTime, f.OnTimeRate is { } r ? Math.Round(r, 4) : null, f.Overdue, f.Reopened,
         f.MedianHoursToResolve is { } h ? Math.Round(h, 1) : null, f.AverageRating is { } s ? Math.Round(s, 2) : null, f.Ratings];

    public static byte[] Csv(PeriodReport report, string? agency, Func<string, string> agencyName)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header.Select(ReportCsv.Quote)).Append('\n');
        foreach (var row in Rows(report, agency, agencyName))
            csv.AppendJoin(',', row.Select(v => v switch
            {
                null => "",
                string s => ReportCsv.Quote(s),
                IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
                _ => ReportCsv.Quote(v.ToString() ?? ""),
            })).Append('\n');
        // Counts only: the file says so, for whoever receives it (docs/privacy.md).
        csv.Append(ZaloBot.ReportEndpoints.ReportPrivacy.CsvNoPersonalData);
        // A byte-order mark, so Excel opens the Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static async Task<byte[]> XlsxAsync(PeriodReport report, string? agency, Func<string, string> agencyName, TicketReport counts, Func<CountRow, string> countLabel, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var sheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await sheet.StartWorksheetAsync("Kết quả", token: cancellationToken);
            await sheet.AddRowAsync(Header.Select(h => new DataCell(h)).ToArray(), cancellationToken);
            foreach (var row in Rows(report, agency, agencyName))
                await sheet.AddRowAsync(row.Select(Cell).ToArray(), cancellationToken);
            await sheet.StartWorksheetAsync("Số lượng", token: cancellationToken);
            await sheet.AddRowAsync([new DataCell("Theo"), new DataCell("Nhóm"), new DataCell("Số phiếu")], cancellationToken);
            foreach (var c in counts.Counts)
                await sheet.AddRowAsync([new DataCell(c.Dimension), new DataCell(countLabel(c)), new DataCell(c.Count)], cancellationToken);
            await sheet.AddRowAsync([new DataCell(ZaloBot.ReportEndpoints.ReportPrivacy.CsvNoPersonalData.Trim())], cancellationToken);
            await sheet.FinishAsync(cancellationToken);
        }
        return stream.ToArray();
    }

    private static DataCell Cell(object? value) => value switch
    {
        string s => new DataCell(s),
        long n => new DataCell(n),
        double d => new DataCell(d),
        _ => new DataCell(),
    };
}
