namespace ZaloBot.Domain.Delivery;

/// <summary>
/// The hours in which proactive messages wait for the morning: a notice at 23:00 is rude, and Zalo refuses some
/// proactive sends at night anyway (-234). Times are local to <see cref="UtcOffset"/> (Vietnam has no daylight saving);
/// a start after the end spans midnight, and equal start and end mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeSpan Start, TimeSpan End, TimeSpan UtcOffset)
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static QuietHours VietnameseNight { get; } = new(TimeSpan.FromHours(22), TimeSpan.FromHours(6), Vietnam);

    public bool IsQuiet(DateTimeOffset at)
    {
        if (Start == End) return false;
        var time = at.ToOffset(UtcOffset).TimeOfDay;
        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }

    /// <summary>The next end of the quiet hours strictly after <paramref name="at"/>: when a held message may go.</summary>
    public DateTimeOffset NextEnd(DateTimeOffset at)
    {
        var local = at.ToOffset(UtcOffset);
        var end = new DateTimeOffset(local.Date + End, UtcOffset);
        return end > at ? end : end.AddDays(1);
    }
}
