namespace ZaloBot.MiniApp;

/// <summary>The <c>MiniApp</c> configuration section: the Zalo Mini App a centre's QR code opens, and its API's limits.</summary>
public sealed class MiniAppOptions
{
    public const string Section = "MiniApp";

    /// <summary>
    /// Origins allowed to call /miniapp/v1 from a browser. Zalo serves Mini Apps from h5.zdn.vn (and its own
    /// zbrowser scheme in the app); which origins a published app really uses is unconfirmed, so it is a setting.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"];

    /// <summary>Zalo's Graph API, which says whose a Mini App access token is (<c>/v2.0/me</c>).</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.zalo.me");

    /// <summary>Requests per minute per client address (and per verified user) before 429.</summary>
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>Photos per submission, and bytes per photo.</summary>
    public int MaxPhotos { get; set; } = 3;
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;
}
