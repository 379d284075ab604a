namespace ZaloBot.Domain.Conversations;

/// <summary>What the engine asks the outside world to do, as data; the caller performs these in one transaction.</summary>
public abstract record ConversationEffect;

public sealed record SendText(string Text) : ConversationEffect;

/// <summary>A button whose payload comes back as the citizen's visible message when pressed.</summary>
public sealed record Button(string Title, string Payload)
{
    public static Button Say(string title) => new(title, title);
}

public sealed record SendButtons(string Text, IReadOnlyList<Button> Buttons) : ConversationEffect;

/// <summary>Zalo's request-user-info form; the answer arrives as <see cref="UserInfoInput"/>.</summary>
public sealed record RequestUserInfo(string Title, string Subtitle) : ConversationEffect;

/// <summary>A confirmed complaint, with the code the caller reserved in <see cref="ConversationContext.NewTicketCode"/>.</summary>
public sealed record CreateTicket(
    string Code,
    string CategoryCode,
    string Description,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? AreaCode,
    IReadOnlyList<DraftAttachment> Attachments,
    string ContactName,
    string ContactPhone,
    string? ServiceCentreCode,
    string? ServiceCentreSource = null) : ConversationEffect;

/// <summary>A citizen's later message about an open ticket, added to its thread for the staff handling it.</summary>
public sealed record AppendToTicket(string TicketCode, string? Text, IReadOnlyList<DraftAttachment> Attachments) : ConversationEffect;

/// <summary>The citizen's 1–5 satisfaction rating of a resolved ticket.</summary>
public sealed record RateTicket(string TicketCode, int Rating) : ConversationEffect;

/// <summary>
/// A message the bot did not understand at <paramref name="Step"/>, kept so operators can see what citizens write and
/// add phrases. The caller stores it without phone numbers and without who sent it.
/// </summary>
public sealed record RecordNotUnderstood(string Text, Step Step) : ConversationEffect;
