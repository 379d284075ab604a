using System.Text.Json.Nodes;
using ZaloBot.Outbox;
using ZaloBot.Zalo;

namespace ZaloBot.Staff;

/// <summary>
/// Pushes to staff in Zalo, queued in the same transaction as the cause. Zalo only delivers consultation messages to
/// staff who wrote to the OA recently; a push that cannot be delivered is dead-lettered in the outbox with Zalo's
/// reason, where operators see it.
/// </summary>
public static class StaffPush
{
    /// <summary>Linked staff of an agency (and supervisors, who follow everything).</summary>
    public static Task ToAgencyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string agencyCode, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(connection, transaction, "select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff where active and zalo_user_id is not null and agency_code = @agencyCode",
            new { agencyCode }, causeKey, text, ticketCode, now, cancellationToken);

    /// <summary>Linked intake officers and supervisors: new tickets to triage.</summary>
    public static Task ToIntakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(connection, transaction, "select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff where active and zalo_user_id is not null and role in ('intake_officer', 'supervisor')",
            new { }, causeKey, text, ticketCode, now, cancellationToken);

    /// <summary>Linked supervisors: breaches, answers waiting for approval, tickets flagged for review.</summary>
    public static Task ToSupervisorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(connection, transaction, "select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff where active and zalo_user_id is not null and role = 'supervisor'",
            new { }, causeKey, text, ticketCode, now, cancellationToken);

    /// <summary>Linked heads of an agency (staff.agency_head): its tickets' breaches.</summary>
    public static Task ToAgencyHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string agencyCode, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(connection, transaction, "select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff where active and zalo_user_id is not null and agency_head and agency_code = @agencyCode",
            new { agencyCode }, causeKey, text, ticketCode, now, cancellationToken);

    /// <summary>One staff member, if linked (e.g. the handler whose answer was returned).</summary>
    public static Task ToStaffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(connection, transaction, "select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff where active and zalo_user_id is not null and id = @staffId",
            new { staffId }, causeKey, text, ticketCode, now, cancellationToken);

    /// <summary>
    /// Everyone in the audiences, each once however many audiences they are in (the handler whose answer was returned
    /// is usually also staff of the ticket's agency), with buttons that fit the ticket's status.
    /// </summary>
    public static async Task ToAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StaffAudience> audience, string causeKey, string text, string ticketCode, TicketStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (audience.Count == 0) return;
        const string sql = """
            select id, zalo_oa_id as ZaloOaId, zalo_user_id as ZaloUserId from staff
            where active and zalo_user_id is not null and (id = any(@ids) or agency_code = any(@agencies))
            order by id
            """;
        var ids = audience.OfType<StaffAudience.One>().Select(a => a.StaffId).ToArray();
        var agencies = audience.OfType<StaffAudience.Agency>().Select(a => a.Code).ToArray();
        var recipients = await connection.QueryAsync<(long Id, string ZaloOaId, string ZaloUserId)>(new CommandDefinition(sql, new { ids, agencies }, transaction, cancellationToken: cancellationToken));
        foreach (var (id, zaloOaId, zaloUserId) in recipients)
            await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(new ZaloRecipient(zaloOaId, zaloUserId), Message(text, ticketCode, status), $"{causeKey}:staff:{id}", null), now, cancellationToken);
        await StaffPhotoTargets.RememberAsync(connection, transaction, recipients.Select(r => r.Id).ToList(), ticketCode, pushed: true, now, cancellationToken);
    }

    /// <summary>"Nhận" only where claiming means something (accepting a received ticket, starting an assigned one).</summary>
    private static JsonObject Message(string text, string ticketCode, TicketStatus? status) =>
        ZaloMessages.TextWithButtons(text, status is null or TicketStatus.Received or TicketStatus.Assigned
            ? [($"Xem {ticketCode}", $"xem {ticketCode}"), ($"Nhận {ticketCode}", $"nhận {ticketCode}")]
            : [($"Xem {ticketCode}", $"xem {ticketCode}")])[0];

    private static async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object parameters, string causeKey, string text, string ticketCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = await connection.QueryAsync<(long Id, string ZaloOaId, string ZaloUserId)>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        foreach (var (id, zaloOaId, zaloUserId) in recipients)
            await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(new ZaloRecipient(zaloOaId, zaloUserId), Message(text, ticketCode, null), $"{causeKey}:staff:{id}", null), now, cancellationToken);
        // A photo the officer sends next without a code belongs to the ticket just pushed to them.
        await StaffPhotoTargets.RememberAsync(connection, transaction, recipients.Select(r => r.Id).ToList(), ticketCode, pushed: true, now, cancellationToken);
    }
}

/// <summary>Who among staff a push goes to.</summary>
public abstract record StaffAudience
{
    public sealed record One(long StaffId) : StaffAudience;
    public sealed record Agency(string Code) : StaffAudience;
}
