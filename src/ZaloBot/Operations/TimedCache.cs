namespace ZaloBot.Operations;

/// <summary>
/// Reference data read from the database and reused for a while (it changes a few times a year; an admin edit in this
/// process invalidates it, other replicas see it within the lifetime). Two callers racing on an expired value may both
/// load it: harmless, and cheaper than a lock on every read.
/// </summary>
public sealed class TimedCache<T>(TimeSpan lifetime, TimeProvider time) where T : class
{
    private (T Value, DateTimeOffset At)? _cached;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.At < lifetime) return cached.Value;
        var value = await load(cancellationToken);
        _cached = (value, now);
        return value;
    }

    public void Invalidate() => _cached = null;
}
