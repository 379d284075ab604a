using ZaloBot.Tickets.Ledger;
using ZaloBot.Domain.Tracks;
using ZaloBot.Staff;
using ZaloBot.Operations;
using ZaloBot.Storage;

namespace ZaloBot.Tracks;

/// <summary>
/// Every minute, finds tickets that broke a clock — first response, acceptance, resolution — and escalates each breach
/// once: a row in <c>ticket_escalations</c> (unique by ticket, kind and the due date broken, so replicas racing on the
/// same breach insert it once), an internal event on the ticket (the console's live feed and history show it), and a
/// Zalo push to the supervisors and, for an agency's ticket, the agency's head.
/// </summary>
public sealed class EscalationMonitor(NpgsqlDataSource dataSource, MigrationState migrations, TimeProvider time, ILogger<EscalationMonitor> logger) : PeriodicJob(migrations, time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private const int Batch = 500;

    public override string JobName => "escalations";

    protected override TimeSpan Interval => Every;

    protected override Task TickAsync(CancellationToken cancellationToken) => EscalateAsync(cancellationToken);

    /// <summary>
    /// Breaches not escalated yet, oldest first, each kind from its own partial index (only tickets with a new breach are
    /// in it). The "order by" is what makes the planner use those indexes: it cannot estimate "is distinct from" between
    /// two columns and would otherwise scan the table for the limit.
    /// </summary>
    public const string BreachQuery = """
            (select id, code, status, assigned_agency_code as Agency, first_response_due_at as FirstResponseDueAt, acceptance_due_at as AcceptanceDueAt, due_at as DueAt
             from tickets
             where ticket_awaits_acceptance(status) and first_response_escalated_for is distinct from first_response_due_at and first_response_due_at < @now
             order by first_response_due_at limit @batch)
            union
            (select id, code, status, assigned_agency_code, first_response_due_at, acceptance_due_at, due_at
             from tickets
             where ticket_awaits_acceptance(status) and acceptance_escalated_for is distinct from acceptance_due_at and acceptance_due_at < @now
             order by acceptance_due_at limit @batch)
            union all
            (select id, code, status, assigned_agency_code, first_response_due_at, acceptance_due_at, due_at
             from tickets
             where ticket_clock_runs(status) and resolution_escalated_for is distinct from due_at and due_at < @now
             order by due_at, id limit @batch)
            """;

    private sealed record Row(long Id, string Code, TicketStatus Status, string? Agency, DateTime? FirstResponseDueAt, DateTime? AcceptanceDueAt, DateTime? DueAt);

    /// <summary>Escalates the breaches not escalated yet; returns how many.</summary>
    public async Task<int> EscalateAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(BreachQuery, new { now, batch = Batch }, transaction, cancellationToken: cancellationToken));
        var count = 0;
        foreach (var row in rows)
        {
            var clocks = new TicketClocks(row.Status, Utc(row.FirstResponseDueAt), Utc(row.AcceptanceDueAt), Utc(row.DueAt));
            foreach (var breach in Escalations.Breaches(clocks, now))
            {
                if (await EscalateAsync(connection, transaction, row, breach, now, cancellationToken)) count++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        if (count > 0) Logger.LogInformation("Escalated {Count} clock breaches", count);
        return count;
    }

    private static async Task<bool> EscalateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Row row, Breach breach, DateTimeOffset now, CancellationToken ct)
    {
        var kind = breach.Kind.ToName();
        // The marker on the ticket keeps it out of the next scans; the unique row keeps a breach from being escalated
        // twice by replicas scanning at the same moment.
        await TicketLedger.MarkEscalatedAsync(connection, transaction, row.Id, breach.Kind, breach.DueAt, ct);
        var inserted = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into ticket_escalations (ticket_id, kind, due_at, at, agency_code) values (@id, @kind, @due, @now, @agency)
            on conflict (ticket_id, kind, due_at) do nothing
            returning id
            """, new { id = row.Id, kind, due = breach.DueAt, now, agency = row.Agency }, transaction, cancellationToken: ct));
        if (inserted is null) return false;
        var text = TrackTexts.StaffEscalation(row.Code, breach.Kind, row.Agency);
        await TicketLedger.AppendAsync(connection, transaction, new TicketEntry(row.Id, ActorKind.System, null, TrackEvents.Escalated, IsPublic: false, text,
            new { breach = kind, due_at = breach.DueAt, agency = row.Agency }), now, ct);
        var key = $"escalation:{inserted}";
        await StaffPush.ToSupervisorsAsync(connection, transaction, key, text, row.Code, now, ct);
        if (row.Agency is { } agency) await StaffPush.ToAgencyHeadsAsync(connection, transaction, agency, key + ":head", text, row.Code, now, ct);
        return true;
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
