namespace ZaloBot.ServiceCentres;

public sealed class ServiceCentreOptions
{
    public const string Section = "ServiceCentres";

    /// <summary>Public address of this service, printed in QR codes (the landing page /c/{code} lives there).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>The OA's name as citizens see it in Zalo, printed on posters.</summary>
    public string OaName { get; set; } = "Cổng tiếp nhận phản ánh, kiến nghị";
}
