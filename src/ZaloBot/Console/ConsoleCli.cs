using System.Globalization;
using ZaloBot.Staff;

namespace ZaloBot.StaffConsole;

/// <summary>
/// <c>dotnet run --project src/ZaloBot -- staff console --id 1 --login admin</c>: gives an account its console sign-in
/// name and prints a one-time link (24 h) where its owner sets a password. How the first admin gets into the console.
/// </summary>
public static class ConsoleCli
{
    public static async Task<int> PasswordLinkAsync(IServiceProvider services, string? id, string? login, Operations.CommandOutput output, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId))
        {
            await output.Error.WriteLineAsync("usage: staff console --id STAFF_ID [--login NAME]");
            return 2;
        }
        var (link, error) = await services.GetRequiredService<ConsoleAccounts>().IssuePasswordLinkAsync(staffId, login, null, cancellationToken);
        if (link is null)
        {
            await output.Error.WriteLineAsync(error switch
            {
                PasswordLinkRefusal.InvalidLogin => "--login: 3 to 50 characters: lower-case letters without diacritics, digits, '.', '-' or '_'.",
                PasswordLinkRefusal.LoginTaken => "--login: another account already uses this sign-in name.",
                _ => $"No active staff #{staffId}.",
            });
            return error == PasswordLinkRefusal.NoActiveAccount ? 1 : 2;
        }
        var baseUrl = BaseUrl(services) ?? "https://<your-host>";
        await output.Out.WriteLineAsync($"Console sign-in name for staff #{staffId}: {link.Login}");
        await output.Out.WriteLineAsync($"One-time link to set the password (until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC; shown only now):");
        await output.Out.WriteLineAsync($"{baseUrl}{ConsoleAccounts.PasswordPath(link.Token)}");
        return 0;
    }

    /// <summary>Console:PublicBaseUrl, else the public address the QR codes use (ServiceCentres:PublicBaseUrl).</summary>
    public static string? BaseUrl(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ConsoleOptions>>().Value.PublicBaseUrl?.TrimEnd('/')
        ?? services.GetService<IOptions<ServiceCentres.ServiceCentreOptions>>()?.Value.PublicBaseUrl?.ToString().TrimEnd('/');
}

/// <summary><c>staff console</c>: the console issues its own sign-in links.</summary>
internal sealed class ConsolePasswordLinkCommand(IServiceProvider services) : IStaffConsoleCommand
{
    public Task<int> PasswordLinkAsync(string? id, string? login, Operations.CommandOutput output, CancellationToken cancellationToken) =>
        ConsoleCli.PasswordLinkAsync(services, id, login, output, cancellationToken);
}
