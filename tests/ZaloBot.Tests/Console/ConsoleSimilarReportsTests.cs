using System.Net;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.Open311;

namespace ZaloBot.Tests.StaffConsole;

public class ConsoleSimilarReportsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Staff_see_a_tickets_similar_reports_in_the_console_and_link_it_as_a_duplicate()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var main = await service.TicketAsync(description: "Cây xanh đổ chắn ngang đường Lê Thái Tông sau bão", area: "TUSON", lat: null, lng: null);
        var copy = await service.TicketAsync(description: "Cây xanh bị đổ chắn ngang đường Lê Thái Tông sau cơn bão", area: "TUSON", lat: null, lng: null);

        (await intake.GetHtmlAsync($"/console/tickets/{copy.Code}")).ShouldContain($"/console/tickets/{copy.Code}/similar");
        var page = await intake.GetHtmlAsync($"/console/tickets/{copy.Code}/similar");
        page.ShouldContain(main.Code);
        page.ShouldContain($"Gộp {copy.Code} vào phiếu này");

        var linked = await intake.PostFormAsync($"/console/tickets/{copy.Code}/similar", $"/console/tickets/{copy.Code}/similar?handler=Link",
            new Dictionary<string, string> { ["mainCode"] = main.Code });
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var connection = service.Database.Open();
        (await connection.QuerySingleAsync<(string Status, long? DuplicateOf)>("select status, duplicate_of from tickets where code = @c", new { c = copy.Code }))
            .ShouldBe(("closed", main.Id));

        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        (await handler.GetHtmlAsync($"/console/tickets/{main.Code}/similar", HttpStatusCode.NotFound)).ShouldNotContain(copy.Code);
    }
}
