using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ZaloBot.Domain.Privacy;

namespace ZaloBot.Privacy;

/// <summary>
/// The public privacy pages: the full, versioned notice (/quyen-rieng-tu) linked from the chat's short notice, and a
/// citizen's one-time export. Plain HTML, one column on a phone, no scripts, no sign-in.
/// </summary>
public static class PrivacyPages
{
    public const string NoticePath = "/quyen-rieng-tu";
    public const string ExportPath = "/quyen-rieng-tu/du-lieu";
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static string E(string? text) => Html.Encode(text ?? "");

    public static IEndpointRouteBuilder MapPrivacyPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(NoticePath, Notice).WithTags("Privacy").WithSummary("The full privacy notice (HTML, Vietnamese), in its current version.");
        app.MapGet(ExportPath + "/{token}", ExportAsync).WithTags("Privacy").WithSummary("A citizen's data, from the one-time link the bot sent (HTML with a JSON download).");
        return app;
    }

    private static IResult Notice(IOptions<PrivacyOptions> options, HttpContext context)
    {
        var o = options.Value;
        Secure(context);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <h1>Thông báo xử lý dữ liệu cá nhân</h1>
            <p class="muted">Phiên bản {o.NoticeVersion}. Áp dụng cho việc gửi phản ánh, kiến nghị qua Zalo Official Account.</p>
            <h2>Ai xử lý dữ liệu</h2>
            <p>Bên kiểm soát và xử lý dữ liệu: {E(o.Controller)}. Liên hệ về dữ liệu cá nhân: {E(o.ContactEmail)}, đường dây nóng {E(o.Hotline)}.</p>
            <h2>Dữ liệu nào, để làm gì, căn cứ nào</h2>
            <ul>
              <li><b>Giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo</b> — nội dung, địa điểm, ảnh, tệp, họ tên, số điện thoại, mã người dùng Zalo.
                  Căn cứ: nhiệm vụ theo quy định về tiếp nhận, xử lý phản ánh, kiến nghị (Quyết định 31/2021/QĐ-TTg), Luật Tố cáo 2018 với tố cáo;
                  xử lý không cần sự đồng ý theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15).</li>
              <li><b>Thông báo kết quả cho bạn</b> qua Zalo — cùng căn cứ.</li>
              <li><b>Thống kê</b> — chỉ số liệu tổng hợp, không kèm thông tin cá nhân.</li>
            </ul>
            <h2>Việc chỉ làm khi bạn đồng ý (hỏi riêng từng việc, có thể rút lại)</h2>
            <ul>
              <li>{E(Purposes.Title(Purposes.Publication))}.</li>
              <li>{E(Purposes.Title(Purposes.CallBack))} — nếu không, cán bộ chỉ nhắn qua Zalo.</li>
              <li>{E(Purposes.Title(Purposes.Survey))}.</li>
              <li>{E(Purposes.Title(Purposes.Location))} — bạn có thể gõ địa chỉ thay vì chia sẻ vị trí.</li>
            </ul>
            <p>Từ chối hay im lặng đều là "không đồng ý" và không ảnh hưởng đến việc giải quyết phản ánh.</p>
            <h2>Ai nhận dữ liệu</h2>
            <p>Cơ quan có thẩm quyền giải quyết; Hệ thống thông tin phản ánh, kiến nghị quốc gia; Zalo (Công ty Cổ phần VNG) là nền tảng truyền tin nhắn.
               Danh tính người tố cáo chỉ cán bộ được giao giải quyết và lãnh đạo được xem, mỗi lần xem đều được ghi lại.</p>
            <h2>Lưu bao lâu</h2>
            <p>{E(o.RetentionText)}.</p>
            <h2>Quyền của bạn và cách thực hiện</h2>
            <p>Bạn có quyền được biết, đồng ý hoặc rút lại đồng ý, xem, sửa, xoá, hạn chế xử lý, phản đối và khiếu nại. Nhắn cho Official Account:</p>
            <ul>
              <li>"dữ liệu của tôi" — bản tóm tắt và đường dẫn tải toàn bộ dữ liệu;</li>
              <li>"sửa số điện thoại 09…" — sửa số liên hệ;</li>
              <li>"xóa dữ liệu của tôi" — yêu cầu xoá;</li>
              <li>"rút lại đồng ý" — rút mọi đồng ý tuỳ chọn.</li>
            </ul>
            <p>Yêu cầu được xác nhận ngay và trả lời trong hạn luật định. Bạn cũng có thể khiếu nại tới cơ quan chuyên trách bảo vệ dữ liệu cá nhân (Bộ Công an).</p>
            <h2>Không dùng Zalo?</h2>
            <p>Bạn có thể gọi {E(o.Hotline)} hoặc đến {E(o.Counter)}. Không cần gửi ảnh hay số CMND/CCCD.</p>
            """);
        return Results.Content(Page("Thông báo xử lý dữ liệu cá nhân", body.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ExportAsync(string token, DataExport export, HttpContext context, CancellationToken cancellationToken)
    {
        Secure(context);
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var data = await export.RedeemAsync(token, cancellationToken);
        if (data is null)
            return Results.Content(Page("Đường dẫn không còn hiệu lực",
                "<h1>Đường dẫn không còn hiệu lực</h1><p>Đường dẫn chỉ mở được một lần và có thời hạn. Nhắn \"dữ liệu của tôi\" cho Official Account để nhận đường dẫn mới.</p>"),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

        var json = JsonSerializer.Serialize(data, ExportJson);
        var body = new StringBuilder("<h1>Dữ liệu của bạn</h1><p class=\"muted\">Trang này chỉ mở được một lần. Hãy tải tệp JSON nếu muốn giữ lại.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p><a download=\"du-lieu-cua-toi.json\" href=\"data:application/json;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}\">Tải toàn bộ (JSON)</a></p>");
        body.Append("<h2>Phản ánh</h2>");
        if (data.Tickets.Count == 0) body.Append("<p>Không có.</p>");
        foreach (var t in data.Tickets)
        {
            body.Append(CultureInfo.InvariantCulture, $"<section><h3>{E(t.Code)} — {E(t.Category)}</h3><p>{E(t.Description)}</p><dl>");
            body.Append(CultureInfo.InvariantCulture, $"<dt>Địa điểm</dt><dd>{E(t.Address ?? (t.Latitude is null ? "—" : FormattableString.Invariant($"{t.Latitude}, {t.Longitude}")))}</dd>");
            body.Append(CultureInfo.InvariantCulture, $"<dt>Liên hệ</dt><dd>{E(t.ContactName)} {E(t.ContactPhone)}</dd><dt>Trạng thái</dt><dd>{E(TicketStatusText.ForCitizen(t.Status))}</dd></dl>");
            foreach (var m in data.Messages.Where(m => m.TicketCode == t.Code))
                body.Append(CultureInfo.InvariantCulture, $"<p><b>{E(m.Sender)}</b> ({m.At:dd/MM/yyyy HH:mm} UTC): {E(m.Text)}</p>");
            body.Append("</section>");
        }
        body.Append("<h2>Các lựa chọn về đồng ý</h2><ul>");
        foreach (var c in data.Consents)
            body.Append(CultureInfo.InvariantCulture, $"<li>{c.At:dd/MM/yyyy HH:mm} UTC — {E(Purposes.Title(c.Purpose))}: {E(AnswerTitle(c.Answer))} (phiên bản {c.NoticeVersion}{(c.TicketCode is null ? "" : ", " + E(c.TicketCode))})</li>");
        body.Append("</ul><h2>Yêu cầu về dữ liệu</h2><ul>");
        foreach (var r in data.Requests)
            body.Append(CultureInfo.InvariantCulture, $"<li>{r.ReceivedAt:dd/MM/yyyy} — {E(RequestKinds.Title(r.Kind))}: {E(r.Status)} {E(r.Outcome)}</li>");
        body.Append("</ul>");
        return Results.Content(Page("Dữ liệu của bạn", body.ToString()), "text/html; charset=utf-8");
    }

    public static string AnswerTitle(string answer) => answer switch
    {
        ConsentAnswers.Granted => "đồng ý",
        ConsentAnswers.Refused => "không đồng ý",
        ConsentAnswers.Withdrawn => "đã rút lại",
        ConsentAnswers.Shown => "đã xem",
        _ => answer,
    };

    private static void Secure(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
    }

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 12px; max-width: 760px; line-height: 1.55; color: #111; font-size: 17px; }
          h1 { font-size: 1.35em; color: #0057d9; } h2 { font-size: 1.1em; margin-top: 1.4em; } h3 { font-size: 1em; }
          .muted { color: #555; } section { border-top: 1px solid #ddd; padding-top: 6px; } a { color: #0057d9; }
        </style></head>
        <body><main>{{body}}</main></body></html>
        """;
}
