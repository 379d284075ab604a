using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Privacy;

namespace ZaloBot.StaffConsole.Pages.Privacy;

/// <summary>The queue of citizens' rights requests with their clocks; supervisors and admins complete or refuse them with a reason.</summary>
[Authorize(Policy = ConsoleAuth.SupervisorPolicy)]
public sealed class RequestsModel(PrivacyRequests requests, ConsoleAudit audit, TimeProvider time) : ConsoleFormPage
{
    public IReadOnlyList<PrivacyRequestRow> Rows { get; private set; } = [];
    private DateTimeOffset _now;

    public bool IsOverdue(PrivacyRequestRow row) => row.Status == "acknowledged" && new DateTimeOffset(DateTime.SpecifyKind(row.DueAt, DateTimeKind.Utc)) < _now;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(string? id, string? done, string? reason, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var requestId) || done is not ("1" or "0"))
            return await RefuseAsync("Thông tin không hợp lệ.", cancellationToken);
        var outcome = await requests.CompleteAsync(requestId, done == "1", reason, User.Staff().Id, cancellationToken);
        switch (outcome)
        {
            case CompleteOutcome.ReasonRequired: return await RefuseAsync($"Cần ghi lý do hoặc kết quả (tối đa {PrivacyRequests.MaxOutcomeLength} ký tự).", cancellationToken);
            case CompleteOutcome.NotFound: return await RefuseAsync("Không có yêu cầu này.", cancellationToken);
            case CompleteOutcome.AlreadyClosed: return await RefuseAsync("Yêu cầu đã được xử lý trước đó.", cancellationToken);
        }
        await audit.WriteAsync(User.Staff().Id, ConsoleAuditKinds.PrivacyRequestClosed, detail: $"request #{requestId} {(done == "1" ? "completed" : "refused")}",
            remoteIp: HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        Message = $"Đã cập nhật yêu cầu #{requestId}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _now = time.GetUtcNow();
        Rows = await requests.ListAsync(openOnly: false, cancellationToken);
    }
}
