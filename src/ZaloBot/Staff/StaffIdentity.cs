using System.Globalization;
using System.Security.Claims;

namespace ZaloBot.Staff;

/// <summary>The signed-in staff member, as the API sees them.</summary>
public sealed record StaffIdentity(long Id, string Name, StaffRole Role, string? AgencyCode)
{
    public const string IdClaim = "staff_id";
    public const string AgencyClaim = "agency";

    public bool CanSee(string? assignedAgencyCode) => Role.SeesAllTickets() || (AgencyCode is not null && AgencyCode == assignedAgencyCode);

    /// <summary>
    /// The one agency-scope rule of every list (API, console, chat): null for roles that see every ticket, else the
    /// staff member's agency — and "" for one without an agency, which matches no ticket (a NUL sentinel would make
    /// PostgreSQL refuse the query).
    /// </summary>
    public string? QueueScope => Role.SeesAllTickets() ? null : AgencyCode ?? "";

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
    [
        new Claim(IdClaim, Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, Name),
        new Claim(ClaimTypes.Role, Role.ToName()),
        .. AgencyCode is null ? Array.Empty<Claim>() : [new Claim(AgencyClaim, AgencyCode)],
    ], scheme));

    public static StaffIdentity From(ClaimsPrincipal principal)
    {
        if (!StaffRoleNames.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
            throw new InvalidOperationException("The principal is not a staff member.");
        return new StaffIdentity(
            long.Parse(principal.FindFirstValue(IdClaim) ?? "0", CultureInfo.InvariantCulture),
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            role,
            principal.FindFirstValue(AgencyClaim));
    }
}
