namespace ZaloBot.StaffConsole;

public sealed record CannedReply(long Id, string Title, string Body, int SortOrder, bool Active);

/// <summary>Replies staff pick in the composer, managed by admins. Placeholders: {ma} the ticket code, {han} the deadline, {co_quan} the agency.</summary>
public sealed class CannedReplies(NpgsqlDataSource dataSource)
{
    public const int MaxTitle = 100;
    public const int MaxBody = 1500;

    public async Task<IReadOnlyList<CannedReply>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CannedReply>(new CommandDefinition(
            "select id, title, body, sort_order as SortOrder, active from canned_replies where active or not @activeOnly order by sort_order, id",
            new { activeOnly }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<long> AddAsync(string title, string body, int sortOrder, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "insert into canned_replies (title, body, sort_order) values (@title, @body, @sortOrder) returning id",
            new { title, body, sortOrder }, cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateAsync(long id, string title, string body, int sortOrder, bool active, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update canned_replies set title = @title, body = @body, sort_order = @sortOrder, active = @active where id = @id",
            new { id, title, body, sortOrder, active }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The text with its placeholders filled in for one ticket.</summary>
    public static string Fill(string body, string code, DateOnly? due, string? agencyName) => body
        .Replace("{ma}", code, StringComparison.Ordinal)
        .Replace("{han}", due?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "(chưa có hạn)", StringComparison.Ordinal)
        .Replace("{co_quan}", agencyName ?? "cơ quan có thẩm quyền", StringComparison.Ordinal);
}
