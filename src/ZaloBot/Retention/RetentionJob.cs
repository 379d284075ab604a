using Prometheus;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Retention;

/// <summary>
/// Deletes processed inbox events and sent outbox messages (with their attempts) once they are older than
/// <see cref="RetentionOptions"/> says, in small batches, so the queues' tables stay the size of their recent work.
/// Oldest rows first by primary key, so a batch finds its rows at the start of the index instead of scanning; rows
/// locked by anyone are skipped. A transaction-scoped advisory lock keeps replicas from doing the same batch twice.
/// </summary>
public sealed class RetentionJob(
    NpgsqlDataSource dataSource, MigrationState migrations, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : PeriodicJob(migrations, time, logger)
{
    private const long LockKey = 0x5A_42_52_45_54; // "ZBRET"

    private static readonly Counter Deleted = Metrics.CreateCounter(
        "zalobot_retention_deleted_rows_total", "Rows removed by the retention job.", "table");

    public override string JobName => "retention";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override bool RunsAtStart => true;

    protected override bool Enabled => options.Value.Enabled;

    protected override Task TickAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>
    /// A spent centre code is kept a day past its expiry: its signature check refuses it by then, and the day covers
    /// replicas whose clocks disagree by more than the check's own tolerance.
    /// </summary>
    public static readonly TimeSpan SpentCodeMargin = TimeSpan.FromDays(1);

    /// <summary>Deletes every expired row, batch by batch; returns the counts per table.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = Time.GetUtcNow();
        long events = 0, messages = 0, attempts = 0, spentCodes = 0;
        while (await DeleteEventsAsync(now - o.ProcessedEvents, o.BatchSize, cancellationToken) is var n and > 0)
        {
            events += n;
            await Task.Delay(o.BatchPause, Time, cancellationToken);
        }
        while (await DeleteMessagesAsync(now - o.SentMessages, o.BatchSize, cancellationToken) is var (m, a) && m > 0)
        {
            messages += m;
            attempts += a;
            await Task.Delay(o.BatchPause, Time, cancellationToken);
        }
        while (await DeleteSpentCodesAsync(now - SpentCodeMargin, o.BatchSize, cancellationToken) is var c and > 0)
        {
            spentCodes += c;
            await Task.Delay(o.BatchPause, Time, cancellationToken);
        }
        if (events + messages + spentCodes > 0)
            Logger.LogInformation("Retention removed {Events} processed events, {Messages} sent messages, {Attempts} send attempts and {SpentCodes} expired centre codes",
                events, messages, attempts, spentCodes);
        return new RetentionRun(events, messages, attempts, spentCodes);
    }

    private async Task<long> DeleteEventsAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        const string sql = """
            with doomed as (
                select id from inbox
                where processed_at < $1 and pg_try_advisory_xact_lock($3)
                order by id limit $2
                for update skip locked)
            delete from inbox where id in (select id from doomed)
            """;
        return await DeleteBatchAsync(sql, "inbox", cutoff, batch, cancellationToken);
    }

    private async Task<(long Messages, long Attempts)> DeleteMessagesAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        // Attempts go in the same statement as their message (the foreign key is checked at its end).
        const string sql = """
            with doomed as (
                select id from outbox
                where status = 'sent' and sent_at < $1 and pg_try_advisory_xact_lock($3 + 1)
                order by id limit $2
                for update skip locked),
            attempts as (delete from outbox_attempts where outbox_id in (select id from doomed) returning 1),
            messages as (delete from outbox where id in (select id from doomed) returning 1)
            select (select count(*) from messages), (select count(*) from attempts)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batch });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (messages, attempts) = (reader.GetInt64(0), reader.GetInt64(1));
        Deleted.WithLabels("outbox").Inc(messages);
        Deleted.WithLabels("outbox_attempts").Inc(attempts);
        return (messages, attempts);
    }

    private async Task<long> DeleteSpentCodesAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        const string sql = """
            with doomed as (
                select nonce_id from centre_nonces_used
                where expires_at < $1 and pg_try_advisory_xact_lock($3 + 2)
                order by expires_at limit $2
                for update skip locked)
            delete from centre_nonces_used where nonce_id in (select nonce_id from doomed)
            """;
        return await DeleteBatchAsync(sql, "centre_nonces_used", cutoff, batch, cancellationToken);
    }

    /// <summary>Runs one batch of a single-table delete ($1 cutoff, $2 batch size, $3 the lock key) and counts it.</summary>
    private async Task<long> DeleteBatchAsync(string sql, string table, DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batch });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        Deleted.WithLabels(table).Inc(deleted);
        return deleted;
    }
}

/// <summary>What one run of the retention job removed.</summary>
public readonly record struct RetentionRun(long Events, long Messages, long Attempts, long SpentCodes);

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.ProcessedEvents >= TimeSpan.FromDays(1), "Retention:ProcessedEvents must be at least 1.00:00:00 (Zalo may redeliver an event for a while).")
            .Validate(o => o.SentMessages >= TimeSpan.FromDays(1), "Retention:SentMessages must be at least 1.00:00:00.")
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1), "Retention:Interval must be at least 00:00:01.")
            .Validate(o => o.BatchSize is >= 1 and <= 100_000, "Retention:BatchSize must be between 1 and 100000.")
            .Validate(o => o.BatchPause >= TimeSpan.Zero, "Retention:BatchPause must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
