using ZaloBot.Zalo;

namespace ZaloBot.MiniApp;

/// <summary>A Mini App user Zalo vouched for, and the same person's id on the OA (where notices go).</summary>
public sealed record MiniAppCitizen(string AppUserId, string OaId, string OaUserId, string AccessToken);

public abstract record IdentityCheck
{
    public sealed record Verified(MiniAppCitizen Citizen) : IdentityCheck;

    /// <summary>No token, or one Zalo does not vouch for: 401.</summary>
    public sealed record Unverified : IdentityCheck;

    /// <summary>Zalo vouches for the user, but not as this OA's follower (or not as the id the client claimed): 403.</summary>
    public sealed record NotFollower : IdentityCheck;

    /// <summary>Zalo could not be asked: 503, the app retries.</summary>
    public sealed record ZaloUnavailable : IdentityCheck;
}

/// <summary>
/// The Mini App sends the user's access token and the id it says the user has on the OA (<c>idByOA</c> from
/// getUserInfo). Neither is taken on its word: Graph's <c>/me</c> names the app-scoped user behind the token, and the
/// OA API's follower profile of the claimed id must carry that same app-scoped id. A confirmed pair is kept per OA
/// (<c>miniapp_users</c>), so later calls need only the Graph check.
/// </summary>
public sealed partial class MiniAppIdentity(ZaloGraphClient graph, ZaloApiClient api, ZaloTokenProvider tokens, NpgsqlDataSource dataSource,
    IOptions<ZaloOptions> zalo, TimeProvider time, ILogger<MiniAppIdentity> logger)
{
    public const int MaxTokenLength = 2048;

    public async Task<IdentityCheck> VerifyAsync(string? accessToken, string? claimedOaUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(accessToken) || accessToken.Length > MaxTokenLength || !Domain.Text.SafeText.IsSafe(accessToken))
            return new IdentityCheck.Unverified();
        var me = await graph.MeAsync(accessToken, cancellationToken);
        switch (me)
        {
            case GraphAnswer.Unreachable down:
                LogGraphDown(logger, down.Reason);
                return new IdentityCheck.ZaloUnavailable();
            case GraphAnswer.Refused refused:
                LogRefused(logger, refused.Error);
                return new IdentityCheck.Unverified();
        }
        var appUserId = ((GraphAnswer.User)me).AppUserId;
        var oaId = zalo.Value.OaId ?? "";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var known = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select oa_user_id from miniapp_users where oa_id = @oaId and app_user_id = @appUserId", new { oaId, appUserId }, cancellationToken: cancellationToken));
        if (known is not null && (claimedOaUserId is null || claimedOaUserId == known))
            return new IdentityCheck.Verified(new MiniAppCitizen(appUserId, oaId, known, accessToken));
        if (string.IsNullOrWhiteSpace(claimedOaUserId) || claimedOaUserId.Length > 64 || !Domain.Text.SafeText.IsSafe(claimedOaUserId))
            return new IdentityCheck.NotFollower();

        ZaloUserProfile profile;
        try
        {
            profile = await api.GetUserProfileAsync(claimedOaUserId, await tokens.GetAsync(cancellationToken), cancellationToken);
        }
        catch (ZaloApiException ex)
        {
            // Zalo does not know the id as this OA's user (or it is not a follower): nothing to map.
            LogProfileRefused(logger, ex.Error);
            return new IdentityCheck.NotFollower();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogGraphDown(logger, ex.GetType().Name);
            return new IdentityCheck.ZaloUnavailable();
        }
        if (profile.UserIdByApp != appUserId || profile.IsFollower == false) return new IdentityCheck.NotFollower();

        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into miniapp_users (oa_id, app_user_id, oa_user_id, verified_at) values (@oaId, @appUserId, @claimedOaUserId, @now)
            on conflict (oa_id, app_user_id) do update set oa_user_id = excluded.oa_user_id, verified_at = excluded.verified_at
            """, new { oaId, appUserId, claimedOaUserId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return new IdentityCheck.Verified(new MiniAppCitizen(appUserId, oaId, claimedOaUserId, accessToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo's Graph API could not be asked about a Mini App user: {Reason}")]
    private static partial void LogGraphDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo refused a Mini App access token (error {Error})")]
    private static partial void LogRefused(ILogger logger, int error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo refused the follower profile a Mini App user claimed (error {Error})")]
    private static partial void LogProfileRefused(ILogger logger, int error);
}
