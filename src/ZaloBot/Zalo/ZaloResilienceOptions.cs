namespace ZaloBot.Zalo;

/// <summary>
/// How the service talks to Zalo. Zalo publishes no rate limit (-32 is per minute per app/OA), so each replica starts
/// at <see cref="MaxCallsPerSecond"/> and finds the real limit from Zalo's answers.
/// </summary>
public sealed class ZaloResilienceOptions
{
    public const string Section = "Zalo:Resilience";

    /// <summary>A call with no answer after this long is abandoned (and, for a paid template, flagged: it may have been sent).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The ceiling: calls per second this process makes while Zalo is happy. With N replicas the OA sees up to N times this.</summary>
    public double MaxCallsPerSecond { get; set; } = 500;

    /// <summary>The floor the rate never drops below, however often Zalo says -32.</summary>
    public double MinCallsPerSecond { get; set; } = 2;

    /// <summary>On -32 (or a burst of 429/5xx) the rate is multiplied by this, at most once per <see cref="AdjustInterval"/>.</summary>
    public double DecreaseFactor { get; set; } = 0.5;

    /// <summary>While Zalo answers normally the rate grows back by this share of the ceiling every <see cref="AdjustInterval"/>.</summary>
    public double RecoveryShare { get; set; } = 0.05;

    public TimeSpan AdjustInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After -32, no call for this long: Zalo's window is a minute, hammering it only prolongs the refusal.</summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromSeconds(1);
}
