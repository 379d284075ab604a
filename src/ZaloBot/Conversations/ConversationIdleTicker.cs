using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Domain.Conversations;
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
    ILogger<ConversationIdleTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.IdleCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (migrations.IsApplied) await TickDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Idle conversation check failed");
            }
        }
    }

    /// <summary>Ticks every conversation whose idle check is due; returns how many were ticked.</summary>
    public async Task<int> TickDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticked = 0;
        foreach (var userId in await ConversationStore.IdleDueAsync(connection, now, 100, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await InboxQueue.TryLockUserAsync(connection, transaction, userId, cancellationToken)) continue;
            await turns.RunAsync(connection, transaction, userId, new TickInput(now), $"tick:{userId}:{now.ToUnixTimeMilliseconds()}", replyToMsgId: null, correlationId: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ticked++;
        }
        return ticked;
    }
}
