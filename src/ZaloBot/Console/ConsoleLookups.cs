using Dapper;
using Npgsql;

namespace ZaloBot.StaffConsole;

public sealed record NamedCode(string Code, string Name);

public sealed record Lookups(IReadOnlyList<NamedCode> Categories, IReadOnlyList<NamedCode> Agencies, IReadOnlyList<NamedCode> Centres)
{
    public string Category(string? code) => Name(Categories, code);
    public string Agency(string? code) => Name(Agencies, code);
    public string Centre(string? code) => Name(Centres, code);

    private static string Name(IReadOnlyList<NamedCode> list, string? code) =>
        code is null ? "" : list.FirstOrDefault(x => x.Code == code)?.Name ?? code;
}

/// <summary>Names of categories, agencies and service centres for the console's rows and filters, cached for a few seconds.</summary>
public sealed class ConsoleLookups(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private (Lookups Value, DateTimeOffset At)? _cached;

    public async Task<Lookups> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.At < Lifetime) return cached.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        const string sql = """
            select code, name from categories order by sort_order, code;
            select code, name from agencies where active order by code;
            select code, name from service_centres where active order by code;
            """;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var value = new Lookups((await results.ReadAsync<NamedCode>()).AsList(), (await results.ReadAsync<NamedCode>()).AsList(), (await results.ReadAsync<NamedCode>()).AsList());
        _cached = (value, now);
        return value;
    }

    public void Invalidate() => _cached = null;
}
