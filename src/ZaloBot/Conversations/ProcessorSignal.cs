using ZaloBot.Operations;

namespace ZaloBot.Conversations;

/// <summary>Raised by the receiver when it has stored a new event.</summary>
public sealed class ProcessorSignal : WakeSignal;
