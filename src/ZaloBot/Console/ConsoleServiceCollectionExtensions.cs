using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using ZaloBot.Staff;

namespace ZaloBot.StaffConsole;

/// <summary>The staff web console: Razor Pages under /console, its cookie sign-in, assets and live updates.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddStaffConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Console:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Reports.ConsoleAddress(ConsoleCli.BaseUrl(sp) ?? ""));
        services.AddSingleton<ConsoleAccounts>();
        services.AddSingleton<IStaffConsoleCommand, ConsolePasswordLinkCommand>();
        services.AddSingleton<ConsoleAudit>();
        services.AddSingleton<Privacy.IPrivacyAudit>(sp => sp.GetRequiredService<ConsoleAudit>());
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ConsoleLookups>();
        services.AddSingleton<CannedReplies>();
        services.AddSingleton<SavedFilters>();
        services.AddSingleton<ConsoleFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleFeed>());

        services.AddAuthentication().AddConsoleCookie();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, ConsoleAuth.ConfigureCookie>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.Policy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser().RequireClaim(StaffIdentity.IdClaim))
            .AddPolicy(ConsoleAuth.SupervisorPolicy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(StaffRole.Supervisor.ToName(), StaffRole.Admin.ToName()))
            .AddPolicy(ConsoleAuth.AdminPolicy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(StaffRole.Admin.ToName()));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ConsoleAuth.AntiforgeryCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>, SecureAntiforgeryCookie>();

        // Vietnamese letters as themselves in the HTML, not as &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Console/Pages";
            o.Conventions.AuthorizeFolder("/", ConsoleAuth.Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SetPassword");
            // /Reports: supervisors and admins, and the head of an agency for their own agency (the page model decides).
            o.Conventions.AuthorizeFolder("/Admin", ConsoleAuth.AdminPolicy);
        }).AddMvcOptions(o => o.Filters.Add(new RequireKnownHandler()));
        return services;
    }

    private sealed class SecureAntiforgeryCookie(IOptions<ConsoleOptions> console) : IPostConfigureOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>
    {
        public void PostConfigure(string? name, Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions options)
        {
            options.Cookie.SecurePolicy = console.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            if (!console.Value.SecureCookies) options.Cookie.Name = "zalobot-af";
        }
    }

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        var secureOnly = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.SecureCookies;
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/console"), branch => branch.Use(async (context, next) =>
        {
            if (secureOnly && !context.Request.IsHttps)
            {
                // Secure cookies cannot work over plain HTTP. Behind a TLS proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Bảng điều khiển chỉ mở qua HTTPS. (The console is served over HTTPS only.)");
                return;
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; " +
                                            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next(context);
        }));

        app.MapGet("/console/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription().AllowAnonymous();

        // Browsers ask for /favicon.ico on every site whatever the page links; the console's icon answers it.
        app.MapGet("/favicon.ico", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Assets["favicon.svg"].Bytes, Assets["favicon.svg"].ContentType);
        }).ExcludeFromDescription().AllowAnonymous();

        app.MapGet("/console/events", StreamAsync).RequireAuthorization(ConsoleAuth.Policy).ExcludeFromDescription();

        // QR codes and posters of service centres, for admins in the console (the API's handlers, behind the console's cookie).
        var centres = app.MapGroup("/console/centres/{code}").RequireAuthorization(ConsoleAuth.AdminPolicy).ExcludeFromDescription();
        centres.MapGet("/qr.png", ServiceCentres.ServiceCentresApi.PngAsync);
        centres.MapGet("/qr.svg", ServiceCentres.ServiceCentresApi.SvgAsync);
        centres.MapGet("/poster", (string code, HttpContext context, ServiceCentres.ServiceCentreStore store, IOptions<ServiceCentres.ServiceCentreOptions> options, CancellationToken ct) =>
        {
            // The poster is a self-contained page with its own inline styles.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
            return ServiceCentres.ServiceCentresApi.PosterAsync(code, store, options, ct);
        });
        app.MapRazorPages();
        return app;
    }

    /// <summary>Server-sent events: "ticket" with the code and what happened, for tickets this staff member may see.</summary>
    private static async Task StreamAsync(HttpContext context, ConsoleFeed feed, ConsoleSessions sessions, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // Ends with the page, or when the service stops (so a shutdown does not wait for open pages).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = linked.Token;
        var staff = context.User.Staff();
        var session = context.User.SessionToken();
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = await feed.SubscribeAsync(cancellationToken);
        await context.Response.WriteAsync("retry: 3000\n: connected\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(20));
                try
                {
                    var item = await reader.ReadAsync(heartbeat.Token);
                    if (!staff.CanSee(item.Agency)) continue;
                    var data = JsonSerializer.Serialize(new { code = item.Code, kind = item.Kind, status = item.Status.ToName() });
                    await context.Response.WriteAsync($"id: {item.EventId}\nevent: ticket\ndata: {data}\n\n", cancellationToken);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A session ended elsewhere (sign-out, a new password, an admin) closes its open stream within a
                    // heartbeat; the browser's reconnect is then refused like any other request of that session.
                    if (!await sessions.IsLiveAsync(staff.Id, session, cancellationToken)) return;
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // Unsubscribed.
        }
    }

    private sealed record Asset(byte[] Bytes, string ContentType);

    private static readonly Dictionary<string, Asset> Assets = LoadAssets();

    /// <summary>The asset's URL with a content hash, so browsers cache it forever and still see changes.</summary>
    public static string AssetUrl(string name) => $"/console/assets/{name}?v={AssetVersions[name]}";

    private static readonly Dictionary<string, string> AssetVersions = Assets.ToDictionary(a => a.Key,
        a => Convert.ToHexStringLower(SHA256.HashData(a.Value.Bytes))[..10]);

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".txt" => "text/plain; charset=utf-8",
        _ => "text/javascript; charset=utf-8",
    };

    private static Dictionary<string, Asset> LoadAssets()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Console.Assets.", StringComparison.Ordinal)))
        {
            var name = resource[(resource.IndexOf(".Console.Assets.", StringComparison.Ordinal) + ".Console.Assets.".Length)..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            assets[name] = new Asset(memory.ToArray(), ContentType(name));
        }
        return assets;
    }
}
