using System.Text.Json;

namespace ZaloBot.Oas;

/// <summary>What an admin says about an OA: everything but its tokens, which only Zalo hands out.</summary>
public sealed record OaSettings(
    string Name,
    string? AgencyCode = null,
    string? DefaultAgencyCode = null,
    IReadOnlyDictionary<string, OaTemplate>? Templates = null,
    string? FallbackOaId = null,
    string? WebhookSecretKey = null,
    string State = ZaloOa.Connected);

/// <summary>The admins' writes to <c>zalo_oas</c>; each one refreshes this replica's <see cref="OaDirectory"/>.</summary>
public sealed class OaStore(NpgsqlDataSource dataSource, OaDirectory directory, Inbox.ProcessorSignal processor, TimeProvider time)
{
    /// <summary>
    /// Adds the OA, or updates its settings when it exists (tokens are kept). False when a referenced agency or fallback OA
    /// is unknown. A connected OA's events that arrived before it was connected (parked, acknowledged to Zalo) are
    /// released to the processor in the same transaction: what citizens wrote while nobody served the OA is answered.
    /// </summary>
    public async Task<bool> UpsertAsync(string oaId, OaSettings settings, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into zalo_oas (oa_id, name, agency_code, default_agency_code, templates, fallback_oa_id, webhook_secret_key, state, created_at, updated_at)
            values (@oaId, @Name, @AgencyCode, @DefaultAgencyCode, @templates::jsonb, @FallbackOaId, @WebhookSecretKey, @State, @now, @now)
            on conflict (oa_id) do update
            set name = excluded.name, agency_code = excluded.agency_code, default_agency_code = excluded.default_agency_code,
                templates = excluded.templates, fallback_oa_id = excluded.fallback_oa_id,
                webhook_secret_key = coalesce(excluded.webhook_secret_key, zalo_oas.webhook_secret_key),
                state = excluded.state, updated_at = excluded.updated_at
            """;
        const string release = """
            update inbox set parked_at = null, attempts = 0, last_error = null
            where oa_id = @oaId and parked_at is not null and processed_at is null and last_error like 'OA not connected%'
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                oaId, settings.Name, settings.AgencyCode, settings.DefaultAgencyCode, settings.FallbackOaId, settings.WebhookSecretKey, settings.State,
                templates = JsonSerializer.Serialize(settings.Templates ?? new Dictionary<string, OaTemplate>()), now = time.GetUtcNow(),
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
        var released = settings.State == ZaloOa.Disconnected ? 0
            : await connection.ExecuteAsync(new CommandDefinition(release, new { oaId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        directory.Invalidate();
        if (released > 0) processor.Notify();
        return true;
    }

    /// <summary>Every OA with its link state, for the admin page and API (never a token).</summary>
    public async Task<IReadOnlyList<OaStatus>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select o.oa_id as OaId, o.name as Name, o.agency_code as AgencyCode, o.default_agency_code as DefaultAgencyCode,
                   o.state as State, o.fallback_oa_id as FallbackOaId, o.refresh_token is not null as HasRefreshToken,
                   o.access_expires_at as AccessExpiresAt, o.refresh_refused_at as RefreshRefusedAt,
                   (select count(*) from tickets t where t.citizen_oa_id = o.oa_id) as Tickets
            from zalo_oas o
            order by o.created_at, o.oa_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<OaStatus>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Events Zalo delivered for OAs this deployment does not serve: acknowledged and parked, newest first.</summary>
    public async Task<IReadOnlyList<UnconnectedOaEvent>> UnconnectedEventsAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            select i.id as InboxId, i.oa_id as OaId, i.event_name as EventName, i.received_at as ReceivedAt
            from inbox i
            where i.parked_at is not null and i.processed_at is null and i.last_error like 'OA not connected%'
            order by i.id desc
            limit @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<UnconnectedOaEvent>(new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken))).AsList();
    }
}

public sealed record OaStatus(
    string OaId, string Name, string? AgencyCode, string? DefaultAgencyCode, string State, string? FallbackOaId, bool HasRefreshToken,
    DateTime? AccessExpiresAt, DateTime? RefreshRefusedAt, long Tickets);

public sealed record UnconnectedOaEvent(long InboxId, string? OaId, string EventName, DateTime ReceivedAt);
