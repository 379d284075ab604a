namespace ZaloBot.Zalo;

public enum SendOutcome
{
    Sent,
    /// <summary>Worth trying again later: 5xx, timeouts, open circuit, rate limits.</summary>
    Transient,
    /// <summary>The access token is invalid or expired: refresh once and retry.</summary>
    RefreshToken,
    /// <summary>The user cannot receive consultation messages now (not following, or outside the messaging window).</summary>
    OutsideWindow,
    /// <summary>Will never succeed as sent (bad parameters, unknown error): record it, do not retry.</summary>
    Permanent,
}

/// <summary>What each documented Zalo error code means for a send (shared/zalo-oa-api.md, "Error codes worth classifying").</summary>
public static class ZaloErrors
{
    public static SendOutcome Classify(int error) => error switch
    {
        0 => SendOutcome.Sent,
        -216 or -124 => SendOutcome.RefreshToken,
        -213 or -230 => SendOutcome.OutsideWindow,
        -32 => SendOutcome.Transient,   // rate limit exceeded
        -211 => SendOutcome.Transient,  // quota exhausted: comes back, much later (the backoff grows)
        -201 or -210 => SendOutcome.Permanent,
        // An unknown refusal is not retried: a retry may deliver twice, and a human should look at it.
        _ => SendOutcome.Permanent,
    };
}
