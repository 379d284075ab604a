using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace ZaloBot.Storage;

/// <summary>
/// Applies the numbered SQL files under Storage/Migrations with DbUp, one replica at a time, then the start-up seeds
/// (data SQL cannot know, such as the configured OA's id), before the schema counts as ready.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, MigrationState state, ILogger<DatabaseMigrator> logger, IEnumerable<IStartupSeed> seeds)
{
    /// <summary>Without seeds: a template database or a benchmark, which no configuration describes.</summary>
    public DatabaseMigrator(NpgsqlDataSource dataSource, MigrationState state, ILogger<DatabaseMigrator> logger)
        : this(dataSource, state, logger, [])
    {
    }

    // Any constant shared by all replicas; serialises concurrent start-ups so two never run the same script.
    private const long MigrationLockKey = 0x5A414C4F424F54; // "ZALOBOT"

    /// <param name="stopBefore">Applies only the scripts whose names sort before this one, and no seeds: for upgrade tests.</param>
    public async Task MigrateAsync(CancellationToken cancellationToken, string? stopBefore = null)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SetLockAsync(lockConnection, "select pg_advisory_lock(@key)", cancellationToken);
        try
        {
            var result = BuildUpgrader(stopBefore).PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Migration '{result.ErrorScript?.Name}' failed: {result.Error.Message}", result.Error);

            foreach (var script in result.Scripts)
                logger.LogInformation("Applied migration {Migration}", script.Name);
            if (stopBefore is not null) return;
            await SeedAsync(cancellationToken);
            state.MarkApplied();
        }
        finally
        {
            await SetLockAsync(lockConnection, "select pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    /// <summary>For deployments that migrate out of band: marks the schema ready once nothing is pending.</summary>
    public async Task<bool> CheckAppliedAsync(CancellationToken cancellationToken)
    {
        var pending = BuildUpgrader(null).IsUpgradeRequired();
        if (pending) return false;
        await SeedAsync(cancellationToken);
        state.MarkApplied();
        return true;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in seeds)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await seed.SeedAsync(connection, cancellationToken);
        }
    }

    private UpgradeEngine BuildUpgrader(string? stopBefore) => DeployChanges.To
        // Through the data source itself: its ConnectionString leaves the password out, and a server that asks for one
        // (any production database, the Patroni nodes of scripts/ha-pg.sh) would refuse DbUp.
        .PostgresqlDatabase(new DbUp.Postgresql.PostgresqlConnectionManager(dataSource))
        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal)
            && (stopBefore is null || string.CompareOrdinal(name[(name.IndexOf(".Storage.Migrations.", StringComparison.Ordinal) + 20)..], stopBefore) < 0))
        .WithTransactionPerScript()
        // No timeout (0): a migration over a province's million tickets may take minutes, and one cut off at 30 s
        // would be rolled back and retried forever while the service stays unready.
        .WithExecutionTimeout(TimeSpan.Zero)
        .LogToNowhere()
        .Build();

    private static async Task SetLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Data written at every start, after the migrations and before the schema counts as ready; must be idempotent.</summary>
public interface IStartupSeed
{
    Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}
