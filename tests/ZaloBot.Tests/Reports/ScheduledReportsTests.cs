using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Domain.Tickets;
using ZaloBot.Reports;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Reports;

/// <summary>
/// The service with the scheduled reports on, a clock the tests move, and the Zalo simulator as a real HTTP server.
/// The clock starts on a Thursday evening of the week after the wall clock's, Vietnam time, so the next Monday
/// 07:30 is never more than a few days ahead (the simulator's messaging window runs on the wall clock).
/// </summary>
public sealed class ScheduledReportsService : OutboxService
{
    public FakeTimeProvider Clock { get; } = new(NextThursdayEvening());

    public ScheduledReportsService()
    {
        WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        With("Reports:Scheduled:Enabled", "true");
        With("Reports:Scheduled:Interval", "00:01:00");
        With("Console:PublicBaseUrl", "https://pakn.example.gov.vn");
    }

    /// <summary>Moves the clock forward to the next given weekday and time in Hà Nội.</summary>
    public DateTimeOffset MoveToHanoi(DayOfWeek day, int hour, int minute)
    {
        var local = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var at = new DateTimeOffset(local.Date, local.Offset).AddHours(hour).AddMinutes(minute);
        while (at.DayOfWeek != day || at <= local) at = at.AddDays(1);
        Clock.SetUtcNow(at.ToUniversalTime());
        return at;
    }

    private static DateTimeOffset NextThursdayEvening()
    {
        var local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var at = new DateTimeOffset(local.Date, local.Offset).AddHours(18);
        while (at.DayOfWeek != DayOfWeek.Thursday || at <= local) at = at.AddDays(1);
        return at.ToUniversalTime();
    }
}

public class ScheduledReportsTests(ScheduledReportsService service) : IClassFixture<ScheduledReportsService>
{
    [Fact]
    public async Task The_weekly_report_reaches_a_leader_in_Zalo_on_monday_at_half_past_seven_and_only_once()
    {
        await service.StartReadyAsync();
        // No working-day holiday may move this Monday's report in the seeded calendar: the test picks its own week.
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("delete from holidays");
        var supervisor = await LinkedLeaderAsync(StaffRole.Supervisor, agency: null, head: false);
        var head = await LinkedLeaderAsync(StaffRole.AgencyHandler, agency: "SXD", head: true);
        var handler = await LinkedLeaderAsync(StaffRole.AgencyHandler, agency: "SXD", head: false);

        // During the week: an assigned ticket of the Sở Xây dựng, and a khiếu nại for the intake.
        service.MoveToHanoi(DayOfWeek.Friday, 9, 0);
        var (code, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var (complaint, _) = await service.SeedTicketAsync();
        var friday = service.Clock.GetUtcNow();
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set created_at = @friday, updated_at = @friday where code in (@code, @complaint)", new { friday, code, complaint });
            await connection.ExecuteAsync("update tickets set track = 'khieu_nai' where code = @complaint", new { complaint });
        }

        // Sunday night and a minute before the time: nothing.
        service.MoveToHanoi(DayOfWeek.Sunday, 23, 0);
        var monday = service.MoveToHanoi(DayOfWeek.Monday, 7, 29);
        var job = service.Services.GetRequiredService<ScheduledReportsJob>();
        (await job.SendDueAsync(CancellationToken.None)).ShouldBe(0);

        // At 07:30 the job's own tick queues it (the periodic timer runs on the test's clock) and Zalo delivers it.
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliveredAsync(supervisor);
        await DeliveredAsync(head);
        var weekStart = DateOnly.FromDateTime(monday.Date).AddDays(-7);
        var lastDay = weekStart.AddDays(6);

        var toSupervisor = Reports(supervisor).ShouldHaveSingleItem();
        toSupervisor.ShouldStartWith($"📊 Báo cáo tuần {weekStart:dd/MM}–{lastDay:dd/MM/yyyy} — toàn tỉnh");
        toSupervisor.ShouldContain("Tiếp nhận: 2");
        toSupervisor.ShouldContain("- Phản ánh, kiến nghị: nhận 1");
        toSupervisor.ShouldContain("- Khiếu nại: nhận 1");
        toSupervisor.ShouldContain($"https://pakn.example.gov.vn/console/reports?from={weekStart:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}&handler=Xlsx");

        var toHead = Reports(head).ShouldHaveSingleItem();
        toHead.ShouldContain("— Sở Xây dựng");
        toHead.ShouldContain("Tiếp nhận: 1");
        toHead.ShouldNotContain("Khiếu nại");
        toHead.ShouldContain($"/console/reports?from={weekStart:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}&agency=SXD");
        // Staff of the agency who are not its head get no report.
        Reports(handler).ShouldBeEmpty();

        // Later ticks and two runs racing (as two replicas, or a restarted service, would run it) add nothing: the record is in the database.
        service.Clock.Advance(TimeSpan.FromMinutes(30));
        (await Task.WhenAll(job.SendDueAsync(CancellationToken.None), job.SendDueAsync(CancellationToken.None))).Sum().ShouldBe(0);
        await using (var connection = service.Database.Open())
        {
            (await connection.ExecuteScalarAsync<long>("select count(*) from scheduled_report_deliveries where cadence = 'weekly'")).ShouldBe(2);
            (await connection.ExecuteScalarAsync<long>("select count(*) from outbox where idempotency_key like 'report:weekly:%'")).ShouldBe(2);
        }
        Reports(supervisor).Count.ShouldBe(1);
        Reports(head).Count.ShouldBe(1);
    }

    /// <summary>The reports Zalo delivered to a leader (staff pushes such as due-date reminders reach them too).</summary>
    private List<string> Reports(string zaloId) => service.Simulator.State.SentTo(zaloId)
        .Select(e => e.Content["text"]?.GetValue<string>() ?? "").Where(t => t.StartsWith("📊 Báo cáo", StringComparison.Ordinal)).ToList();

    private Task DeliveredAsync(string zaloId) =>
        Eventually.TrueAsync(() => Task.FromResult(Reports(zaloId).Count > 0), $"the report to reach {zaloId} in Zalo");

    private async Task<string> LinkedLeaderAsync(StaffRole role, string? agency, bool head)
    {
        var zaloId = "leader-" + Guid.NewGuid().ToString("N")[..10];
        // The leader wrote to the OA recently (Zalo delivers proactive messages only then).
        service.Simulator.State.RegisterInbound(zaloId, "m-" + Guid.NewGuid().ToString("N"));
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync(
            """
            insert into staff (name, role, agency_code, agency_head, zalo_oa_id, zalo_user_id, created_at) values (@name, @role, @agency, @head, @oa, @zaloId, now());
            insert into zalo_users (oa_id, user_id, last_interaction_at) values (@oa, @zaloId, @now);
            """, new { name = "Lãnh đạo " + zaloId, role = role.ToName(), agency, head, oa = ServiceFactory.OaId, zaloId, now = service.Clock.GetUtcNow() });
        return zaloId;
    }
}
