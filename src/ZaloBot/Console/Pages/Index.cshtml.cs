using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Calendar;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>The queue: tabs by status with counts, filters, keyset paging; agency scope exactly as the API.</summary>
public sealed class IndexModel(NpgsqlDataSource dataSource, ConsoleLookups lookups, HolidayCalendar holidays, Tracks.TrackSettings trackSettings, ITicketPolicy policy,
    SavedFilters savedFilters, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public StaffIdentity Staff { get; private set; } = null!;
    public Lookups Lookups { get; private set; } = null!;
    public IReadOnlyDictionary<TicketStatus, long> Counts { get; private set; } = new Dictionary<TicketStatus, long>();
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public long? NextAfter { get; private set; }
    public TicketStatus Status { get; private set; } = TicketStatus.Received;
    public string? Category { get; private set; }
    public string? Agency { get; private set; }
    public string? Centre { get; private set; }
    public string? Due { get; private set; }
    public bool Unreachable { get; private set; }
    public string? Q { get; private set; }
    public long? After { get; private set; }
    public TrackQueuePanel TrackPanel { get; private set; } = TrackQueuePanel.Empty;
    public IReadOnlyList<SavedFilter> Saved { get; private set; } = [];
    /// <summary>Why a saved-filter form was refused, shown above the queue.</summary>
    public string? Message { get; private set; }
    public string? FilterName { get; private set; }

    public async Task OnGetAsync(string? status, string? category, string? agency, string? centre, string? due, string? unreachable, string? q, string? after, CancellationToken cancellationToken)
    {
        Staff = User.Staff();
        Lookups = await lookups.GetAsync(cancellationToken);
        // Unknown values are ignored rather than refused: a hand-edited address still shows a queue.
        Status = TicketStatusNames.Find(status) ?? DefaultTab(Staff.Role);
        Category = Lookups.Categories.Any(c => c.Code == category) ? category : null;
        Agency = Staff.Role.SeesAllTickets() && Lookups.Agencies.Any(a => a.Code == agency) ? agency : null;
        Centre = Lookups.Centres.Any(c => c.Code == centre) ? centre : null;
        Due = due is "soon" or "overdue" ? due : null;
        Unreachable = unreachable is "1" or "on" or "true";
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        After = long.TryParse(after, out var a) && a > 0 ? a : null;

        var scope = ConsoleQueue.Scope(Staff);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Counts = await ConsoleQueue.CountsAsync(connection, scope, cancellationToken);
        var page = await TicketQueries.QueueAsync(connection,
            new TicketFilter(Status, Category, Agency, Centre, Due == "overdue", Due == "soon", Q, After, PageSize, Unreachable), scope, now, cancellationToken);
        var clock = await policy.NearestClocksAsync(now, cancellationToken);
        Rows = page.Items.Select(t => ConsoleQueue.ToRow(t, Lookups, clock, now)).ToList();
        TrackPanel = await TrackQueuePanel.LoadAsync(connection, Staff, Status, After is null, trackSettings, holidays, now, cancellationToken);
        NextAfter = page.NextAfter;
        Saved = await savedFilters.ListAsync(Staff.Id, cancellationToken);
    }

    /// <summary>Saves the filter as the queue accepted it (unknown values dropped) under a name, then opens it.</summary>
    public async Task<IActionResult> OnPostSaveFilterAsync(string? name, string? status, string? category, string? agency, string? centre, string? due, string? unreachable, string? q, CancellationToken cancellationToken)
    {
        await OnGetAsync(status, category, agency, centre, due, unreachable, q, null, cancellationToken);
        FilterName = name?.Length > SavedFilters.MaxName * 2 ? name[..(SavedFilters.MaxName * 2)] : name;
        if (SavedFilters.CleanName(name) is not { } clean)
            return Refuse($"Đặt tên cho bộ lọc (1–{SavedFilters.MaxName} ký tự, không có ký tự điều khiển).");
        var link = Link();
        if (await savedFilters.SaveAsync(Staff.Id, clean, link, cancellationToken) == SaveFilterOutcome.TooMany)
            return Refuse($"Bạn đã lưu {SavedFilters.MaxPerStaff} bộ lọc; xoá bớt trước khi lưu thêm.");
        return Redirect(link);
    }

    public async Task<IActionResult> OnPostDeleteFilterAsync(string? id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var filterId))
        {
            await OnGetAsync(null, null, null, null, null, null, null, null, cancellationToken);
            return Refuse("Không rõ bộ lọc cần xoá.");
        }
        // Deleting twice, or someone else's id, deletes nothing and shows the queue as it is.
        await savedFilters.DeleteAsync(User.Staff().Id, filterId, cancellationToken);
        return Redirect("/console");
    }

    private PageResult Refuse(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only the queue's own addresses are offered as links, whatever a row holds.</summary>
    public static bool IsQueueLink(string query) => query.StartsWith("/console?", StringComparison.Ordinal);

    private static TicketStatus DefaultTab(StaffRole role) => role switch
    {
        StaffRole.DiagnosisOfficer => TicketStatus.Accepted,
        StaffRole.FieldOfficer or StaffRole.AgencyHandler => TicketStatus.Assigned,
        _ => TicketStatus.Received,
    };

    /// <summary>This queue's address with some parameters changed (null removes one).</summary>
    public string Link(TicketStatus? status = null, long? after = null, bool keepFilters = true, string path = "/console")
    {
        var query = new List<KeyValuePair<string, string?>> { new("status", (status ?? Status).ToName()) };
        if (keepFilters)
        {
            if (Category is not null) query.Add(new("category", Category));
            if (Agency is not null) query.Add(new("agency", Agency));
            if (Centre is not null) query.Add(new("centre", Centre));
            if (Due is not null) query.Add(new("due", Due));
            if (Unreachable) query.Add(new("unreachable", "1"));
            if (Q is not null) query.Add(new("q", Q));
        }
        if (after is not null) query.Add(new("after", after.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    public static string CountText(long count) => count >= ConsoleQueue.CountCap ? $"{ConsoleQueue.CountCap}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
