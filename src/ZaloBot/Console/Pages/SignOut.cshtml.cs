using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages;

public sealed class SignOutModel(ConsoleAudit audit, ConsoleSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var staff = User.Staff();
        // Ended on the server first: deleting this browser's cookie does nothing to a copy taken earlier.
        await sessions.EndAsync(User.SessionToken(), SessionEndReasons.SignOut, cancellationToken);
        await HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        await audit.WriteAsync(staff.Id, ConsoleAuditKinds.SignOut, remoteIp: HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        return Redirect("/console/sign-in");
    }
}
