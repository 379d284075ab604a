namespace ZaloBot.Simulator;

/// <summary>What the fake Zalo does instead of succeeding, for a number of calls or until a time.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with no Zalo envelope.</summary>
    ServerError,
    /// <summary>No answer until the caller gives up.</summary>
    Timeout,
    /// <summary>The message goes out, but its answer never comes back before the caller gives up: the caller cannot know it was sent.</summary>
    AnswerLost,
    /// <summary>HTTP 200 with error -216: access token invalid.</summary>
    TokenExpired,
    /// <summary>HTTP 200 with error -32: rate limit exceeded.</summary>
    RateLimited,
    /// <summary>HTTP 200 with error -213: the user has not interacted with the OA recently.</summary>
    OutsideWindow,
    /// <summary>HTTP 200 with error -234: Zalo does not deliver this proactive message at night.</summary>
    NightTime,
    /// <summary>HTTP 200 with the error code given in the request (e.g. -999, an answer nobody documented).</summary>
    ZaloError,
}

/// <param name="Endpoint">Only calls to this endpoint fail: "message" (consultation), "template" (ZBS), or null for both.</param>
public sealed record FaultRequest(FaultKind Kind, int? Count, double? Seconds, int? Code = null, string? Endpoint = null);

/// <summary>A fault drawn for one call.</summary>
public sealed record Fault(FaultKind Kind, int? Code);

/// <summary>Thread-safe fault schedule shared by the simulator's send endpoints.</summary>
public sealed class FaultPlan(TimeProvider time)
{
    private readonly Lock _gate = new();
    private FaultKind? _kind;
    private int? _code;
    private string? _endpoint;
    private int? _remaining;
    private DateTimeOffset? _until;

    public void Set(FaultRequest request)
    {
        lock (_gate)
        {
            _kind = request.Kind;
            _code = request.Code;
            _endpoint = request.Endpoint;
            _remaining = request.Count;
            _until = request.Seconds is { } s ? time.GetUtcNow().AddSeconds(s) : null;
        }
    }

    public void Clear()
    {
        lock (_gate) { _kind = null; _code = null; _endpoint = null; _remaining = null; _until = null; }
    }

    /// <summary>The fault to apply to this call to <paramref name="endpoint"/>, if any; counts the call against a counted fault.</summary>
    public Fault? Next(string endpoint = "message")
    {
        lock (_gate)
        {
            if (_kind is null || (_endpoint is not null && _endpoint != endpoint)) return null;
            if (_until is { } until && time.GetUtcNow() >= until)
            {
                _kind = null;
                return null;
            }
            if (_remaining is { } remaining)
            {
                if (remaining <= 0)
                {
                    _kind = null;
                    return null;
                }
                _remaining = remaining - 1;
            }
            return new Fault(_kind.Value, _code);
        }
    }
}
