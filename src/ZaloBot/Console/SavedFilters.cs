using ZaloBot.Domain.Text;

namespace ZaloBot.StaffConsole;

/// <summary>A queue filter an officer saved under a name; <paramref name="Query"/> is the queue's own query string.</summary>
public sealed record SavedFilter(long Id, string Name, string Query);

public enum SaveFilterOutcome
{
    Created,
    Replaced,
    TooMany,
}

/// <summary>
/// Saved queue filters, one list per staff member. The query saved is the one the queue rebuilt from the filter it
/// accepted, never text from the form, and the queue validates it again when it is opened; a name saved twice (case
/// and diacritics aside) replaces the first filter of that name.
/// </summary>
public sealed class SavedFilters(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MaxName = 60;
    public const int MaxPerStaff = 20;

    /// <summary>The name as kept (trimmed, inner spaces collapsed), or null when it is empty, too long or has control characters.</summary>
    public static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl)) return null;
        var clean = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return clean.Length is > 0 and <= MaxName && TextNormalizer.Normalize(clean).Length > 0 ? clean : null;
    }

    public async Task<IReadOnlyList<SavedFilter>> ListAsync(long staffId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SavedFilter>(new CommandDefinition(
            "select id, name, query from console_saved_filters where staff_id = @staffId order by name_key",
            new { staffId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<SaveFilterOutcome> SaveAsync(long staffId, string name, string query, CancellationToken cancellationToken)
    {
        // A new name counts against the limit; saving again under a name already there does not.
        const string sql = """
            insert into console_saved_filters (staff_id, name, name_key, query, created_at, updated_at)
            select @staffId, @name, @nameKey, @query, @now, @now
            where (select count(*) from console_saved_filters where staff_id = @staffId) < @max
               or exists (select 1 from console_saved_filters where staff_id = @staffId and name_key = @nameKey)
            on conflict (staff_id, name_key) do update set name = excluded.name, query = excluded.query, updated_at = excluded.updated_at
            returning xmax = 0
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(sql,
            new { staffId, name, nameKey = TextNormalizer.Normalize(name), query, now = time.GetUtcNow(), max = MaxPerStaff }, cancellationToken: cancellationToken));
        return created switch { null => SaveFilterOutcome.TooMany, true => SaveFilterOutcome.Created, false => SaveFilterOutcome.Replaced };
    }

    /// <summary>Only the staff member's own filter: another's id deletes nothing.</summary>
    public async Task<bool> DeleteAsync(long staffId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("delete from console_saved_filters where id = @id and staff_id = @staffId",
            new { id, staffId }, cancellationToken: cancellationToken)) > 0;
    }
}
