using System.Globalization;

namespace ZaloBot.Benchmarks;

/// <summary>CPU-seconds of a process (or a process and its children, e.g. a PostgreSQL postmaster and its backends) from /proc.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid, bool children)
    {
        var fields = Fields(pid);
        if (fields is null) return 0;
        var ticks = Tick(fields, 11) + Tick(fields, 12) + (children ? Tick(fields, 13) + Tick(fields, 14) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>The process with its finished children, plus its live children (backends that have not exited yet).</summary>
    public static double TreeSeconds(int pid)
    {
        var total = Seconds(pid, children: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child) || child == pid) continue;
            if (Fields(child) is { } f && f[1] == pid.ToString(CultureInfo.InvariantCulture)) total += (Tick(f, 11) + Tick(f, 12)) / TicksPerSecond;
        }
        return total;
    }

    /// <summary>The fields after the command name (which may hold spaces): [0] state, [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Tick(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
