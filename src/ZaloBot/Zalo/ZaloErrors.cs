namespace ZaloBot.Zalo;

public enum SendOutcome
{
    Sent,
    /// <summary>Zalo (or the way to it) is failing: 5xx, connection refused, no answer. Retry soon; not this message's fault.</summary>
    Transient,
    /// <summary>-32: too many calls this minute. Slow down and retry; nothing is wrong with the message.</summary>
    RateLimited,
    /// <summary>The access token is invalid or expired: refresh once and retry.</summary>
    RefreshToken,
    /// <summary>No consultation message can reach this user now (outside the 7-day window, never interacted, not a follower, blocked).</summary>
    OutsideWindow,
    /// <summary>-234: messages are not delivered at night; retry in the morning.</summary>
    NightTime,
    /// <summary>Over a quota or the user's receive limit: retry much later.</summary>
    RetryLater,
    /// <summary>The phone number cannot receive template messages (bad number, no Zalo account, unreachable).</summary>
    Unreachable,
    /// <summary>-201: we sent invalid parameters. A bug: record it, alert, never retry.</summary>
    Invalid,
    /// <summary>-242 and the like: the deployment is misconfigured. Never retry.</summary>
    Configuration,
    /// <summary>An answer we cannot classify. For consultation messages it is not retried; for paid templates it may have been sent and charged.</summary>
    Unknown,
}

/// <summary>What each documented Zalo error code means for a send (docs/zalo-platform.md, "The messaging window, costs and error codes").</summary>
public static class ZaloErrors
{
    public static SendOutcome Classify(int error) => error switch
    {
        0 => SendOutcome.Sent,
        -216 or -220 or -124 => SendOutcome.RefreshToken,
        -230 or -232 or -213 or -227 or -244 => SendOutcome.OutsideWindow,
        -234 => SendOutcome.NightTime,
        -32 => SendOutcome.RateLimited,
        -210 or -211 or -218 or -144 => SendOutcome.RetryLater,
        -108 or -115 or -118 => SendOutcome.Unreachable,
        -201 => SendOutcome.Invalid,
        -242 => SendOutcome.Configuration,
        _ => SendOutcome.Unknown,
    };
}
