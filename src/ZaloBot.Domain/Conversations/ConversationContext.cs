using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Conversations;

/// <summary>A complaint category as offered to citizens; <paramref name="ExpectedDeadline"/> if submitted now.</summary>
public sealed record CategoryOption(string Code, string Name, IReadOnlyList<string> Keywords, DateOnly ExpectedDeadline)
{
    /// <summary>Answers in this category may be published; the citizen is asked at submission.</summary>
    public bool Publishable { get; init; }

    /// <summary>For tickets from other channels only: in the chat nothing is published without the citizen's yes.</summary>
    public bool PublishByDefault { get; init; }
}

public sealed record AreaOption(string Code, string Name);

public sealed record ServiceCentreOption(string Code, string Name);

/// <summary>One of this citizen's own tickets, for lookups, follow-ups and the rating after resolution.</summary>
/// <summary>One of the citizen's tickets as the bot tells it; <paramref name="Track"/> names it (a code keeps its prefix when staff change the track).</summary>
public sealed record CitizenTicket(string Code, string CategoryName, string StatusText, bool IsOpen, DateOnly? DueDate, string? LatestPublicUpdate, bool CanBeRated = false,
    string Track = Tracks.TicketTracks.Pakn);

public sealed record ConversationLimits
{
    public int MinDescriptionLength { get; init; } = 20;
    public int MaxDescriptionLength { get; init; } = 2000;
    public int MaxAttachments { get; init; } = 5;
    public int MaxFailedAttempts { get; init; } = 3;
    public TimeSpan ReminderAfter { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan ExpireAfter { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Everything the engine needs to know beyond the state, loaded by the caller. <see cref="NewTicketCode"/> is a code
/// the caller has reserved: if this message submits a complaint, the ticket gets it, and the confirmation shows it.
/// </summary>
public sealed record ConversationContext(
    IReadOnlyList<CategoryOption> Categories,
    IReadOnlyList<AreaOption> Areas,
    IReadOnlyList<ServiceCentreOption> Centres,
    IReadOnlyList<CitizenTicket> Tickets,
    string NewTicketCode,
    ConversationLimits Limits)
{
    /// <summary>How free text is understood: the built-in phrase table unless the operator's table is handed in.</summary>
    public Understander Understanding { get; init; } = Understander.Default;

    /// <summary>The legal tracks' rules (keywords, explanations) as the operator keeps them in the database.</summary>
    public IReadOnlyList<Tracks.TrackRule> Tracks { get; init; } = ZaloBot.Domain.Tracks.TicketTracks.Defaults;

    /// <summary>The priorities and the words that suggest urgency.</summary>
    public IReadOnlyList<Tracks.PriorityRule> Priorities { get; init; } = ZaloBot.Domain.Tracks.Priorities.Defaults;

    /// <summary>This citizen's resolved tickets still inside the reopen window ("not fixed yet" reopens them).</summary>
    public IReadOnlySet<string> ReopenableTickets { get; init; } = new HashSet<string>();
    /// <summary>Information articles, newest first; none: "Thông tin" says the fixed paragraph.</summary>
    public IReadOnlyList<ZaloBot.Domain.Information.ArticleOption> Articles { get; init; } = [];

    /// <summary>The emergency numbers given first when a message describes immediate danger (per province).</summary>
    public EmergencyNumbers Emergency { get; init; } = new();

    /// <summary>The deployment's privacy notice and this citizen's answers; none configured: the engine says nothing about it.</summary>
    public Privacy.PrivacyContext Privacy { get; init; } = ZaloBot.Domain.Privacy.PrivacyContext.None;

    /// <summary>An open ticket very like the draft being confirmed, if any; the citizen is offered to follow it.</summary>
    public SimilarOpenTicket? SimilarOpen { get; init; }
}

public sealed record ConversationResult(ConversationState State, IReadOnlyList<ConversationEffect> Effects);
