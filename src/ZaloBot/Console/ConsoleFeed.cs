using System.Threading.Channels;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.StaffConsole;

/// <summary>Something happened on a ticket: a new ticket, a citizen's follow-up, a reply, a status change.</summary>
public sealed record FeedItem(long EventId, string Code, string? Agency, string Kind, TicketStatus Status);

/// <summary>
/// Live updates for open console pages. One poller per process reads new ticket_events every second while at least
/// one page listens, so every replica sees changes made by any other replica, the processor or the API alike; each
/// listener gets only the tickets its staff member may see (filtered by the caller). An event that commits after a
/// later one was read is not replayed, but the next event refreshes the whole list, so the page catches up.
/// </summary>
public sealed class ConsoleFeed(NpgsqlDataSource dataSource, MigrationState migrations, TimeProvider time, ILogger<ConsoleFeed> logger) : PeriodicJob(migrations, time, logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly List<Channel<FeedItem>> _listeners = [];
    private long _last = -1;

    /// <summary>Starts listening; everything that commits from now on is delivered (the position is fixed before this returns).</summary>
    public async Task<ChannelReader<FeedItem>> SubscribeAsync(CancellationToken unsubscribe)
    {
        if (Interlocked.Read(ref _last) < 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(unsubscribe);
            var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition("select coalesce(max(id), 0) from ticket_events", cancellationToken: unsubscribe));
            Interlocked.CompareExchange(ref _last, last, -1);
        }
        return Subscribe(unsubscribe);
    }

    private ChannelReader<FeedItem> Subscribe(CancellationToken unsubscribe)
    {
        var channel = Channel.CreateBounded<FeedItem>(new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _listeners.Add(channel);
        unsubscribe.Register(() =>
        {
            lock (_gate) _listeners.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    private int ListenerCount
    {
        get { lock (_gate) return _listeners.Count; }
    }

    public override string JobName => "console-feed";

    protected override TimeSpan Interval => PollInterval;

    protected override Task TickAsync(CancellationToken cancellationToken) => PollAsync(cancellationToken);

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (ListenerCount == 0)
        {
            // Nobody listens: just keep the position, so the first listener hears only what is new.
            var max = await connection.ExecuteScalarAsync<long>(new CommandDefinition("select coalesce(max(id), 0) from ticket_events", cancellationToken: cancellationToken));
            // A page that subscribed meanwhile would miss events between its position and max: then stay put.
            if (ListenerCount == 0) _last = max;
            return;
        }
        const string sql = """
            select e.id as EventId, t.code, t.assigned_agency_code as Agency, e.kind, t.status
            from ticket_events e join tickets t on t.id = e.ticket_id
            where e.id > @last
            order by e.id
            limit 500
            """;
        var items = (await connection.QueryAsync<FeedItem>(new CommandDefinition(sql, new { last = _last }, cancellationToken: cancellationToken))).AsList();
        if (items.Count == 0) return;
        _last = items[^1].EventId;
        Channel<FeedItem>[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var item in items)
            foreach (var listener in listeners)
                listener.Writer.TryWrite(item);
    }
}
