using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Privacy;

/// <summary>Effects about personal data; the service stores them (append-only) and answers in the turn's transaction.</summary>
public abstract record PrivacyEffect : ConversationEffect;

/// <summary>The notice in <paramref name="Version"/> was sent to the citizen in this turn.</summary>
public sealed record RecordNoticeShown(int Version) : PrivacyEffect;

/// <summary>The citizen's answer for one optional purpose (per ticket for publication, else standing).</summary>
public sealed record RecordConsent(string Purpose, string Answer, string? TicketCode = null) : PrivacyEffect;

/// <summary>An effect the service answers itself in the chat (its reply needs the database: a link, a deadline).</summary>
public interface IAnsweredByService;

/// <summary>"Dữ liệu của tôi": the service replies with a summary of what it holds and a one-time link to the full export.</summary>
public sealed record ShowMyData : PrivacyEffect, IAnsweredByService;

/// <summary>A rights request for the console's queue; the service acknowledges it with its deadline.</summary>
public sealed record StartPrivacyRequest(string Kind, string? Detail) : PrivacyEffect, IAnsweredByService;

/// <summary>"Rút lại đồng ý": every optional consent ends now (and published answers are withdrawn); staff confirm the rest.</summary>
public sealed record WithdrawConsents : PrivacyEffect, IAnsweredByService;
