using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ZaloBot.Storage;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>
/// One database with every migration applied, named after the migrations' contents, that test databases are copied
/// from. The service still runs its migrator at start-up and finds nothing to do; a new or changed migration makes a
/// new template, so a stale one is never used.
/// </summary>
internal static class MigratedTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _name;

    public static async Task<string> NameAsync(string server)
    {
        if (_name is not null) return _name;
        await Gate.WaitAsync();
        try
        {
            return _name ??= await EnsureAsync(server);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CreateDatabaseAsync(string server, string name, string? template)
    {
        // Names are ours, not input. A template briefly visited by autovacuum refuses to be copied: try again.
        var sql = template is null ? $"create database {name}" : $"create database {name} template {template}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, sql);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    private static async Task<string> EnsureAsync(string server)
    {
        var name = "zalobot_template_" + MigrationsHash();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! > 0) return name;
        }

        // Built under another name and renamed when complete: a run that dies half-way leaves no half-migrated template.
        var building = name + "_" + Guid.NewGuid().ToString("N")[..8];
        await CreateDatabaseAsync(server, building, template: null);
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false };
        await using (var dataSource = NpgsqlDataSource.Create(builder.ConnectionString))
        {
            await new DatabaseMigrator(dataSource, new MigrationState(), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }
        try
        {
            await ExecuteAsync(server, $"alter database {building} rename to {name}");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run on this cluster finished the same template first.
            await ExecuteAsync(server, $"drop database if exists {building} with (force)");
        }
        return name;
    }

    private static string MigrationsHash()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Storage.Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(resource));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            hash.AppendData(ReadAll(stream));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
