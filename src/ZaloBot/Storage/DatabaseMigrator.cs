using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace ZaloBot.Storage;

/// <summary>Applies the numbered SQL files under Storage/Migrations with DbUp, one replica at a time.</summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, MigrationState state, ILogger<DatabaseMigrator> logger)
{
    // Any constant shared by all replicas; serialises concurrent start-ups so two never run the same script.
    private const long MigrationLockKey = 0x5A414C4F424F54; // "ZALOBOT"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SetLockAsync(lockConnection, "select pg_advisory_lock(@key)", cancellationToken);
        try
        {
            var result = BuildUpgrader().PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Migration '{result.ErrorScript?.Name}' failed: {result.Error.Message}", result.Error);

            foreach (var script in result.Scripts)
                logger.LogInformation("Applied migration {Migration}", script.Name);
            state.MarkApplied();
        }
        finally
        {
            await SetLockAsync(lockConnection, "select pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    /// <summary>For deployments that migrate out of band: marks the schema ready once nothing is pending.</summary>
    public bool CheckApplied()
    {
        var pending = BuildUpgrader().IsUpgradeRequired();
        if (!pending) state.MarkApplied();
        return !pending;
    }

    private UpgradeEngine BuildUpgrader() => DeployChanges.To
        // Through the data source itself: its ConnectionString leaves the password out, and a server that asks for one
        // (any production database, the Patroni nodes of scripts/ha-pg.sh) would refuse DbUp.
        .PostgresqlDatabase(new DbUp.Postgresql.PostgresqlConnectionManager(dataSource))
        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Storage.Migrations.", StringComparison.Ordinal))
        .WithTransactionPerScript()
        .LogToNowhere()
        .Build();

    private static async Task SetLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
