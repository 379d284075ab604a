using ZaloBot.Staff;

namespace ZaloBot.Tickets;

/// <summary>
/// Luật Tố cáo 2018 protects the denouncer: on a tố cáo ticket the citizen's name, phone, Zalo id, shared location and
/// photos are withheld from every view. Only the handlers of the assigned agency, supervisors and admins may reveal
/// them, one ticket at a time, and each reveal is written to the console audit (<c>Privacy/IPrivacyAudit</c>). A rule of
/// how tickets are shown, so it lives with the ticket views every read applies it to.
/// </summary>
public static class DenouncerProtection
{
    public const string Track = "to_cao";
    public const string Withheld = "[Danh tính người tố cáo được bảo vệ]";

    public static bool MayReveal(StaffIdentity staff, string? assignedAgency) =>
        staff.Role is StaffRole.Supervisor or StaffRole.Admin
        || staff.Role == StaffRole.AgencyHandler && assignedAgency is not null && staff.AgencyCode == assignedAgency;

    /// <summary>The ids among <paramref name="ticketIds"/> whose track is tố cáo.</summary>
    public static async Task<HashSet<long>> ProtectedAsync(NpgsqlConnection connection, IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken)
    {
        if (ticketIds.Count == 0) return [];
        var ids = ticketIds.ToArray();
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "select id from tickets where id = any(@ids) and track = @track", new { ids, track = Track }, cancellationToken: cancellationToken))).ToHashSet();
    }

    public static TicketView Withhold(TicketView ticket) =>
        ticket with { ContactName = Withheld, ContactPhone = null, CitizenZaloId = "", Latitude = null, Longitude = null };

    /// <summary>The list as every staff member sees it: tố cáo tickets without the denouncer's identity.</summary>
    public static async Task<TicketPage> WithholdAsync(NpgsqlConnection connection, TicketPage page, CancellationToken cancellationToken)
    {
        var hidden = await ProtectedAsync(connection, page.Items.Select(t => t.Id).ToList(), cancellationToken);
        return hidden.Count == 0 ? page : page with { Items = page.Items.Select(t => hidden.Contains(t.Id) ? Withhold(t) : t).ToList() };
    }

    /// <summary>One ticket for the API: withheld on a tố cáo, with the citizen's photos removed.</summary>
    public static async Task<TicketWithThread> WithholdAsync(NpgsqlConnection connection, TicketWithThread ticket, CancellationToken cancellationToken)
    {
        if ((await ProtectedAsync(connection, [ticket.Ticket.Id], cancellationToken)).Count == 0) return ticket;
        return new TicketWithThread(Withhold(ticket.Ticket),
            ticket.Thread.Select(e => e.ActorKind == "citizen" ? e with { ActorId = null, Payload = "{}" } : e).ToList(),
            ticket.Evidence?.Where(e => e.Origin != "citizen").ToList());
    }
}
