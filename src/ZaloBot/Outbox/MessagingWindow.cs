using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

public enum WindowState
{
    Open,
    Closed,
    /// <summary>Zalo could not say: try a consultation message and let Zalo's answer decide.</summary>
    Unknown,
}

/// <summary>
/// Whether a Zalo user can still receive consultation messages: from the last interaction the inbox saw, from Zalo's
/// refusals, and, when neither is recent, from Zalo's quota endpoint. Free replies need no check; this is for
/// proactive messages (ticket notices, reminders, staff pushes).
/// </summary>
public sealed class MessagingWindow(NpgsqlDataSource dataSource, ZaloApiClient zalo, IOptions<OutboxOptions> options, TimeProvider time)
{
    /// <summary>Records an interaction (message, follow, button, form), as a statement of the caller's batch; later interactions win.</summary>
    public static NpgsqlBatchCommand RecordInteraction(ZaloRecipient user, DateTimeOffset at) => Storage.StatementBatch.Command(
        """
        insert into zalo_users (oa_id, user_id, last_interaction_at) values (@oaId, @userId, @at)
        on conflict (oa_id, user_id) do update
        set last_interaction_at = greatest(zalo_users.last_interaction_at, excluded.last_interaction_at)
        """, ("oaId", user.OaId), ("userId", user.UserId), ("at", at));

    public async Task<WindowState> CheckAsync(ZaloRecipient user, Func<string, CancellationToken, Task<OaAccessToken>> accessToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var known = await ReadAsync(user, cancellationToken);
        if (known is { WindowClosedAt: { } closed } && (known.LastInteractionAt is not { } seen || closed > seen) && now - closed < o.WindowRecheckAfter)
            return WindowState.Closed;
        if (known?.LastInteractionAt is { } last && IsWithin(last, now))
            return WindowState.Open;
        if (known?.WindowCheckedAt is { } checkedAt && now - checkedAt < o.WindowRecheckAfter)
            return WindowState.Closed;

        var (outcome, zaloLast) = await zalo.GetLastInteractionAsync(user.UserId, await accessToken(user.OaId, cancellationToken), cancellationToken);
        if (outcome != SendOutcome.Sent) return WindowState.Unknown;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into zalo_users (oa_id, user_id, last_interaction_at, window_checked_at) values (@OaId, @UserId, @zaloLast, @now)
            on conflict (oa_id, user_id) do update
            set last_interaction_at = greatest(zalo_users.last_interaction_at, excluded.last_interaction_at), window_checked_at = excluded.window_checked_at
            """, new { user.OaId, user.UserId, zaloLast, now }, cancellationToken: cancellationToken));
        return zaloLast is { } z && IsWithin(z, now) ? WindowState.Open : WindowState.Closed;
    }

    /// <summary>Zalo refused a consultation message to this user: until they interact again, notices go by template.</summary>
    public async Task MarkClosedAsync(ZaloRecipient user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into zalo_users (oa_id, user_id, window_closed_at) values (@OaId, @UserId, @now)
            on conflict (oa_id, user_id) do update set window_closed_at = excluded.window_closed_at
            """, new { user.OaId, user.UserId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    // A margin: a message queued at 6 days 23 h 59 min must not arrive after the window has shut.
    private bool IsWithin(DateTimeOffset last, DateTimeOffset now) => now - last < options.Value.MessagingWindow - TimeSpan.FromMinutes(10);

    private async Task<KnownUser?> ReadAsync(ZaloRecipient user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "select last_interaction_at as Last, window_checked_at as Checked, window_closed_at as Closed from zalo_users where oa_id = @OaId and user_id = @UserId",
            new { user.OaId, user.UserId }, cancellationToken: cancellationToken));
        return row is null ? null : new KnownUser(Utc(row.Last), Utc(row.Checked), Utc(row.Closed));
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private sealed class UserRow
    {
        public DateTime? Last { get; init; }
        public DateTime? Checked { get; init; }
        public DateTime? Closed { get; init; }
    }

    private sealed record KnownUser(DateTimeOffset? LastInteractionAt, DateTimeOffset? WindowCheckedAt, DateTimeOffset? WindowClosedAt);
}
