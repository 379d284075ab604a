namespace ZaloBot.Reports;

/// <summary>
/// Where the console is reached from a leader's phone. The console owns that setting and registers this, so the
/// reports do not depend on the console that shows them.
/// </summary>
public sealed record ConsoleAddress(string BaseUrl);
