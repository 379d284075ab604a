using System.Text.Json;
using ZaloBot.Operations;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// The connected OAs, read from <c>zalo_oas</c> and kept for a few seconds (an admin's change in this process is seen
/// at once, other replicas see it within the lifetime). The configured OA (<c>Zalo:OaId</c>) is the primary one: events
/// that name no OA belong to it.
/// </summary>
public sealed class OaDirectory(NpgsqlDataSource dataSource, IOptions<ZaloOptions> options, TimeProvider time)
{
    private readonly TimedCache<IReadOnlyDictionary<string, ZaloOa>> _cache = new(TimeSpan.FromSeconds(5), time);

    public string PrimaryOaId => options.Value.OaId ?? "";

    public Task<IReadOnlyDictionary<string, ZaloOa>> AllAsync(CancellationToken cancellationToken) => _cache.GetAsync(LoadAsync, cancellationToken);

    public async Task<ZaloOa?> FindAsync(string oaId, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).GetValueOrDefault(oaId);

    public void Invalidate() => _cache.Invalidate();

    private async Task<IReadOnlyDictionary<string, ZaloOa>> LoadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select oa_id as OaId, name as Name, agency_code as AgencyCode, state as State, default_agency_code as DefaultAgencyCode,
                   templates::text as Templates, fallback_oa_id as FallbackOaId, webhook_secret_key as WebhookSecretKey
            from zalo_oas
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.OaId, r => new ZaloOa(r.OaId, r.Name, r.AgencyCode, r.State, r.DefaultAgencyCode,
            JsonSerializer.Deserialize<Dictionary<string, OaTemplate>>(r.Templates) ?? [], r.FallbackOaId, r.WebhookSecretKey), StringComparer.Ordinal);
    }

    private sealed record Row(string OaId, string Name, string? AgencyCode, string State, string? DefaultAgencyCode, string Templates, string? FallbackOaId, string? WebhookSecretKey);
}
