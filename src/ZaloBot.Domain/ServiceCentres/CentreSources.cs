namespace ZaloBot.Domain.ServiceCentres;

/// <summary>How a ticket's service centre was known, stored on the ticket (<c>tickets.service_centre_source</c>).</summary>
public static class CentreSources
{
    /// <summary>A signed one-time code prefilled by the Mini App (chat) or carried by its form.</summary>
    public const string MiniApp = "miniapp";

    /// <summary>The code printed on the poster, typed by the citizen: anyone can type it, so it proves nothing.</summary>
    public const string TypedCode = "typed_code";

    /// <summary>A signed one-time code copied from the QR landing page.</summary>
    public const string LandingPage = "landing_page";

    public static readonly IReadOnlyList<string> All = [MiniApp, TypedCode, LandingPage];

    // One byte in the signed code: the order is part of the format, append only.
    internal static readonly string[] Signed = [MiniApp, LandingPage];

    public static string Title(string? source) => source switch
    {
        MiniApp => "Zalo Mini App",
        LandingPage => "trang mã QR",
        TypedCode => "mã gõ tay",
        _ => "không rõ",
    };
}
