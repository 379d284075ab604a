using Microsoft.Extensions.Options;

namespace ZaloBot.Storage;

public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the service starts (otherwise run the <c>migrate</c> command).</summary>
    public bool MigrateOnStartup { get; set; } = true;
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
        return ValidateOptionsResult.Success;
    }
}
