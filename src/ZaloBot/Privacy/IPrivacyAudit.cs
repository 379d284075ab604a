namespace ZaloBot.Privacy;

/// <summary>
/// The audit trail of privacy's guarded acts: a denouncer's identity shown to a member of staff, a breach recorded or
/// notified to the authority, each in the caller's transaction. The console owns the trail (console_audit) and
/// registers itself as this, so privacy does not reach up into the console.
/// </summary>
public interface IPrivacyAudit
{
    /// <param name="how">Where it was shown: <c>console</c> or <c>api</c>.</param>
    Task IdentityRevealedAsync(NpgsqlConnection connection, long staffId, string ticketCode, string? remoteIp, string how, DateTimeOffset now, CancellationToken cancellationToken);

    Task BreachRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long breachId, int affectedTickets, string? remoteIp, DateTimeOffset now, CancellationToken cancellationToken);

    Task BreachNotifiedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId, long breachId, string? remoteIp, DateTimeOffset now, CancellationToken cancellationToken);
}
