using System.ComponentModel.DataAnnotations;

namespace ZaloBot.StaffConsole;

/// <summary>The "Console" settings section. Defaults suit a provincial office; every value is validated at start-up.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>Signed out after this long without a request (the cookie slides while the page is used).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out after this long however busy the session is: a new working day, a new sign-in.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "1.00:00:00")]
    public TimeSpan MaxSessionLength { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a sign-in code sent to Zalo stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan SignInCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a one-time link to set a password stays valid.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan PasswordLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wrong passwords or codes within <see cref="LockoutWindow"/> (since the last sign-in) that lock the account.</summary>
    [Range(2, 50)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>Wrong passwords or codes from one network address within <see cref="LockoutWindow"/>, over all accounts,
    /// after which that address cannot sign in until the window passes (an office behind one NAT address shares it).</summary>
    [Range(3, 1000)]
    public int MaxFailuresPerAddress { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in codes one account may be sent within <see cref="LockoutWindow"/>.</summary>
    [Range(1, 20)]
    public int MaxCodesPerWindow { get; set; } = 3;

    /// <summary>Where staff open the service, for links printed by the CLI and shown to admins (e.g. https://pakn.example.gov.vn).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The map's tile server, {z}/{x}/{y} in the address (a province may run its own); empty shows markers without a
    /// background. The console's Content-Security-Policy allows images from https addresses only.
    /// </summary>
    public string MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The tile provider's credit, shown in the map's corner (OpenStreetMap's licence requires it).</summary>
    public string MapAttribution { get; set; } = "© OpenStreetMap";

    /// <summary>Where the map opens when no ticket has a location: "latitude,longitude" (Bắc Ninh by default).</summary>
    [RegularExpression(@"^-?[0-9]{1,2}(\.[0-9]+)?,-?[0-9]{1,3}(\.[0-9]+)?$")]
    public string MapCentre { get; set; } = "21.1861,106.0763";

    /// <summary>Marks cookies Secure (sent over HTTPS only). Only a local development or browser-test host sets this false.</summary>
    public bool SecureCookies { get; set; } = true;
}
