namespace ZaloBot.Zalo;

/// <summary>Limits on how the service talks to Zalo; the numbers for rate limiting depend on the OA's tier.</summary>
public sealed class ZaloResilienceOptions
{
    public const string Section = "Zalo:Resilience";

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 5;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls per second this process makes to the OA API.</summary>
    public int PermitsPerSecond { get; set; } = 20;
}
