using System.Text.Json.Serialization;

namespace ZaloBot.Oas;

/// <summary>One connected Official Account, as the service routes by it (its tokens stay in the database).</summary>
public sealed record ZaloOa(
    string OaId,
    string Name,
    string? AgencyCode,
    string State,
    string? DefaultAgencyCode,
    IReadOnlyDictionary<string, OaTemplate> Templates,
    string? FallbackOaId,
    string? WebhookSecretKey)
{
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";

    public bool IsConnected => State == Connected;
}

/// <summary>The ZBS templates one OA had approved for one notice kind.</summary>
public sealed record OaTemplate(
    [property: JsonPropertyName("templateId")] string? TemplateId,
    [property: JsonPropertyName("phoneTemplateId")] string? PhoneTemplateId);
