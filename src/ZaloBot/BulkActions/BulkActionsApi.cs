using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.BulkActions;

/// <summary>The queue's filters, as GET /api/tickets takes them: a bulk request may name its tickets this way.</summary>
public sealed record BulkFilter(string? Status = null, string? Category = null, string? Agency = null, string? Centre = null, string? Due = null, string? Q = null, bool? Unreachable = null);

/// <param name="Action">An action's name (accept, assign, transfer, close, …) or "duplicate" (with mainCode).</param>
/// <param name="Codes">The tickets, or null with <paramref name="Filter"/>: every ticket the filter matches (up to the limit).</param>
public sealed record BulkRequest(string? Action, IReadOnlyList<string>? Codes = null, BulkFilter? Filter = null,
    string? Reason = null, string? Result = null, string? AgencyCode = null, string? MainCode = null);

/// <summary>POST /api/tickets/bulk: one action on many tickets, each through the normal rules; what was refused, and why.</summary>
public static class BulkActionsApi
{
    public const string Duplicate = "duplicate";
    private const int MaxText = 1800;

    public static IEndpointRouteBuilder MapBulkActionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tickets/bulk", BulkAsync).WithTags("Tickets").RequireAuthorization(StaffPolicies.Staff)
            .WithSummary($"One action on many tickets (codes, or every ticket a queue filter matches, at most {BulkActionService.MaxTickets} per request): each goes through the action's rules with its own audit entry and notice; the answer lists what was done, held for approval and refused with the reason.")
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The work a request names, or what is wrong with it (field → message).</summary>
    public static (BulkWork? Work, Dictionary<string, string[]> Errors) Parse(string? action, string? reason, string? result, string? agencyCode, string? mainCode)
    {
        var errors = new Dictionary<string, string[]>();
        TicketAction? ticketAction = null;
        if (action == Duplicate)
        {
            if (!IsCode(mainCode, out _))
                errors["mainCode"] = ["The code of the ticket the others duplicate, e.g. PA-2611-7K3Q."];
        }
        else if (TicketActions.All.FirstOrDefault(s => s.Name == action) is { } spec) ticketAction = spec.Action;
        else errors["action"] = [$"One of: {string.Join(", ", TicketActions.All.Select(s => s.Name))}, {Duplicate}."];
        if (reason is { Length: > MaxText } || result is { Length: > MaxText }) errors["text"] = [$"Reason and result are limited to {MaxText} characters."];
        if (agencyCode is { Length: > 64 }) errors["agencyCode"] = ["Too long."];
        if (errors.Count > 0) return (null, errors);
        var main = action == Duplicate && IsCode(mainCode, out var parsedMain) ? parsedMain : null;
        return (new BulkWork(ticketAction, new TransitionInput(Trim(reason), Trim(result), Trim(agencyCode)), main), errors);
    }

    /// <summary>The tickets a queue filter selects for this staff member (their agency scope), up to the limit.</summary>
    public static async Task<(IReadOnlyList<string> Codes, bool More)> SelectAsync(NpgsqlConnection connection, TicketFilter filter, StaffIdentity staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await TicketQueries.QueueAsync(connection, filter with { Limit = BulkActionService.MaxTickets, After = null }, staff.QueueScope, now, cancellationToken);
        return (page.Items.Select(t => t.Code).ToList(), page.NextAfter is not null);
    }

    private static async Task<Results<Ok<BulkOutcome>, ValidationProblem>> BulkAsync([FromBody] BulkRequest? request, ClaimsPrincipal user,
        BulkActionService bulk, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        var (work, errors) = Parse(request.Action, request.Reason, request.Result, request.AgencyCode, request.MainCode);
        var codes = new List<string>();
        if ((request.Codes is null) == (request.Filter is null)) errors["codes"] = ["Give either codes or filter."];
        else if (request.Codes is { } given)
        {
            if (given.Count is 0 or > BulkActionService.MaxTickets) errors["codes"] = [$"Between 1 and {BulkActionService.MaxTickets} codes."];
            foreach (var code in given.Take(BulkActionService.MaxTickets))
            {
                if (IsCode(code, out var parsed)) codes.Add(parsed);
                else errors["codes"] = ["Every code must look like PA-2611-7K3Q."];
            }
        }
        var filter = request.Filter;
        if (filter is not null)
        {
            if (filter.Status is not null && !TicketStatusNames.TryParse(filter.Status, out _)) errors["filter.status"] = ["Unknown status."];
            if (filter.Due is not null and not ("soon" or "overdue")) errors["filter.due"] = ["Use 'soon' or 'overdue'."];
            if (filter.Q is { Length: > 100 }) errors["filter.q"] = ["At most 100 characters."];
            if (filter.Status is null) errors["filter.status"] = ["A status is required: one action fits the tickets of one status."];
        }
        if (errors.Count > 0 || work is null) return TypedResults.ValidationProblem(errors);

        var staff = StaffIdentity.From(user);
        var more = false;
        if (filter is not null)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var selected = await SelectAsync(connection, new TicketFilter(TicketStatusNames.Find(filter.Status), filter.Category, filter.Agency, filter.Centre,
                filter.Due == "overdue", filter.Due == "soon", filter.Q, Unreachable: filter.Unreachable == true), staff, time.GetUtcNow(), cancellationToken);
            (codes, more) = (selected.Codes.ToList(), selected.More);
        }
        return TypedResults.Ok(await bulk.ApplyAsync(staff, codes, work, more, cancellationToken));
    }

    /// <summary>Exactly one ticket code (any case), nothing around it.</summary>
    public static bool IsCode(string? text, out string code)
    {
        code = "";
        if (text is not { Length: <= 40 } || !TicketCode.TryParse(text, out var parsed) || !string.Equals(parsed.Value, text.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        code = parsed.Value;
        return true;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
