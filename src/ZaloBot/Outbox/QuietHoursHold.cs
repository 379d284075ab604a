using ZaloBot.Domain.Delivery;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Outbox;

/// <summary>The <c>Outbox:QuietHours</c> section: when proactive messages wait for the morning (docs/zalo-platform.md).</summary>
public sealed class QuietHoursOptions
{
    public const string Section = "Outbox:QuietHours";

    public bool Enabled { get; set; } = true;

    /// <summary>Local time the quiet hours begin and end; a start after the end spans midnight.</summary>
    public TimeSpan Start { get; set; } = TimeSpan.FromHours(22);
    public TimeSpan End { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The local time's offset from UTC (Vietnam: 07:00, no daylight saving).</summary>
    public TimeSpan UtcOffset { get; set; } = QuietHours.Vietnam;

    /// <summary>A citizen who wrote this recently is awake: a proactive message to them is not held.</summary>
    public TimeSpan RecentlyActive { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How soon a message Zalo refused as night-time (-234) outside our quiet hours is tried again.</summary>
    public TimeSpan NightRefusalRetry { get; set; } = TimeSpan.FromMinutes(15);

    public QuietHours ToQuietHours() => new(Start, End, UtcOffset);
}

/// <summary>
/// Decides, just before a send, whether a proactive message waits for the end of the quiet hours. Answers to a
/// citizen's message, notices about urgent tickets and messages to a citizen who has just written are never held.
/// A held message keeps its place: it goes from the morning oldest first, under the dispatcher's rate limit.
/// </summary>
public sealed class QuietHoursHold(NpgsqlDataSource dataSource, IOptions<QuietHoursOptions> options, TimeProvider time)
{
    public const string Channel = "quiet_hours";

    /// <summary>The time the message may go, or null to send it now.</summary>
    public async Task<DateTimeOffset?> UntilAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (!o.Enabled || message.ReplyToMsgId is not null || !o.ToQuietHours().IsQuiet(now)) return null;

        const string sql = """
            select coalesce((select priority = @urgent from tickets where id = @ticketId), false) as Urgent,
                   coalesce((select last_interaction_at > @activeSince from zalo_users where user_id = @recipientId), false) as Active
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (urgent, active) = await connection.QuerySingleAsync<(bool, bool)>(new CommandDefinition(sql,
            new { urgent = Priorities.Urgent, message.TicketId, message.RecipientId, activeSince = now - o.RecentlyActive }, cancellationToken: cancellationToken));
        return urgent || active ? null : o.ToQuietHours().NextEnd(now);
    }

    /// <summary>
    /// When a message Zalo refused at night (-234) may be tried again: the end of the quiet hours. Refused outside them,
    /// Zalo's night is longer than ours: try again a little later rather than a whole day later.
    /// </summary>
    public DateTimeOffset Morning(DateTimeOffset now)
    {
        var hours = options.Value.ToQuietHours();
        if (hours.Start == hours.End) hours = QuietHours.VietnameseNight;
        return hours.IsQuiet(now) ? hours.NextEnd(now) : now + options.Value.NightRefusalRetry;
    }
}
