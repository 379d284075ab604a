using ZaloBot.Calendar;
using ZaloBot.Domain.Reports;
using ZaloBot.Operations;
using ZaloBot.Outbox;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Reports;

/// <summary>
/// Pushes the weekly and monthly reports to leaders in Zalo when they are due (<see cref="ReportSchedule"/>): the
/// province's to linked supervisors, an agency's to its linked heads. Each (period, scope, leader) is recorded in
/// <c>scheduled_report_deliveries</c> in the transaction that queues the message, so every replica may run the job
/// and a restart never sends a report twice. The message leaves through the outbox like any staff push, so the quiet
/// hours and Zalo's night ban hold it for the morning should it ever be queued late.
/// </summary>
public sealed partial class ScheduledReportsJob(
    NpgsqlDataSource dataSource, HolidayCalendar holidays, OutboxSignal outbox, IOptions<ScheduledReportsOptions> options, ConsoleAddress console,
    MigrationState migrations, TimeProvider time, ILogger<ScheduledReportsJob> logger) : PeriodicJob(migrations, time, logger)
{
    private sealed record Recipient(long StaffId, string OaId, string UserId, string Scope);

    public override string JobName => "scheduled-reports";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override bool Enabled => options.Value.Enabled;

    protected override bool RunsAtStart => true;

    protected override Task TickAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>Queues every report due now to the leaders who have not had it yet; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var calendar = await holidays.GetAsync(cancellationToken);
        var o = options.Value;
        var queued = 0;
        foreach (var report in ReportSchedule.Due(calendar, now, TimeOnly.FromTimeSpan(o.SendAt), o.CatchUp, o.Cadences()))
            queued += await SendAsync(report, now, cancellationToken);
        return queued;
    }

    private async Task<int> SendAsync(DueReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string recipientsSql = """
            select s.id as StaffId, s.zalo_oa_id as OaId, s.zalo_user_id as UserId, x.scope as Scope
            from staff s
            cross join lateral (
                select '' as scope where s.role = any(@provinceRoles)
                union all select s.agency_code where s.agency_head and s.agency_code is not null
            ) x
            where s.active and s.zalo_user_id is not null
              and not exists (select 1 from scheduled_report_deliveries d
                              where d.cadence = @cadence and d.period_start = @from and d.scope = x.scope and d.staff_id = s.id)
            order by s.id
            """;
        const string recordSql = """
            insert into scheduled_report_deliveries (cadence, period_start, scope, staff_id, period_end, queued_at)
            values (@cadence, @from, @scope, @staffId, @to, @now)
            on conflict do nothing
            """;
        var cadence = Name(report.Cadence);
        var from = report.From.ToDateTime(TimeOnly.MinValue);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var recipients = (await connection.QueryAsync<Recipient>(new CommandDefinition(recipientsSql,
            new { provinceRoles = new[] { StaffRole.Supervisor.ToName() }, cadence, from }, cancellationToken: cancellationToken))).AsList();
        if (recipients.Count == 0) return 0;

        var figures = await PeriodFigures.LoadAsync(connection, report.From, report.To, null, cancellationToken);
        var agencies = (await connection.QueryAsync<(string Code, string Name)>(new CommandDefinition("select code, name from agencies", cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Code, a => a.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var queued = 0;
        foreach (var r in recipients)
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(recordSql,
                new { cadence, from, scope = r.Scope, staffId = r.StaffId, to = report.To.ToDateTime(TimeOnly.MinValue), now }, transaction, cancellationToken: cancellationToken));
            // Another replica recorded it first: that one queues the message.
            if (inserted == 0) continue;
            var agency = r.Scope.Length == 0 ? null : r.Scope;
            var links = ReportLinks.For(console.BaseUrl, report.From, report.LastDay, agency);
            var text = ReportTexts.Summary(report, agency is null ? null : agencies.GetValueOrDefault(agency, agency), figures.For(agency), links.Page, links.Csv, links.Xlsx);
            var message = ZaloMessages.TextWithButtons(text, Uri.TryCreate(links.Page, UriKind.Absolute, out var page) ? [ZaloMessages.UrlButton("Xem báo cáo", page)] : []);
            await OutboxWriter.EnqueueAsync(connection, transaction,
                new OutboxMessage(new ZaloRecipient(r.OaId, r.UserId), message, $"report:{cadence}:{report.From:yyyy-MM-dd}:{r.Scope}:staff:{r.StaffId}", null), now, cancellationToken);
            queued++;
        }
        await transaction.CommitAsync(cancellationToken);
        if (queued == 0) return 0;
        outbox.Notify();
        LogQueued(Logger, cadence, report.From, queued);
        return queued;
    }

    private static string Name(ReportCadence cadence) => cadence == ReportCadence.Monthly ? "monthly" : "weekly";

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued the {Cadence} report of the period starting {From} to {Count} leaders")]
    private static partial void LogQueued(ILogger logger, string cadence, DateOnly from, int count);
}
