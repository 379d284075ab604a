namespace ZaloBot.ServiceCentres;

public sealed record ServiceCentre(string Code, string Name, string Address, string Kind, bool Active);

public sealed class ServiceCentreStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ServiceCentre>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ServiceCentre>(new CommandDefinition(
            "select code, name, address, kind, active from service_centres order by code", cancellationToken: cancellationToken))).AsList();
    }

    public async Task<ServiceCentre?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ServiceCentre>(new CommandDefinition(
            "select code, name, address, kind, active from service_centres where code = upper(@code) and active", new { code }, cancellationToken: cancellationToken));
    }
}
