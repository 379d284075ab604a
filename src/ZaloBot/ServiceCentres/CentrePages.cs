using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ZaloBot.ServiceCentres;

/// <summary>The printable A4 poster and the landing page a centre's QR code opens. Vietnamese, large type.</summary>
public static class CentrePages
{
    // Escapes markup but leaves Vietnamese letters readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Html.Encode(text);

    public static string Poster(ServiceCentre centre, string oaName, string qrSvg, Uri landingUrl, bool opensMiniApp = false) => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><title>Áp phích — {{E(centre.Name)}}</title>
        <style>
          @page { size: A4; margin: 15mm; }
          body { font-family: system-ui, "Segoe UI", Roboto, sans-serif; margin: 0; color: #111; text-align: center; }
          h1 { font-size: 30pt; margin: 10mm 0 4mm; color: #0068ff; }
          h2 { font-size: 18pt; margin: 0 0 2mm; }
          .address { font-size: 12pt; color: #444; margin-bottom: 6mm; }
          .qr svg { width: 95mm; height: 95mm; }
          .code { font-size: 26pt; font-weight: 700; letter-spacing: 2px; border: 3px dashed #0068ff; display: inline-block; padding: 2mm 8mm; margin: 4mm 0; }
          ol { text-align: left; font-size: 16pt; max-width: 160mm; margin: 6mm auto; line-height: 1.5; }
          .foot { font-size: 10pt; color: #555; margin-top: 6mm; }
        </style></head>
        <body>
          <h1>PHẢN ÁNH, KIẾN NGHỊ QUA ZALO</h1>
          <h2>{{E(centre.Name)}}</h2>
          <div class="address">{{E(centre.Address)}}</div>
          <div class="qr">{{qrSvg}}</div>
          <div>Mã của điểm tiếp nhận:</div>
          <div class="code">{{E(CentreQrCodes.ChatCode(centre.Code))}}</div>
          {{(opensMiniApp ? MiniAppSteps(oaName) : ChatSteps(centre, oaName))}}
          <div class="foot">Đường dẫn: {{E(landingUrl.ToString())}} · Phản ánh được trả lời trong thời hạn quy định, tính theo ngày làm việc.</div>
        </body></html>
        """;

    /// <param name="signedMessage">What "Chép mã" copies: the centre code signed for this visit, so the ticket records
    /// that the centre was known from this page; the code shown stays the short one a citizen can type.</param>
    private static string ChatSteps(ServiceCentre centre, string oaName) => $$"""
        <ol>
            <li>Mở Zalo, quét mã QR ở trên và bấm <b>Quan tâm</b> tài khoản <b>{{E(oaName)}}</b>.</li>
            <li>Gửi tin nhắn <b>{{E(CentreQrCodes.ChatCode(centre.Code))}}</b> (hoặc gõ “TT {{E(centre.Code)}}”).</li>
            <li>Bấm <b>Gửi phản ánh</b> và làm theo hướng dẫn: lĩnh vực, nội dung, địa điểm, hình ảnh, liên hệ. Bạn sẽ nhận mã phản ánh để tra cứu.</li>
          </ol>
        """;

    private static string MiniAppSteps(string oaName) => $$"""
        <ol>
            <li>Mở Zalo, bấm biểu tượng quét mã và quét mã QR ở trên.</li>
            <li>Chọn <b>Nhắn tin với tổng đài</b> (rồi bấm Gửi) hoặc <b>Gửi phản ánh có ảnh</b>.</li>
            <li>Kết quả xử lý được nhắn cho bạn qua tài khoản Zalo <b>{{E(oaName)}}</b>; bấm <b>Tra cứu phản ánh</b> để xem lại.</li>
          </ol>
        """;

    public static string Landing(ServiceCentre centre, string oaName, Uri zaloLink, string signedMessage) => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Gửi phản ánh — {{E(centre.Name)}}</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 0; padding: 24px; font-size: 20px; line-height: 1.5; text-align: center; }
          .code { font-size: 34px; font-weight: 700; border: 3px dashed #0068ff; padding: 8px 16px; display: inline-block; margin: 12px 0; }
          a.button, button { display: block; margin: 16px auto; padding: 16px; max-width: 360px; font-size: 22px; border-radius: 12px; border: 0; background: #0068ff; color: #fff; text-decoration: none; }
          button { background: #eef3ff; color: #0068ff; border: 2px solid #0068ff; width: 100%; }
        </style></head>
        <body>
          <h1>{{E(centre.Name)}}</h1>
          <p>Để gửi phản ánh, kiến nghị qua Zalo, bạn gửi mã sau cho <b>{{E(oaName)}}</b>:</p>
          <div class="code" id="code">{{E(CentreQrCodes.ChatCode(centre.Code))}}</div>
          <button type="button" data-copy="{{E(signedMessage)}}" onclick="navigator.clipboard && navigator.clipboard.writeText(this.dataset.copy); this.textContent='Đã chép mã';">Chép mã</button>
          <a class="button" href="{{E(zaloLink.ToString())}}">Mở Zalo để gửi phản ánh</a>
          <p>Sau đó bấm “Gửi phản ánh” và làm theo hướng dẫn.</p>
        </body></html>
        """;
}
