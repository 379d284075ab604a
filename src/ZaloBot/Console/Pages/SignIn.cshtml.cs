using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages;

public sealed class SignInModel(ConsoleAccounts accounts, ConsoleSessions sessions, TimeProvider time) : PageModel
{
    public string? Message { get; private set; }
    public bool IsError { get; private set; }
    public bool CodeSent { get; private set; }
    public string? Login { get; private set; }
    public string? ReturnUrl { get; private set; }

    private const string Refused = "Tên đăng nhập, mật khẩu hoặc mã không đúng.";
    private const string Locked = "Tài khoản tạm khoá do nhập sai nhiều lần. Vui lòng thử lại sau ít phút hoặc liên hệ quản trị viên.";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostPasswordAsync(string? login, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await accounts.PasswordSignInAsync(login, password, RemoteIp, cancellationToken);
        return await FinishAsync(result, login, returnUrl);
    }

    public async Task<IActionResult> OnPostSendCodeAsync(string? login, string? returnUrl, CancellationToken cancellationToken)
    {
        Login = ConsoleAccounts.NormaliseLogin(login);
        ReturnUrl = SafeReturnUrl(returnUrl);
        switch (await accounts.SendCodeAsync(login, RemoteIp, cancellationToken))
        {
            case CodeRequestOutcome.RateLimited:
                (Message, IsError) = ("Đã gửi quá nhiều mã trong thời gian ngắn. Vui lòng dùng mã đã nhận hoặc thử lại sau.", true);
                CodeSent = ConsoleAccounts.IsValidLogin(Login);
                break;
            case CodeRequestOutcome.LockedOut:
                (Message, IsError) = (Locked, true);
                break;
            default:
                Message = "Nếu tài khoản tồn tại và đã liên kết Zalo, mã đăng nhập vừa được gửi. Mã có hiệu lực trong vài phút và chỉ dùng một lần.";
                CodeSent = ConsoleAccounts.IsValidLogin(Login);
                break;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(string? login, string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await accounts.CodeSignInAsync(login, code, RemoteIp, cancellationToken);
        if (result.Outcome == SignInOutcome.Refused) CodeSent = ConsoleAccounts.IsValidLogin(ConsoleAccounts.NormaliseLogin(login));
        return await FinishAsync(result, login, returnUrl);
    }

    private async Task<IActionResult> FinishAsync(SignInResult result, string? login, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Login = ConsoleAccounts.NormaliseLogin(login);
        if (Login.Length > 50) Login = Login[..50];
        if (result is { Outcome: SignInOutcome.SignedIn, Staff: { } staff })
        {
            var session = await sessions.StartAsync(staff.Id, RemoteIp, HttpContext.RequestAborted);
            await HttpContext.SignInAsync(ConsoleAuth.Scheme, ConsoleAuth.Principal(staff, time.GetUtcNow(), session), new AuthenticationProperties { IsPersistent = false });
            return LocalRedirect(ReturnUrl ?? "/console");
        }
        (Message, IsError) = (result.Outcome == SignInOutcome.LockedOut ? Locked : Refused, true);
        Response.StatusCode = result.Outcome == SignInOutcome.LockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string? RemoteIp => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Only a path inside the console: never an open redirect to another site.</summary>
    private static string? SafeReturnUrl(string? url) =>
        url is { Length: < 500 } && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : null;
}
