using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.NationalSync;

/// <summary>The read endpoints added for reaching citizens: the national export and the delivery report refuse bad input with 4xx, never 500.</summary>
public class ReachReportEndpointTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("/api/national-sync/export")]
    [InlineData("/api/reports/delivery")]
    public async Task Malformed_oversized_and_forged_requests_are_refused(string path)
    {
        var client = await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");

        (await supervisor.GetAsync(path + "?from=2026-02-30")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.GetAsync(path + "?from=2026-12-01&to=2026-11-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.GetAsync(path + "?from=" + new string('9', 5000))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await handler.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_export_gives_national_scope_tickets_in_the_national_field_names_as_json_and_csv()
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, _) = await service.SeedTicketAsync(category: "INFRA");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update categories set national_scope = true where code = 'INFRA'");

        var json = await supervisor.GetFromJsonAsync<JsonElement>("/api/national-sync/export");
        var row = json.EnumerateArray().Single(r => r.GetProperty("HOIDAPID").GetString() == code);
        row.GetProperty("MALINHVUC").GetString().ShouldBe("INFRA");
        row.GetProperty("NOIDUNG").GetString()!.ShouldContain("Cống thoát nước");
        (await supervisor.GetAsync("/api/national-sync/export?format=xml")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var csv = await supervisor.GetStringAsync("/api/national-sync/export?format=csv");
        csv.ShouldStartWith("HOIDAPID,MALINHVUC,NOIDUNG,MADONVI,TENDONVI,HOVATEN,THUDIENTU,TRANGTHAI,TRALOIID,NOIDUNGTRALOI");
        csv.ShouldContain($"\"{code}\"");
    }
}
