namespace ZaloBot.ServiceCentres;

public sealed class ServiceCentreOptions
{
    public const string Section = "ServiceCentres";

    /// <summary>Public address of this service, printed in QR codes (the landing page /c/{code} lives there).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>The OA's name as citizens see it in Zalo, printed on posters.</summary>
    public string OaName { get; set; } = "Cổng tiếp nhận phản ánh, kiến nghị";

    /// <summary>
    /// The HMAC key of signed centre codes (Mini App and landing page), at least 32 characters, the same on every
    /// replica. Unset: a key derived from Zalo:OaSecretKey, which every replica already shares.
    /// </summary>
    public string? LinkSecret { get; set; }

    /// <summary>
    /// The Zalo Mini App's id (mini.zalo.me). Set, a centre's QR code opens the Mini App with the centre known
    /// (https://zalo.me/s/{id}/?c=BN01); unset, it opens the landing page /c/{code} as before.
    /// </summary>
    public string? MiniAppId { get; set; }

    /// <summary>How long a signed centre code attributes a ticket after it was issued.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
