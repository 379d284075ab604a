using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// Makes the configured OA (<c>Zalo:OaId</c>) the first row of <c>zalo_oas</c> at every start, before traffic is
/// accepted. The migration that introduced OAs gave existing rows a placeholder id, since SQL cannot read the settings;
/// the first start renames it everywhere, in one transaction, so a single-OA deployment upgrades without edits. Later
/// starts find no placeholder and only make sure the configured OA exists.
/// </summary>
public sealed class ConfiguredOaSeed(IOptions<ZaloOptions> options, IConfiguration configuration, ILogger<ConfiguredOaSeed> logger) : IStartupSeed
{
    public const string Placeholder = "(Zalo:OaId)";

    /// <summary>Every column that names an OA, as (table, column).</summary>
    private static readonly (string Table, string Column)[] OaColumns =
    [
        ("outbox", "oa_id"), ("conversations", "oa_id"), ("zalo_users", "oa_id"), ("tickets", "citizen_oa_id"),
        ("ticket_followers", "oa_id"), ("staff", "zalo_oa_id"), ("consent_records", "oa_id"), ("privacy_requests", "oa_id"),
        ("privacy_export_links", "oa_id"), ("inbox", "oa_id"),
    ];

    public async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var oaId = options.Value.OaId;
        if (string.IsNullOrWhiteSpace(oaId)) return;
        var name = configuration["ServiceCentres:OaName"] is { Length: > 0 } configuredName ? configuredName : oaId;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var placeholder = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select oa_id from zalo_oas where oa_id = @Placeholder for update", new { Placeholder }, transaction, cancellationToken: cancellationToken));
        if (placeholder is not null)
        {
            var renamed = 0;
            foreach (var (table, column) in OaColumns)
            {
                // Names come from the list above, never from input. No command timeout: a province upgrading with a
                // million tickets renames them all once, and a timeout would retry the same work forever.
                renamed += await connection.ExecuteAsync(new CommandDefinition(
                    $"update {table} set {column} = @oaId where {column} = @Placeholder", new { oaId, Placeholder }, transaction,
                    commandTimeout: 0, cancellationToken: cancellationToken));
            }
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into zalo_oas (oa_id, name, access_token, access_expires_at, refresh_token, refresh_refused_at, refresh_refused_detail, created_at, updated_at)
                select @oaId, @name, access_token, access_expires_at, refresh_token, refresh_refused_at, refresh_refused_detail, created_at, updated_at
                from zalo_oas where oa_id = @Placeholder
                on conflict (oa_id) do nothing;
                delete from zalo_oas where oa_id = @Placeholder;
                """, new { oaId, name, Placeholder }, transaction, cancellationToken: cancellationToken));
            logger.LogInformation("The configured OA {OaId} took over {Rows} existing row(s)", oaId, renamed);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into zalo_oas (oa_id, name) values (@oaId, @name) on conflict (oa_id) do nothing",
                new { oaId, name }, transaction, cancellationToken: cancellationToken));
        }
        await SetDefaultsAsync(connection, transaction, oaId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Columns whose default is the configured OA: a writer that names no OA (an older replica during an upgrade) means it.</summary>
    private static readonly (string Table, string Column)[] DefaultedColumns =
        [("outbox", "oa_id"), ("conversations", "oa_id"), ("zalo_users", "oa_id"), ("tickets", "citizen_oa_id"), ("ticket_followers", "oa_id"), ("staff", "zalo_oa_id")];

    private async Task SetDefaultsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oaId, CancellationToken cancellationToken)
    {
        // DDL takes no parameters: the id is embedded only when it is a plain OA id, so it cannot break out of the literal.
        if (!OaRules.IsValidId(oaId))
        {
            logger.LogWarning("Zalo:OaId is not a plain OA id; columns that name an OA keep their default");
            return;
        }
        var wanted = $"'{oaId}'::text";
        var current = (await connection.QueryAsync<(string Table, string Column, string? Default)>(new CommandDefinition(
            """
            select table_name, column_name, column_default from information_schema.columns
            where table_schema = current_schema() and (table_name, column_name) in
                  (('outbox', 'oa_id'), ('conversations', 'oa_id'), ('zalo_users', 'oa_id'), ('tickets', 'citizen_oa_id'), ('ticket_followers', 'oa_id'), ('staff', 'zalo_oa_id'))
            """, transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(r => (r.Table, r.Column), r => r.Default);
        foreach (var (table, column) in DefaultedColumns)
        {
            if (current.GetValueOrDefault((table, column)) == wanted) continue;
            await connection.ExecuteAsync(new CommandDefinition(
                $"alter table {table} alter column {column} set default '{oaId}'", transaction: transaction, cancellationToken: cancellationToken));
        }
    }
}
