namespace ZaloBot.Inbox;

public sealed class ConversationProcessorOptions
{
    public const string Section = "Conversations";

    /// <summary>How often an idle processor looks for work that another replica's receiver stored.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Failed attempts after which an event is parked (kept, visible, no longer blocking the user's later events).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay of a failing event; doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often idle drafts are checked for the reminder and expiry.</summary>
    public TimeSpan IdleCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Workers in this process; each takes a different user's events, never two of one user at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Run the processor in this process (turn off on replicas that only receive webhooks).</summary>
    public bool Enabled { get; set; } = true;
}
