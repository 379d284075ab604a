using QRCoder;

namespace ZaloBot.ServiceCentres;

/// <summary>
/// A centre's QR code opens the Zalo Mini App with the centre in its link when one is registered: Zalo carries a Mini
/// App's parameters (an OA link carries none), and the app prefills a signed code in the chat. Without a Mini App it
/// encodes the landing page (/c/{code}), which opens the OA and gives the short code to send. The landing page and the
/// printed code keep working either way, for phones without the Mini App.
/// </summary>
public static class CentreQrCodes
{
    public static string ChatCode(string centreCode) => "#TT-" + centreCode;

    public static Uri LandingUrl(Uri publicBaseUrl, string centreCode) => new(publicBaseUrl, $"c/{Uri.EscapeDataString(centreCode)}");

    /// <summary>The Mini App link; utm_source=zalo-qr is what Zalo's QR short links carry, and it keeps the other parameters.</summary>
    public static Uri MiniAppUrl(string miniAppId, string centreCode) =>
        new($"https://zalo.me/s/{Uri.EscapeDataString(miniAppId)}/?c={Uri.EscapeDataString(centreCode)}&utm_source=zalo-qr");

    /// <summary>What a centre's QR code opens: the Mini App when configured, else the landing page.</summary>
    public static Uri Target(ServiceCentreOptions options, string centreCode) =>
        options.MiniAppId is { Length: > 0 } id ? MiniAppUrl(id, centreCode) : LandingUrl(options.PublicBaseUrl, centreCode);

    public static byte[] Png(string content, int pixelsPerModule = 12)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string content, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }
}
