using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Domain.Calendar;
using ZaloBot.Privacy;

namespace ZaloBot.StaffConsole.Pages.Privacy;

/// <summary>The breach register for admins: record a suspected breach, watch its notification clock, list who is affected, record the notification.</summary>
[Authorize(Policy = ConsoleAuth.AdminPolicy)]
public sealed class BreachesModel(BreachRegister register, TimeProvider time) : ConsoleFormPage
{
    public IReadOnlyList<BreachRow> Rows { get; private set; } = [];
    public BreachRow? Shown { get; private set; }
    public IReadOnlyList<AffectedSubject> Affected { get; private set; } = [];
    public int Hours => register.NoticeHours;
    public DateTimeOffset Now { get; private set; }

    /// <summary>The clock in words: time left, a warning in the last quarter, overdue, or notified.</summary>
    public (string Text, string Css) Clock(BreachRow b)
    {
        if (b.NotifiedAt is { } at) return ($"Đã thông báo {TicketModel.Local(at)}", "due-ok");
        var left = new DateTimeOffset(DateTime.SpecifyKind(b.DiscoveredAt, DateTimeKind.Utc)).AddHours(Hours) - Now;
        if (left <= TimeSpan.Zero) return ($"Quá hạn thông báo {Math.Ceiling(-left.TotalHours):0} giờ", "overdue");
        return ($"Còn {Math.Floor(left.TotalHours):0} giờ để thông báo A05", left.TotalHours <= Hours / 4.0 ? "due-soon" : "due-near");
    }

    public async Task OnGetAsync(long? show, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (show is { } id && Rows.FirstOrDefault(b => b.Id == id) is { } breach)
        {
            Shown = breach;
            Affected = await register.AffectedAsync(Utc(breach.AffectedFrom), Utc(breach.AffectedTo), breach.DataKinds, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRecordAsync(string? summary, string? discovered, string[]? kinds, string? from, string? to, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var input = new BreachInput(summary, Local(discovered), kinds ?? [], Local(from), Local(to));
        var errors = BreachRegister.Validate(input, Now);
        if (errors.Count > 0) return await RefuseAsync("Chưa ghi được sự cố. Cần: " + string.Join(" ", errors), cancellationToken);
        var id = await register.RecordAsync(input, User.Staff().Id, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return Redirect($"/console/privacy/breaches?show={id}");
    }

    public async Task<IActionResult> OnPostNotifyAsync(string? id, string? notification, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var breachId)
            || !await register.NotifyAsync(breachId, notification, User.Staff().Id, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken))
            return await RefuseAsync($"Cần nội dung thông báo đã gửi (tối đa {BreachRegister.MaxSummary} ký tự) cho một sự cố chưa thông báo.", cancellationToken);
        Message = $"Đã ghi nhận thông báo cho sự cố #{breachId}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Rows = await register.ListAsync(cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>A datetime-local field, read as Vietnam time.</summary>
    private static DateTimeOffset? Local(string? text) =>
        text is { Length: <= 30 } && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DateTimeOffset(at, WorkingDayCalendar.VietnamOffset).ToUniversalTime() : null;
}
