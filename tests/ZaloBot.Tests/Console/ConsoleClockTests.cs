using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>The queue at a glance: each ticket's nearest clock, its track and priority, in the console and in GET /api/tickets.</summary>
public class ConsoleClockTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_new_ticket_shows_its_first_response_clock_track_and_priority_in_the_queue_the_api_and_its_page()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var (code, _) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync(
                """
                update tickets set track = 'khieu_nai', priority = 'urgent', first_response_due_at = now() + interval '14 days',
                                   acceptance_due_at = now() + interval '20 days' where code = @code
                """, new { code });

        var page = await intake.GetHtmlAsync("/console?status=received&q=" + code);
        var row = Regex.Match(page, $"<tr data-code=\"{code}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        row.ShouldContain("data-clock=\"first_response\"");
        row.ShouldContain("Phản hồi đầu tiên: còn ");
        row.ShouldContain("giờ");
        row.ShouldContain("Khiếu nại");
        row.ShouldContain("badge urgent");
        row.ShouldContain("class=\"code\"");

        var api = await service.AsAsync(StaffRole.IntakeOfficer);
        var item = JsonNode.Parse(await api.GetStringAsync("/api/tickets?status=received&q=" + code))!["items"]!.AsArray().Single()!;
        item["track"]!.GetValue<string>().ShouldBe("khieu_nai");
        item["priority"]!.GetValue<string>().ShouldBe("urgent");
        item["clock"]!["kind"]!.GetValue<string>().ShouldBe("first_response");
        item["clock"]!["urgency"]!.GetValue<string>().ShouldBe("due-ok");
        item["clock"]!["text"]!.GetValue<string>().ShouldStartWith("Phản hồi đầu tiên: còn ");

        // The ticket's page: no "Hạn xử lý: Chưa có" beside the clocks; the case is named by its track.
        var ticket = await intake.GetHtmlAsync($"/console/tickets/{code}");
        ticket.ShouldNotContain("Hạn xử lý");
        ticket.ShouldContain("Thông tin khiếu nại");
        ticket.ShouldContain("data-clock=\"first_response\"");
    }

    [Fact]
    public async Task A_met_first_response_has_no_badge_and_the_resolution_clock_leads()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var (code, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set first_response_due_at = now() - interval '2 days' where code = @code", new { code });

        var ticket = await supervisor.GetHtmlAsync($"/console/tickets/{code}");
        ticket.ShouldNotContain("data-clock=\"first_response\"");
        ticket.ShouldNotContain("<span class=\"deadline due-ok\"></span>");
        ticket.ShouldContain("data-clock=\"resolution\"");
        (await supervisor.GetHtmlAsync("/console?status=assigned&q=" + code)).ShouldContain("Giải quyết: còn ");
        var api = await service.AsAsync(StaffRole.Supervisor);
        var item = JsonNode.Parse(await api.GetStringAsync("/api/tickets?status=assigned&q=" + code))!["items"]!.AsArray().Single()!;
        item["clock"]!["kind"]!.GetValue<string>().ShouldBe("resolution");
    }

    [Fact]
    public async Task The_header_names_the_agency_and_every_page_has_an_icon()
    {
        await service.StartReadyAsync();
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var page = await handler.GetHtmlAsync("/console");
        page.ShouldContain("· Sở Xây dựng</span>");
        page.ShouldContain("rel=\"icon\"");
        var icon = await handler.Http.GetAsync("/favicon.ico");
        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }
}
