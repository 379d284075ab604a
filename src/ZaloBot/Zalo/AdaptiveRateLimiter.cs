using Prometheus;

namespace ZaloBot.Zalo;

/// <summary>
/// Paces calls to Zalo with additive increase, multiplicative decrease: it starts at the configured ceiling, halves
/// when Zalo says -32 (or answers 429/503), pauses briefly, and climbs back a little each second while Zalo is happy.
/// A token bucket holding a tenth of a second's worth of calls: waiting callers look again every few milliseconds, so
/// a rate that recovers is used at once rather than after slots booked at the old, slower rate.
/// </summary>
public sealed class AdaptiveRateLimiter
{
    private static readonly Gauge RateGauge = Metrics.CreateGauge("zalobot_zalo_rate_limit_per_second", "Calls per second this replica currently allows itself towards Zalo, per OA.", "oa");
    private static readonly Counter Throttles = Metrics.CreateCounter("zalobot_zalo_throttled_total", "Answers that made the rate limiter slow down.", "reason", "oa");
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly ZaloResilienceOptions _options;
    private readonly TimeProvider _time;
    private double _rate;
    private double _tokens;
    private DateTimeOffset _refilledAt;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastAdjusted;
    private DateTimeOffset _lastDecreased = DateTimeOffset.MinValue;

    private readonly Gauge.Child _rateGauge;
    private readonly string _oaId;

    /// <param name="oaId">Zalo's -32 is per OA: each OA has its own limiter, so one OA's throttling does not slow the others.</param>
    public AdaptiveRateLimiter(IOptions<ZaloResilienceOptions> options, TimeProvider time, string oaId)
    {
        _oaId = oaId;
        _rateGauge = RateGauge.WithLabels(oaId);
        _options = options.Value;
        _time = time;
        _rate = _options.MaxCallsPerSecond;
        _tokens = Burst;
        _refilledAt = time.GetUtcNow();
        _lastAdjusted = _refilledAt;
        _rateGauge.Set(_rate);
    }

    /// <summary>Calls per second allowed now.</summary>
    public double CurrentRate
    {
        get { lock (_gate) return _rate; }
    }

    private double Burst => Math.Max(1, _rate / 10);

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                _tokens = Math.Min(Burst, _tokens + ((now - _refilledAt).TotalSeconds * _rate));
                _refilledAt = now;
                if (now >= _pausedUntil && _tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }
                wait = now < _pausedUntil ? _pausedUntil - now : TimeSpan.FromSeconds((1 - _tokens) / _rate);
            }
            await Task.Delay(wait < LongestNap ? wait : LongestNap, _time, cancellationToken);
        }
    }

    /// <summary>Zalo said -32: slow down and pause.</summary>
    public void OnThrottled() => Decrease("rate_limited", pause: true);

    /// <summary>429 or 503: Zalo is overloaded; slow down without pausing (the outbox's own retry spacing applies).</summary>
    public void OnOverloaded() => Decrease("overloaded", pause: false);

    /// <summary>Zalo answered without complaining about load: recover towards the ceiling.</summary>
    public void OnAnswered()
    {
        lock (_gate)
        {
            if (_rate >= _options.MaxCallsPerSecond) return;
            var now = _time.GetUtcNow();
            if (now - _lastAdjusted < _options.AdjustInterval) return;
            _rate = Math.Min(_options.MaxCallsPerSecond, _rate + Math.Max(1, _options.MaxCallsPerSecond * _options.RecoveryShare));
            _lastAdjusted = now;
            _rateGauge.Set(_rate);
        }
    }

    private void Decrease(string reason, bool pause)
    {
        Throttles.WithLabels(reason, _oaId).Inc();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (pause && _pausedUntil < now + _options.ThrottlePause) _pausedUntil = now + _options.ThrottlePause;
            // One decrease per interval: a burst of refusals for calls already in flight is one signal, not twenty.
            if (now - _lastDecreased < _options.AdjustInterval) return;
            _rate = Math.Max(_options.MinCallsPerSecond, _rate * _options.DecreaseFactor);
            _tokens = Math.Min(_tokens, Burst);
            _lastDecreased = now;
            _lastAdjusted = now;
            _rateGauge.Set(_rate);
        }
    }
}

/// <summary>One <see cref="AdaptiveRateLimiter"/> per OA, made on first use.</summary>
public sealed class ZaloRateLimiters(IOptions<ZaloResilienceOptions> options, TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new(StringComparer.Ordinal);

    public AdaptiveRateLimiter For(string oaId) => _limiters.GetOrAdd(oaId, id => new AdaptiveRateLimiter(options, time, id));
}
