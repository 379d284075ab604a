using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.ServiceCentres;
using ZaloBot.ServiceCentres;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.ServiceCentres;

/// <summary>Signed centre codes through the real webhook, engine and database: attributed once, never when forged.</summary>
public class CentreLinkTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewUser() => "c" + Guid.NewGuid().ToString("N")[..10];

    private static readonly string[] Complaint =
        ["Gửi phản ánh", "1", "Hồ sơ đất đai nộp quá hạn 3 tuần chưa có kết quả", "Bộ phận một cửa phường Kinh Bắc", "xong", "Phạm Dũng 0912345678", "gửi"];

    private async Task SayAsync(string user, params string[] texts)
    {
        var client = await service.StartReadyAsync();
        foreach (var text in texts)
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
    }

    private string Signed(string centre, string source = CentreSources.MiniApp) =>
        service.Services.GetRequiredService<CentreLinkSigner>().Message(centre, source);

    [Fact]
    public async Task A_signed_code_attributes_the_ticket_and_records_how_the_centre_was_known()
    {
        await service.StartReadyAsync();
        var user = NewUser();

        await SayAsync(user, [Signed("BN01"), .. Complaint]);

        (await Rows.OutboxAsync(service.Database, user)).First().Text.ShouldContain("Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh");
        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();
        (ticket.ServiceCentreCode, ticket.ServiceCentreSource).ShouldBe(("BN01", CentreSources.MiniApp));
    }

    [Fact]
    public async Task Staff_see_how_the_centre_was_known_in_the_api_and_on_the_ticket_page()
    {
        await service.StartReadyAsync();
        var (signed, typed) = (NewUser(), NewUser());
        await SayAsync(signed, [Signed("BN01", CentreSources.LandingPage), .. Complaint]);
        await SayAsync(typed, ["TT BN02", .. Complaint]);
        var signedCode = (await Rows.TicketsAsync(service.Database, signed)).ShouldHaveSingleItem().Code;
        var typedCode = (await Rows.TicketsAsync(service.Database, typed)).ShouldHaveSingleItem().Code;

        var api = await service.AsAsync(StaffRole.Supervisor);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/tickets/{signedCode}");
        view.GetProperty("ticket").GetProperty("serviceCentreSource").GetString().ShouldBe(CentreSources.LandingPage);

        var console = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        (await console.GetHtmlAsync($"/console/tickets/{signedCode}")).ShouldContain("(qua trang mã QR)");
        (await console.GetHtmlAsync($"/console/tickets/{typedCode}")).ShouldContain("(qua mã gõ tay)");
    }

    [Fact]
    public async Task A_reused_code_attributes_nothing_the_second_time()
    {
        await service.StartReadyAsync();
        var (first, second) = (NewUser(), NewUser());
        var message = Signed("BN02", CentreSources.LandingPage);

        await SayAsync(first, [message, .. Complaint]);
        await SayAsync(second, [message, .. Complaint]);

        (await Rows.TicketsAsync(service.Database, first)).ShouldHaveSingleItem().ServiceCentreSource.ShouldBe(CentreSources.LandingPage);
        (await Rows.OutboxAsync(service.Database, second)).First().Text.ShouldContain("đã được dùng");
        var copied = (await Rows.TicketsAsync(service.Database, second)).ShouldHaveSingleItem();
        (copied.ServiceCentreCode, copied.ServiceCentreSource).ShouldBe((null, null));
    }

    [Fact]
    public async Task A_forged_code_or_one_moved_to_another_centre_attributes_nothing()
    {
        await service.StartReadyAsync();
        var (forger, mover) = (NewUser(), NewUser());
        var genuine = Signed("BN01");

        await SayAsync(forger, ["#TT-BN01.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA Xin chào", .. Complaint]);
        await SayAsync(mover, [genuine.Replace("#TT-BN01.", "#TT-BN02.", StringComparison.Ordinal), .. Complaint]);

        foreach (var user in new[] { forger, mover })
        {
            (await Rows.OutboxAsync(service.Database, user)).First().Text.ShouldContain("hết hạn hoặc đã được dùng");
            (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem().ServiceCentreCode.ShouldBeNull();
        }
    }

    [Fact]
    public async Task The_landing_page_copies_a_signed_code_and_the_poster_code_stays_typed()
    {
        await service.StartReadyAsync();
        var page = await service.CreateClient().GetStringAsync("/c/BN02");
        var copy = System.Text.RegularExpressions.Regex.Match(page, "data-copy=\"([^\"]+)\"").Groups[1].Value;
        CentreLinks.TryRead(System.Net.WebUtility.HtmlDecode(copy), out var link).ShouldBeTrue();
        link.CentreCode.ShouldBe("BN02");

        var user = NewUser();
        await SayAsync(user, ["TT BN02", .. Complaint]);
        (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem().ServiceCentreSource.ShouldBe(CentreSources.TypedCode);
    }
}
