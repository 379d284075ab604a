using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace ZaloBot.Storage;

/// <summary>
/// Development only: the connection string of the project-local cluster that scripts/pg.sh started, whatever port it
/// ended up on (a second checkout on one machine gets another), so the README's `dotnet run --project src/ZaloBot -- …`
/// commands work as printed. Environment variables and the command line still override it.
/// </summary>
public static class LocalDevelopmentDatabase
{
    public static void AddLocalClusterInDevelopment(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || Find(environment.ContentRootPath) is not { } file) return;
        var connectionString = File.ReadAllText(file).Trim();
        if (connectionString.Length == 0) return;
        var sources = configuration.Sources;
        var afterJsonFiles = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
        sources.Insert(afterJsonFiles, new MemoryConfigurationSource
        {
            InitialData = [new("ConnectionStrings:Postgres", connectionString)],
        });
    }

    private static string? Find(string start)
    {
        if (Environment.GetEnvironmentVariable("ZALOBOT_PG_DIR") is { Length: > 0 } dir)
            return File.Exists(Path.Combine(dir, "connection-string")) ? Path.Combine(dir, "connection-string") : null;
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".pg", "connection-string");
            if (File.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(folder.FullName, "ZaloBot.sln"))) return null;
        }
        return null;
    }
}
