using ZaloBot.SimilarReports;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.BulkActions;

/// <summary>The work a bulk request asks for: an action of the table, or linking as duplicates of one main ticket.</summary>
/// <param name="Action">A row of <see cref="TicketActions"/>; null with <paramref name="MainCode"/> to link duplicates.</param>
public sealed record BulkWork(TicketAction? Action, TransitionInput Input, string? MainCode);

/// <param name="Failure">Why: not_found, forbidden, conflict, invalid (as the single-ticket endpoints answer 404/403/409/400).</param>
public sealed record BulkRefusal(string Code, string Failure, string Reason);

/// <param name="More">More tickets matched the filter than one request takes; send it again for the rest.</param>
public sealed record BulkOutcome(IReadOnlyList<string> Done, IReadOnlyList<string> Held, IReadOnlyList<BulkRefusal> Refused, bool More);

/// <summary>
/// Many tickets, one at a time, each exactly as if it had been done alone: the same service, the action table's rules,
/// its own transaction, audit entry and notice. A ticket refused is reported with the reason and the rest go on.
/// </summary>
public sealed class BulkActionService(TicketService tickets, DuplicateLinks links)
{
    /// <summary>One request's limit: a storm's worth of reports about one street, and a bound on a request's time.</summary>
    public const int MaxTickets = 200;

    public async Task<BulkOutcome> ApplyAsync(StaffIdentity staff, IReadOnlyList<string> codes, BulkWork work, bool more, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var held = new List<string>();
        var refused = new List<BulkRefusal>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            if (work.MainCode == code)
            {
                refused.Add(new(code, "invalid", "This is the main ticket the others are linked to."));
                continue;
            }
            var result = work.Action is { } action
                ? await tickets.ApplyAsync(staff, code, action, work.Input, null, cancellationToken)
                : await links.LinkAsync(staff, code, work.MainCode!, null, cancellationToken);
            if (result.Failure is { } failure) refused.Add(new(code, FailureName(failure), result.Detail ?? ""));
            else (result.Held ? held : done).Add(code);
        }
        return new BulkOutcome(done, held, refused, more);
    }

    public static string FailureName(TicketFailure failure) => failure switch
    {
        TicketFailure.NotFound => "not_found",
        TicketFailure.Forbidden => "forbidden",
        TicketFailure.Conflict => "conflict",
        _ => "invalid",
    };
}
