using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>
/// Open tickets on a map, clustered and coloured by their nearest clock, with the queue's filters: where the citizen
/// shared a location, else where the typed place is found in the province's own list (marked as an estimate).
/// </summary>
public sealed class MapModel(NpgsqlDataSource dataSource, ConsoleLookups lookups, ITicketPolicy policy, IOptions<ConsoleOptions> options, TimeProvider time) : PageModel
{
    public StaffIdentity Staff { get; private set; } = null!;
    public Lookups Lookups { get; private set; } = null!;
    public IReadOnlyList<MapPoint> Points { get; private set; } = [];
    public bool More { get; private set; }
    public ConsoleOptions Options => options.Value;
    public TicketStatus? Status { get; private set; }
    public string? Category { get; private set; }
    public string? Agency { get; private set; }
    public string? Due { get; private set; }
    public string? Q { get; private set; }

    public async Task OnGetAsync(string? status, string? category, string? agency, string? due, string? q, CancellationToken cancellationToken)
    {
        Staff = User.Staff();
        Lookups = await lookups.GetAsync(cancellationToken);
        // As the queue: unknown values are ignored. No status: every open ticket.
        Status = TicketStatusNames.Find(status) is { } parsed && parsed.IsOpen() ? parsed : null;
        Category = Lookups.Categories.Any(c => c.Code == category) ? category : null;
        Agency = Staff.Role.SeesAllTickets() && Lookups.Agencies.Any(a => a.Code == agency) ? agency : null;
        Due = due is "soon" or "overdue" ? due : null;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var page = await TicketQueries.QueueAsync(connection, new TicketFilter(Status, Category, Agency, null, Due == "overdue", Due == "soon", Q,
            Limit: ConsoleMap.MaxPoints, OpenOnly: true, Placed: true), Staff.QueueScope, now, cancellationToken);
        // A denouncer's location is theirs to protect: tố cáo tickets are not placed on the map.
        var visible = await DenouncerProtection.WithholdAsync(connection, page, cancellationToken);
        var clock = await policy.NearestClocksAsync(now, cancellationToken);
        Points = visible.Items.Select(t => ConsoleMap.Point(t, clock(t), Lookups)).OfType<MapPoint>().ToList();
        More = page.NextAfter is not null;
    }
}
