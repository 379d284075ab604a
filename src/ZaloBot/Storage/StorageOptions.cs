namespace ZaloBot.Storage;

public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the service starts (otherwise run the <c>migrate</c> command).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Statements each connection keeps prepared once they have run a few times (Npgsql's automatic preparation), so
    /// PostgreSQL parses and plans the hot ones once per connection instead of on every run; 0 turns it off. A
    /// <c>Max Auto Prepare</c> in the connection string wins. Behind a pooler in transaction mode (PgBouncer before 1.21)
    /// set 0: its server connections do not keep one client's prepared statements.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Postgres is missing. Set it to an Npgsql connection string, e.g. " +
                "'Host=127.0.0.1;Port=55432;Username=zalobot;Password=zalobot;Database=zalobot' (scripts/pg.sh start prints one).");
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Postgres is not a valid Npgsql connection string: {ex.Message}");
        }
        if (options.MaxAutoPrepare is < 0 or > 256)
            return ValidateOptionsResult.Fail("Storage:MaxAutoPrepare must be between 0 (off) and 256.");
        return ValidateOptionsResult.Success;
    }
}
