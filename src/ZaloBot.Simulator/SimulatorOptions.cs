namespace ZaloBot.Simulator;

/// <summary>How the fake Zalo platform identifies the app and OA, and where it delivers webhook events.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public string AppId { get; set; } = "dev-app";
    public string OaId { get; set; } = "dev-oa";
    public string OaSecretKey { get; set; } = "dev-oa-secret";
    public string AppSecret { get; set; } = "dev-app-secret";

    /// <summary>The first refresh token the fake OAuth endpoint accepts; like Zalo's, each one works once.</summary>
    public string InitialRefreshToken { get; set; } = "sim-refresh-0";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(25);

    /// <summary>The service's webhook URL, e.g. http://127.0.0.1:8080/webhooks/zalo (the chat page posts citizens' messages there).</summary>
    public Uri? WebhookUrl { get; set; }
}
