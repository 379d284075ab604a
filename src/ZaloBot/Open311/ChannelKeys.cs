using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Staff;

namespace ZaloBot.Open311;

public sealed record ChannelKey(long Id, string Channel, string? Label, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);

public sealed record IssuedChannelKey(long Id, string Channel, string ApiKey);

public sealed record IssueChannelKeyRequest(string? Channel, string? Label);

/// <summary>
/// API keys of the channels that file tickets through Open311 (hotline, web portal, counters): 32 random bytes shown
/// once, stored as SHA-256 like staff tokens, so a database leak reveals none.
/// </summary>
public sealed partial class ChannelKeys(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Prefix = "o311_";

    public static bool IsChannelName(string? channel) => channel is not null && ChannelName().IsMatch(channel);

    public async Task<IssuedChannelKey> IssueAsync(string channel, string? label, long? staffId, CancellationToken cancellationToken)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into channel_api_keys (channel, label, key_hash, created_at, created_by) values (@channel, @label, @hash, @now, @staffId)
            returning id
            """, new { channel, label, hash = Hash(key), now = time.GetUtcNow(), staffId }, cancellationToken: cancellationToken));
        return new IssuedChannelKey(id, channel, key);
    }

    public async Task<IReadOnlyList<ChannelKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ChannelKey>(new CommandDefinition(
            "select id, channel, label, created_at as CreatedAt, revoked_at as RevokedAt, last_used_at as LastUsedAt from channel_api_keys order by id",
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update channel_api_keys set revoked_at = @now where id = @id and revoked_at is null",
            new { id, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The live key's id and channel, or null for a missing, malformed, unknown or revoked key.</summary>
    public async Task<(long Id, string Channel)?> FindAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length is < 20 or > 100) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<(long, string)?>(new CommandDefinition(
            """
            update channel_api_keys set last_used_at = @now
            where key_hash = @hash and revoked_at is null
            returning id, channel
            """, new { hash = Hash(key), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [GeneratedRegex("^[a-z][a-z0-9_]{1,19}$")]
    private static partial Regex ChannelName();
}

/// <summary>Admins issue and revoke channel keys: /api/channel-keys.</summary>
public static class ChannelKeysApi
{
    public static IEndpointRouteBuilder MapChannelKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/channel-keys").WithTags("Open311").RequireAuthorization(StaffPolicies.Admin);
        api.MapGet("", async (ChannelKeys keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct)))
            .WithSummary("Channel API keys (never the keys themselves).");
        api.MapPost("", IssueAsync).WithSummary("Issue an API key for a channel (hotline, web, counter…); the key is shown once and stored hashed.");
        api.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, ChannelKeys keys, CancellationToken ct) =>
            await keys.RevokeAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithSummary("Revoke a channel key.");
        return app;
    }

    private static async Task<Results<Created<IssuedChannelKey>, ValidationProblem>> IssueAsync(
        IssueChannelKeyRequest request, System.Security.Claims.ClaimsPrincipal user, ChannelKeys keys, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ChannelKeys.IsChannelName(request.Channel)) errors["channel"] = ["A lowercase name of 2–20 letters, digits or _ (e.g. hotline, web)."];
        else if (request.Channel == "zalo") errors["channel"] = ["'zalo' is the OA's own channel and takes no key."];
        if (request.Label is { Length: > 200 }) errors["label"] = ["At most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var issued = await keys.IssueAsync(request.Channel!, request.Label, StaffIdentity.From(user).Id, cancellationToken);
        return TypedResults.Created($"/api/channel-keys/{issued.Id}", issued);
    }
}
