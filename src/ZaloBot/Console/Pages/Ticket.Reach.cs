using ZaloBot.NationalSync;
using ZaloBot.Outbox;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>The ticket page's reach part: notices waiting for the citizen to answer a nudge, and the copy in the national PAKN system.</summary>
public sealed partial class TicketModel
{
    public IReadOnlyList<PendingNudges.Waiting> WaitingBehindNudge { get; private set; } = [];
    public IReadOnlyList<NationalSyncStatus> National { get; private set; } = [];

    private async Task LoadReachAsync(NpgsqlConnection connection, TicketView ticket, CancellationToken cancellationToken)
    {
        WaitingBehindNudge = await PendingNudges.ForTicketAsync(connection, ticket.Id, cancellationToken);
        National = await NationalSyncStatus.ForTicketAsync(connection, ticket.Id, cancellationToken);
    }
}
