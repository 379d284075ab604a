using Npgsql;

namespace ZaloBot.Inbox;

/// <summary>
/// Does everything one inbox event causes, inside the processor's transaction: whatever it writes commits together
/// with the event being marked processed, or not at all.
/// </summary>
public interface IInboxEventHandler
{
    Task HandleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InboxEvent inboxEvent, CancellationToken cancellationToken);
}
