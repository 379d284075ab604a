using ZaloBot.Domain.Places;
using ZaloBot.Operations;

namespace ZaloBot.StaffConsole;

public sealed record NamedCode(string Code, string Name);

/// <param name="Places">The province's own list of wards, streets and landmarks, which typed places are geocoded against.</param>
public sealed record Lookups(IReadOnlyList<NamedCode> Categories, IReadOnlyList<NamedCode> Agencies, IReadOnlyList<NamedCode> Centres, Gazetteer? Places = null)
{
    public Gazetteer Gazetteer => Places ?? Gazetteer.Empty;

    public string Category(string? code) => Name(Categories, code);
    public string Agency(string? code) => Name(Agencies, code);
    public string Centre(string? code) => Name(Centres, code);

    private static string Name(IReadOnlyList<NamedCode> list, string? code) =>
        code is null ? "" : list.FirstOrDefault(x => x.Code == code)?.Name ?? code;
}

/// <summary>Names of categories, agencies and service centres for the console's rows and filters, and the places for its maps, cached for a few seconds.</summary>
public sealed class ConsoleLookups(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly TimedCache<Lookups> _cache = new(TimeSpan.FromSeconds(30), time);

    public Task<Lookups> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(LoadAsync, cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    private async Task<Lookups> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        const string sql = """
            select code, name from categories order by sort_order, code;
            select code, name from agencies where active order by code;
            select code, name from service_centres where active order by code;
            select kind, name, area_code as AreaCode, latitude, longitude from places where active order by id;
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return new Lookups((await results.ReadAsync<NamedCode>()).AsList(), (await results.ReadAsync<NamedCode>()).AsList(), (await results.ReadAsync<NamedCode>()).AsList(),
            new Gazetteer(await results.ReadAsync<Place>()));
    }
}
