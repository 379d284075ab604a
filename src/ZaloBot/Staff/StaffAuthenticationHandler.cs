using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace ZaloBot.Staff;

/// <summary>"Authorization: Bearer zb_…" → the staff member behind a live token. Anything else is anonymous (401 on protected routes).</summary>
public sealed class StaffAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffStore staff) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!StaffTokens.LooksValid(token)) return AuthenticateResult.Fail("Malformed token.");

        var identity = await staff.FindByTokenAsync(token, Context.RequestAborted);
        return identity is null
            ? AuthenticateResult.Fail("Unknown, expired or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(SchemeName), SchemeName));
    }
}
