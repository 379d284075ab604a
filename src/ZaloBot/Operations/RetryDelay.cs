namespace ZaloBot.Operations;

/// <summary>
/// How long to wait before the next try of something that failed (a Zalo send, a photo download, another system's
/// endpoint, the national gateway): doubling from the base per attempt, capped, with ±20 % jitter so that a wave of
/// failures across replicas and recipients does not retry in step.
/// </summary>
public static class RetryDelay
{
    /// <param name="attempt">The attempt about to be scheduled, from 1.</param>
    /// <param name="jitter">False where a test or an operator must read the exact schedule.</param>
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, bool jitter = true)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(jitter ? capped * (0.8 + Random.Shared.NextDouble() * 0.4) : capped);
    }
}
