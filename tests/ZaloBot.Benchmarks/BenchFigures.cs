using System.Globalization;

namespace ZaloBot.Benchmarks;

/// <summary>Figures the load benchmarks read the same way: the service's statement counter and the machine's load.</summary>
public static class BenchFigures
{
    /// <summary>Statements or batches the service has sent to PostgreSQL (<c>zalobot_db_commands_total</c> in its /metrics text).</summary>
    public static double DatabaseCommands(string metrics) =>
        metrics.Split('\n').Where(l => l.StartsWith("zalobot_db_commands_total ", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).SingleOrDefault();

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
