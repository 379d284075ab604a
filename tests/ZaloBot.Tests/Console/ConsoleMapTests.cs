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
}
