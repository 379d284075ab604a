using System.Text.Json.Serialization;

namespace ZaloBot.Domain.Conversations;

/// <summary>Where a citizen is in the conversation. Stored by name, so reordering members is safe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Step>))]
public enum Step
{
    /// <summary>No complaint being written: the main menu, lookups and follow-ups to open tickets.</summary>
    Menu,
    Category,
    Description,
    Place,
    Area,
    Attachments,
    Contact,
    Confirm,
    EditChoice,
    /// <summary>A returning citizen with an unfinished draft: continue it or start afresh.</summary>
    ResumeOffer,
    /// <summary>A problem described in a free message: one tap to file it with the suggested category.</summary>
    ProblemOffer,
    /// <summary>A question was answered; the citizen may file it as a petition. Not a draft: anything else is a new message.</summary>
    QuestionOffer,
    /// <summary>At submission: the complaint reads like a khiếu nại or tố cáo; the citizen confirms which.</summary>
    TrackChoice,
    /// <summary>An open ticket reports the same problem: follow it, or file anyway.</summary>
    FollowOffer,
}

public sealed record DraftAttachment(string Type, string Url, string? Name = null, long? Size = null);

/// <summary>The complaint being written, slot by slot.</summary>
public sealed record Draft
{
    public string? CategoryCode { get; init; }
    public string? Description { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? AreaCode { get; init; }
    public IReadOnlyList<DraftAttachment> Attachments { get; init; } = [];
    public string? ContactName { get; init; }
    /// <summary>E.164, e.g. +84912345678.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>The legal track the citizen chose at <see cref="Step.TrackChoice"/>; null until asked (or never asked for a plain complaint).</summary>
    public string? Track { get; init; }
    public string? SuggestedTrack { get; init; }

    /// <summary>Immediate danger: the emergency numbers were given first, and the complaint takes the fewest steps.</summary>
    public bool Urgent { get; init; }

    public bool HasPlace => Address is not null || Latitude is not null;
    public bool HasContact => ContactName is not null && ContactPhone is not null;
}

/// <summary>
/// Everything the engine remembers about one citizen between messages. Serialised as JSON by the caller;
/// <see cref="Version"/> lets a later release migrate old shapes.
/// </summary>
public sealed record ConversationState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public Step Step { get; init; } = Step.Menu;
    public Draft Draft { get; init; } = new();

    /// <summary>Set while a field is edited from the confirmation summary: finishing it returns there.</summary>
    public bool EditingFromConfirm { get; init; }

    /// <summary>The step an unfinished draft was left at when the citizen went back to the menu.</summary>
    public Step? PausedStep { get; init; }

    /// <summary>Unhelpful answers in a row at the current step; after a few, the bot offers more help.</summary>
    public int FailedAttempts { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }
    public DateTimeOffset? ReminderSentAt { get; init; }

    /// <summary>The service centre whose QR code or code the citizen arrived with; recorded on the ticket.</summary>
    public string? ServiceCentreCode { get; init; }

    /// <summary>How <see cref="ServiceCentreCode"/> was known (<see cref="ServiceCentres.CentreSources"/>).</summary>
    public string? ServiceCentreSource { get; init; }

    /// <summary>The citizen said a resolved ticket is not fixed; their next message says what remains.</summary>
    public string? NotFixedTicketCode { get; init; }
    /// <summary>The open ticket the citizen was offered to follow instead of filing; offered once per draft.</summary>
    public string? FollowCandidate { get; init; }

    /// <summary>A second problem the citizen named in the middle of a complaint; offered once that one is filed or cancelled.</summary>
    public string? PendingProblem { get; init; }

    [JsonIgnore]
    public bool HasDraftInProgress => Step is not (Step.Menu or Step.QuestionOffer) || PausedStep is not null;

    public static ConversationState New() => new();
}
