namespace ZaloBot.OutboundWebhooks;

/// <summary>The registered endpoints as admins see them, from the API and the console alike.</summary>
public static class WebhookEndpoints
{
    public static async Task<IReadOnlyList<WebhookEndpointView>> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            select w.id, w.name, w.url, w.events, w.personal_data as PersonalData, w.enabled, w.created_at as CreatedAt, w.failing_since as FailingSince,
                   w.disabled_at as DisabledAt, w.disabled_reason as DisabledReason,
                   (select count(*) from webhook_deliveries d where d.endpoint_id = w.id and d.status = 'pending') as Pending
            from webhook_endpoints w order by w.id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<WebhookEndpointView>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    /// <summary>Turns an endpoint disabled after failures back on; its waiting deliveries resume. False: no such endpoint.</summary>
    public static async Task<bool> EnableAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update webhook_endpoints set enabled = true, failing_since = null, disabled_at = null, disabled_reason = null where id = @id",
            new { id }, cancellationToken: ct)) > 0;
    }
}
