namespace ZaloBot.Storage;

/// <summary>
/// Migrates in the background so the process comes up (and /healthz answers) even while PostgreSQL is still starting;
/// /readyz and the webhook receiver report unavailable until the schema is in place.
/// </summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<MigrationHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.MigrateOnStartup)
                {
                    await migrator.MigrateAsync(stoppingToken);
                    return;
                }
                if (await migrator.CheckAppliedAsync(stoppingToken)) return;
                logger.LogWarning("Database schema has pending migrations; run the 'migrate' command");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Database migration failed; retrying in {Delay}", delay);
            }
            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }
}
