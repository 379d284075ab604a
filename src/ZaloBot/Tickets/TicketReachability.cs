using Npgsql;
using ZaloBot.Outbox;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Tickets;

/// <summary>The outbox's delivery results, recorded on the tickets through the ledger.</summary>
internal sealed class TicketReachability : ITicketReachability
{
    public Task MarkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ticketIds, string?[] reasons, DateTimeOffset now, CancellationToken cancellationToken) =>
        TicketLedger.MarkReachabilityAsync(connection, transaction, ticketIds, reasons, now, cancellationToken);
}
