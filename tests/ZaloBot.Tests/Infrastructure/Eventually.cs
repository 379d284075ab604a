using System.Diagnostics;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>Waits on a condition with a bound instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(10);
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"Timed out after {limit} waiting for {what}.");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 200));
        }
    }
}
