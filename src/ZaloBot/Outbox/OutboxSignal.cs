using ZaloBot.Operations;

namespace ZaloBot.Outbox;

/// <summary>Raised when a transaction has just queued messages.</summary>
public sealed class OutboxSignal : WakeSignal;
