using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ZaloBot.Staff;

namespace ZaloBot.StaffConsole;

/// <summary>
/// The console's own cookie scheme. It is never the default scheme, so the cookie does not authenticate the /api
/// endpoints (which take bearer tokens only), and bearer tokens do not open the console.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "StaffConsole";
    public const string Policy = "console";
    public const string SupervisorPolicy = "console-supervisor";
    public const string AdminPolicy = "console-admin";
    public const string CookieName = "__Host-zalobot-console";
    public const string AntiforgeryCookieName = "__Host-zalobot-af";
    private const string IssuedClaim = "console_issued";
    private const string SessionClaim = "console_session";

    public static AuthenticationBuilder AddConsoleCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.LoginPath = "/console/sign-in";
            options.LogoutPath = "/console/sign-out";
            options.AccessDeniedPath = "/console/forbidden";
            options.ReturnUrlParameter = "returnUrl";
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateAsync;
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

    /// <summary>Settings that depend on ConsoleOptions (idle timeout, Secure flag).</summary>
    public sealed class ConfigureCookie(IOptions<ConsoleOptions> console) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != Scheme) return;
            options.ExpireTimeSpan = console.Value.IdleTimeout;
            options.Cookie.SecurePolicy = console.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            if (!console.Value.SecureCookies) options.Cookie.Name = "zalobot-console"; // the __Host- prefix requires Secure
        }
    }

    public static ClaimsPrincipal Principal(StaffIdentity staff, DateTimeOffset issuedAt, string sessionToken)
    {
        var principal = staff.ToPrincipal(Scheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(IssuedClaim, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SessionClaim, sessionToken));
        return principal;
    }

    /// <summary>The server-side session this cookie belongs to (see <see cref="ConsoleSessions"/>).</summary>
    public static string? SessionToken(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    /// <summary>
    /// Every request re-reads the account and its session row: a disabled account, a changed password, a session ended
    /// on the server (sign-out, "end all sessions") or past its maximum length is signed out at once — also for a copy
    /// of the cookie taken earlier; a changed role or agency takes effect at once.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal!;
        if (!long.TryParse(principal.FindFirstValue(StaffIdentity.IdClaim), CultureInfo.InvariantCulture, out var staffId)
            || !long.TryParse(principal.FindFirstValue(IssuedClaim), CultureInfo.InvariantCulture, out var issuedSeconds))
        {
            await RejectAsync(context);
            return;
        }
        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        var (current, passwordSetAt) = await services.GetRequiredService<ConsoleAccounts>().CurrentAsync(staffId, context.HttpContext.RequestAborted);
        var session = principal.SessionToken();
        if (current is null || now - issued > options.MaxSessionLength || passwordSetAt > issued.AddSeconds(1)
            || !await services.GetRequiredService<ConsoleSessions>().IsLiveAsync(staffId, session, context.HttpContext.RequestAborted))
        {
            await RejectAsync(context);
            return;
        }
        var before = StaffIdentity.From(principal);
        if (before != current)
        {
            context.ReplacePrincipal(Principal(current, issued, session!));
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    /// <summary>Pages redirect to sign-in; the live-updates stream and scripted requests get a plain status.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/console/events") || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static StaffIdentity Staff(this ClaimsPrincipal user) => StaffIdentity.From(user);

    public static bool IsSupervisor(this StaffIdentity staff) => staff.Role is StaffRole.Supervisor or StaffRole.Admin;

    public static bool IsAdmin(this StaffIdentity staff) => staff.Role == StaffRole.Admin;
}
