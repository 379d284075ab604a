using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Domain.Tickets;

/// <summary>A ticket's status. Stored, sent in JSON and compared in SQL by its name from <see cref="TicketStatusNames"/> alone.</summary>
[JsonConverter(typeof(TicketStatusJsonConverter))]
public enum TicketStatus
{
    Received,
    Accepted,
    Assigned,
    InProgress,
    /// <summary>Handling paused (waiting for a third party, the weather, the citizen); the resolution clock is paused.</summary>
    OnHold,
    Resolved,
    Closed,
    Rejected,
}

/// <summary>
/// The one mapping between a status and its stored name, and the one meaning of "open": everything but closed and
/// rejected. A resolved ticket is open (the citizen may still say it is not fixed); its clock no longer runs.
/// SQL has the same rules as functions (ticket_is_open, ticket_is_answered, ticket_clock_runs, ticket_awaits_acceptance in
/// migration 0024_ticket_status_rules.sql); a test checks they agree with these for every status.
/// </summary>
public static class TicketStatusNames
{
    /// <summary>The name stored in the database and shown in the API.</summary>
    public static string ToName(this TicketStatus status) => status switch
    {
        TicketStatus.Received => "received",
        TicketStatus.Accepted => "accepted",
        TicketStatus.Assigned => "assigned",
        TicketStatus.InProgress => "in_progress",
        TicketStatus.OnHold => "on_hold",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        TicketStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without a name."),
    };

    public static bool TryParse(string? name, out TicketStatus status) => StoredNames.TryParse(name, ToName, out status);

    /// <summary>The status of a name given at the edge (a query string, a form), or null for none or an unknown one.</summary>
    public static TicketStatus? Find(string? name) => TryParse(name, out var status) ? status : null;

    public static TicketStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"Unknown ticket status '{name}'.");

    /// <summary>Open: the ticket is not finished (closed or rejected). Resolved is open.</summary>
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Closed or TicketStatus.Rejected);

    /// <summary>Answered: the public sees it as done (Open311's "closed"), though a resolved ticket is still open to staff.</summary>
    public static bool IsAnswered(this TicketStatus status) => status is TicketStatus.Resolved || !status.IsOpen();

    /// <summary>The agency's result stands: resolved or closed (the citizen may rate it; the answers page shows it).</summary>
    public static bool HasResult(this TicketStatus status) => status is TicketStatus.Resolved or TicketStatus.Closed;

    /// <summary>Waiting for acceptance: the first-response and acceptance clocks run.</summary>
    public static bool AwaitsAcceptance(this TicketStatus status) => status is TicketStatus.Received;

    /// <summary>The resolution clock runs: accepted, not on hold and not yet resolved.</summary>
    public static bool ClockRuns(this TicketStatus status) => status is TicketStatus.Accepted or TicketStatus.Assigned or TicketStatus.InProgress;

    /// <summary>Every status in order, with its stored name (for SQL filters, which take names).</summary>
    public static IReadOnlyList<string> Names(Func<TicketStatus, bool> which) => Enum.GetValues<TicketStatus>().Where(which).Select(ToName).ToList();
}

/// <summary>The API and stored JSON (event payloads) carry the stored name ("in_progress"), never a number or the C# name.</summary>
public sealed class TicketStatusJsonConverter : JsonConverter<TicketStatus>
{
    public override TicketStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TicketStatusNames.TryParse(reader.GetString(), out var status) ? status : throw new JsonException("Unknown ticket status.");

    public override void Write(Utf8JsonWriter writer, TicketStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());
}
