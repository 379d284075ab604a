using System.IO.Compression;
using System.Net;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Reports;

public class ConsoleReportsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_period_figures_count_received_on_time_overdue_reopened_and_satisfaction_per_track()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var resolved = TicketStatus.Resolved.ToName();
        await using (var connection = service.Database.Open())
        {
            async Task<string> TicketAsync(string track, string status)
            {
                var (code, _) = await service.SeedTicketAsync(status, agency: "SNV");
                await connection.ExecuteAsync("update tickets set track = @track, created_at = '2026-03-02 10:00+07' where code = @code", new { track, code });
                return code;
            }
            var onTime = await TicketAsync("pakn", resolved);
            var late = await TicketAsync("pakn", resolved);
            var reopened = await TicketAsync("khieu_nai", TicketStatus.InProgress.ToName());
            var open = await TicketAsync("to_cao", TicketStatus.Assigned.ToName());
            await connection.ExecuteAsync(
                """
                update tickets set resolved_at = '2026-03-05 10:00+07', due_at = '2026-03-06 17:00+07', rating = 5 where code = @onTime;
                update tickets set resolved_at = '2026-03-10 10:00+07', due_at = '2026-03-06 17:00+07', rating = 2 where code = @late;
                update tickets set due_at = '2026-04-20 17:00+07' where code = @reopened;
                update tickets set due_at = '2026-03-09 17:00+07' where code = @open;
                insert into ticket_events (ticket_id, at, actor_kind, kind, is_public)
                select id, '2026-03-12 09:00+07', 'citizen', 'citizen_reopened', false from tickets where code = @reopened;
                """, new { onTime, late, reopened, open });
        }

        var csv = await (await supervisor.Http.GetAsync("/console/reports?handler=Csv&from=2026-03-01&to=2026-03-31&agency=SNV")).Content.ReadAsStringAsync();

        // Received, resolved, on time, rate, overdue (one resolved late, one tố cáo past due and running), reopened, median hours, rating, ratings.
        csv.ShouldContain("Sở Nội vụ,Tất cả,4,2,1,0.5,2,1,");
        csv.ShouldContain("Sở Nội vụ,\"phản ánh, kiến nghị\",2,2,1,0.5,1,0,");
        csv.ShouldContain(",3.5,2\n");
        csv.ShouldContain("Sở Nội vụ,khiếu nại,1,0,0,,0,1,,,0");
        csv.ShouldContain("Sở Nội vụ,tố cáo,1,0,0,,1,0,,,0");
        csv.ShouldNotContain("Toàn tỉnh");
        var page = await supervisor.GetHtmlAsync("/console/reports?from=2026-03-01&to=2026-03-31&agency=SNV");
        page.ShouldContain("Sở Nội vụ: đơn từ 01/03/2026 đến 31/03/2026");
        page.ShouldNotContain("Xếp hạng cơ quan");
        (await supervisor.GetHtmlAsync("/console/reports?from=2026-03-01&to=2026-03-31")).ShouldContain("Xếp hạng cơ quan");
    }

    [Fact]
    public async Task The_excel_file_is_a_workbook_of_the_figures_and_the_counts()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        await service.SeedTicketAsync("assigned", agency: "SYT");

        var response = await supervisor.Http.GetAsync("/console/reports?handler=Xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ShouldBe(2);
        var text = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        text.ShouldContain("Sở Y tế");
        text.ShouldContain("Giải quyết đúng hạn");
        text.ShouldContain("tố cáo");
    }

    [Fact]
    public async Task An_agency_head_sees_only_their_agency_and_other_agency_staff_are_refused()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var (head, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.AgencyHandler, "UBND-VC");
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-VC");

        // The admin marks the head on the staff page (audited); a head needs an agency.
        var marked = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=Update",
            new() { ["id"] = head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "agency_handler", ["agency"] = "UBND-VC", ["active"] = "1", ["agencyHead"] = "1" });
        marked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await admin.PostFormAsync("/console/admin/staff", "/console/admin/staff?handler=Update",
            new() { ["id"] = head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "supervisor", ["agency"] = "", ["active"] = "1", ["agencyHead"] = "1" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Lãnh đạo cơ quan cần có cơ quan.");
        await using (var connection = service.Database.Open())
            (await connection.ExecuteScalarAsync<bool>("select agency_head from staff where id = @id", new { id = head.Id })).ShouldBeTrue();

        var asHead = ConsoleClient.For(service);
        (await asHead.SignInAsync(login, ConsoleClient.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Another agency in the address (forged, or a supervisor's link forwarded) still shows the head's own agency.
        var page = await asHead.GetHtmlAsync("/console/reports?agency=SXD");
        page.ShouldContain("UBND phường Võ Cường: đơn từ");
        page.ShouldNotContain("id=\"agency\"");
        (await asHead.Http.GetAsync("/console/reports?handler=Xlsx&agency=SXD")).Content.Headers.ContentDisposition!.FileName!.ShouldContain("ubnd-vc");

        (await handler.Http.GetAsync("/console/reports")).Headers.Location!.ToString().ShouldContain("/console/forbidden");
        (await handler.Http.GetAsync("/console/reports?handler=Csv")).Headers.Location!.ToString().ShouldContain("/console/forbidden");
    }

    [Fact]
    public async Task Unknown_oversized_and_repeated_agencies_are_a_400_or_ignored_never_a_500()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);

        (await supervisor.GetHtmlAsync("/console/reports?agency=NOPE", HttpStatusCode.BadRequest)).ShouldContain("Không có cơ quan này");
        (await supervisor.GetHtmlAsync("/console/reports?agency=" + new string('A', 5000), HttpStatusCode.BadRequest)).ShouldContain("Không có cơ quan này");
        (await supervisor.GetHtmlAsync("/console/reports?agency=SXD&agency=SYT")).ShouldContain("Sở Xây dựng: đơn từ");
        (await supervisor.Http.GetAsync("/console/reports?handler=Xlsx&from=2026-02-30")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
