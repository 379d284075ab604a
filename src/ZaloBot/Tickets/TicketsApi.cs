using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZaloBot.Staff;

namespace ZaloBot.Tickets;

public sealed record TicketActionRequest(string? Reason = null, string? Result = null, string? AgencyCode = null, int? ExpectedVersion = null);

public sealed record TicketTextRequest(string Text);

/// <summary>The staff queue and the work on one ticket: /api/tickets.</summary>
public static class TicketsApi
{
    private const int MaxText = 1800; // Zalo text messages are limited to about 2,000 characters, prefix included.

    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("", ListAsync).WithSummary("The staff queue: filters (unreachable=true: citizens no channel could reach) and keyset paging (pass nextAfter back as after).");
        api.MapGet("/{code}", GetAsync).WithSummary("One ticket with its thread (citizen messages, replies, notes, status changes) in order.");
        foreach (var spec in TicketActions.All)
        {
            api.MapPost($"/{{code}}/{spec.Name}", (string code, [FromBody] TicketActionRequest? request, ClaimsPrincipal user, TicketService tickets, CancellationToken ct) =>
                    ActAsync(code, spec.Action, request, user, tickets, ct))
                .WithName("Ticket" + spec.Action)
                .WithSummary(spec.Summary)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }
        api.MapPost("/{code}/replies", ReplyAsync).WithName("TicketReply").WithSummary("Reply to the citizen through the OA, in the name of the agency.");
        api.MapPost("/{code}/notes", NoteAsync).WithName("TicketNote").WithSummary("Add an internal note (never shown to the citizen).");
        return app;
    }

    internal static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListAsync(
        string? status, string? category, string? agency, string? centre, string? due, string? q, long? after, int? limit, bool? unreachable, string? oa,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, ITicketPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !TicketStatusNames.TryParse(status, out _)) errors["status"] = ["Unknown status."];
        if (due is not null and not ("soon" or "overdue")) errors["due"] = ["Use 'soon' or 'overdue'."];
        if (q is { Length: > 100 }) errors["q"] = ["At most 100 characters."];
        if (limit is < 1 or > 200) errors["limit"] = ["Between 1 and 200."];
        if (oa is not null && !ZaloBot.Oas.OaRules.IsValidId(oa)) errors["oa"] = ["Not an OA id."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var staff = StaffIdentity.From(user);
        var scope = staff.QueueScope;
        var filter = new TicketFilter(TicketStatusNames.Find(status), category, agency, centre, due == "overdue", due == "soon", q, after, limit ?? 50, unreachable == true, Oa: oa);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var page = await TicketQueries.QueueAsync(connection, filter, scope, now, cancellationToken);
        var clock = await policy.NearestClocksAsync(now, cancellationToken);
        page = page with { Items = page.Items.Select(t => t with { Clock = TicketClockView.From(clock(t)) }).ToList() };
        return TypedResults.Ok(await DenouncerProtection.WithholdAsync(connection, page, cancellationToken));
    }

    internal static async Task<Results<Ok<TicketWithThread>, NotFound<ProblemDetails>>> GetAsync(
        string code, ClaimsPrincipal user, NpgsqlDataSource dataSource, ITicketEvidence evidence, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticket = TicketCode.TryParse(code, out var parsed)
            ? await TicketQueries.ByCodeAsync(connection, null, parsed.Value, forUpdate: false, cancellationToken)
            : null;
        if (ticket is null || !StaffIdentity.From(user).CanSee(ticket.AssignedAgencyCode)) return NotFound(code);
        var view = new TicketWithThread(ticket, await TicketQueries.ThreadAsync(connection, ticket.Id, cancellationToken),
            await evidence.ForTicketAsync(connection, ticket, cancellationToken));
        // A tố cáo's denouncer is revealed only through the audited identity endpoint (docs/privacy.md).
        return TypedResults.Ok(await DenouncerProtection.WithholdAsync(connection, view, cancellationToken));
    }

    private static async Task<IResult> ActAsync(string code, TicketAction action, TicketActionRequest? request, ClaimsPrincipal user, TicketService tickets, CancellationToken cancellationToken)
    {
        request ??= new TicketActionRequest();
        if (TooLong(request.Reason) || TooLong(request.Result))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"Reason and result are limited to {MaxText} characters."] });
        if (!TicketCode.TryParse(code, out var parsed)) return NotFound(code);
        var result = await tickets.ApplyAsync(StaffIdentity.From(user), parsed.Value, action,
            new TransitionInput(request.Reason?.Trim(), request.Result?.Trim(), request.AgencyCode), request.ExpectedVersion, cancellationToken);
        return ToHttp(result);
    }

    private static async Task<IResult> ReplyAsync(string code, TicketTextRequest request, ClaimsPrincipal user, TicketService tickets, CancellationToken cancellationToken) =>
        await TextAsync(code, request, user, (staff, c, text) => tickets.ReplyAsync(staff, c, text, cancellationToken));

    private static async Task<IResult> NoteAsync(string code, TicketTextRequest request, ClaimsPrincipal user, TicketService tickets, CancellationToken cancellationToken) =>
        await TextAsync(code, request, user, (staff, c, text) => tickets.AddNoteAsync(staff, c, text, cancellationToken));

    private static async Task<IResult> TextAsync(string code, TicketTextRequest request, ClaimsPrincipal user, Func<StaffIdentity, string, string, Task<TicketActionResult>> act)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || TooLong(request.Text))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"Text is required, at most {MaxText} characters."] });
        if (!TicketCode.TryParse(code, out var parsed)) return NotFound(code);
        return ToHttp(await act(StaffIdentity.From(user), parsed.Value, request.Text.Trim()));
    }

    private static bool TooLong(string? text) => text is { Length: > MaxText };

    private static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Ticket not found", Detail = $"No ticket {code} that you can see.", Status = 404 });

    private static IResult ToHttp(TicketActionResult result) => result.Failure switch
    {
        null => TypedResults.Ok(result.Ticket),
        TicketFailure.NotFound => TypedResults.Problem(title: "Ticket not found", detail: result.Detail, statusCode: StatusCodes.Status404NotFound),
        TicketFailure.Forbidden => TypedResults.Problem(title: "Not allowed for your role", detail: result.Detail, statusCode: StatusCodes.Status403Forbidden),
        TicketFailure.Conflict => TypedResults.Problem(title: "Not possible now", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
        TicketFailure.Invalid => TypedResults.Problem(title: "Incomplete request", detail: result.Detail, statusCode: StatusCodes.Status400BadRequest),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Failure, "A failure without an HTTP answer."),
    };
}
