using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>Administrative commands: <c>dotnet run --project src/ZaloBot -- migrate</c>, <c>-- staff add …</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
                {
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(timeout.Token);
                }
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            case "staff":
                using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
                {
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(timeout.Token);
                    return await ZaloBot.Staff.StaffCli.RunAsync(app.Services, args, timeout.Token);
                }
            case "zalo":
                using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
                {
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(timeout.Token);
                    return await ZaloBot.Zalo.ZaloCli.RunAsync(app.Services, args, timeout.Token);
                }
            case "simulator":
                // The fake Zalo on its own, for a cluster of replicas (scripts/cluster.sh); it needs no database.
                return await ZaloBot.Simulator.StandaloneSimulator.RunAsync(args);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, staff add|enrol, zalo set-refresh-token, simulator.");
                return 2;
        }
    }
}
