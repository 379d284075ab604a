using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>/console/map: open tickets with a location, the queue's filters and scope, never a denouncer's place.</summary>
public class ConsoleMapTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Located_open_tickets_are_on_the_map_within_the_staff_members_scope_and_a_to_cao_is_not()
    {
        await service.StartReadyAsync();
        var (located, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var (elsewhere, _) = await service.SeedTicketAsync("assigned", agency: "SYT");
        var (closed, _) = await service.SeedTicketAsync("closed", agency: "SXD");
        var (denounced, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var (unplaced, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set latitude = 21.18, longitude = 106.07 where code = any(@codes)",
                new { codes = new[] { located, elsewhere, closed, denounced } });
            await connection.ExecuteAsync("update tickets set track = 'to_cao' where code = @denounced", new { denounced });
            // A place nobody can find: no location, no ward, an address in no list.
            await connection.ExecuteAsync("update tickets set address = 'sau nhà bác Tư' where code = @unplaced", new { unplaced });
        }

        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var map = await handler.GetHtmlAsync("/console/map");
        map.ShouldContain($"<li data-code=\"{located}\">");
        map.ShouldNotContain(elsewhere);
        map.ShouldNotContain(closed);
        map.ShouldNotContain(unplaced);
        map.ShouldNotContain($"<li data-code=\"{denounced}\">");
        map.ShouldContain("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"");

        (await handler.GetHtmlAsync("/console/map?status=closed&due=whenever&category=%00")).ShouldContain("Bản đồ phiếu đang mở");
        (await handler.GetHtmlAsync($"/console/tickets/{located}")).ShouldContain("class=\"mini-map\"");
        (await handler.GetHtmlAsync($"/console/tickets/{unplaced}")).ShouldNotContain("class=\"mini-map\"");
        var leaflet = await handler.Http.GetAsync("/console/assets/leaflet.js");
        leaflet.EnsureSuccessStatusCode();
        (await leaflet.Content.ReadAsStringAsync()).ShouldStartWith("/* @preserve\n * Leaflet 1.9.4");
    }

    [Fact]
    public async Task A_typed_place_is_geocoded_against_the_provinces_own_list_and_marked_as_an_estimate()
    {
        await service.StartReadyAsync();
        var (street, _) = await service.SeedTicketAsync("assigned", agency: "UBND-VN");
        var (ward, _) = await service.SeedTicketAsync("assigned", agency: "UBND-VN");
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set address = 'so 5 duong KINH DUONG VUONG gan cho' where code = @street", new { street });
            await connection.ExecuteAsync("update tickets set address = 'ngo nho sau nha van hoa', area_code = 'VUNINH' where code = @ward", new { ward });
        }

        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-VN");
        var map = await handler.GetHtmlAsync("/console/map");
        map.ShouldContain($"<li data-code=\"{street}\">");
        map.ShouldContain("vị trí ước tính theo địa chỉ: Kinh Dương Vương");
        map.ShouldContain($"<li data-code=\"{ward}\">");
        map.ShouldContain("vị trí ước tính: trung tâm Phường Vũ Ninh");
        map.ShouldContain("2 vị trí ước tính theo địa chỉ đã nhập");

        var page = await handler.GetHtmlAsync($"/console/tickets/{street}");
        page.ShouldContain("data-estimated=\"true\"");
        page.ShouldContain("data-lat=\"21.193\"");
        page.ShouldContain("leaflet.js");
    }
}
