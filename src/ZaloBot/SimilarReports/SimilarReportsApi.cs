using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.SimilarReports;

public sealed record DuplicateRequest(string? MainCode, int? ExpectedVersion = null);

/// <summary>Similar reports of a ticket and linking duplicates: /api/tickets/{code}/similar, /api/tickets/{code}/duplicate-of.</summary>
public static class SimilarReportsApi
{
    public static IEndpointRouteBuilder MapSimilarReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("/{code}/similar", SimilarAsync)
            .WithSummary("Open tickets of the same category nearby (same ward or within the configured distance) with similar text, filed in the last weeks.");
        api.MapPost("/{code}/duplicate-of", LinkAsync)
            .WithSummary("Link this ticket as a duplicate of mainCode: it is closed with a notice, and its citizen receives the main ticket's notices from then on.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IReadOnlyList<SimilarTicket>?> ForTicketAsync(NpgsqlConnection connection, SimilarReportFinder finder, StaffIdentity staff, string code, CancellationToken cancellationToken)
    {
        var ticket = await TicketQueries.ByCodeAsync(connection, null, code, forUpdate: false, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode)) return null;
        var similar = await finder.FindAsync(connection, null,
            new SimilarityProbe(ticket.CategoryCode, ticket.Description, ticket.AreaCode, ticket.Latitude, ticket.Longitude, ticket.Id),
            finder.Options.MinScore, 20, cancellationToken);
        return similar.Where(s => staff.CanSee(s.AssignedAgencyCode)).ToList();
    }

    private static async Task<Results<Ok<IReadOnlyList<SimilarTicket>>, NotFound<ProblemDetails>>> SimilarAsync(
        string code, ClaimsPrincipal user, NpgsqlDataSource dataSource, SimilarReportFinder finder, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var parsed)) return NotFound(code);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var similar = await ForTicketAsync(connection, finder, StaffIdentity.From(user), parsed.Value, cancellationToken);
        return similar is null ? NotFound(code) : TypedResults.Ok(similar);
    }

    private static async Task<IResult> LinkAsync(string code, [FromBody] DuplicateRequest? request, ClaimsPrincipal user, DuplicateLinks links, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var duplicate)) return NotFound(code);
        if (request?.MainCode is not { Length: <= 40 } mainText || !TicketCode.TryParse(mainText, out var main) || !string.Equals(main.Value, mainText.Trim(), StringComparison.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mainCode"] = ["The code of the ticket this one duplicates, e.g. PA-2611-7K3Q."] });
        var staff = StaffIdentity.From(user);
        var result = await links.LinkAsync(staff, duplicate.Value, main.Value, request.ExpectedVersion, cancellationToken);
        // Staff who cannot see one of the two tickets learn nothing about it.
        if (result.Failure is null && !staff.CanSee(result.Ticket!.AssignedAgencyCode)) return NotFound(code);
        return result.Failure switch
        {
            null => TypedResults.Ok(result.Ticket),
            TicketFailure.NotFound => TypedResults.Problem(title: "Ticket not found", detail: result.Detail, statusCode: StatusCodes.Status404NotFound),
            TicketFailure.Forbidden => TypedResults.Problem(title: "Not allowed for your role", detail: result.Detail, statusCode: StatusCodes.Status403Forbidden),
            TicketFailure.Conflict => TypedResults.Problem(title: "Not possible now", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "Incomplete request", detail: result.Detail, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Ticket not found", Detail = $"No ticket {code} that you can see.", Status = 404 });
}
