using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.StaffConsole;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

public class ConsoleQueueTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task AddCitizenMessageAsync(string code, string text)
    {
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync(
            """
            insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body)
            select id, now(), 'citizen', citizen_zalo_id, 'citizen_message', true, @text from tickets where code = @code
            """, new { code, text });
    }

    [Fact]
    public async Task The_queue_shows_tabs_with_counts_rows_with_names_and_deadlines_and_filters()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var (infra, _) = await service.SeedTicketAsync("assigned", agency: "SXD", category: "INFRA", centre: "BN02");
        var (vaccine, _) = await service.SeedTicketAsync("assigned", agency: "SYT", category: "BIZ_VACCINE");
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set due_at = now() - interval '3 days' where code = @vaccine", new { vaccine });
            await connection.ExecuteAsync("update tickets set description = 'Đèn đường hỏng\nđã ba hôm' where code = @infra", new { infra });
        }

        var page = await supervisor.GetHtmlAsync("/console?status=assigned");
        page.ShouldContain(infra);
        page.ShouldContain(vaccine);
        page.ShouldContain("Đèn đường hỏng");
        page.ShouldNotContain("đã ba hôm"); // first line only
        page.ShouldContain("Bộ phận Một cửa phường Kinh Bắc");
        page.ShouldContain("Sở Xây dựng");
        page.ShouldContain("deadline overdue");
        int.Parse(System.Text.RegularExpressions.Regex.Match(page, "Đã giao xử lý <span class=\"count\">([0-9]+)</span>").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);

        var byCategory = await supervisor.GetHtmlAsync("/console?status=assigned&category=BIZ_VACCINE");
        byCategory.ShouldContain(vaccine);
        byCategory.ShouldNotContain(infra);
        var overdue = await supervisor.GetHtmlAsync("/console?status=assigned&due=overdue");
        overdue.ShouldContain(vaccine);
        overdue.ShouldNotContain(infra);
        var byCentre = await supervisor.GetHtmlAsync("/console?status=assigned&centre=BN02");
        byCentre.ShouldContain(infra);
        byCentre.ShouldNotContain(vaccine);
        var byText = await supervisor.GetHtmlAsync("/console?status=assigned&q=" + Uri.EscapeDataString("đèn đường"));
        byText.ShouldContain(infra);
        byText.ShouldNotContain(vaccine);
        (await supervisor.GetHtmlAsync($"/console?status=assigned&q={infra}")).ShouldContain(infra);
    }

    [Fact]
    public async Task Could_not_reach_the_citizen_lists_tickets_no_channel_reached()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var (reachable, _) = await service.SeedTicketAsync();
        var (unreachable, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            // What the dispatcher records when neither a message nor a template reached the citizen.
            await connection.ExecuteAsync(
                "update tickets set citizen_unreachable_at = now(), citizen_unreachable_reason = 'outside Zalo''s 7-day window; no ZBS template for ''accepted''' where code = @unreachable",
                new { unreachable });

        var page = await intake.GetHtmlAsync("/console?status=received&unreachable=1");

        page.ShouldContain(unreachable);
        page.ShouldNotContain(reachable);
        // The ticket itself says so, with the reason, so the officer knows to call instead.
        (await intake.GetHtmlAsync($"/console/tickets/{unreachable}")).ShouldContain("Không liên lạc được với công dân qua Zalo");
    }

    [Fact]
    public async Task Pages_follow_one_another_by_keyset_without_repeats()
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var codes = new List<string>();
        for (var i = 0; i < 53; i++) codes.Add((await service.SeedTicketAsync("in_progress", agency: "STC", category: "BIZ_POLICY")).Code);

        var first = await admin.GetHtmlAsync("/console?status=in_progress&agency=STC");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]*after=[0-9]+)\"").Groups[1].Value;
        next.ShouldNotBeEmpty();
        var second = await admin.GetHtmlAsync(System.Net.WebUtility.HtmlDecode(next));

        var onFirst = codes.Where(c => first.Contains(c, StringComparison.Ordinal)).ToList();
        var onSecond = codes.Where(c => second.Contains(c, StringComparison.Ordinal)).ToList();
        onFirst.Count.ShouldBe(50);
        onSecond.Count.ShouldBe(3);
        onFirst.Intersect(onSecond).ShouldBeEmpty();
        second.ShouldNotContain("Trang sau");
    }

    [Theory]
    [InlineData("/console?status=bogus")]
    [InlineData("/console?after=-5&due=whenever&category=%00&q=%25%25%25")]
    [InlineData("/console?after=99999999999999999999999")]
    public async Task Odd_queue_addresses_still_show_a_queue(string url)
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        (await intake.GetHtmlAsync(url)).ShouldContain("Mới tiếp nhận");
    }

    [Fact]
    public async Task New_tickets_and_follow_ups_are_pushed_live_only_to_staff_who_may_see_them()
    {
        await service.StartReadyAsync();
        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SNV");
        var (other, _) = await service.SeedTicketAsync("assigned", agency: "SYT");
        var (own, _) = await service.SeedTicketAsync("assigned", agency: "SNV");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await handler.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe("retry: 3000");

        await AddCitizenMessageAsync(other, "Bổ sung ảnh");
        await AddCitizenMessageAsync(own, "Bổ sung ảnh");

        string? data = null;
        while (data is null)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("data: ", StringComparison.Ordinal) == true) data = line;
        }
        data.ShouldContain(own);
        data.ShouldContain("citizen_message");
        data.ShouldNotContain(other);
    }

    [Fact]
    public async Task An_open_live_stream_ends_when_its_session_is_ended_on_the_server()
    {
        await service.StartReadyAsync();
        var (account, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.IntakeOfficer);
        var officer = ConsoleClient.For(service);
        (await officer.SignInAsync(login, ConsoleClient.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await officer.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // a bound: the stream checks at each 20 s heartbeat
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe("retry: 3000");

        (await service.Services.GetRequiredService<ConsoleSessions>().EndAllAsync(account.Id, SessionEndReasons.EndedByAdmin, timeout.Token)).ShouldBe(1);

        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line) lines.Add(line);
        lines.ShouldNotContain(": keep-alive", "a dead session's stream is closed at its first heartbeat, not kept alive");
        (await officer.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/console/events"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_live_stream_needs_a_console_session()
    {
        await service.StartReadyAsync();
        var anonymous = ConsoleClient.For(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        (await anonymous.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
