namespace ZaloBot.Simulator;

/// <summary>How the fake Zalo platform identifies the app and OA, and where it delivers webhook events.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public string AppId { get; set; } = "dev-app";
    public string OaId { get; set; } = "dev-oa";
    public string OaSecretKey { get; set; } = "dev-oa-secret";
    public string AppSecret { get; set; } = "dev-app-secret";

    /// <summary>The first refresh token the fake OAuth endpoint accepts; like Zalo's, each one works once.</summary>
    public string InitialRefreshToken { get; set; } = "sim-refresh-0";

    /// <summary>
    /// More OAs linked to the same app (a province's wards): each with its own first refresh token and followers. A
    /// person has another user id on each of them (<see cref="SimulatorState.UserIdOn"/>).
    /// </summary>
    public List<SimulatedOa> OtherOas { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(25);

    /// <summary>How long each OA API call takes to answer, as a server in Vietnam sees Zalo (about 80 ms); settable per test.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Message and template calls accepted per second before Zalo's -32 (rate limit); null for no limit.</summary>
    public int? MaxMessagesPerSecond { get; set; }

    /// <summary>Free replies per inbound message (Zalo's help: 8, reset by each new message from the citizen).</summary>
    public int FreeRepliesPerMessage { get; set; } = 8;

    public TimeSpan MessagingWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Users the simulator has never seen interact (tests that post webhooks straight to the service) count as inside
    /// the window; a test sets a user's last interaction to play the 7-day rule.
    /// </summary>
    public bool UnknownUsersInWindow { get; set; } = true;

    /// <summary>The service's webhook URL, e.g. http://127.0.0.1:8080/webhooks/zalo (the chat page posts citizens' messages there).</summary>
    public Uri? WebhookUrl { get; set; }
}

/// <summary>An OA the simulator plays besides the main one.</summary>
public sealed class SimulatedOa
{
    public string OaId { get; set; } = "";
    public string Name { get; set; } = "";
    public string InitialRefreshToken { get; set; } = "";
}
