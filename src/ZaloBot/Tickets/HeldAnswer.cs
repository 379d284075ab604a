namespace ZaloBot.Tickets;

/// <summary>What an approval rule holds: a resolution (the ticket resolves when approved) or a reply (it is sent when approved).</summary>
public enum HeldAnswerKind
{
    Resolution,
    Reply,
}

public sealed record HeldAnswer(HeldAnswerKind Kind, string Text, long? By);

public static class HeldAnswerKinds
{
    public static string ToName(HeldAnswerKind kind) => kind switch
    {
        HeldAnswerKind.Resolution => "resolution",
        HeldAnswerKind.Reply => "reply",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A held answer without a name."),
    };

    /// <summary>Rows held before replies could be held carry no kind: they are resolutions.</summary>
    public static HeldAnswerKind Parse(string? name) => name == "reply" ? HeldAnswerKind.Reply : HeldAnswerKind.Resolution;
}
