namespace ZaloBot.Staff;

/// <summary>
/// <c>staff console --id STAFF_ID [--login NAME]</c>: a console sign-in name and a one-time link to set the password.
/// The console owns passwords and registers this; the staff command line only hands the options over.
/// </summary>
public interface IStaffConsoleCommand
{
    Task<int> PasswordLinkAsync(string? id, string? login, Operations.CommandOutput output, CancellationToken cancellationToken);
}
