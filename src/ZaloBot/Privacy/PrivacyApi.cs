using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Privacy;

public sealed record TicketConsent(string Purpose, string Title, string Answer, int NoticeVersion, DateTime At);

public sealed record DenouncerIdentity(string Code, string? ContactName, string? ContactPhone, string CitizenZaloId, double? Latitude, double? Longitude);

/// <summary>Staff API for personal data: the processing record, what a ticket's citizen agreed to, and the audited reveal of a denouncer.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/privacy").WithTags("Privacy");
        api.MapGet("/processing-record", (ProcessingRecord record) => TypedResults.Ok(record.Build())).RequireAuthorization(StaffPolicies.Supervisor)
            .WithSummary("The record of processing activities, generated from the running configuration: purposes, legal bases, data kinds, retention, stores (flagging any outside Vietnam), recipients, roles, clocks.");
        api.MapGet("/tickets/{code}/consents", ConsentsAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("What the ticket's citizen agreed to (publication, call-back, survey, location), latest answer per purpose.");
        api.MapPost("/tickets/{code}/identity", RevealAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("Reveals a tố cáo's denouncer to the assigned agency's handlers, supervisors and admins; every call is audited. 403 for other roles.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketConsent>>, NotFound<ProblemDetails>>> ConsentsAsync(string code, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await VisibleAsync(connection, code, user, cancellationToken) is not { } ticket) return NotFound(code);
        var rows = await ConsentRecords.ForTicketAsync(connection, ticket.Code, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TicketConsent>>(rows.Select(r => new TicketConsent(r.Purpose, Domain.Privacy.Purposes.Title(r.Purpose), r.Answer, r.NoticeVersion, r.At)).ToList());
    }

    private static async Task<Results<Ok<DenouncerIdentity>, NotFound<ProblemDetails>, ProblemHttpResult>> RevealAsync(string code, ClaimsPrincipal user, HttpContext context,
        NpgsqlDataSource dataSource, IPrivacyAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await VisibleAsync(connection, code, user, cancellationToken) is not { } ticket) return NotFound(code);
        var staff = StaffIdentity.From(user);
        if (!DenouncerProtection.MayReveal(staff, ticket.AssignedAgencyCode))
            return TypedResults.Problem("Only the assigned agency's handlers, supervisors and admins may see a denouncer's identity.", statusCode: StatusCodes.Status403Forbidden);
        await audit.IdentityRevealedAsync(connection, staff.Id, ticket.Code, context.Connection.RemoteIpAddress?.ToString(), "api", time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new DenouncerIdentity(ticket.Code, ticket.ContactName, ticket.ContactPhone, ticket.CitizenZaloId, ticket.Latitude, ticket.Longitude));
    }

    private static async Task<TicketView?> VisibleAsync(NpgsqlConnection connection, string code, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (code.Length > 20 || !TicketCode.TryParse(code, out var parsed)) return null;
        var ticket = await TicketQueries.ByCodeAsync(connection, null, parsed.Value, forUpdate: false, cancellationToken);
        return ticket is not null && StaffIdentity.From(user).CanSee(ticket.AssignedAgencyCode) ? ticket : null;
    }

    private static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Ticket not found", Detail = $"No ticket {(code.Length > 20 ? code[..20] : code)} that you may see.", Status = 404 });
}
