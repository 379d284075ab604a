using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ZaloBot.Evidence;

/// <summary>
/// Applies the retention setting (evidence of tickets closed or rejected longer ago than their category's days
/// expires) and deletes the bytes of expired and erased evidence from the store, keeping the row as the record that
/// the file existed (hash, size, type, dates).
/// </summary>
public sealed partial class EvidenceSweeper(
    NpgsqlDataSource dataSource, IEvidenceStore store, IOptions<EvidenceOptions> options, Storage.MigrationState migrations,
    TimeProvider time, ILogger<EvidenceSweeper> logger) : Operations.PeriodicJob(migrations, time, logger)
{
    private DateTimeOffset _nextRetention = DateTimeOffset.MinValue;

    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromSeconds(10);

    public override string JobName => "evidence-sweeper";

    /// <summary>Purging erased files is the urgent cadence; the retention scan runs on its own, slower one inside it.</summary>
    protected override TimeSpan Interval => PurgeInterval < options.Value.PollInterval * 5 ? PurgeInterval : options.Value.PollInterval * 5;

    protected override bool RunsAtStart => true;

    protected override bool Enabled => options.Value.Enabled;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        if (Time.GetUtcNow() >= _nextRetention)
        {
            await ExpireAsync(cancellationToken);
            _nextRetention = Time.GetUtcNow() + options.Value.SweepInterval;
        }
        await PurgeAsync(cancellationToken);
    }

    /// <summary>Marks evidence past its retention as expired; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        const string sql = """
            update evidence e set status = 'expired'
            from tickets t
            where e.ticket_id = t.id
              and e.status in ('pending', 'stored', 'unavailable', 'refused')
              and not ticket_is_open(t.status)
              and coalesce((select r.days from unnest(@categories, @days) as r(category, days) where r.category = t.category_code), @defaultDays) > 0
              and coalesce(t.closed_at, t.updated_at) + make_interval(days => coalesce(
                    (select r.days from unnest(@categories, @days) as r(category, days) where r.category = t.category_code), @defaultDays)) < @now
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var count = await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            categories = settings.RetentionDaysByCategory.Keys.ToArray(),
            days = settings.RetentionDaysByCategory.Values.ToArray(),
            defaultDays = settings.RetentionDays,
            now = Time.GetUtcNow(),
        }, cancellationToken: cancellationToken));
        if (count > 0) LogExpired(count);
        return count;
    }

    /// <summary>Deletes the bytes of expired and erased evidence; returns how many files were removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Id, string? Key, string? Thumbnail)>(new CommandDefinition("""
            select id, storage_key, thumbnail_key from evidence
            where status in ('erased', 'expired') and purged_at is null
            order by id limit 200
            """, cancellationToken: cancellationToken))).AsList();
        foreach (var (id, key, thumbnail) in rows)
        {
            if (key is not null) await store.DeleteAsync(key, cancellationToken);
            if (thumbnail is not null) await store.DeleteAsync(thumbnail, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "update evidence set purged_at = @now, storage_key = null, thumbnail_key = null where id = @id",
                new { now = Time.GetUtcNow(), id }, cancellationToken: cancellationToken));
        }
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence retention: {Count} files expired")]
    private partial void LogExpired(int count);

}
