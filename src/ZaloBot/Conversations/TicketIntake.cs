using ZaloBot.Domain.Conversations;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Conversations;

/// <summary>Ticket writes caused by citizens in chat: creation and follow-up messages, each with its audit event.</summary>
public static class TicketIntake
{
    /// <param name="citizen">Who filed it, through which OA: their notices leave through that OA whoever handles the ticket.</param>
    public static async Task<long> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloBot.Outbox.OutboxRecipient citizen, CreateTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var citizenZaloId = citizen.StoredId;
        var id = await TicketLedger.CreateAsync(connection, transaction, new NewTicket(ticket.Code, citizenZaloId, ticket.CategoryCode, ticket.Description,
            ticket.Address, ticket.Latitude, ticket.Longitude, ticket.AreaCode, ticket.ContactName, ticket.ContactPhone, ticket.ServiceCentreCode, citizen.OaId, ticket.ServiceCentreSource), now, cancellationToken);

        var eventId = await AddCitizenEventAsync(connection, transaction, id, citizenZaloId, "created", ticket.Description, new { attachments = ticket.Attachments }, now, cancellationToken);
        await ZaloBot.Evidence.EvidenceQueue.EnqueueAsync(connection, transaction, id, eventId, ticket.Attachments, now, cancellationToken);
        await ZaloBot.Staff.StaffPush.ToIntakeAsync(connection, transaction, $"ticket:{id}:new", ZaloBot.Domain.StaffChat.StaffTexts.NewTicket(ticket.Code, ticket.Description), ticket.Code, now, cancellationToken);
        return id;
    }

    /// <summary>A citizen's message about an open ticket joins its thread.</summary>
    public static async Task<bool> AppendCitizenMessageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string ticketCode, string? text, IReadOnlyList<DraftAttachment> attachments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = await connection.QuerySingleOrDefaultAsync<(long Id, string? Agency)?>(new CommandDefinition(
            "select id, assigned_agency_code from tickets where code = @ticketCode and citizen_zalo_id = @citizenZaloId",
            new { ticketCode, citizenZaloId }, transaction, cancellationToken: cancellationToken));
        if (ticket is not { } found) return false;
        var eventId = await AddCitizenEventAsync(connection, transaction, found.Id, citizenZaloId, "citizen_message", text, new { attachments }, now, cancellationToken);
        await ZaloBot.Evidence.EvidenceQueue.EnqueueAsync(connection, transaction, found.Id, eventId, attachments, now, cancellationToken);
        if (found.Agency is not null)
            await ZaloBot.Staff.StaffPush.ToAgencyAsync(connection, transaction, found.Agency, $"ticket:{found.Id}:followup:{now.ToUnixTimeMilliseconds()}",
                ZaloBot.Domain.StaffChat.StaffTexts.CitizenFollowUp(ticketCode, text), ticketCode, now, cancellationToken);
        return true;
    }

    /// <summary>The citizen's rating of their own resolved (or closed) ticket; a later rating replaces an earlier one.</summary>
    public static async Task<bool> RecordRatingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string ticketCode, int rating, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await TicketLedger.RateAsync(connection, transaction, ticketCode, citizenZaloId, rating, now, cancellationToken);
        if (id is null) return false;
        await AddCitizenEventAsync(connection, transaction, id.Value, citizenZaloId, "rated", null, new { rating }, now, cancellationToken);
        return true;
    }

    /// <summary>A reply staff typed in Zalo's own OA chat tool: it joins the citizen's latest open ticket, if any.</summary>
    public static async Task<bool> AppendExternalStaffReplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string? adminId, string? text, string msgId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string latestOpen = """
            select id from tickets
            where citizen_zalo_id = @citizenZaloId and status <> all(@finished)
            order by id desc
            limit 1
            """;
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(latestOpen, new { citizenZaloId, finished = TicketStatusNames.Names(s => !s.IsOpen()).ToArray() }, transaction, cancellationToken: cancellationToken));
        if (id is null) return false;
        await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(id.Value, ActorKind.Staff, adminId, "staff_reply_zalo", IsPublic: true, text,
            new { zalo_msg_id = msgId }), now, cancellationToken);
        return true;
    }

    private static Task<long> AddCitizenEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, string citizenZaloId, string kind, string? body, object payload, DateTimeOffset now, CancellationToken cancellationToken) =>
        TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticketId, ActorKind.Citizen, citizenZaloId, kind, IsPublic: true, body, payload), now, cancellationToken);
}
