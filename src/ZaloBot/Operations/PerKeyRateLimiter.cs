using System.Threading.RateLimiting;

namespace ZaloBot.Operations;

/// <summary>A token bucket per key (a channel key, a client address), refilled each minute, with no queue: over the limit is a 429 now.</summary>
public class PerKeyRateLimiter<TKey>(int perMinute) : IDisposable where TKey : notnull
{
    private readonly PartitionedRateLimiter<TKey> _limiter = PartitionedRateLimiter.Create<TKey, TKey>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = Math.Max(1, perMinute),
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public RateLimitLease Acquire(TKey key) => _limiter.AttemptAcquire(key);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _limiter.Dispose();
    }
}
