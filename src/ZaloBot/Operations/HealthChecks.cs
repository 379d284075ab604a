using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>Ready = the database answers and this process has seen the schema migrated.</summary>
internal sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, MigrationState migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.IsApplied) return HealthCheckResult.Unhealthy("Database migrations are not applied yet.");
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}

public static class HealthEndpoints
{
    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).WithTags("Operations");
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).WithTags("Operations");
        return app;
    }
}
