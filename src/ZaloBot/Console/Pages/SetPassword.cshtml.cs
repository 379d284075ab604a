using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>Opened from the one-time link an admin issues: the staff member chooses their own password.</summary>
public sealed class SetPasswordModel(ConsoleAccounts accounts) : PageModel
{
    public string? Token { get; private set; }
    public string? Login { get; private set; }
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Token = token;
        Login = await accounts.PasswordLinkLoginAsync(token, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? password, string? confirm, CancellationToken cancellationToken)
    {
        Token = token;
        Login = await accounts.PasswordLinkLoginAsync(token, cancellationToken);
        if (Login is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (password != confirm) Error = "Hai lần nhập mật khẩu không khớp.";
        else if (!ConsoleAccounts.IsAcceptablePassword(password)) Error = $"Mật khẩu cần từ {ConsoleAccounts.MinPasswordLength} đến {ConsoleAccounts.MaxPasswordLength} ký tự.";
        else
        {
            switch (await accounts.SetPasswordAsync(token, password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken))
            {
                case SetPasswordOutcome.Set:
                    Done = true;
                    return Page();
                case SetPasswordOutcome.WeakPassword:
                    Error = $"Mật khẩu cần từ {ConsoleAccounts.MinPasswordLength} đến {ConsoleAccounts.MaxPasswordLength} ký tự.";
                    break;
                default:
                    Login = null;
                    break;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
