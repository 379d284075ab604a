using Microsoft.Extensions.Diagnostics.HealthChecks;
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
        services.AddHostedService<QueueGauges>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Liveness answers 200 while the process runs; a Degraded link to Zalo is reported in the body, with the reason.
        app.MapHealthChecks("/healthz", new() { Predicate = c => c.Tags.Contains("live"), ResponseWriter = WriteReportAsync }).WithTags("Operations");
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReportAsync }).WithTags("Operations");
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        });
    }
}
