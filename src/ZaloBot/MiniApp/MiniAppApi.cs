using ZaloBot.Domain.ServiceCentres;
using ZaloBot.ServiceCentres;
using ZaloBot.Zalo;

namespace ZaloBot.MiniApp;

/// <summary>
/// The Mini App's API under /miniapp/v1: a centre and its signed chat message, the categories, the citizen's tickets
/// and a new ticket with photos. Callers identify with their Zalo access token (<c>Authorization: Bearer</c>) and the
/// id the SDK gives for the OA (<c>X-Zalo-User-Id</c>), both checked with Zalo (<see cref="MiniAppIdentity"/>). Every
/// answer is JSON; errors carry a Vietnamese <c>title</c> the app shows as it is.
/// </summary>
public static class MiniAppApi
{
    public const string Prefix = "/miniapp/v1";
    public const string CorsPolicy = "miniapp";
    public const string UserHeader = "X-Zalo-User-Id";

    public static IEndpointRouteBuilder MapMiniAppApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Mini App").RequireCors(CorsPolicy).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            using var lease = http.RequestServices.GetRequiredService<MiniAppRateLimiter>().Acquire(http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return lease.IsAcquired ? await next(context) : Error(StatusCodes.Status429TooManyRequests, MiniAppTexts.TooMany);
        });
        api.MapGet("/centres/{code}", CentreAsync).WithSummary("A centre's name and the signed message the chat button prefills.");
        api.MapGet("/categories", CategoriesAsync).WithSummary("The categories a citizen chooses from.");
        api.MapGet("/tickets", TicketsAsync).WithSummary("The verified citizen's tickets, newest first.");
        api.MapPost("/tickets", MiniAppIntake.PostAsync).WithSummary("File a ticket with photos and place (multipart form, idempotencyKey).").DisableAntiforgery();
        return app;
    }

    public static IResult Error(int status, string title) => TypedResults.Problem(title: title, statusCode: status);

    /// <summary>The answer for a caller Zalo did not vouch for, or null when it did.</summary>
    public static IResult? Refusal(IdentityCheck check) => check switch
    {
        IdentityCheck.Verified => null,
        IdentityCheck.NotFollower => Error(StatusCodes.Status403Forbidden, MiniAppTexts.NotFollower),
        IdentityCheck.ZaloUnavailable => Error(StatusCodes.Status503ServiceUnavailable, MiniAppTexts.ZaloUnavailable),
        _ => Error(StatusCodes.Status401Unauthorized, MiniAppTexts.Unverified),
    };

    public static Task<IdentityCheck> IdentifyAsync(HttpRequest request, MiniAppIdentity identity, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        var claimed = request.Headers[UserHeader].ToString();
        return identity.VerifyAsync(token, claimed.Length == 0 ? null : claimed, cancellationToken);
    }

    private static async Task<IResult> CentreAsync(string code, ServiceCentreStore centres, CentreLinkSigner links, IOptions<ServiceCentreOptions> options,
        IOptions<ZaloOptions> zalo, CancellationToken cancellationToken)
    {
        if (code.Length > 16 || !Domain.Text.SafeText.IsSafe(code) || await centres.FindAsync(code, cancellationToken) is not { } centre)
            return Error(StatusCodes.Status404NotFound, MiniAppTexts.CentreNotFound);
        var (token, expires) = links.Issue(centre.Code, CentreSources.MiniApp);
        return TypedResults.Ok(new
        {
            centre.Code, centre.Name, centre.Address, oaId = zalo.Value.OaId, oaName = options.Value.OaName,
            chatMessage = CentreLinks.Message(centre.Code, token), centreToken = token, expiresAt = expires,
        });
    }

    private static async Task<IResult> CategoriesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var services = await Open311.Open311Api.LoadServicesAsync(connection, null, cancellationToken);
        return TypedResults.Ok(services.Select(s => new { s.Code, s.Name }));
    }

    private static async Task<IResult> TicketsAsync(HttpRequest request, MiniAppIdentity identity, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var check = await IdentifyAsync(request, identity, cancellationToken);
        if (Refusal(check) is { } refusal) return refusal;
        var citizen = ((IdentityCheck.Verified)check).Citizen;
        const string sql = """
            select t.code, t.status, c.name as category, t.created_at as createdAt, t.service_centre_code as centre
            from tickets t join categories c on c.code = t.category_code
            where t.citizen_zalo_id = @OaUserId
            order by t.id desc limit 50
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, TicketStatus Status, string Category, DateTime CreatedAt, string? Centre)>(
            new CommandDefinition(sql, new { citizen.OaUserId }, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.Select(r => new
        {
            r.Code, r.Status, statusText = TicketStatusText.ForCitizen(r.Status), r.Category, r.CreatedAt, r.Centre,
        }));
    }
}

/// <summary>A token bucket per client address, so one phone (or script) cannot flood the intake.</summary>
public sealed class MiniAppRateLimiter(IOptions<MiniAppOptions> options) : ZaloBot.Operations.PerKeyRateLimiter<string>(options.Value.RequestsPerMinute);
