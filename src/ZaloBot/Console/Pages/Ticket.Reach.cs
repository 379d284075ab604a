using Npgsql;
using ZaloBot.Outbox;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>The ticket page's reach part: notices waiting for the citizen to answer a nudge.</summary>
public sealed partial class TicketModel
{
    public IReadOnlyList<PendingNudges.Waiting> WaitingBehindNudge { get; private set; } = [];

    private async Task LoadReachAsync(NpgsqlConnection connection, TicketView ticket, CancellationToken cancellationToken) =>
        WaitingBehindNudge = await PendingNudges.ForTicketAsync(connection, ticket.Id, cancellationToken);
}
