using Npgsql;

namespace ZaloBot.Outbox;

/// <summary>
/// Whether the latest notice of each ticket reached its citizen (a reason when it did not), written in the transaction
/// that records the sends. The tickets feature implements it through its ledger, the only writer of tickets, so the
/// outbox knows ticket ids but not the tickets feature.
/// </summary>
public interface ITicketReachability
{
    Task MarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ticketIds, string?[] reasons, DateTimeOffset now, CancellationToken cancellationToken);
}
