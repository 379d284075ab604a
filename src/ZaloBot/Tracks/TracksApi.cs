using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Tracks;

public sealed record TrackRequest(string? Track, string? Reason = null, int? ExpectedVersion = null);

public sealed record PriorityRequest(string? Priority, int? ExpectedVersion = null);

public sealed record ExtendRequest(string? Reason, int? ExpectedVersion = null);

public sealed record ApproveRequest(int? ExpectedVersion = null);

public sealed record ReturnRequest(string? Comment, int? ExpectedVersion = null);

public sealed record EscalationView(string Kind, DateTime DueAt, DateTime At, string? AgencyCode);

public sealed record TicketClocksView(
    string Code, string Track, string? SuggestedTrack, string Priority, string? SuggestedPriority,
    DateTime CreatedAt, DateTime? FirstResponseDueAt, DateTime? AcceptanceDueAt, DateTime? AcceptedAt, DateTime? DueAt, int Extensions,
    string? PendingResult, long? PendingResultBy, DateTime? PendingResultAt, int ReopenCount, DateTime? ReviewFlaggedAt, string? ReviewReason)
{
    public IReadOnlyList<EscalationView> Escalations { get; init; } = [];
}

public sealed record PendingAnswer(string Code, string? AssignedAgencyCode, string CategoryCode, string PendingResult, long? PendingResultBy, DateTime PendingResultAt);

// A class rather than a positional record: Dapper reports text[] as System.Array when matching constructors.
public sealed class TrackRuleView
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int AcceptanceDays { get; init; }
    public string AcceptanceDayKind { get; init; } = "";
    public int? ResolutionDays { get; init; }
    public string ResolutionDayKind { get; init; } = "";
    public int MaxExtensions { get; init; }
    public int ExtensionDays { get; init; }
    public string ExtensionDayKind { get; init; } = "";
    public string[] Keywords { get; init; } = [];
    public string LegalSource { get; init; } = "";
    public string? Unconfirmed { get; init; }
}

public sealed record TrackRuleUpdate(int AcceptanceDays, string AcceptanceDayKind, int? ResolutionDays, string ResolutionDayKind,
    int MaxExtensions, int ExtensionDays, string ExtensionDayKind, string[]? Keywords);

public sealed record ApprovalRuleView(long Id, string? AgencyCode, string? CategoryCode);

public sealed record ApprovalRuleRequest(string? AgencyCode, string? CategoryCode);

/// <summary>Tracks, priority, extensions and answer approval on a ticket; the tracks' clocks and the approval rules.</summary>
public static class TracksApi
{
    private const int MaxText = 1800;

    public static IEndpointRouteBuilder MapTracksApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tracks and approval").RequireAuthorization(StaffPolicies.Staff);
        tickets.MapGet("/{code}/clocks", ClocksAsync).WithSummary("The ticket's track, priority, every clock, extensions, an answer waiting for approval, reopenings and escalations.");
        tickets.MapPost("/{code}/track", (string code, TrackRequest? r, ClaimsPrincipal u, TrackService s, CancellationToken ct) =>
                Act(code, r?.Reason, c => s.ChangeTrackAsync(StaffIdentity.From(u), c, r?.Track ?? "", r?.Reason?.Trim(), r?.ExpectedVersion, ct)))
            .WithSummary("Change the legal track (pakn, khieu_nai, to_cao): intake, supervisor, admin. Clocks are recomputed; the citizen is told.");
        tickets.MapPost("/{code}/priority", (string code, PriorityRequest? r, ClaimsPrincipal u, TrackService s, CancellationToken ct) =>
                Act(code, null, c => s.SetPriorityAsync(StaffIdentity.From(u), c, r?.Priority ?? "", r?.ExpectedVersion, ct)))
            .WithSummary("Set the priority (normal, urgent): intake, supervisor, admin. The first-response clock is recomputed from receipt.");
        tickets.MapPost("/{code}/extend", (string code, ExtendRequest? r, ClaimsPrincipal u, TrackService s, CancellationToken ct) =>
                Act(code, r?.Reason, c => s.ExtendAsync(StaffIdentity.From(u), c, r?.Reason, r?.ExpectedVersion, ct)))
            .WithSummary("Extend the resolution deadline as the track allows (reason required; the citizen is told the new date).");
        tickets.MapPost("/{code}/approve", (string code, ApproveRequest? r, ClaimsPrincipal u, TrackService s, CancellationToken ct) =>
                Act(code, null, c => s.ApproveAsync(StaffIdentity.From(u), c, r?.ExpectedVersion, ct)))
            .WithSummary("Approve the answer waiting for approval: the ticket is resolved and the citizen told.");
        tickets.MapPost("/{code}/return", (string code, ReturnRequest? r, ClaimsPrincipal u, TrackService s, CancellationToken ct) =>
                Act(code, r?.Comment, c => s.ReturnAsync(StaffIdentity.From(u), c, r?.Comment, r?.ExpectedVersion, ct)))
            .WithSummary("Return the answer waiting for approval to its handler with a comment; the citizen sees nothing.");

        var read = app.MapGroup("/api").WithTags("Tracks and approval").RequireAuthorization(StaffPolicies.Staff);
        read.MapGet("/approvals", PendingAsync).WithSummary("Answers waiting for approval, oldest first (intake, supervisors, admins).");
        read.MapGet("/tracks", TracksAsync).WithSummary("The legal tracks' clocks with their legal sources and unconfirmed figures.");

        var admin = app.MapGroup("/api").WithTags("Tracks and approval").RequireAuthorization(StaffPolicies.Admin);
        admin.MapPut("/tracks/{code}", UpdateTrackAsync).WithSummary("Correct a track's clocks (days, working/calendar, extensions) and keywords.");
        admin.MapGet("/approval-rules", RulesAsync).WithSummary("Which agencies' or categories' answers need approval.");
        admin.MapPost("/approval-rules", AddRuleAsync).WithSummary("Require approval for an agency, a category, or an agency in a category.");
        admin.MapDelete("/approval-rules/{id:long}", DeleteRuleAsync).WithSummary("Remove an approval rule.");
        return app;
    }

    private static async Task<IResult> Act(string code, string? text, Func<string, Task<TicketActionResult>> act)
    {
        if (text is { Length: > MaxText })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"At most {MaxText} characters."] });
        if (!TicketCode.TryParse(code, out var parsed) || code.Length > 20) return NotFound(code);
        var result = await act(parsed.Value);
        return result.Failure switch
        {
            null => TypedResults.Ok(result.Ticket),
            TicketFailure.NotFound => NotFound(code),
            TicketFailure.Forbidden => TypedResults.Problem(title: "Not allowed for your role", detail: result.Detail, statusCode: StatusCodes.Status403Forbidden),
            TicketFailure.Conflict => TypedResults.Problem(title: "Not possible now", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "Incomplete request", detail: result.Detail, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static IResult NotFound(string code) =>
        TypedResults.Problem(title: "Ticket not found", detail: $"No ticket {(code.Length > 20 ? code[..20] : code)} that you can see.", statusCode: StatusCodes.Status404NotFound);

    public static async Task<TicketClocksView?> LoadClocksAsync(NpgsqlConnection connection, string code, CancellationToken ct)
    {
        const string sql = """
            select code, track, suggested_track as SuggestedTrack, priority, suggested_priority as SuggestedPriority, created_at as CreatedAt,
                   first_response_due_at as FirstResponseDueAt, acceptance_due_at as AcceptanceDueAt, accepted_at as AcceptedAt, due_at as DueAt,
                   extensions, pending_result as PendingResult, pending_result_by as PendingResultBy, pending_result_at as PendingResultAt,
                   reopen_count as ReopenCount, review_flagged_at as ReviewFlaggedAt, review_reason as ReviewReason
            from tickets where code = @code;
            select e.kind, e.due_at as DueAt, e.at, e.agency_code as AgencyCode
            from ticket_escalations e join tickets t on t.id = e.ticket_id where t.code = @code order by e.id;
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { code }, cancellationToken: ct));
        var view = await results.ReadSingleOrDefaultAsync<TicketClocksView>();
        var escalations = (await results.ReadAsync<EscalationView>()).AsList();
        return view is null ? null : view with { Escalations = escalations };
    }

    private static async Task<IResult> ClocksAsync(string code, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!TicketCode.TryParse(code, out var parsed) || code.Length > 20) return NotFound(code);
        await using var connection = await db.OpenConnectionAsync(ct);
        var ticket = await TicketQueries.ByCodeAsync(connection, null, parsed.Value, forUpdate: false, ct);
        if (ticket is null || !StaffIdentity.From(user).CanSee(ticket.AssignedAgencyCode)) return NotFound(code);
        return TypedResults.Ok(await LoadClocksAsync(connection, parsed.Value, ct));
    }

    public static async Task<IReadOnlyList<PendingAnswer>> LoadPendingAsync(NpgsqlConnection connection, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<PendingAnswer>(new CommandDefinition("""
            select code, assigned_agency_code as AssignedAgencyCode, category_code as CategoryCode, pending_result as PendingResult,
                   pending_result_by as PendingResultBy, pending_result_at as PendingResultAt
            from tickets where pending_result is not null order by pending_result_at limit @limit
            """, new { limit }, cancellationToken: ct))).AsList();

    private static async Task<IResult> PendingAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!TrackService.IntakeRoles.Contains(StaffIdentity.From(user).Role))
            return TypedResults.Problem(title: "Not allowed for your role", statusCode: StatusCodes.Status403Forbidden);
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await LoadPendingAsync(connection, 200, ct));
    }

    private static async Task<Ok<List<TrackRuleView>>> TracksAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok((await connection.QueryAsync<TrackRuleView>(new CommandDefinition("""
            select code, name, acceptance_days as AcceptanceDays, acceptance_day_kind as AcceptanceDayKind, resolution_days as ResolutionDays,
                   resolution_day_kind as ResolutionDayKind, max_extensions as MaxExtensions, extension_days as ExtensionDays,
                   extension_day_kind as ExtensionDayKind, keywords, legal_source as LegalSource, unconfirmed
            from ticket_tracks order by code
            """, cancellationToken: ct))).AsList());
    }

    private static async Task<IResult> UpdateTrackAsync(string code, TrackRuleUpdate update, NpgsqlDataSource db, TrackSettings settings, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.AcceptanceDays is < 0 or > 90) errors["acceptanceDays"] = ["Between 0 and 90."];
        if (update.ResolutionDays is < 1 or > 180) errors["resolutionDays"] = ["Between 1 and 180, or null for the category's working days."];
        if (update.MaxExtensions is < 0 or > 5) errors["maxExtensions"] = ["Between 0 and 5."];
        if (update.ExtensionDays is < 0 or > 90) errors["extensionDays"] = ["Between 0 and 90."];
        foreach (var (name, value) in new[] { ("acceptanceDayKind", update.AcceptanceDayKind), ("resolutionDayKind", update.ResolutionDayKind), ("extensionDayKind", update.ExtensionDayKind) })
            if (!DayKinds.TryParse(value, out _)) errors[name] = ["working or calendar."];
        if (update.Keywords is { } words && (words.Length > 100 || words.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > 60)))
            errors["keywords"] = ["At most 100 keywords of 1–60 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!TicketTracks.IsKnown(code)) return TypedResults.Problem(title: "Unknown track", statusCode: StatusCodes.Status404NotFound);
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            update ticket_tracks set acceptance_days = @AcceptanceDays, acceptance_day_kind = @AcceptanceDayKind, resolution_days = @ResolutionDays,
                resolution_day_kind = @ResolutionDayKind, max_extensions = @MaxExtensions, extension_days = @ExtensionDays,
                extension_day_kind = @ExtensionDayKind, keywords = coalesce(@Keywords, keywords)
            where code = @code
            """, new { code, update.AcceptanceDays, update.AcceptanceDayKind, update.ResolutionDays, update.ResolutionDayKind, update.MaxExtensions,
                update.ExtensionDays, update.ExtensionDayKind, Keywords = update.Keywords?.Select(k => k.Trim()).ToArray() }, cancellationToken: ct));
        settings.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<ApprovalRuleView>>> RulesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok((await connection.QueryAsync<ApprovalRuleView>(new CommandDefinition(
            "select id, agency_code as AgencyCode, category_code as CategoryCode from approval_rules order by id", cancellationToken: ct))).AsList());
    }

    private static async Task<IResult> AddRuleAsync(ApprovalRuleRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        var agency = string.IsNullOrWhiteSpace(request.AgencyCode) ? null : request.AgencyCode.Trim().ToUpperInvariant();
        var category = string.IsNullOrWhiteSpace(request.CategoryCode) ? null : request.CategoryCode.Trim().ToUpperInvariant();
        if (agency is null && category is null || agency is { Length: > 50 } || category is { Length: > 50 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rule"] = ["Give an agencyCode, a categoryCode, or both."] });
        await using var connection = await db.OpenConnectionAsync(ct);
        var known = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            select (@agency::text is null or exists (select 1 from agencies where code = @agency))
               and (@category::text is null or exists (select 1 from categories where code = @category))
            """, new { agency, category }, cancellationToken: ct));
        if (!known) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rule"] = ["Unknown agency or category."] });
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into approval_rules (agency_code, category_code) values (@agency, @category) on conflict do nothing returning id
            """, new { agency, category }, cancellationToken: ct));
        return id is { } created
            ? TypedResults.Created($"/api/approval-rules/{created}", new ApprovalRuleView(created, agency, category))
            : TypedResults.Problem(title: "Rule exists", detail: "That approval rule already exists.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> DeleteRuleAsync(long id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition("delete from approval_rules where id = @id", new { id }, cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
