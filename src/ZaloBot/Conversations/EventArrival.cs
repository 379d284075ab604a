using ZaloBot.Outbox;
using ZaloBot.Staff;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>
/// What an event needs before its meaning is known, sent in one round trip: the interaction recorded (it opens Zalo's
/// window), the notices waiting behind a nudge released as answers to this message, and the staff member linked to the
/// sender. Each feature keeps its SQL; this only sends the statements together, in that order.
/// </summary>
public static class EventArrival
{
    /// <param name="NudgesReleased">Notices released as answers to this message (0 when none waited or none were asked for).</param>
    /// <param name="Staff">The active staff member linked to the sender, when asked for and found.</param>
    public sealed record Outcome(int NudgesReleased, StaffIdentity? Staff);

    /// <param name="interaction">The user and time to record as an interaction, or null.</param>
    /// <param name="release">The writer and their message, to release the notices waiting behind a nudge, or null.</param>
    /// <param name="staffOf">The sender to look up as linked staff, or null.</param>
    public static async Task<Outcome> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        (ZaloRecipient User, DateTimeOffset At)? interaction, (string UserId, string MsgId, DateTimeOffset Now)? release, ZaloRecipient? staffOf,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (interaction is { } i) batch.BatchCommands.Add(MessagingWindow.RecordInteraction(i.User, i.At));
        var released = release is { } r ? PendingNudges.Release(r.UserId, r.MsgId, r.Now) : null;
        if (released is not null) batch.BatchCommands.Add(released);
        if (staffOf is { } sender) batch.BatchCommands.Add(StaffEnrolment.LinkedStaff(sender));
        if (batch.BatchCommands.Count == 0) return new Outcome(0, null);

        StaffIdentity? staff = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The writes return no rows: the reader starts at the staff query's rows, if it was sent.
            if (staffOf is not null) staff = await StaffEnrolment.ReadLinkedStaffAsync(reader, cancellationToken);
        }
        return new Outcome(released is null ? 0 : released.RecordsAffected, staff);
    }
}
