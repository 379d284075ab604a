namespace ZaloBot.Zalo;

public enum ZaloMode
{
    Live,
    Simulator,
}

/// <summary>The <c>Zalo</c> configuration section; every key is in appsettings.sample.json.</summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public ZaloMode Mode { get; set; } = ZaloMode.Live;
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    public string? OaId { get; set; }
    public string? OaSecretKey { get; set; }
    public Uri ApiBaseUrl { get; set; } = new("https://openapi.zalo.me");
    public Uri OAuthBaseUrl { get; set; } = new("https://oauth.zaloapp.com");

    /// <summary>Where ZBS template messages by phone number go (a different host from the OA API).</summary>
    public Uri BusinessApiBaseUrl { get; set; } = new("https://business.openapi.zalo.me");
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Reject webhook events whose own timestamp is older (or further in the future) than this. Off when unset:
    /// Zalo's redelivery schedule is not documented, and refusing a late retry would lose the event.
    /// </summary>
    public TimeSpan? SignatureMaxAge { get; set; }
}

internal sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions o)
    {
        var failures = new List<string>();
        void Require(string? value, string key, string help)
        {
            if (string.IsNullOrWhiteSpace(value)) failures.Add($"Zalo:{key} is missing. {help}");
        }

        Require(o.AppId, nameof(o.AppId), "Set it to the Zalo app id (developers.zalo.me → your app → App ID); webhook events carry it and are checked against it.");
        Require(o.OaSecretKey, nameof(o.OaSecretKey), "Set it to the OA secret key (app → Webhook → OA Secret Key); it verifies X-ZEvent-Signature.");
        Require(o.OaId, nameof(o.OaId), "Set it to the Official Account id.");
        if (o.Mode == ZaloMode.Live)
        {
            Require(o.AppSecret, nameof(o.AppSecret), "Set it to the app's secret key; it is needed to refresh access tokens.");
            Require(o.RefreshToken, nameof(o.RefreshToken), "Set it to an initial OA refresh token; afterwards the rotated one stored in the database is used.");
        }
        if (o.SignatureMaxAge is { } age && age <= TimeSpan.Zero)
            failures.Add("Zalo:SignatureMaxAge must be a positive duration such as 00:15:00, or left unset to accept events of any age.");
        if (!o.ApiBaseUrl.IsAbsoluteUri) failures.Add("Zalo:ApiBaseUrl must be an absolute URL.");
        if (!o.OAuthBaseUrl.IsAbsoluteUri) failures.Add("Zalo:OAuthBaseUrl must be an absolute URL.");
        if (!o.BusinessApiBaseUrl.IsAbsoluteUri) failures.Add("Zalo:BusinessApiBaseUrl must be an absolute URL.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
