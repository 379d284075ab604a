namespace ZaloBot.Domain.Delivery;

/// <summary>
/// What other systems may subscribe to, and which entries of a ticket's audit trail make each: the trail is the one
/// record of every change, so a subscriber hears exactly what was committed.
/// </summary>
public static class OutboundEventKinds
{
    public const string TicketCreated = "ticket.created";
    public const string StatusChanged = "ticket.status_changed";
    public const string AnswerApproved = "answer.approved";
    public const string CitizenFeedback = "citizen.feedback";

    public static readonly IReadOnlyList<string> All = [TicketCreated, StatusChanged, AnswerApproved, CitizenFeedback];

    /// <summary>The event kind for an audit-trail entry kind, or null when subscribers are not told about it.</summary>
    public static string? ForEntry(string entryKind) => entryKind switch
    {
        "created" => TicketCreated,
        "status_changed" => StatusChanged,
        "answer_approved" => AnswerApproved,
        "rated" or "citizen_confirmed_fixed" or "citizen_reopened" => CitizenFeedback,
        _ => null,
    };

    /// <summary>The entry kinds behind each event kind, for the fan-out query.</summary>
    public static string[] EntriesFor(IEnumerable<string> eventKinds)
    {
        var wanted = eventKinds.ToHashSet(StringComparer.Ordinal);
        return new[] { "created", "status_changed", "answer_approved", "rated", "citizen_confirmed_fixed", "citizen_reopened" }
            .Where(e => wanted.Contains(ForEntry(e)!)).ToArray();
    }
}
