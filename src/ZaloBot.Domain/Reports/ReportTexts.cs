using System.Globalization;
using System.Text;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Reports;

/// <summary>The short Vietnamese summary a leader receives in Zalo, and the words shared with the reports page.</summary>
public static class ReportTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The tracks in the order the law lists them, with their stored names.</summary>
    public static readonly IReadOnlyList<string> Tracks = [TicketTracks.Pakn, TicketTracks.KhieuNai, TicketTracks.ToCao];

    public static string PeriodName(ReportCadence cadence, DateOnly from, DateOnly lastDay) => cadence == ReportCadence.Monthly
        ? $"tháng {from:MM/yyyy}"
        : $"tuần {from:dd/MM}–{lastDay:dd/MM/yyyy}";

    /// <param name="scope">The agency's name, or null for the whole province.</param>
    public static string Summary(DueReport report, string? scope, ScopeFigures figures, string pageUrl, string csvUrl, string xlsxUrl)
    {
        var text = new StringBuilder();
        text.Append("📊 Báo cáo ").Append(PeriodName(report.Cadence, report.From, report.LastDay)).Append(" — ").Append(scope ?? "toàn tỉnh").Append('\n');
        var t = figures.Total;
        text.Append(CultureInfo.InvariantCulture, $"Tiếp nhận: {t.Received} · Đã giải quyết: {t.Resolved}, đúng hạn {Percent(t.OnTimeRate)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Quá hạn: {t.Overdue} · Mở lại: {t.Reopened} · Hài lòng: {Rating(t)}\n");
        foreach (var track in Tracks)
        {
            if (!figures.ByTrack.TryGetValue(track, out var f) || f.IsEmpty) continue;
            text.Append("- ").Append(Capitalised(TrackTexts.TrackName(track)))
                .Append(CultureInfo.InvariantCulture, $": nhận {f.Received}, giải quyết {f.Resolved} (đúng hạn {Percent(f.OnTimeRate)}), quá hạn {f.Overdue}, mở lại {f.Reopened}\n");
        }
        if (t.IsEmpty) text.Append("Không có phản ánh, kiến nghị, khiếu nại, tố cáo nào trong kỳ.\n");
        text.Append("Xem chi tiết: ").Append(pageUrl).Append('\n');
        text.Append("Tải CSV: ").Append(csvUrl).Append('\n');
        text.Append("Tải Excel: ").Append(xlsxUrl);
        return text.ToString();
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", Vietnamese) + "%" : "–";

    public static string Rating(ReportFigures f) => f.AverageRating is { } r ? $"{r.ToString("0.0", Vietnamese)}/5 ({f.Ratings} lượt)" : "chưa có đánh giá";

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Vietnamese) + text[1..];
}
