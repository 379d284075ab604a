using Microsoft.AspNetCore.Http.HttpResults;

namespace ZaloBot.Staff;

public sealed record CreateStaffRequest(string Name, string Role, string? AgencyCode);

public sealed record IssueTokenRequest(int? Days, string? Label);

/// <summary>Staff accounts and tokens, for admins: /api/staff.</summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Admin);
        api.MapGet("", async (StaffStore staff, CancellationToken ct) => TypedResults.Ok(await staff.ListAsync(ct)));
        api.MapPost("", CreateAsync).WithSummary("Create a staff account with a role and an agency scope.");
        api.MapPost("/{id:long}/tokens", IssueAsync).WithSummary("Issue a bearer token (shown once; stored hashed).");
        api.MapPost("/{id:long}/enrolment-codes", async Task<Results<Created<EnrolmentCode>, NotFound>> (long id, StaffEnrolment enrolment, CancellationToken ct) =>
                await enrolment.IssueAsync(id, ct) is { } code ? TypedResults.Created($"/api/staff/{id}", code) : TypedResults.NotFound())
            .WithSummary("Issue a one-time code (24 h) the staff member sends to the OA from Zalo to link their account.");
        api.MapDelete("/tokens/{tokenId:long}", async Task<Results<NoContent, NotFound>> (long tokenId, StaffStore staff, CancellationToken ct) =>
            await staff.RevokeTokenAsync(tokenId, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithSummary("Revoke a token.");
        return app;
    }

    private static async Task<Results<Created<StaffAccount>, ValidationProblem>> CreateAsync(CreateStaffRequest request, StaffStore staff, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request.Name, request.Role, request.AgencyCode, staff, cancellationToken);
        if (errors.Count > 0 || !StaffRoleNames.TryParse(request.Role, out var role)) return TypedResults.ValidationProblem(errors);
        var account = await staff.CreateAsync(request.Name.Trim(), role, request.AgencyCode, cancellationToken);
        return TypedResults.Created($"/api/staff/{account.Id}", account);
    }

    internal static async Task<Dictionary<string, string[]>> ValidateAsync(string? name, string? role, string? agencyCode, StaffStore staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) errors["name"] = ["A name of at most 200 characters is required."];
        if (!StaffRoleNames.TryParse(role, out var parsed))
            errors["role"] = ["One of: " + string.Join(", ", Enum.GetValues<StaffRole>().Select(r => r.ToName())) + "."];
        else if (!parsed.SeesAllTickets() && agencyCode is null)
            errors["agencyCode"] = ["Field officers and agency handlers need the agency whose tickets they handle."];
        if (agencyCode is not null && !await staff.AgencyExistsAsync(agencyCode, cancellationToken)) errors["agencyCode"] = ["Unknown agency."];
        return errors;
    }

    private static async Task<Results<Created<IssuedToken>, NotFound, ValidationProblem>> IssueAsync(long id, IssueTokenRequest? request, StaffStore staff, CancellationToken cancellationToken)
    {
        var days = request?.Days ?? 90;
        if (days is < 1 or > 365) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Between 1 and 365."] });
        var issued = await staff.IssueTokenAsync(id, TimeSpan.FromDays(days), request?.Label, cancellationToken);
        return issued is null ? TypedResults.NotFound() : TypedResults.Created($"/api/staff/tokens/{issued.TokenId}", issued);
    }
}
