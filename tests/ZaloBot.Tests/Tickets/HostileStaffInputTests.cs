using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Tickets;

/// <summary>Regression tests for hostile input on the staff API (docs/reliability.md): text PostgreSQL cannot store is a 400 that changed nothing, never a 500.</summary>
public class HostileStaffInputTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("q")]
    [InlineData("centre")]
    [InlineData("category")]
    [InlineData("agency")]
    public async Task NUL_in_a_ticket_queue_query_value_gets_400_naming_the_field(string parameter)
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);

        var response = await supervisor.GetAsync($"/api/tickets?{parameter}=a%00b");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
        problem.GetProperty("title").GetString().ShouldBe("Invalid characters");
    }

    [Fact]
    public async Task NUL_in_a_holidays_name_gets_400_and_nothing_is_written()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);

        var response = await admin.PutAsJsonAsync("/api/holidays/2031-01-02", new { name = "Nghỉ\0 bù" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("update.name", out _).ShouldBeTrue();
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from holidays where day = '2031-01-02'")).ShouldBe(0);
    }

    [Fact]
    public async Task Lone_surrogate_in_a_json_body_gets_400()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        using var content = new StringContent("""{"name":"Nghỉ \ud800"}""", Encoding.UTF8, "application/json");

        (await admin.PutAsync("/api/holidays/2031-01-03", content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("SỞ-GTVT")]
    [InlineData("UBND TS")]
    [InlineData("-X")]
    public async Task Agency_with_a_bad_code_gets_400_and_no_row(string code)
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);

        var response = await admin.PostAsJsonAsync("/api/agencies", new { code, name = "Sở Giao thông vận tải", kind = "department", active = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from agencies where code = @code", new { code })).ShouldBe(0);
    }

    [Fact]
    public async Task Agency_with_a_NUL_in_its_name_gets_400_and_no_row()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);

        var response = await admin.PostAsJsonAsync("/api/agencies", new { code = "SNUL", name = "Sở\0 X", kind = "department", active = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from agencies where code = 'SNUL'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_valid_agency_gets_an_escaped_location()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);

        var response = await admin.PostAsJsonAsync("/api/agencies", new { code = "S.GT_VT-2", name = "Sở Giao thông vận tải", kind = "department", active = true });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe("/api/agencies/S.GT_VT-2");
    }

    [Fact]
    public async Task NUL_in_a_reply_or_staff_name_gets_400()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var (code, _) = await service.SeedTicketAsync();

        (await admin.PostAsJsonAsync($"/api/tickets/{code}/notes", new { text = "ghi chú\0" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/staff", new { name = "Cán bộ\0", role = "supervisor" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/staff/1/tokens", new { days = 5, label = "x\0" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
