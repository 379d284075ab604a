using ZaloBot.Domain.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Conversations;

/// <summary>
/// Sends the one reminder to citizens who left a complaint half-written and expires drafts left too long, by running
/// a <see cref="TickInput"/> through the engine under the same per-user lock as the processor.
/// </summary>
public sealed class ConversationIdleTicker(
    NpgsqlDataSource dataSource,
    ConversationTurns turns,
    MigrationState migrations,
    IOptions<ConversationProcessorOptions> options,
    TimeProvider time,
    ILogger<ConversationIdleTicker> logger) : PeriodicJob(migrations, time, logger)
{
    public override string JobName => "idle-conversations";

    protected override TimeSpan Interval => options.Value.IdleCheckInterval;

    protected override bool Enabled => options.Value.Enabled;

    protected override Task TickAsync(CancellationToken cancellationToken) => TickDueAsync(cancellationToken);

    /// <summary>Ticks every conversation whose idle check is due; returns how many were ticked.</summary>
    public async Task<int> TickDueAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticked = 0;
        foreach (var citizen in await ConversationStore.IdleDueAsync(connection, now, 100, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await InboxQueue.TryLockUserAsync(connection, transaction, citizen.UserId, cancellationToken)) continue;
            await turns.RunAsync(connection, transaction, citizen, new TickInput(now), $"tick:{citizen.OaId}:{citizen.UserId}:{now.ToUnixTimeMilliseconds()}", replyToMsgId: null, correlationId: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ticked++;
        }
        return ticked;
    }
}
