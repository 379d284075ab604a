using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages.Admin;

public sealed class AuditModel(ConsoleAudit audit) : PageModel
{
    public IReadOnlyList<ConsoleAuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await audit.LatestAsync(200, cancellationToken);
}
