namespace ZaloBot.Privacy;

/// <summary>A denouncer's identity shown to a member of staff (<see cref="Tickets.DenouncerProtection"/>), written to the console audit.</summary>
public static class DenouncerReveals
{
    public static Task RecordAsync(NpgsqlConnection connection, long staffId, string ticketCode, string? remoteIp, string how, DateTimeOffset now, CancellationToken cancellationToken) =>
        StaffConsole.ConsoleAudit.WriteAsync(connection, null, staffId, StaffConsole.ConsoleAuditKinds.IdentityRevealed, null, how, ticketCode, remoteIp, "tố cáo: danh tính người tố cáo", now, cancellationToken);
}
