using QRCoder;

namespace ZaloBot.ServiceCentres;

/// <summary>
/// A centre's QR code encodes the link to its landing page (/c/{code}), which opens the OA in Zalo and shows the
/// short code to send. Zalo documents no reliable way to carry a reference from a QR code into the chat (a follow's
/// "source" only says it came from a QR code), so the code the citizen sends is what attributes the complaint.
/// </summary>
public static class CentreQrCodes
{
    public static string ChatCode(string centreCode) => "#TT-" + centreCode;

    public static Uri LandingUrl(Uri publicBaseUrl, string centreCode) => new(publicBaseUrl, $"c/{Uri.EscapeDataString(centreCode)}");

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
