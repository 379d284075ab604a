using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Calendar;
using ZaloBot.ReportEndpoints;
using ZaloBot.Staff;

namespace ZaloBot.Outbox;

/// <summary>The <c>Outbox:Costs</c> section: what the operator pays Zalo per paid template (ZBS), for the reports.</summary>
public sealed class DeliveryCostOptions
{
    public const string Section = "Outbox:Costs";

    /// <summary>VND per template message delivered (full template or nudge); Zalo's price list varies by template tag.</summary>
    public decimal TemplateVnd { get; set; } = 300;
}

/// <param name="Templates">Paid template messages delivered for notices of this kind (full templates and nudges).</param>
/// <param name="Nudged">Notices of this kind that waited behind a nudge instead of travelling as their full template.</param>
public sealed record NoticeKindCost(string Kind, long Notices, long Templates, long Nudged, decimal CostVnd);

public sealed record DeliveryReport(DateOnly From, DateOnly To, long ResolvedTickets, double? MessagesPerResolvedTicket, IReadOnlyList<NoticeKindCost> ByNoticeKind, decimal TotalCostVnd);

/// <summary>What reaching citizens costs: /api/reports/delivery.</summary>
public static class DeliveryReportApi
{
    public static IEndpointRouteBuilder MapDeliveryReportApi(this IEndpointRouteBuilder app)
    {
        app.MapReportsGroup()
            .MapGet("/delivery", ReportAsync)
            .WithSummary("Messages sent per ticket resolved in [from, to), and per notice kind queued in that period: notices, paid templates (full or nudge), notices that waited behind a nudge, and the estimated cost in VND (Outbox:Costs:TemplateVnd).");
        return app;
    }

    private static Task<Results<Ok<DeliveryReport>, ValidationProblem>> ReportAsync(
        string? from, string? to, NpgsqlDataSource db, IOptions<DeliveryCostOptions> costs, TimeProvider time, CancellationToken ct) =>
        ReportResponse.JsonAsync(from, to, time, (start, end) => BuildAsync(db, start, end, costs.Value.TemplateVnd, ct));

    public static async Task<DeliveryReport> BuildAsync(NpgsqlDataSource db, DateOnly from, DateOnly to, decimal templateVnd, CancellationToken ct)
    {
        const string perResolved = """
            with t as (
                select id from tickets
                where resolved_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh' and resolved_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
            )
            select (select count(*) from t) as Tickets,
                   (select count(*) from outbox o join t on o.ticket_id = t.id where o.status = 'sent') as Messages
            """;
        const string perKind = """
            select o.notice->>'kind' as Kind, count(distinct o.id) as Notices,
                   count(a.id) filter (where a.outcome = 'sent' and a.channel in ('template_uid', 'template_phone')) as Templates,
                   count(distinct o.id) filter (where o.nudged_at is not null) as Nudged
            from outbox o left join outbox_attempts a on a.outbox_id = o.id
            where o.notice is not null
              and o.created_at >= @from::timestamp at time zone 'Asia/Ho_Chi_Minh' and o.created_at < @to::timestamp at time zone 'Asia/Ho_Chi_Minh'
            group by 1 order by 1
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) };
        var (tickets, messages) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(perResolved, args, cancellationToken: ct));
        var kinds = (await connection.QueryAsync<(string Kind, long Notices, long Templates, long Nudged)>(new CommandDefinition(perKind, args, cancellationToken: ct)))
            .Select(k => new NoticeKindCost(k.Kind, k.Notices, k.Templates, k.Nudged, k.Templates * templateVnd)).ToList();
        return new DeliveryReport(from, to, tickets, tickets == 0 ? null : Math.Round((double)messages / tickets, 2), kinds, kinds.Sum(k => k.CostVnd));
    }
}
