using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Calendar;
using ZaloBot.Conversations;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.Organisation;

/// <summary>Agencies, categories and public holidays: data that changes how tickets are routed and timed.</summary>
public static class OrganisationApi
{
    private static readonly string[] AgencyKinds = ["unit", "department", "district", "ward", "other"];

    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Organisation").RequireAuthorization(StaffPolicies.Staff);
        read.MapGet("/agencies", ListAgenciesAsync).WithSummary("Agencies and units that tickets are routed to.");
        read.MapGet("/categories", ListCategoriesAsync).WithSummary("Complaint categories with default agency and deadline in working days.");
        read.MapGet("/holidays", ListHolidaysAsync).WithSummary("Public holidays that do not count as working days (optionally ?year=).");

        var admin = app.MapGroup("/api").WithTags("Organisation").RequireAuthorization(StaffPolicies.Admin);
        admin.MapPost("/agencies", CreateAgencyAsync).WithSummary("Add an agency.");
        admin.MapPut("/categories/{code}", UpdateCategoryAsync).WithSummary("Change a category's name, keywords, default agency, deadline, or whether its tickets go to the national PAKN system.");
        admin.MapPut("/holidays/{day}", PutHolidayAsync).WithSummary("Add or rename a holiday (day as yyyy-MM-dd).");
        admin.MapDelete("/holidays/{day}", DeleteHolidayAsync).WithSummary("Remove a holiday.");
        return app;
    }

    private static async Task<Ok<List<Agency>>> ListAgenciesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok((await c.QueryAsync<Agency>(new CommandDefinition(
            "select code, name, kind, parent_code as ParentCode, active from agencies order by code", cancellationToken: ct))).AsList());
    }

    /// <summary>
    /// Agency codes are printed, typed by staff in chat commands and put in URLs and headers: ASCII letters, digits and
    /// '-', '_', '.', starting with a letter or digit (the seeded codes look like <c>TPUN-TN</c>, <c>UBND-TS</c>).
    /// </summary>
    internal static bool IsValidAgencyCode(string? code) =>
        code is { Length: >= 1 and <= 32 } && char.IsAsciiLetterOrDigit(code[0]) &&
        code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static async Task<Results<Created<Agency>, ValidationProblem, Conflict<string>>> CreateAgencyAsync(Agency agency, NpgsqlDataSource db, CancellationToken ct)
    {
        // Everything is validated before the first write: an agency that was inserted and then failed to be answered
        // (a non-ASCII code made the Location header throw) is the half-write this order rules out.
        var errors = new Dictionary<string, string[]>();
        if (!IsValidAgencyCode(agency.Code)) errors["code"] = ["1–32 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit."];
        if (string.IsNullOrWhiteSpace(agency.Name) || agency.Name.Length > 200) errors["name"] = ["1–200 characters."];
        if (!AgencyKinds.Contains(agency.Kind)) errors["kind"] = ["One of: " + string.Join(", ", AgencyKinds) + "."];
        if (agency.ParentCode is not null && !IsValidAgencyCode(agency.ParentCode)) errors["parentCode"] = ["Unknown agency."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        const string parentExists = "select exists (select 1 from agencies where code = @ParentCode)";
        const string insert = "insert into agencies (code, name, kind, parent_code, active) values (@Code, @Name, @Kind, @ParentCode, @Active) on conflict (code) do nothing";
        await using var c = await db.OpenConnectionAsync(ct);
        // One transaction: the parent check and the insert stand or fall together.
        await using var transaction = await c.BeginTransactionAsync(ct);
        if (agency.ParentCode is not null && !await c.ExecuteScalarAsync<bool>(new CommandDefinition(parentExists, agency, transaction, cancellationToken: ct)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["parentCode"] = ["Unknown agency."] });
        var inserted = await c.ExecuteAsync(new CommandDefinition(insert, agency with { Name = agency.Name.Trim() }, transaction, cancellationToken: ct));
        if (inserted != 1) return TypedResults.Conflict($"Agency {agency.Code} exists.");
        await transaction.CommitAsync(ct);
        // Escaped anyway: a header must never be what fails after a commit.
        return TypedResults.Created($"/api/agencies/{Uri.EscapeDataString(agency.Code)}", agency with { Name = agency.Name.Trim() });
    }

    private static async Task<Ok<List<CategoryRecord>>> ListCategoriesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<CategoryRow>(new CommandDefinition(
            """
            select code, name, keywords, default_agency_code as DefaultAgencyCode, deadline_working_days as DeadlineWorkingDays,
                   sort_order as SortOrder, active, national_scope as NationalScope
            from categories order by sort_order, code
            """, cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new CategoryRecord(r.Code, r.Name, r.Keywords, r.DefaultAgencyCode, r.DeadlineWorkingDays, r.SortOrder, r.Active, r.NationalScope)).ToList());
    }

    // Settable properties: Dapper cannot match a text[] column to a constructor parameter.
    private sealed class CategoryRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string[] Keywords { get; init; } = [];
        public string DefaultAgencyCode { get; init; } = "";
        public int DeadlineWorkingDays { get; init; }
        public int SortOrder { get; init; }
        public bool Active { get; init; }
        public bool NationalScope { get; init; }
    }

    private static async Task<Results<Ok, NotFound, ValidationProblem>> UpdateCategoryAsync(string code, CategoryUpdate update, NpgsqlDataSource db, ConversationContextLoader conversations, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(update.Name) || update.Name.Length > 200) errors["name"] = ["1–200 characters."];
        if (update.DeadlineWorkingDays is < 1 or > 90) errors["deadlineWorkingDays"] = ["Between 1 and 90."];
        if (update.Keywords is { Length: > 50 }) errors["keywords"] = ["At most 50."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await using var c = await db.OpenConnectionAsync(ct);
        if (!await c.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from agencies where code = @DefaultAgencyCode)", update, cancellationToken: ct)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["defaultAgencyCode"] = ["Unknown agency."] });
        var updated = await c.ExecuteAsync(new CommandDefinition(
            """
            update categories set name = @Name, keywords = coalesce(@Keywords, keywords), default_agency_code = @DefaultAgencyCode,
                deadline_working_days = @DeadlineWorkingDays, sort_order = coalesce(@SortOrder, sort_order), active = coalesce(@Active, active),
                national_scope = coalesce(@NationalScope, national_scope)
            where code = @code
            """, new { code, update.Name, update.Keywords, update.DefaultAgencyCode, update.DeadlineWorkingDays, update.SortOrder, update.Active, update.NationalScope }, cancellationToken: ct));
        conversations.Invalidate();
        return updated == 1 ? TypedResults.Ok() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<Holiday>>, ValidationProblem>> ListHolidaysAsync(int? year, NpgsqlDataSource db, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Between 2000 and 2100."] });
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<(DateTime Day, string Name)>(new CommandDefinition(
            "select day::timestamp, name from holidays where @year::int is null or extract(year from day) = @year order by day", new { year }, cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new Holiday(DateOnly.FromDateTime(r.Day), r.Name)).ToList());
    }

    private static async Task<Results<Ok, ValidationProblem>> PutHolidayAsync(string day, HolidayUpdate update, NpgsqlDataSource db, HolidayCalendar calendar, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["Use yyyy-MM-dd."] });
        if (string.IsNullOrWhiteSpace(update.Name) || update.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["1–200 characters."] });
        await using var c = await db.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "insert into holidays (day, name) values (@date, @name) on conflict (day) do update set name = excluded.name",
            new { date = date.ToDateTime(TimeOnly.MinValue), name = update.Name.Trim() }, cancellationToken: ct));
        calendar.Invalidate();
        return TypedResults.Ok();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteHolidayAsync(string day, NpgsqlDataSource db, HolidayCalendar calendar, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["Use yyyy-MM-dd."] });
        await using var c = await db.OpenConnectionAsync(ct);
        var deleted = await c.ExecuteAsync(new CommandDefinition("delete from holidays where day = @date", new { date = date.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct));
        calendar.Invalidate();
        return deleted == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
