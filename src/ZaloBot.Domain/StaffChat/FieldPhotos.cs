using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.StaffChat;

/// <summary>Which ticket a field officer's photo goes to, and how they say it.</summary>
public enum FieldPhotoSource
{
    /// <summary>The photo's own caption names the ticket.</summary>
    Caption,
    /// <summary>"ảnh PA-…" was sent just before.</summary>
    Chosen,
    /// <summary>The last ticket pushed to the officer or worked on by them in chat.</summary>
    Recent,
}

public sealed record FieldPhotoTarget(long TicketId, FieldPhotoSource Source);

/// <summary>
/// The rule for a photo sent from the field without a code: a ticket named with "ảnh PA-…" wins while its window runs,
/// then the ticket last pushed to or worked on by the officer within the window (unless several were pushed at once);
/// nothing older, so a photo taken hours later never lands on a ticket the officer no longer has in mind. The answer
/// always names the ticket.
/// </summary>
public static class FieldPhotos
{
    /// <summary>How long "ảnh PA-…" or a push keeps pointing at its ticket.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>What precedes the code, without diacritics: "ảnh", "gửi ảnh", "ảnh sau", "ảnh kết quả", "ảnh hiện trường".</summary>
    public static readonly string[] Verbs = ["anh", "gui anh", "anh sau", "anh ket qua", "anh hien truong"];

    public static bool IsPhotoVerb(string normalized) =>
        Verbs.Any(v => normalized == v || normalized.StartsWith(v + " ", StringComparison.Ordinal));

    public static FieldPhotoTarget? Choose(long? captionTicketId, (long TicketId, DateTimeOffset At)? chosen, (long TicketId, DateTimeOffset At)? recent, DateTimeOffset now)
    {
        if (captionTicketId is { } named) return new(named, FieldPhotoSource.Caption);
        if (chosen is { } c && Fresh(c.At, now)) return new(c.TicketId, FieldPhotoSource.Chosen);
        if (recent is { } r && Fresh(r.At, now)) return new(r.TicketId, FieldPhotoSource.Recent);
        return null;
    }

    private static bool Fresh(DateTimeOffset at, DateTimeOffset now) => at <= now + TimeSpan.FromMinutes(1) && now - at <= Window;

    /// <summary>A caption that says only what to do with the photo, not what it shows: "", "ảnh", "gửi dân", "ảnh gửi dân".</summary>
    public static bool IsInstructionOnly(string normalized)
    {
        var rest = normalized;
        foreach (var words in SendWords) rest = rest.Replace(words, "", StringComparison.Ordinal).Trim();
        return rest.Length == 0 || Verbs.Contains(rest);
    }

    private static readonly string[] SendWords = ["gui nguoi dan", "gui cong dan", "gui dan"];

    /// <summary>"gửi dân" in a caption or after the code: the officer wants the citizen to see the photo now.</summary>
    public static bool AsksToSendToCitizen(string? text) =>
        TextNormalizer.Normalize(text) is { Length: > 0 } n && SendWords.Any(words => $" {n} ".Contains($" {words} ", StringComparison.Ordinal));
}
