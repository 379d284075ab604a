using ZaloBot.Operations;

namespace ZaloBot.Inbox;

/// <summary>Raised by the receiver when it has stored a new event; wakes every worker, since each owns a share of the users.</summary>
public sealed class ProcessorSignal : BroadcastSignal;
