using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>
/// Administrative commands: <c>dotnet run --project src/ZaloBot -- migrate</c>, <c>-- simulator</c>, and the features' own
/// (<c>-- staff add …</c>, <c>-- zalo …</c>), registered as <see cref="IAdminCommand"/>.
/// </summary>
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
            case "simulator":
                // The fake Zalo on its own, for a cluster of replicas (scripts/cluster.sh); it needs no database.
                return await ZaloBot.Simulator.StandaloneSimulator.RunAsync(args);
            default:
                var commands = app.Services.GetServices<IAdminCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                if (commands.FirstOrDefault(c => c.Name == args[0]) is { } command)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(timeout.Token);
                    return await command.RunAsync(app.Services, args, CommandOutput.Process, timeout.Token);
                }
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, {string.Join(", ", commands.Select(c => c.Usage))}, simulator.");
                return 2;
        }
    }
}
