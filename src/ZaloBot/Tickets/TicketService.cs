using System.Globalization;
using System.Text.Json.Nodes;
using ZaloBot.Calendar;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Tickets.Ledger;
using ZaloBot.Zalo;

namespace ZaloBot.Tickets;

/// <summary>
/// Work on tickets. Each action is decided against the action table (<see cref="TicketActions"/>), written through
/// the <see cref="TicketLedger"/> with optimistic concurrency (tickets.version), audited, and — as its row says —
/// told to the citizen and pushed to staff, all in one transaction.
/// </summary>
public sealed class TicketService(NpgsqlDataSource dataSource, HolidayCalendar holidays, ITicketPolicy policy, OutboxSignal outbox, TimeProvider time)
{
    /// <summary>Working days a reopened ticket gets, and the least a receiving agency gets after a transfer.</summary>
    public const int ReopenWorkingDays = 5;
    public const int MinimumWorkingDaysAfterTransfer = 3;

    private const string DefaultSenderName = "Bộ phận tiếp nhận phản ánh";

    public async Task<TicketActionResult> ApplyAsync(StaffIdentity staff, string code, TicketAction action, TransitionInput input, int? expectedVersion, CancellationToken cancellationToken) =>
        await InTransactionAsync(code, (c, tx) => ApplyAsync(c, tx, staff, code, action, input, expectedVersion, cancellationToken), reload: true, cancellationToken);

    /// <summary>The same, inside the caller's transaction (staff acting from chat, where the inbox event commits with it).</summary>
    public async Task<TicketActionResult> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, TicketAction action, TransitionInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode))
            return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {code} that you can see.");
        if (expectedVersion is { } expected && expected != ticket.Version)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} was changed by someone else (version {ticket.Version}, you had {expected}). Reload it and try again.");
        var from = ticket.Status;
        var spec = TicketActions.Of(action);

        if (spec.Needs.HasFlag(ActionNeeds.Agency) && string.IsNullOrWhiteSpace(input.AgencyCode) && action == TicketAction.Assign)
            input = input with { AgencyCode = await RouteAsync(connection, transaction, ticket, cancellationToken) };

        var decision = TicketTransitions.Decide(action, from, staff.Role, input, Utc(ticket.ResolvedAt), now);
        // An answer that needs approval waits for it: the citizen hears nothing yet.
        if (decision is TransitionDecision.Allowed && spec.HeldByApproval && await policy.ApprovalRequiredAsync(connection, transaction, staff, ticket, cancellationToken))
            return await HoldAnswerAsync(connection, transaction, staff, ticket, HeldAnswerKind.Resolution, input.Result!, now, cancellationToken);
        return decision switch
        {
            TransitionDecision.Refused { RoleNotAllowed: true } refused => TicketActionResult.Fail(TicketFailure.Forbidden, refused.Reason),
            TransitionDecision.Refused refused => TicketActionResult.Fail(TicketFailure.Conflict, refused.Reason),
            TransitionDecision.Incomplete incomplete => TicketActionResult.Fail(TicketFailure.Invalid, incomplete.Reason),
            TransitionDecision.Allowed allowed => await MoveAsync(connection, transaction, new Actor(ActorKind.Staff, Id(staff)), ticket, spec, from, allowed.To, input, now, cancellationToken),
            _ => throw new InvalidOperationException("Unknown decision."),
        };
    }

    /// <summary>
    /// An action the citizen takes from chat (the row says whether a citizen may), on their own ticket, inside the
    /// turn's transaction; null when they have no such ticket or it cannot move now (the words join its thread).
    /// </summary>
    public async Task<TicketView?> ApplyForCitizenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string citizenZaloId, string code, TicketAction action, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, cancellationToken);
        if (ticket is null || ticket.CitizenZaloId != citizenZaloId) return null;
        var from = ticket.Status;
        var input = new TransitionInput(Reason: text);
        if (TicketTransitions.DecideForCitizen(action, from, input, Utc(ticket.ResolvedAt), now) is not TransitionDecision.Allowed allowed)
            return null;
        var moved = await MoveAsync(connection, transaction, new Actor(ActorKind.Citizen, citizenZaloId), ticket, TicketActions.Of(action), from, allowed.To, input, now, cancellationToken);
        return moved.Ticket;
    }

    private sealed record Actor(ActorKind Kind, string Id);

    private async Task<TicketActionResult> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, TicketView ticket,
        TicketActionSpec spec, TicketStatus from, TicketStatus to, TransitionInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agency = ticket.AssignedAgencyCode;
        if (spec.Needs.HasFlag(ActionNeeds.Agency))
        {
            agency = input.AgencyCode!.Trim();
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from agencies where code = @agency and active)",
                    new { agency }, transaction, cancellationToken: cancellationToken)))
                return TicketActionResult.Fail(TicketFailure.Invalid, $"There is no active agency {agency}.");
            if (spec.Action == TicketAction.Transfer && agency == ticket.AssignedAgencyCode)
                return TicketActionResult.Fail(TicketFailure.Invalid, $"The ticket is already with {agency}.");
        }

        var due = await DueAfterAsync(connection, transaction, spec.Clock, ticket, now, cancellationToken);
        if (!await TicketLedger.MoveAsync(connection, transaction, new TicketMove(ticket.Id, ticket.Version, to, agency, due, Reopens: spec.Action == TicketAction.Reopen), now, cancellationToken))
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {ticket.Code} was changed by someone else. Reload it and try again.");

        var byCitizen = actor.Kind == ActorKind.Citizen;
        var body = input.Result ?? input.Reason;
        var eventId = await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticket.Id, actor.Kind, actor.Id,
            byCitizen ? TicketEventKinds.CitizenReopened : TicketEventKinds.StatusChanged, IsPublic: true, body,
            byCitizen ? new { from = from.ToName(), to = to.ToName() } : new { action = spec.Name, from = from.ToName(), to = to.ToName(), agency }), now, cancellationToken);
        var moved = ticket with { Status = to, AssignedAgencyCode = agency, DueAt = due?.UtcDateTime, Version = ticket.Version + 1 };

        // The citizen who acted was answered by the conversation; anyone else's action is told to the citizen.
        if (!byCitizen) await TellCitizenAsync(connection, transaction, moved, spec, input, due, eventId, now, cancellationToken);
        await PushStaffAsync(connection, transaction, moved, spec, input, byCitizen, eventId, now, cancellationToken);
        return TicketActionResult.Ok(moved);
    }

    private async Task<DateTimeOffset?> DueAfterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClockEffect clock, TicketView ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Utc(ticket.DueAt);
        return clock switch
        {
            ClockEffect.Keeps => due,
            ClockEffect.Starts => await policy.ResolutionDueOnAcceptAsync(connection, transaction, ticket, now, cancellationToken),
            ClockEffect.KeepsWithMinimum => Max(due, HolidayCalendar.DueAt(await holidays.GetAsync(cancellationToken), now, MinimumWorkingDaysAfterTransfer)),
            ClockEffect.Restarts => HolidayCalendar.DueAt(await holidays.GetAsync(cancellationToken), now, ReopenWorkingDays),
            ClockEffect.Pauses => due,
            ClockEffect.Resumes => due is { } d && Utc(ticket.HeldAt) is { } heldAt
                ? Domain.Tracks.HeldClock.DueAfterHold(await holidays.GetAsync(cancellationToken), d, heldAt, now)
                : due,
            _ => throw new ArgumentOutOfRangeException(nameof(clock), clock, "A clock effect without a rule."),
        };
    }

    private static async Task TellCitizenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, TicketActionSpec spec, TransitionInput input,
        DateTimeOffset? due, long eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agencyName = await AgencyNameAsync(connection, transaction, ticket.AssignedAgencyCode, cancellationToken);
        var dueDate = due is { } dueAt ? WorkingDayCalendar.DateInVietnam(dueAt) : (DateOnly?)null;
        var text = spec.CitizenNotice(new NoticeFacts(ticket.Code, agencyName, input.Reason, input.Result, dueDate, ticket.Track));
        // The resolution asks whether the problem is really fixed, in one Zalo message with two buttons; the rating
        // follows the citizen's answer.
        var message = spec.To == TicketStatus.Resolved
            ? ZaloMessages.TextWithButtons(text + "\n\n" + Domain.Tracks.TrackTexts.FixedQuestion, Domain.Tracks.TrackTexts.FixedButtons(ticket.Code))[0]
            : ZaloMessages.Text(text);
        var notice = new Notice(spec.NoticeKind, new Dictionary<string, string?>
        {
            ["code"] = ticket.Code,
            ["status"] = TicketStatusText.ForCitizen(spec.To),
            ["agency"] = agencyName,
            ["reason"] = input.Reason,
            ["result"] = input.Result,
            ["due"] = dueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["text"] = text,
        });
        await NotifyAsync(connection, transaction, ticket, $"ticket-event:{eventId}", message, notice, now, cancellationToken);
    }

    private static Task PushStaffAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, TicketActionSpec spec, TransitionInput input,
        bool byCitizen, long eventId, DateTimeOffset now, CancellationToken cancellationToken) => spec.StaffPush switch
    {
        StaffPushTarget.None => Task.CompletedTask,
        StaffPushTarget.NewAgency => StaffPush.ToAgencyAsync(connection, transaction, ticket.AssignedAgencyCode!, $"ticket-event:{eventId}:staff",
            StaffTexts.Assigned(ticket.Code, ticket.Description), ticket.Code, now, cancellationToken),
        StaffPushTarget.AgencyOrIntake when ticket.AssignedAgencyCode is { } agency => StaffPush.ToAgencyAsync(connection, transaction, agency,
            $"ticket-event:{eventId}:{(byCitizen ? "not-fixed" : "staff")}", StaffText(ticket, spec, input, byCitizen), ticket.Code, now, cancellationToken),
        StaffPushTarget.AgencyOrIntake => StaffPush.ToIntakeAsync(connection, transaction,
            $"ticket-event:{eventId}:{(byCitizen ? "not-fixed" : "staff")}", StaffText(ticket, spec, input, byCitizen), ticket.Code, now, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.StaffPush, "A staff push without a rule."),
    };

    private static string StaffText(TicketView ticket, TicketActionSpec spec, TransitionInput input, bool byCitizen) => byCitizen
        ? Domain.Tracks.TrackTexts.CitizenNotFixed(ticket.Code, input.Reason ?? "")
        : StaffTexts.Moved(ticket.Code, spec.ConsoleLabel, input.Reason ?? input.Result);

    /// <summary>
    /// An answer (a resolution or a reply) that an approval rule holds: kept on the ticket, the supervisors told, the
    /// citizen told nothing until it is approved. One answer waits at a time.
    /// </summary>
    private static async Task<TicketActionResult> HoldAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, TicketView ticket, HeldAnswerKind kind, string answer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await TicketQueries.HeldAnswerAsync(connection, transaction, ticket.Id, cancellationToken) is not null)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"An answer to {ticket.Code} is already waiting for approval.");
        await TicketLedger.HoldAnswerAsync(connection, transaction, ticket.Id, kind, answer, staff.Id, now, cancellationToken);
        var eventId = await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticket.Id, ActorKind.Staff, Id(staff),
            kind == HeldAnswerKind.Reply ? TicketEventKinds.ReplySubmitted : TicketEventKinds.AnswerSubmitted, IsPublic: false, answer), now, cancellationToken);
        await StaffPush.ToSupervisorsAsync(connection, transaction, $"ticket-event:{eventId}:approval", Domain.Tracks.TrackTexts.AwaitingApproval(ticket.Code), ticket.Code, now, cancellationToken);
        return TicketActionResult.Ok(ticket with { Version = ticket.Version + 1 }, held: true);
    }

    /// <summary>A reply to the citizen, sent through the OA in the name of the agency, and kept on the thread.</summary>
    public Task<TicketActionResult> ReplyAsync(StaffIdentity staff, string code, string text, CancellationToken cancellationToken) =>
        AddToThreadAsync(staff, code, TicketEventKinds.StaffReply, isPublic: true, text, cancellationToken);

    /// <summary>A note for colleagues only; the citizen never sees it.</summary>
    public Task<TicketActionResult> AddNoteAsync(StaffIdentity staff, string code, string text, CancellationToken cancellationToken) =>
        AddToThreadAsync(staff, code, TicketEventKinds.Note, isPublic: false, text, cancellationToken);

    private Task<TicketActionResult> AddToThreadAsync(StaffIdentity staff, string code, string kind, bool isPublic, string text, CancellationToken cancellationToken) =>
        InTransactionAsync(code, (c, tx) => AddToThreadAsync(c, tx, staff, code, kind, isPublic, text, cancellationToken), reload: false, cancellationToken);

    /// <summary>
    /// A reply or note inside the caller's transaction. A handler's text reply under an approval rule is held like a
    /// resolution; a photo reply is refused there (the approver approves words, and a held photo would be lost).
    /// </summary>
    /// <param name="compose">Builds the Zalo message from the reply's text (a photo reply: the image with the text as caption); plain text by default.</param>
    public async Task<TicketActionResult> AddToThreadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, string kind, bool isPublic, string text, CancellationToken cancellationToken, Func<string, JsonObject>? compose = null)
    {
        var now = time.GetUtcNow();
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, cancellationToken);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode))
            return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {code} that you can see.");
        if (isPublic && !ticket.Status.IsOpen())
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} is {ticket.Status.ToName()}; reopen it before replying.");
        if (isPublic && await policy.ApprovalRequiredAsync(connection, transaction, staff, ticket, cancellationToken))
            return compose is not null
                ? TicketActionResult.Fail(TicketFailure.Conflict, $"Replies on {code} need approval; send the words as a reply, the photo as a note.")
                : await HoldAnswerAsync(connection, transaction, staff, ticket, HeldAnswerKind.Reply, text, now, cancellationToken);
        return TicketActionResult.Ok(await PostAsync(connection, transaction, Id(staff), staff.AgencyCode, ticket, kind, isPublic, text, compose, now, cancellationToken));
    }

    /// <summary>A held reply, approved: it goes to the citizen as its author wrote it, in the name of the ticket's agency.</summary>
    public static Task<TicketView> PostApprovedReplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, long? author, string text, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostAsync(connection, transaction, author?.ToString(CultureInfo.InvariantCulture), null, ticket, TicketEventKinds.StaffReply, isPublic: true, text, null, now, cancellationToken);

    private static async Task<TicketView> PostAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? actorId, string? senderAgency, TicketView ticket,
        string kind, bool isPublic, string text, Func<string, JsonObject>? compose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventId = await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(ticket.Id, ActorKind.Staff, actorId, kind, isPublic, text), now, cancellationToken);
        await TicketLedger.TouchAsync(connection, transaction, ticket.Id, now, cancellationToken);
        if (isPublic)
        {
            var sender = await AgencyNameAsync(connection, transaction, senderAgency ?? ticket.AssignedAgencyCode, cancellationToken) ?? DefaultSenderName;
            var reply = TicketNotifications.Reply(ticket.Code, sender, text, ticket.Track);
            var notice = new Notice(NoticeKinds.Replied, new Dictionary<string, string?>
            {
                ["code"] = ticket.Code, ["status"] = TicketStatusText.ForCitizen(ticket.Status), ["agency"] = sender, ["text"] = text,
            });
            await NotifyAsync(connection, transaction, ticket, $"ticket-event:{eventId}", (compose ?? ZaloMessages.Text)(reply), notice, now, cancellationToken);
        }
        return ticket;
    }

    /// <summary>A proactive notice to the ticket's citizen; beyond Zalo's window it may go as the template for its kind.</summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, string key, JsonObject message, Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(ticket.Citizen, message, key, null, TicketId: ticket.Id, Notice: notice), now, cancellationToken);
        // Citizens of duplicates linked to this ticket (and those who chose to follow it) hear the same.
        await TicketFollowers.EnqueueAsync(connection, transaction, ticket.Id, key, message, notice, now, cancellationToken);
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

    private async Task<TicketActionResult> InTransactionAsync(string code, Func<NpgsqlConnection, NpgsqlTransaction, Task<TicketActionResult>> work, bool reload, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        if (result.Failure is not null) return result;
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return reload ? result with { Ticket = await TicketQueries.ByCodeAsync(connection, null, code, forUpdate: false, cancellationToken) } : result;
    }

    private static Task<string?> AgencyNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? code, CancellationToken cancellationToken) =>
        code is null ? Task.FromResult<string?>(null) : connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select name from agencies where code = @code", new { code }, transaction, cancellationToken: cancellationToken));

    private static string Id(StaffIdentity staff) => staff.Id.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
