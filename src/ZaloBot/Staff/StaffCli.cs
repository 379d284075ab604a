using ZaloBot.Operations;

namespace ZaloBot.Staff;

/// <summary>
/// <c>dotnet run --project src/ZaloBot -- staff add --name "Nguyễn An" --role admin [--agency SXD] [--days 90]</c>:
/// creates an account and prints a bearer token (the only time it is shown).
/// </summary>
public static class StaffCli
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandOutput output, CancellationToken cancellationToken)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (args.Length >= 2 && args[1] == "enrol")
        {
            if (!long.TryParse(Option("--id"), out var staffId))
            {
                await output.Error.WriteLineAsync("usage: staff enrol --id STAFF_ID");
                return 2;
            }
            var code = await services.GetRequiredService<StaffEnrolment>().IssueAsync(staffId, cancellationToken);
            if (code is null)
            {
                await output.Error.WriteLineAsync($"No active staff #{staffId}.");
                return 1;
            }
            await output.Out.WriteLineAsync($"Enrolment code for staff #{staffId}: {code.Code} (send it to the OA from the staff member's Zalo before {code.ExpiresAt:yyyy-MM-dd HH:mm} UTC; single use).");
            return 0;
        }
        if (args.Length >= 2 && args[1] == "console")
            return await services.GetRequiredService<IStaffConsoleCommand>().PasswordLinkAsync(Option("--id"), Option("--login"), output, cancellationToken);
        if (args.Length < 2 || args[1] != "add")
        {
            await output.Error.WriteLineAsync("usage: staff add --name NAME --role ROLE [--agency CODE] [--days N] | staff enrol --id STAFF_ID | staff console --id STAFF_ID [--login NAME]");
            return 2;
        }
        var store = services.GetRequiredService<StaffStore>();
        var (name, role, agency) = (Option("--name"), Option("--role"), Option("--agency"));
        var errors = await StaffApi.ValidateAsync(name, role, agency, store, cancellationToken);
        if (!int.TryParse(Option("--days") ?? "90", out var days) || days is < 1 or > 365) errors["days"] = ["Between 1 and 365."];
        if (errors.Count > 0 || !StaffRoleNames.TryParse(role, out var parsedRole))
        {
            foreach (var (key, messages) in errors) await output.Error.WriteLineAsync($"--{(key == "agencyCode" ? "agency" : key)}: {string.Join(" ", messages)}");
            return 2;
        }
        var account = await store.CreateAsync(name!.Trim(), parsedRole, agency, cancellationToken);
        var token = await store.IssueTokenAsync(account.Id, TimeSpan.FromDays(days), "cli", cancellationToken);
        await output.Out.WriteLineAsync($"Staff #{account.Id} {account.Name} ({account.Role}{(agency is null ? "" : ", " + agency)}) created.");
        await output.Out.WriteLineAsync($"Bearer token (valid until {token!.ExpiresAt:yyyy-MM-dd}; shown only now): {token.Token}");
        return 0;
    }
}

/// <summary>The <c>staff</c> command for the command line.</summary>
internal sealed class StaffCliCommand : IAdminCommand
{
    public string Name => "staff";

    public string Usage => "staff add|enrol";

    public Task<int> RunAsync(IServiceProvider services, string[] args, CommandOutput output, CancellationToken cancellationToken) => StaffCli.RunAsync(services, args, output, cancellationToken);
}
