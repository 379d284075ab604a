using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Tickets;

public class OrganisationAndReportTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Admins_edit_holidays_categories_and_agencies_and_others_cannot()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);

        (await intake.PutAsJsonAsync("/api/holidays/2026-12-31", new { name = "Nghỉ cuối năm" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PutAsJsonAsync("/api/holidays/31-12-2026", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/holidays/2026-12-31", new { name = "Nghỉ cuối năm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var holidays = await intake.GetFromJsonAsync<JsonElement>("/api/holidays?year=2026");
        holidays.EnumerateArray().ShouldContain(h => h.GetProperty("day").GetString() == "2026-12-31");
        (await admin.DeleteAsync("/api/holidays/2026-12-31")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync("/api/holidays/2026-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "NOPE", deadlineWorkingDays = 5 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/categories/NOPE", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 5 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 15 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var categories = await intake.GetFromJsonAsync<JsonElement>("/api/categories");
        var other = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "OTHER");
        other.GetProperty("deadlineWorkingDays").GetInt32().ShouldBe(15);
        other.GetProperty("nationalScope").GetBoolean().ShouldBeFalse();
        // The national PAKN scope is switched on per category, and an update that leaves it out keeps it.
        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 15, nationalScope = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 15 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        categories = await intake.GetFromJsonAsync<JsonElement>("/api/categories");
        categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "OTHER").GetProperty("nationalScope").GetBoolean().ShouldBeTrue();
        (await admin.PutAsJsonAsync("/api/categories/OTHER", new { name = "Khác", defaultAgencyCode = "VPUB", deadlineWorkingDays = 15, nationalScope = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsJsonAsync("/api/agencies", new { code = "SGTVT", name = "Sở Giao thông vận tải", kind = "department", active = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/agencies", new { code = "SGTVT", name = "Trùng", kind = "department", active = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/agencies", new { code = "X", name = "X", kind = "planet", active = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_new_holiday_moves_the_deadline_set_at_acceptance()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var (before, _) = await service.SeedTicketAsync(category: "BIZ_TRANSPORT");
        var (after, _) = await service.SeedTicketAsync(category: "BIZ_TRANSPORT");

        var dueBefore = (await (await admin.PostAsync($"/api/tickets/{before}/accept", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueAt").GetDateTime();
        // Three holidays right after today: the same 5 working days now end later.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        for (var d = 1; d <= 3; d++) await admin.PutAsJsonAsync($"/api/holidays/{today.AddDays(d):yyyy-MM-dd}", new { name = "Nghỉ thử" });
        var dueAfter = (await (await admin.PostAsync($"/api/tickets/{after}/accept", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueAt").GetDateTime();
        for (var d = 1; d <= 3; d++) await admin.DeleteAsync($"/api/holidays/{today.AddDays(d):yyyy-MM-dd}");

        dueAfter.ShouldBeGreaterThan(dueBefore);
    }

    [Fact]
    public async Task Reports_count_and_measure_as_json_and_csv()
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (onTime, _) = await service.SeedTicketAsync("resolved", "SXD", centre: "BN01");
        var (late, _) = await service.SeedTicketAsync("resolved", "SXD", centre: "BN01");
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set due_at = now() + interval '1 day', resolved_at = now(), rating = 5 where code = @onTime", new { onTime });
            await connection.ExecuteAsync("update tickets set due_at = now() - interval '1 day', resolved_at = now(), rating = 2 where code = @late", new { late });
        }
        var window = $"from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}";

        (await intake.GetAsync("/api/reports/tickets")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync("/api/reports/tickets?from=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.GetAsync("/api/reports/tickets?from=2026-02-01&to=2026-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/reports/tickets?" + window);
        report.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
        report.GetProperty("counts").EnumerateArray()
            .ShouldContain(r => r.GetProperty("dimension").GetString() == "centre" && r.GetProperty("key").GetString() == "BN01" && r.GetProperty("count").GetInt64() >= 2);
        report.GetProperty("onTimeRate").GetDouble().ShouldBeInRange(0.01, 0.99);
        report.GetProperty("averageRating").GetDouble().ShouldBeInRange(2, 5);

        var csv = await supervisor.GetAsync("/api/reports/tickets?format=csv&" + window);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldStartWith("dimension,key,value\n");
        text.ShouldContain("centre,BN01,");
    }
}
