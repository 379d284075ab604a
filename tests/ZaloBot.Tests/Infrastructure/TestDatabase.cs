using Npgsql;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>
/// A fresh database on the PostgreSQL that scripts/test.sh started (ZALOBOT_TEST_PG), one per test class,
/// so classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString, string serverConnectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        ServerConnectionString = serverConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A connection string for the maintenance database, for acting on this database from outside.</summary>
    public string ServerConnectionString { get; }

    /// <param name="migrated">
    /// A copy of a database migrated once per test run (PostgreSQL copies a template in milliseconds), instead of
    /// running every migration again for each test class; false for an empty database.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(bool migrated = false)
    {
        var server = Environment.GetEnvironmentVariable("ZALOBOT_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                "ZALOBOT_TEST_PG is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and sets it " +
                "(or run `export ZALOBOT_TEST_PG=$(scripts/pg.sh start)` first).");
        return await CreateAsync(server, migrated);
    }

    /// <summary>A fresh database on another server (e.g. the highly available one of scripts/ha-pg.sh).</summary>
    public static async Task<TestDatabase> CreateAsync(string server, bool migrated = false)
    {
        var name = "zalobot_test_" + Guid.NewGuid().ToString("N")[..12];
        var template = migrated ? await MigratedTemplate.NameAsync(server) : null;
        await MigratedTemplate.CreateDatabaseAsync(server, name, template);
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(name, builder.ConnectionString, server);
    }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Makes PostgreSQL refuse this database (new connections rejected, existing ones killed): storage down.</summary>
    public Task TakeOfflineAsync() => ServerCommandAsync(
        $"alter database {Name} allow_connections false",
        // Client connections only: an autovacuum worker on the database belongs to the superuser and may not be killed.
        $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{Name}' and pid <> pg_backend_pid() and backend_type = 'client backend'");

    public Task BringOnlineAsync() => ServerCommandAsync($"alter database {Name} allow_connections true");

    /// <summary>
    /// Every session now behaves like one on a standby (writes refused with SQLSTATE 25006), as a connection that
    /// reached a node being demoted during a switchover does; the service's own connections are closed and reopened.
    /// </summary>
    public Task ActAsStandbyAsync() => ServerCommandAsync(
        $"alter database {Name} set default_transaction_read_only = on",
        $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{Name}' and pid <> pg_backend_pid() and backend_type = 'client backend'");

    /// <summary>New sessions may write again; sessions already open stay read-only, as on a real standby.</summary>
    public Task ActAsPrimaryAsync() => ServerCommandAsync($"alter database {Name} reset default_transaction_read_only");

    private async Task ServerCommandAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ServerCommandAsync(
                $"alter database {Name} allow_connections true",
                $"drop database if exists {Name} with (force)");
        }
        catch (NpgsqlException)
        {
            // Leaving a throwaway database behind in the throwaway cluster is harmless.
        }
    }
}
