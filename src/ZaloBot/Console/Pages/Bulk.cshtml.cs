using Microsoft.AspNetCore.Mvc;
using ZaloBot.BulkActions;
using ZaloBot.SimilarReports;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>
/// Bulk work from the queue: the tickets a queue filter matches, with boxes to pick some (or all that match), one action
/// for them and a summary of what was done and what was refused with the reason. Each ticket goes through the same
/// service as the ticket page.
/// </summary>
public sealed class BulkModel(NpgsqlDataSource dataSource, ConsoleLookups lookups, BulkActionService bulk, ITicketPolicy policy, TimeProvider time) : ConsoleFormPage
{
    public sealed record Choice(string Value, string Label, bool NeedsReason, bool NeedsResult, bool NeedsAgency, bool NeedsMain);

    public StaffIdentity Staff { get; private set; } = null!;
    public Lookups Lookups { get; private set; } = null!;
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public IReadOnlyList<Choice> Choices { get; private set; } = [];
    public BulkOutcome? Outcome { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    /// <summary>The status the page works on: the bound name, else received.</summary>
    public TicketStatus Selected => TicketStatusNames.Find(Status) ?? TicketStatus.Received;
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Centre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unreachable { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? action, string? scope, string[]? codes, string? reason, string? result, string? agencyCode, string? mainCode, CancellationToken cancellationToken)
    {
        var (work, errors) = BulkActionsApi.Parse(action, reason, result, agencyCode, mainCode);
        if (work is null)
            return await RefuseAsync(errors.ContainsKey("mainCode") ? "Vui lòng nhập đúng mã phiếu chính (ví dụ PA-2611-7K3Q)."
                : errors.ContainsKey("text") ? "Nội dung tối đa 1.800 ký tự." : "Vui lòng chọn thao tác.", cancellationToken);
        if (work.Action is { } chosen)
        {
            var needs = ConsoleTexts.Needs(chosen);
            if (needs.Reason && work.Input.Reason is null) return await RefuseAsync("Vui lòng nhập lý do (gửi kèm thông báo cho công dân).", cancellationToken);
            if (needs.Result && work.Input.Result is null) return await RefuseAsync("Vui lòng nhập kết quả xử lý.", cancellationToken);
        }

        Staff = User.Staff();
        var selected = new List<string>();
        var more = false;
        if (scope == "filter")
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var matched = await BulkActionsApi.SelectAsync(connection, await FilterAsync(cancellationToken), Staff, time.GetUtcNow(), cancellationToken);
            (selected, more) = (matched.Codes.ToList(), matched.More);
        }
        else
        {
            foreach (var code in (codes ?? []).Take(BulkActionService.MaxTickets))
                if (BulkActionsApi.IsCode(code, out var parsed)) selected.Add(parsed);
        }
        if (selected.Count == 0) return await RefuseAsync("Chưa chọn phiếu nào.", cancellationToken);

        Outcome = await bulk.ApplyAsync(Staff, selected, work, more, cancellationToken);
        Message = $"Đã thực hiện {Outcome.Done.Count} phiếu" + (Outcome.Held.Count > 0 ? $", {Outcome.Held.Count} phiếu chờ duyệt" : "") +
                  (Outcome.Refused.Count > 0 ? $", {Outcome.Refused.Count} phiếu không thực hiện được (xem lý do bên dưới)." : ".") +
                  (more ? $" Bộ lọc còn nhiều hơn {BulkActionService.MaxTickets} phiếu: thực hiện lại để làm tiếp." : "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Staff = User.Staff();
        var filter = await FilterAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var page = await TicketQueries.QueueAsync(connection, filter with { Limit = BulkActionService.MaxTickets }, Staff.QueueScope, now, cancellationToken);
        var clock = await policy.NearestClocksAsync(now, cancellationToken);
        Rows = page.Items.Select(t => ConsoleQueue.ToRow(t, Lookups, clock, now)).ToList();
        More = page.NextAfter is not null;
        var status = Selected;
        var choices = TicketActions.Available(status, Staff.Role)
            .Select(a => new Choice(a.Name, a.ConsoleLabel, a.Needs.HasFlag(ActionNeeds.Reason), a.Needs.HasFlag(ActionNeeds.Result), a.Needs.HasFlag(ActionNeeds.Agency), false))
            .ToList();
        if (DuplicateLinks.MayLink(Staff.Role) && status.IsOpen() && status != TicketStatus.Resolved)
            choices.Add(new Choice(BulkActionsApi.Duplicate, "Gộp vào một phiếu chính (phiếu trùng)", false, false, false, true));
        Choices = choices;
    }

    /// <summary>The queue's filter from this page's address, cleaned the way the queue cleans it.</summary>
    private async Task<TicketFilter> FilterAsync(CancellationToken cancellationToken)
    {
        Staff ??= User.Staff();
        Lookups = await lookups.GetAsync(cancellationToken);
        Status = Selected.ToName();
        Category = Lookups.Categories.Any(c => c.Code == Category) ? Category : null;
        Agency = Staff.Role.SeesAllTickets() && Lookups.Agencies.Any(a => a.Code == Agency) ? Agency : null;
        Centre = Lookups.Centres.Any(c => c.Code == Centre) ? Centre : null;
        Due = Due is "soon" or "overdue" ? Due : null;
        Unreachable = Unreachable is "1" or "on" or "true" ? "1" : null;
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 100)];
        return new TicketFilter(Selected, Category, Agency, Centre, Due == "overdue", Due == "soon", Q, Unreachable: Unreachable == "1");
    }

    public static string FailureText(string failure) => failure switch
    {
        "not_found" => "Không tìm thấy trong phạm vi của bạn",
        "forbidden" => "Vai trò của bạn không được thực hiện thao tác này",
        "conflict" => "Không thực hiện được ở trạng thái hiện tại",
        _ => "Thiếu hoặc sai thông tin",
    };
}
