using System.Globalization;
using ZaloBot.Tickets.Ledger;
using ZaloBot.Calendar;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Domain.Tracks;
using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Zalo;

namespace ZaloBot.Tracks;

/// <summary>
/// Staff work on a ticket's track, priority, deadline extension and answer approval. The same scope, optimistic
/// concurrency, audit and citizen notices as <see cref="TicketService"/>, each in one transaction.
/// </summary>
public sealed class TrackService(NpgsqlDataSource dataSource, TicketService tickets, TrackSettings settings, HolidayCalendar holidays, OutboxSignal outbox, TimeProvider time)
{
    /// <summary>Who sets the track and priority (intake), and who approves or returns answers.</summary>
    public static readonly StaffRole[] IntakeRoles = [StaffRole.IntakeOfficer, StaffRole.Supervisor, StaffRole.Admin];

    public static readonly StaffRole[] ExtendRoles = [StaffRole.FieldOfficer, StaffRole.AgencyHandler, StaffRole.Supervisor, StaffRole.Admin];

    private delegate Task<TicketActionResult> Work(NpgsqlConnection connection, NpgsqlTransaction transaction, TicketView ticket, DateTimeOffset now);

    public Task<TicketActionResult> ChangeTrackAsync(StaffIdentity staff, string code, string track, string? reason, int? expectedVersion, CancellationToken ct) =>
        RunAsync(staff, code, expectedVersion, IntakeRoles, ChangeTrack(staff, code, track, reason, ct), ct);

    private Work ChangeTrack(StaffIdentity staff, string code, string track, string? reason, CancellationToken ct) =>
        async (c, tx, ticket, now) =>
        {
            if (!TicketTracks.IsKnown(track)) return TicketActionResult.Fail(TicketFailure.Invalid, "Track must be pakn, khieu_nai or to_cao.");
            if (!ticket.Status.ClockRuns() && !ticket.Status.AwaitsAcceptance()) return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} is {ticket.Status.ToName()}; its track can no longer change.");
            var (current, accepted, categoryDays) = await c.QuerySingleAsync<(string, DateTime?, int)>(new CommandDefinition(
                "select t.track, t.accepted_at, c.deadline_working_days from tickets t join categories c on c.code = t.category_code where t.id = @Id", ticket, tx, cancellationToken: ct));
            if (current == track) return TicketActionResult.Fail(TicketFailure.Invalid, $"Ticket {code} is already on the {track} track.");
            var rules = await settings.GetAsync(ct);
            var calendar = await holidays.GetAsync(ct);
            var rule = rules.Track(track);
            var acceptance = rule.AcceptanceDue(calendar, Utc(ticket.CreatedAt));
            DateTimeOffset? due = ticket.DueAt is { } d ? Utc(d) : null;
            if (accepted is { } at && ticket.Status.ClockRuns()) due = rule.ResolutionDue(calendar, Utc(at), categoryDays);
            await TicketLedger.ChangeTrackAsync(c, tx, ticket.Id, track, acceptance, due, now, ct);
            var eventId = await TicketLedger.AppendAsync(c, tx, new TicketEntry(ticket.Id, ActorKind.Staff, Actor(staff), TrackEvents.TrackChanged, IsPublic: true, reason,
                new { from = current, to = track }), now, ct);
            var text = TrackTexts.TrackChanged(ticket.Code, track) + (due is { } newDue && ticket.Status.ClockRuns()
                ? $" Hạn giải quyết: {WorkingDayCalendar.DateInVietnam(newDue).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}." : "");
            await NotifyCitizenAsync(c, tx, ticket, $"ticket-event:{eventId}", text, now, ct);
            return TicketActionResult.Ok(ticket with { DueAt = due?.UtcDateTime, Version = ticket.Version + 1 });
        };

    public Task<TicketActionResult> SetPriorityAsync(StaffIdentity staff, string code, string priority, int? expectedVersion, CancellationToken ct) =>
        RunAsync(staff, code, expectedVersion, IntakeRoles, SetPriority(staff, code, priority, ct), ct);

    private Work SetPriority(StaffIdentity staff, string code, string priority, CancellationToken ct) =>
        async (c, tx, ticket, now) =>
        {
            if (!Priorities.IsKnown(priority)) return TicketActionResult.Fail(TicketFailure.Invalid, "Priority must be normal or urgent.");
            var current = await c.ExecuteScalarAsync<string>(new CommandDefinition("select priority from tickets where id = @Id", ticket, tx, cancellationToken: ct));
            if (current == priority) return TicketActionResult.Fail(TicketFailure.Invalid, $"Ticket {code} is already {priority}.");
            var rules = await settings.GetAsync(ct);
            var first = rules.Priority(priority).FirstResponseDue(await holidays.GetAsync(ct), rules.OfficeHours, Utc(ticket.CreatedAt));
            await TicketLedger.SetPriorityAsync(c, tx, ticket.Id, priority, first, now, ct);
            await TicketLedger.AppendAsync(c, tx, new TicketEntry(ticket.Id, ActorKind.Staff, Actor(staff), TrackEvents.PriorityChanged, IsPublic: false, null, new { from = current, to = priority }), now, ct);
            return TicketActionResult.Ok(ticket with { Version = ticket.Version + 1 });
        };

    public Task<TicketActionResult> ExtendAsync(StaffIdentity staff, string code, string? reason, int? expectedVersion, CancellationToken ct) =>
        RunAsync(staff, code, expectedVersion, ExtendRoles, Extend(staff, code, reason, ct), ct);

    private Work Extend(StaffIdentity staff, string code, string? reason, CancellationToken ct) =>
        async (c, tx, ticket, now) =>
        {
            if (!ticket.Status.ClockRuns() || ticket.DueAt is null)
                return TicketActionResult.Fail(TicketFailure.Conflict, $"Only an accepted, open ticket has a deadline to extend; {code} is {ticket.Status.ToName()}.");
            var (track, extensions) = await c.QuerySingleAsync<(string, int)>(new CommandDefinition("select track, extensions from tickets where id = @Id", ticket, tx, cancellationToken: ct));
            var rule = (await settings.GetAsync(ct)).Track(track);
            switch (rule.Extend(await holidays.GetAsync(ct), Utc(ticket.DueAt.Value), extensions, reason))
            {
                case ExtensionDecision.Incomplete incomplete: return TicketActionResult.Fail(TicketFailure.Invalid, incomplete.Reason);
                case ExtensionDecision.Refused refused: return TicketActionResult.Fail(TicketFailure.Conflict, refused.Reason);
                case ExtensionDecision.Allowed allowed:
                    await TicketLedger.ExtendAsync(c, tx, ticket.Id, allowed.NewDue, now, ct);
                    var eventId = await TicketLedger.AppendAsync(c, tx, new TicketEntry(ticket.Id, ActorKind.Staff, Actor(staff), TrackEvents.Extended, IsPublic: true, reason,
                        new { from = Utc(ticket.DueAt.Value), to = allowed.NewDue, extension = extensions + 1 }), now, ct);
                    await NotifyCitizenAsync(c, tx, ticket, $"ticket-event:{eventId}",
                        TrackTexts.Extended(ticket.Code, WorkingDayCalendar.DateInVietnam(allowed.NewDue), reason!.Trim()), now, ct);
                    return TicketActionResult.Ok(ticket with { DueAt = allowed.NewDue.UtcDateTime, Version = ticket.Version + 1 });
                default: throw new InvalidOperationException("Unknown decision.");
            }
        };

    /// <summary>The answer waiting for approval goes to the citizen: the ticket is resolved with it, or the reply is sent.</summary>
    public Task<TicketActionResult> ApproveAsync(StaffIdentity staff, string code, int? expectedVersion, CancellationToken ct) =>
        RunAsync(staff, code, expectedVersion, IntakeRoles, (c, tx, ticket, now) => ApproveAsync(c, tx, staff, ticket, now, ct), ct);

    public async Task<TicketActionResult> ApproveAsync(NpgsqlConnection c, NpgsqlTransaction tx, StaffIdentity staff, TicketView ticket, DateTimeOffset now, CancellationToken ct)
    {
        var held = await TicketQueries.HeldAnswerAsync(c, tx, ticket.Id, ct);
        if (held is null) return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {ticket.Code} has no answer waiting for approval.");
        await TicketLedger.ClearHeldAnswerAsync(c, tx, ticket.Id, returnedAt: null, ct);
        TicketActionResult approved;
        switch (held.Kind)
        {
            case HeldAnswerKind.Resolution:
                // The approver acts with an approver's authority for this one step (an intake officer may not resolve otherwise).
                var approver = staff.Role is StaffRole.Supervisor or StaffRole.Admin ? staff : staff with { Role = StaffRole.Supervisor };
                approved = await tickets.ApplyAsync(c, tx, approver, ticket.Code, TicketAction.Resolve, new TransitionInput(Result: held.Text), null, ct);
                break;
            case HeldAnswerKind.Reply:
                approved = TicketActionResult.Ok(await TicketService.PostApprovedReplyAsync(c, tx, ticket, held.By, held.Text, now, ct));
                break;
            default:
                throw new InvalidOperationException($"A held answer of kind {held.Kind} has no approval.");
        }
        if (approved.Failure is not null) return approved;
        await TicketLedger.AppendAsync(c, tx, new TicketEntry(ticket.Id, ActorKind.Staff, Actor(staff), TrackEvents.AnswerApproved, IsPublic: false, null, new { submitted_by = held.By }), now, ct);
        return approved;
    }

    /// <summary>The answer goes back to its handler with a comment; the citizen sees nothing.</summary>
    public Task<TicketActionResult> ReturnAsync(StaffIdentity staff, string code, string? comment, int? expectedVersion, CancellationToken ct) =>
        RunAsync(staff, code, expectedVersion, IntakeRoles, (c, tx, ticket, now) => ReturnAsync(c, tx, staff, ticket, comment, now, ct), ct);

    public static async Task<TicketActionResult> ReturnAsync(NpgsqlConnection c, NpgsqlTransaction tx, StaffIdentity staff, TicketView ticket, string? comment, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(comment)) return TicketActionResult.Fail(TicketFailure.Invalid, "A comment for the handler is required.");
        var held = await TicketQueries.HeldAnswerAsync(c, tx, ticket.Id, ct);
        if (held is null) return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {ticket.Code} has no answer waiting for approval.");
        await TicketLedger.ClearHeldAnswerAsync(c, tx, ticket.Id, returnedAt: now, ct);
        var eventId = await TicketLedger.AppendAsync(c, tx, new TicketEntry(ticket.Id, ActorKind.Staff, Actor(staff), TrackEvents.AnswerReturned, IsPublic: false, comment.Trim(),
            new { answer = held.Text, submitted_by = held.By }), now, ct);
        // The handler and the agency's linked staff hear it once each: one push, to everyone of both, without duplicates.
        var audience = new List<StaffAudience>();
        if (held.By is { } handler) audience.Add(new StaffAudience.One(handler));
        if (ticket.AssignedAgencyCode is { } agency) audience.Add(new StaffAudience.Agency(agency));
        await StaffPush.ToAsync(c, tx, audience, $"ticket-event:{eventId}:returned", TrackTexts.AnswerReturned(ticket.Code, comment.Trim()),
            ticket.Code, ticket.Status, now, ct);
        return TicketActionResult.Ok(ticket with { Version = ticket.Version + 1 });
    }

    private async Task<TicketActionResult> RunAsync(StaffIdentity staff, string code, int? expectedVersion, StaffRole[] roles, Work work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await RunAsync(connection, transaction, staff, code, expectedVersion, roles, work);
        if (result.Failure is not null) return result;
        await transaction.CommitAsync(ct);
        outbox.Notify();
        return TicketActionResult.Ok((await TicketQueries.ByCodeAsync(connection, null, code, forUpdate: false, ct))!);
    }

    private async Task<TicketActionResult> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffIdentity staff, string code, int? expectedVersion, StaffRole[] roles, Work work)
    {
        var ticket = await TicketQueries.ByCodeAsync(connection, transaction, code, forUpdate: true, CancellationToken.None);
        if (ticket is null || !staff.CanSee(ticket.AssignedAgencyCode))
            return TicketActionResult.Fail(TicketFailure.NotFound, $"No ticket {code} that you can see.");
        if (!roles.Contains(staff.Role))
            return TicketActionResult.Fail(TicketFailure.Forbidden, $"The role {staff.Role.ToName()} may not do this.");
        if (expectedVersion is { } expected && expected != ticket.Version)
            return TicketActionResult.Fail(TicketFailure.Conflict, $"Ticket {code} was changed by someone else (version {ticket.Version}, you had {expected}). Reload it and try again.");
        return await work(connection, transaction, ticket, time.GetUtcNow());
    }

    /// <summary>A staff chat command, inside the processor's transaction (a redelivered message never acts twice).</summary>
    public Task<TicketActionResult> RunAsync(NpgsqlConnection c, NpgsqlTransaction tx, StaffIdentity staff, TrackStaffCommand command, CancellationToken ct) => command switch
    {
        TrackStaffCommand.ApproveAnswer a => RunAsync(c, tx, staff, a.Code, null, IntakeRoles, (c2, tx2, ticket, now) => ApproveAsync(c2, tx2, staff, ticket, now, ct)),
        TrackStaffCommand.ReturnAnswer r => RunAsync(c, tx, staff, r.Code, null, IntakeRoles, (c2, tx2, ticket, now) => ReturnAsync(c2, tx2, staff, ticket, r.Comment, now, ct)),
        TrackStaffCommand.ExtendDeadline e => RunAsync(c, tx, staff, e.Code, null, ExtendRoles, Extend(staff, e.Code, e.Reason, ct)),
        TrackStaffCommand.SetPriority p => RunAsync(c, tx, staff, p.Code, null, IntakeRoles, SetPriority(staff, p.Code, p.Priority, ct)),
        TrackStaffCommand.SetTrack t => RunAsync(c, tx, staff, t.Code, null, IntakeRoles, ChangeTrack(staff, t.Code, t.Track, null, ct)),
        _ => throw new InvalidOperationException("Unknown command."),
    };

    private static Task NotifyCitizenAsync(NpgsqlConnection c, NpgsqlTransaction tx, TicketView ticket, string key, string text, DateTimeOffset now, CancellationToken ct) =>
        OutboxWriter.EnqueueAsync(c, tx, new OutboxMessage(ticket.Citizen, ZaloMessages.Text(text), key, null, TicketId: ticket.Id,
            Notice: new Notice(NoticeKinds.Replied, new Dictionary<string, string?>
            {
                ["code"] = ticket.Code, ["status"] = TicketStatusText.ForCitizen(ticket.Status), ["agency"] = null, ["text"] = text,
            })), now, ct);

    private static string Actor(StaffIdentity staff) => staff.Id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
