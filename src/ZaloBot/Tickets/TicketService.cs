using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using ZaloBot.Calendar;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Domain.Tickets;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Zalo;

namespace ZaloBot.Tickets;

/// <summary>
/// Staff work on tickets. Each change is validated against the transition table, written with optimistic concurrency
/// (tickets.version), audited in ticket_events, and — when the citizen should know — queued to the citizen in the
/// outbox, all in one transaction.
/// </summary>
public sealed class TicketService(NpgsqlDataSource dataSource, HolidayCalendar holidays, OutboxSignal outbox, TimeProvider time)
{
    /// <summary>Working days a reopened ticket gets, and the least a receiving agency gets after a transfer.</summary>
    public const int ReopenWorkingDays = 5;
    public const int MinimumWorkingDaysAfterTransfer = 3;

    private const string DefaultSenderName = "Bộ phận tiếp nhận phản ánh";

    public async Task<TicketActionResult> ApplyAsync(StaffIdentity staff, string code, TicketAction action, TransitionInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ApplyAsync(connection, transaction, staff, code, action, input, expectedVersion, cancellationToken);
        if (result.Failure is not null) return result;
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return TicketActionResult.Ok((await TicketQueries.ByCodeAsync(connection, null, code, forUpdate: false, cancellationToken))!);
    }

    /// <summary>The same, inside the caller's transaction (staff acting from chat, where the inbox event commits with it).</summary>
    public async Task<TicketActionResult> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, TicketAction action, TransitionInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode))
            return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {code} that you can see.");
        if (expectedVersion is { } expected && expected != ticket.Version)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} was changed by someone else (version {ticket.Version}, you had {expected}). Reload it and try again.");
        if (!TicketStatusNames.TryParse(ticket.Status, out var from))
            throw new InvalidOperationException($"Ticket {code} has an unknown status {ticket.Status}.");

        if (action == TicketAction.Assign && string.IsNullOrWhiteSpace(input.AgencyCode))
            input = input with { AgencyCode = await RouteAsync(connection, transaction, ticket, cancellationToken) };

        var resolvedAt = ticket.ResolvedAt is { } r ? new DateTimeOffset(DateTime.SpecifyKind(r, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        var decision = TicketTransitions.Decide(action, from, staff.Role, input, resolvedAt, now);
        // An answer that needs approval waits for it (issue 12): the citizen hears nothing yet.
        if (decision is TransitionDecision.Allowed && action == TicketAction.Resolve
            && await Tracks.TrackService.HoldIfRequiredAsync(connection, transaction, staff, ticket, input.Result!, now, cancellationToken) is { } held)
            return held;
        switch (decision)
        {
            case TransitionDecision.Refused { RoleNotAllowed: true } refused:
                return TicketActionResult.Fail(TicketFailure.Forbidden, refused.Reason);
            case TransitionDecision.Refused refused:
                return TicketActionResult.Fail(TicketFailure.Conflict, refused.Reason);
            case TransitionDecision.Incomplete incomplete:
                return TicketActionResult.Fail(TicketFailure.Invalid, incomplete.Reason);
            case TransitionDecision.Allowed allowed:
                return await ApplyAllowedAsync(connection, transaction, staff, ticket, action, from, allowed.To, input, now, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    private async Task<TicketActionResult> ApplyAllowedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, TicketView ticket,
        TicketAction action, TicketStatus from, TicketStatus to, TransitionInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = ticket.AssignedAgencyCode;
        if (action is TicketAction.Assign or TicketAction.Transfer)
        {
            agency = input.AgencyCode!.Trim();
            if (!await ExistsAsync(connection, transaction, "select exists (select 1 from agencies where code = @code and active)", agency, cancellationToken))
                return TicketActionResult.Fail(TicketFailure.Invalid, $"There is no active agency {agency}.");
            if (action == TicketAction.Transfer && agency == ticket.AssignedAgencyCode)
                return TicketActionResult.Fail(TicketFailure.Invalid, $"The ticket is already with {agency}.");
        }

        var calendar = await holidays.GetAsync(cancellationToken);
        var due = ticket.DueAt is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        due = action switch
        {
            TicketAction.Accept => await Tracks.TrackClocks.OnAcceptAsync(connection, transaction, ticket.Id, calendar, await DeadlineDaysAsync(connection, transaction, ticket.CategoryCode, cancellationToken), now, cancellationToken),
            // The receiving agency keeps the original deadline, but never gets less than a few working days.
            TicketAction.Transfer => Max(due, HolidayCalendar.DueAt(calendar, now, MinimumWorkingDaysAfterTransfer)),
            TicketAction.Reopen => HolidayCalendar.DueAt(calendar, now, ReopenWorkingDays),
            _ => due,
        };

        const string update = """
            update tickets
            set status = @to, assigned_agency_code = @agency, due_at = @due, updated_at = @now, version = version + 1,
                resolved_at = case when @to = 'resolved' then @now when @to = 'in_progress' then null else resolved_at end,
                closed_at = case when @to in ('closed', 'rejected') then @now else closed_at end
            where id = @id and version = @version
            """;
        var updated = await connection.ExecuteAsync(new CommandDefinition(update,
            new { id = ticket.Id, version = ticket.Version, to = to.ToName(), agency, due, now }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {ticket.Code} was changed by someone else. Reload it and try again.");

        var body = input.Result ?? input.Reason;
        var eventId = await AddEventAsync(connection, transaction, ticket.Id, staff, "status_changed", isPublic: true, body,
            new { action = action.ToString().ToLowerInvariant(), from = from.ToName(), to = to.ToName(), agency }, now, cancellationToken);

        var agencyName = agency is null ? null : await AgencyNameAsync(connection, transaction, agency, cancellationToken);
        var dueDate = due is { } dueAt ? WorkingDayCalendar.DateInVietnam(dueAt) : (DateOnly?)null;
        var text = TicketNotifications.For(action, ticket.Code, agencyName, input.Reason, input.Result, dueDate);
        // The resolution asks whether the problem is really fixed (issue 12), in one Zalo message with two buttons;
        // the rating follows the citizen's answer.
        var message = action == TicketAction.Resolve
            ? ZaloMessages.TextWithButtons(text + "\n\n" + Domain.Tracks.TrackTexts.FixedQuestion, Domain.Tracks.TrackTexts.FixedButtons(ticket.Code))[0]
            : ZaloMessages.Text(text);
        var notice = new Notice(NoticeKindOf(action), new Dictionary<string, string?>
        {
            ["code"] = ticket.Code,
            ["status"] = TicketStatusText.ForCitizen(to.ToName()),
            ["agency"] = agencyName,
            ["reason"] = input.Reason,
            ["result"] = input.Result,
            ["due"] = dueDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = text,
        });
        await NotifyAsync(connection, transaction, ticket, $"ticket-event:{eventId}", message, notice, now, cancellationToken);

        if (action is TicketAction.Assign or TicketAction.Transfer)
            await StaffPush.ToAgencyAsync(connection, transaction, agency!, $"ticket-event:{eventId}:staff",
                StaffTexts.Assigned(ticket.Code, ticket.Description), ticket.Code, now, cancellationToken);
        return TicketActionResult.Ok(ticket with { Status = to.ToName(), AssignedAgencyCode = agency, DueAt = due?.UtcDateTime, Version = ticket.Version + 1 });
    }

    /// <summary>A reply to the citizen, sent through the OA in the name of the agency, and kept on the thread.</summary>
    public Task<TicketActionResult> ReplyAsync(StaffIdentity staff, string code, string text, CancellationToken cancellationToken) =>
        AddToThreadAsync(staff, code, "staff_reply", isPublic: true, text, cancellationToken);

    /// <summary>A note for colleagues only; the citizen never sees it.</summary>
    public Task<TicketActionResult> AddNoteAsync(StaffIdentity staff, string code, string text, CancellationToken cancellationToken) =>
        AddToThreadAsync(staff, code, "note", isPublic: false, text, cancellationToken);

    private async Task<TicketActionResult> AddToThreadAsync(StaffIdentity staff, string code, string kind, bool isPublic, string text, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await AddToThreadAsync(connection, transaction, staff, code, kind, isPublic, text, cancellationToken);
        if (result.Failure is not null) return result;
        await transaction.CommitAsync(cancellationToken);
        if (isPublic) outbox.Notify();
        return result;
    }

    /// <summary>A reply or note inside the caller's transaction.</summary>
    /// <param name="compose">Builds the Zalo message from the reply's text (a photo reply: the image with the text as caption); plain text by default.</param>
    public async Task<TicketActionResult> AddToThreadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, string kind, bool isPublic, string text, CancellationToken cancellationToken, Func<string, JsonObject>? compose = null)
    {
        var now = time.GetUtcNow();
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode))
            return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {code} that you can see.");
        if (isPublic && ticket.Status is "closed" or "rejected")
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} is {ticket.Status}; reopen it before replying.");

        var eventId = await AddEventAsync(connection, transaction, ticket.Id, staff, kind, isPublic, text, new { }, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("update tickets set updated_at = @now where id = @id",
            new { now, id = ticket.Id }, transaction, cancellationToken: cancellationToken));
        if (isPublic)
        {
            var sender = await AgencyNameAsync(connection, transaction, staff.AgencyCode ?? ticket.AssignedAgencyCode, cancellationToken) ?? DefaultSenderName;
            var reply = TicketNotifications.Reply(ticket.Code, sender, text);
            var notice = new Notice(NoticeKinds.Replied, new Dictionary<string, string?>
            {
                ["code"] = ticket.Code, ["status"] = TicketStatusText.ForCitizen(ticket.Status), ["agency"] = sender, ["text"] = text,
            });
            await NotifyAsync(connection, transaction, ticket, $"ticket-event:{eventId}", (compose ?? ZaloMessages.Text)(reply), notice, now, cancellationToken);
        }
        return TicketActionResult.Ok(ticket);
    }

    /// <summary>A proactive notice to the ticket's citizen; beyond Zalo's window it may go as the template for its kind.</summary>
    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, string key, JsonObject message, Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(ticket.CitizenZaloId, message, key, null, TicketId: ticket.Id, Notice: notice), now, cancellationToken);
        // Citizens of duplicates linked to this ticket (and those who chose to follow it) hear the same.
        await SimilarReports.TicketFollowers.EnqueueAsync(connection, transaction, ticket.Id, key, message, notice, now, cancellationToken);
    }

    private static string NoticeKindOf(TicketAction action) => action switch
    {
        TicketAction.Accept => NoticeKinds.Accepted,
        TicketAction.Reject => NoticeKinds.Rejected,
        TicketAction.Assign => NoticeKinds.Assigned,
        TicketAction.Transfer => NoticeKinds.Transferred,
        TicketAction.Start => NoticeKinds.Started,
        TicketAction.Resolve => NoticeKinds.Resolved,
        TicketAction.Reopen => NoticeKinds.Reopened,
        _ => NoticeKinds.Closed,
    };

    private static async Task<long> AddEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long ticketId, StaffIdentity staff, string kind, bool isPublic, string? body, object payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body, payload)
            values (@ticketId, @now, 'staff', @actorId, @kind, @isPublic, @body, @payload::jsonb)
            returning id
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            ticketId, now, actorId = staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, isPublic, body,
            payload = JsonSerializer.Serialize(payload),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Where the routing rules send this ticket: a rule for its category and ward, its category, or the category's default agency.</summary>
    public static async Task<string> RouteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TicketView ticket, CancellationToken cancellationToken)
    {
        var rules = await connection.QueryAsync<(string CategoryCode, string? AreaCode, string AgencyCode)>(new CommandDefinition(
            "select category_code, area_code, agency_code from routing_rules where category_code = @CategoryCode", ticket, transaction, cancellationToken: cancellationToken));
        var fallback = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select default_agency_code from categories where code = @CategoryCode", ticket, transaction, cancellationToken: cancellationToken));
        return Routing.Route(ticket.CategoryCode, ticket.AreaCode, fallback!, rules.Select(r => new RoutingRule(r.CategoryCode, r.AreaCode, r.AgencyCode)));
    }

    private static Task<int> DeadlineDaysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string categoryCode, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("select deadline_working_days from categories where code = @categoryCode",
            new { categoryCode }, transaction, cancellationToken: cancellationToken));

    private static Task<string?> AgencyNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? code, CancellationToken cancellationToken) =>
        code is null ? Task.FromResult<string?>(null) : connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select name from agencies where code = @code", new { code }, transaction, cancellationToken: cancellationToken));

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string code, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { code }, transaction, cancellationToken: cancellationToken));

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
