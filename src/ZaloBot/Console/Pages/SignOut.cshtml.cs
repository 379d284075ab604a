using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages;

public sealed class SignOutModel(ConsoleAudit audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var staff = User.Staff();
        await HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        await audit.WriteAsync(staff.Id, ConsoleAuditKinds.SignOut, remoteIp: HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        return Redirect("/console/sign-in");
    }
}
