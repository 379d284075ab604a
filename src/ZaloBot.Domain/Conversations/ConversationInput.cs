namespace ZaloBot.Domain.Conversations;

/// <summary>
/// What a citizen did, as the engine sees it. Button presses arrive as <see cref="TextInput"/>: every button's
/// payload is the words a citizen could also type, so pressing and typing take the same path.
/// </summary>
public abstract record ConversationInput(DateTimeOffset At);

public sealed record TextInput(string Text, DateTimeOffset At) : ConversationInput(At);

public sealed record ImagesInput(IReadOnlyList<string> Urls, string? Caption, DateTimeOffset At) : ConversationInput(At);

public sealed record FileInput(string Url, string? Name, long? Size, DateTimeOffset At, string Kind = "file") : ConversationInput(At);

public sealed record LocationInput(double Latitude, double Longitude, string? Address, DateTimeOffset At) : ConversationInput(At);

/// <summary>Sticker, gif, voice, video, link, business card: nothing the complaint can use.</summary>
public sealed record UnsupportedInput(string Kind, DateTimeOffset At) : ConversationInput(At);

/// <summary>
/// A first message that began with a signed centre code (<c>#TT-BN01.&lt;token&gt;</c>), already checked by the caller:
/// <paramref name="Source"/> says where the code was issued when it was genuine, unused and in time, and is null
/// otherwise. <paramref name="Rest"/> is what followed the code.
/// </summary>
public sealed record CentreLinkInput(string CentreCode, string? Source, string Rest, DateTimeOffset At) : ConversationInput(At);

public sealed record FollowInput(string? Source, DateTimeOffset At) : ConversationInput(At);

public sealed record UnfollowInput(DateTimeOffset At) : ConversationInput(At);

/// <summary>The answer to Zalo's request-user-info form.</summary>
public sealed record UserInfoInput(string? Name, string? Phone, string? Address, DateTimeOffset At) : ConversationInput(At);

/// <summary>Time passing with no message: drives the idle reminder and the expiry of drafts.</summary>
public sealed record TickInput(DateTimeOffset At) : ConversationInput(At);
