using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages.Admin;

public sealed record CategoryRow(string Code, string Name, string Keywords, string DefaultAgencyCode, int DeadlineWorkingDays, bool Active, bool NationalScope);

public sealed record RuleRow(string CategoryCode, string? AreaCode, string AgencyCode);

public sealed record CentreRow(string Code, string Name, string Address, bool Active);

public sealed record HolidayRow(DateTime Day, string Name);

/// <summary>The organisation as the routing sees it: agencies, categories, routing rules, holidays, service centres with their QR codes.</summary>
public sealed class OrganisationModel(NpgsqlDataSource dataSource, ConsoleLookups lookups) : PageModel
{
    public Lookups Lookups { get; private set; } = null!;
    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];
    public IReadOnlyList<RuleRow> Rules { get; private set; } = [];
    public IReadOnlyList<CentreRow> Centres { get; private set; } = [];
    public IReadOnlyList<HolidayRow> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lookups = await lookups.GetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        const string sql = """
            select code, name, array_to_string(keywords, ', ') as keywords, default_agency_code as DefaultAgencyCode, deadline_working_days as DeadlineWorkingDays, active, national_scope as NationalScope from categories order by sort_order, code;
            select category_code as CategoryCode, area_code as AreaCode, agency_code as AgencyCode from routing_rules order by category_code, area_code;
            select code, name, address, active from service_centres order by code;
            select day::timestamp as Day, name from holidays where day >= current_date - 30 order by day limit 60;
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        Categories = (await results.ReadAsync<CategoryRow>()).AsList();
        Rules = (await results.ReadAsync<RuleRow>()).AsList();
        Centres = (await results.ReadAsync<CentreRow>()).AsList();
        Holidays = (await results.ReadAsync<HolidayRow>()).AsList();
    }
}
