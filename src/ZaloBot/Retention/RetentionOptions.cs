namespace ZaloBot.Retention;

/// <summary>
/// How long the work queues keep what they are done with. Tickets, their audit trail, dead letters and parked events
/// are never removed by this job: they are the record (see docs/operations.md, "Retention and personal data").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Run the retention job in this process (any number of replicas may: one works at a time).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Processed inbox events (raw webhook bodies) older than this are deleted. Zalo does not redeliver after days.</summary>
    public TimeSpan ProcessedEvents { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sent outbox messages older than this (by send time) are deleted with their attempts.</summary>
    public TimeSpan SentMessages { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the job looks for expired rows.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per transaction: small, so locks are short and the hot paths never wait long.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Pause between batches, leaving PostgreSQL to the hot paths.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(200);
}
