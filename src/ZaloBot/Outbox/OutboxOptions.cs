namespace ZaloBot.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the dispatcher in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Sends in flight at once, across recipients (never two for one recipient). Zalo answers in tens of milliseconds
    /// from Vietnam: 64 in flight at 80 ms is up to ~800 messages a second, above the rate limiter's ceiling.
    /// </summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>How often other replicas' new messages are looked for; this process's own are picked up at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most messages claimed in one query.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed message is reserved for its sender; a crashed sender's lease runs out and the message is retried.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Backoff for failures that concern the message or the user (quota, receive limit), doubling up to the maximum.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When Zalo itself fails (5xx, no answer) a message waits only this long: while Zalo is down the dispatcher sends
    /// one probe at a time, so waiting messages cost nothing and go as soon as a probe gets through.
    /// </summary>
    public TimeSpan LinkRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A message still failing this long after it was queued is dead-lettered (staff see it as undelivered).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Zalo's consultation window: beyond it a ticket notice goes as a ZBS template.</summary>
    public TimeSpan MessagingWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long Zalo's verdict on a user's window is trusted before its quota endpoint is asked again.</summary>
    public TimeSpan WindowRecheckAfter { get; set; } = TimeSpan.FromMinutes(30);
}
