using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ZaloBot.Operations;

namespace ZaloBot.Open311;

public sealed record AgencyOnTime(string AgencyName, int Resolved, int OnTime)
{
    public double Rate => Resolved == 0 ? 0 : (double)OnTime / Resolved;
}

/// <summary>
/// The public answers page (/cong-khai): resolved tickets their category and citizen allow to publish, newest first,
/// searchable and filterable by category and ward, with each agency's on-time rate. No sign-in; Vietnamese; one column
/// on a phone. Everything shown comes from <see cref="PublicTickets"/>, which holds no private field.
/// </summary>
public static class PublicAnswersPage
{
    public const string Path = "/cong-khai";
    private const int PageSize = 20;
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static string E(string? text) => Html.Encode(text ?? "");

    public static IEndpointRouteBuilder MapPublicAnswersPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, RenderAsync).WithTags("Open311").WithSummary("Public answers page (HTML, Vietnamese).");
        return app;
    }

    private static async Task<IResult> RenderAsync(string? q, string? category, string? ward, int? page, NpgsqlDataSource dataSource,
        OnTimeRates rates, CancellationToken cancellationToken)
    {
        // A hostile or mistaken query string narrows to nothing rather than failing: this page is for the public.
        q = q is { Length: > 0 and <= 100 } && Domain.Text.SafeText.IsSafe(q) ? q.Trim() : null;
        category = category is { Length: > 0 and <= 40 } && Domain.Text.SafeText.IsSafe(category) ? category : null;
        ward = ward is { Length: > 0 and <= 40 } && Domain.Text.SafeText.IsSafe(ward) ? ward : null;
        var pageNumber = page is >= 1 and <= 500 ? page.Value : 1;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tickets = await PublicTickets.ListAsync(connection, new PublicTicketFilter(
            ServiceCodes: category is null ? null : [category], Statuses: PublicTickets.AnsweredWithResult, AreaCode: ward, Text: q,
            Limit: PageSize + 1, Offset: (pageNumber - 1) * PageSize, ExcludeDuplicates: true), cancellationToken);
        var categories = await connection.QueryAsync<(string Code, string Name)>(new CommandDefinition(
            "select code, name from categories where active and publication <> 'never' order by sort_order, code", cancellationToken: cancellationToken));
        var wards = await connection.QueryAsync<(string Code, string Name)>(new CommandDefinition(
            "select code, name from areas order by name", cancellationToken: cancellationToken));
        var onTime = await rates.GetAsync(cancellationToken);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Công khai trả lời phản ánh, kiến nghị</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 12px; max-width: 860px; line-height: 1.5; color: #111; }
              h1 { font-size: 1.4em; color: #0068ff; } h2 { font-size: 1.1em; }
              form { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 12px; }
              input, select, button { font-size: 1em; padding: 8px; border: 1px solid #999; border-radius: 6px; flex: 1 1 200px; }
              button { background: #0068ff; color: #fff; border: 0; flex: 0 0 auto; }
              article { border: 1px solid #ddd; border-radius: 8px; padding: 10px 12px; margin: 10px 0; }
              .meta { color: #555; font-size: .9em; } .answer { background: #f2f7ff; padding: 8px; border-radius: 6px; }
              .late { color: #b00020; } .ontime { color: #1b7f3b; }
              table { border-collapse: collapse; width: 100%; font-size: .95em; } td, th { border-bottom: 1px solid #eee; padding: 4px; text-align: left; }
            </style></head>
            <body>
            <h1>Công khai trả lời phản ánh, kiến nghị</h1>
            <p>Các phản ánh đã được giải quyết mà lĩnh vực cho phép công khai và người gửi không từ chối. Không công khai họ tên,
            số điện thoại, ảnh hay thông tin liên hệ của người phản ánh.</p>
            <form method="get" action="{{Path}}" role="search">
              <label class="sr" for="q" hidden>Tìm kiếm</label>
              <input id="q" name="q" type="search" placeholder="Tìm nội dung, ví dụ: đèn đường" value="{{E(q)}}">
              <select name="category" aria-label="Lĩnh vực"><option value="">Tất cả lĩnh vực</option>
            """);
        foreach (var (code, name) in categories)
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(code)}\"{(code == category ? " selected" : "")}>{E(name)}</option>");
        html.Append("</select><select name=\"ward\" aria-label=\"Phường/xã\"><option value=\"\">Tất cả phường/xã</option>");
        foreach (var (code, name) in wards)
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(code)}\"{(code == ward ? " selected" : "")}>{E(name)}</option>");
        html.Append("</select><button type=\"submit\">Tìm</button></form>\n");

        if (tickets.Count == 0) html.Append("<p>Không có phản ánh nào phù hợp.</p>");
        foreach (var t in tickets.Take(PageSize))
        {
            var onTimeText = t.OnTime switch
            {
                true => "<span class=\"ontime\">Đúng hạn</span>",
                false => "<span class=\"late\">Quá hạn</span>",
                null => "",
            };
            html.Append(CultureInfo.InvariantCulture, $"""
                <article>
                  <div class="meta">{E(t.Code)} · {E(t.ServiceName)}{(t.Address is null ? "" : " · " + E(t.Address))}</div>
                  <p>{E(t.Description)}</p>
                  <div class="answer"><b>{E(t.AgencyName ?? "Cơ quan xử lý")} trả lời:</b> {E(t.Answer ?? t.StatusText)}</div>
                  <div class="meta">Gửi ngày {Date(t.RequestedAt)}{(t.ResolvedAt is { } r ? " · Trả lời ngày " + Date(r) : "")}{(t.ExpectedAt is { } d ? " · Hạn " + Date(d) : "")} {onTimeText}</div>
                </article>
                """);
        }
        var query = $"q={Uri.EscapeDataString(q ?? "")}&category={Uri.EscapeDataString(category ?? "")}&ward={Uri.EscapeDataString(ward ?? "")}";
        html.Append("<nav>");
        if (pageNumber > 1) html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Path}?{E(query)}&amp;page={pageNumber - 1}\">« Trang trước</a> ");
        if (tickets.Count > PageSize) html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Path}?{E(query)}&amp;page={pageNumber + 1}\">Trang sau »</a>");
        html.Append("</nav>\n<h2>Tỷ lệ trả lời đúng hạn của các cơ quan (12 tháng gần nhất)</h2>\n<table><tr><th>Cơ quan</th><th>Đã giải quyết</th><th>Đúng hạn</th></tr>");
        foreach (var a in onTime)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(a.AgencyName)}</td><td>{a.Resolved}</td><td>{a.Rate.ToString("P0", CultureInfo.GetCultureInfo("vi-VN"))}</td></tr>");
        html.Append("</table>\n<p class=\"meta\">Dữ liệu mở theo chuẩn Open311: <a href=\"/open311/v2/requests.json\">/open311/v2/requests.json</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Each agency's on-time rate over the last 12 months, over every resolved ticket (an aggregate reveals no one); cached for minutes.</summary>
public sealed class OnTimeRates(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly TimedCache<IReadOnlyList<AgencyOnTime>> _cache = new(TimeSpan.FromMinutes(5), time);

    public Task<IReadOnlyList<AgencyOnTime>> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(async ct =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<AgencyOnTime>(new CommandDefinition(
            """
            select a.name as AgencyName, count(*)::int as Resolved, (count(*) filter (where t.resolved_at <= t.due_at))::int as OnTime
            from tickets t join agencies a on a.code = t.assigned_agency_code
            where t.resolved_at >= @since and t.due_at is not null
            group by a.name
            order by a.name
            """, new { since = time.GetUtcNow().AddYears(-1) }, cancellationToken: ct))).AsList();
    }, cancellationToken);

    public void Invalidate() => _cache.Invalidate();
}
