using ZaloBot.Domain.StaffChat;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Staff;

/// <summary>
/// Once an hour, reminds each agency's linked staff of their tickets that are due within a day or overdue. The
/// outbox key carries the date, so every replica may run this and each reminder still goes out once a day.
/// </summary>
public sealed class StaffReminders(NpgsqlDataSource dataSource, MigrationState migrations, TimeProvider time, ILogger<StaffReminders> logger) : PeriodicJob(migrations, time, logger)
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public override string JobName => "staff-reminders";

    protected override TimeSpan Interval => Every;

    protected override Task TickAsync(CancellationToken cancellationToken) => RemindAsync(cancellationToken);

    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await connection.QueryAsync<(long Id, string Code, string Agency, DateTime DueAt)>(new CommandDefinition(
            """
            select id, code, assigned_agency_code, due_at from tickets
            where ticket_clock_runs(status) and status <> @accepted and assigned_agency_code is not null and due_at < @soon
            order by due_at
            limit 500
            """, new { soon = now.AddDays(1), accepted = TicketStatus.Accepted }, transaction, cancellationToken: cancellationToken));
        var count = 0;
        foreach (var (id, code, agency, dueAt) in due)
        {
            var overdue = dueAt < now.UtcDateTime;
            var text = overdue ? StaffTexts.Overdue(code) : StaffTexts.DueSoon(code, new DateTimeOffset(DateTime.SpecifyKind(dueAt, DateTimeKind.Utc)));
            await StaffPush.ToAgencyAsync(connection, transaction, agency, $"ticket:{id}:{(overdue ? "overdue" : "due-soon")}:{now:yyyy-MM-dd}", text, code, now, cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
