namespace ZaloBot.Domain.Conversations;

/// <summary>Effects of the legal tracks and of "is it really fixed?"; the service applies them in the turn's transaction.</summary>
public abstract record TrackEffect : ConversationEffect;

/// <summary>
/// The new ticket's track (as the citizen confirmed it) and suggested priority; emitted right after
/// <see cref="CreateTicket"/> for the same code.
/// </summary>
public sealed record SetTicketTrack(string TicketCode, string Track, string Priority, string SuggestedTrack) : TrackEffect;

/// <summary>The citizen pressed "Đã khắc phục": kept on the thread.</summary>
public sealed record CitizenConfirmedFixed(string TicketCode) : TrackEffect;

/// <summary>"Chưa khắc phục" and what remains: the ticket reopens with this text and its agency is told.</summary>
public sealed record CitizenNotFixed(string TicketCode, string Text) : TrackEffect;
