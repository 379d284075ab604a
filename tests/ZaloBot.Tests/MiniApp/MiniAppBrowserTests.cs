using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ZaloBot.Domain.ServiceCentres;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.MiniApp;

/// <summary>
/// The Mini App's browser preview (scripts/miniapp.sh preview: zmp-sdk swapped for a stub that plays Zalo through the
/// simulator) served from its own loopback origin, the service on a real Kestrel port allowing that origin, and the
/// simulator's chat page standing in for Zalo's chat.
/// </summary>
public sealed class MiniAppBrowserService : ServiceFactory
{
    private SimulatorServer? _simulator;
    private WebApplication? _preview;
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "zalobot-miniapp-" + Guid.NewGuid().ToString("N"));

    public MiniAppBrowserService()
    {
        UseKestrel(0);
        With("Console:SecureCookies", "false");
    }

    public SimulatorServer Simulator => _simulator ?? throw new InvalidOperationException("InitializeAsync has not run.");
    public Uri PreviewOrigin { get; private set; } = null!;
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static string PreviewDirectory => Path.Combine(RepoScripts.Root, "miniapp", "dist-preview");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _simulator = await SimulatorServer.StartAsync();
        OutboxService.TalkTo(this, _simulator);
        With("MiniApp:GraphBaseUrl", _simulator.BaseUrl + "/graph");
        With("Evidence:LocalPath", _evidence);
        if (Directory.Exists(PreviewDirectory))
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _preview = builder.Build();
            _preview.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(PreviewDirectory) });
            await _preview.StartAsync();
            PreviewOrigin = new Uri(_preview.Urls.First());
            With("MiniApp:AllowedOrigins:0", PreviewOrigin.GetLeftPart(UriPartial.Authority));
        }
    }

    /// <summary>The service listening, the simulator delivering to it, and the preview's address for a citizen and centre.</summary>
    public async Task<string> OpenAsync(string citizen, string centre = "BN01")
    {
        File.Exists(Path.Combine(PreviewDirectory, "index.html")).ShouldBeTrue("The Mini App's preview is not built: scripts/miniapp.sh preview (scripts/test.sh runs it).");
        StartServer();
        await StartReadyAsync();
        Simulator.DeliverWebhooksTo(new Uri(Address, "/webhooks/zalo"));
        var q = (string s) => Uri.EscapeDataString(s);
        return $"{PreviewOrigin}index.html?c={centre}&uid={q(citizen)}&api={q(Address.ToString().TrimEnd('/'))}&sim={q(Simulator.BaseUrl.ToString())}&chat={q(Simulator.ChatPage.ToString())}";
    }

    protected override async ValueTask DisposeDependenciesAsync()
    {
        if (_preview is not null) await _preview.DisposeAsync();
        if (_simulator is not null) await _simulator.DisposeAsync();
        if (Directory.Exists(_evidence)) Directory.Delete(_evidence, recursive: true);
    }
}

[Collection(BrowserCollection.Name)]
public class MiniAppBrowserTests(MiniAppBrowserService service, SharedChromium chromium) : IClassFixture<MiniAppBrowserService>
{
    private static string NewUser() => "mb" + Guid.NewGuid().ToString("N")[..10];

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 400, Height = 800 } });
        return await context.NewPageAsync();
    }

    private async Task<string?> CentreInStateAsync(string user)
    {
        await using var db = service.Database.Open();
        return await db.ExecuteScalarAsync<string?>("select state->>'ServiceCentreCode' from conversations where zalo_user_id = @user", new { user });
    }

    [Fact]
    public async Task Nhan_tin_opens_the_chat_with_a_first_message_that_attributes_the_centre_without_typing_and_a_reused_or_forged_one_does_not()
    {
        var citizen = NewUser();
        var url = await service.OpenAsync(citizen);
        var page = await NewPageAsync();

        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhắn tin với tổng đài" }).ClickAsync();

        await SharedChromium.ReachedAsync(page, new Regex("/simulator"));
        var prefilled = await page.Locator("#text").InputValueAsync();
        prefilled.ShouldStartWith("#TT-BN01.");
        await page.Locator("#send-button").ClickAsync();
        await page.Locator("#log").GetByText("Cảm ơn bạn đã quét mã tại Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh").WaitForAsync();
        (await CentreInStateAsync(citizen)).ShouldBe("BN01");

        var client = service.CreateClient();
        foreach (var text in new[] { "Gửi phản ánh", "1", "Hồ sơ đất đai nộp quá hạn 3 tuần chưa có kết quả", "Bộ phận một cửa phường Kinh Bắc", "xong", "Phạm Dũng 0912345678", "gửi" })
            await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(citizen, text, $"{citizen}-{Guid.NewGuid():N}")));
        await Rows.InboxDrainedAsync(service.Database, citizen);
        var ticket = (await Rows.TicketsAsync(service.Database, citizen)).ShouldHaveSingleItem();
        (ticket.ServiceCentreCode, ticket.ServiceCentreSource).ShouldBe(("BN01", CentreSources.MiniApp));

        // The same message sent again by someone it was forwarded to, and a made-up code: nothing is attributed.
        foreach (var (other, text) in new[] { (NewUser(), prefilled), (NewUser(), "#TT-BN01.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA Xin chào") })
        {
            await page.GotoAsync($"{service.Simulator.ChatPage}?user={other}&text={Uri.EscapeDataString(text)}", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("#send-button").ClickAsync();
            await page.Locator("#log").GetByText("hết hạn hoặc đã được dùng").WaitForAsync();
            (await CentreInStateAsync(other)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task The_form_files_a_ticket_with_photo_and_place_for_the_centre_shown_in_the_console_and_tra_cuu_lists_it()
    {
        var citizen = NewUser();
        var url = await service.OpenAsync(citizen, "BN02");
        var page = await NewPageAsync();

        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bộ phận Một cửa phường Kinh Bắc" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh có ảnh" }).ClickAsync();
        await page.Locator("#category option[value=INFRA]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#category").SelectOptionAsync("INFRA");
        await page.Locator("#description").FillAsync("Cột đèn trước bộ phận một cửa bị nghiêng, sắp đổ");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "anh.jpg", MimeType = "image/jpeg", Buffer = ZaloBot.Evidence.SimulatorSamplePhoto.Draw(320, 240) });
        await page.GetByLabel("Đồng ý gửi vị trí hiện tại của tôi").CheckAsync();
        await page.GetByText("Vị trí: 21.1861, 106.0763").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh", Exact = true }).ClickAsync();

        var done = await page.GetByRole(AriaRole.Status).TextContentAsync();
        var code = Regex.Match(done ?? "", @"[A-Z]{2}-\d{4}-[A-Z2-9]{4}").Value;
        code.ShouldNotBeEmpty($"the app shows the new ticket's code, but said: {done}");

        await using (var db = service.Database.Open())
        {
            var row = await db.QuerySingleAsync<(string Citizen, string? Centre, string? Source, double? Lat, long Photos)>(
                """
                select t.citizen_zalo_id, t.service_centre_code, t.service_centre_source, t.latitude,
                       (select count(*) from evidence e where e.ticket_id = t.id and e.declared_kind = 'image')
                from tickets t where t.code = @code
                """, new { code });
            row.ShouldBe((citizen, "BN02", CentreSources.MiniApp, 21.1861, 1L));
        }
        var (_, login) = await ConsoleClient.CreateStaffAsync(service, StaffRole.Supervisor);
        var console = new ConsoleClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.Address });
        (await console.SignInAsync(login, ConsoleClient.Password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var html = await console.GetHtmlAsync($"/console/tickets/{code}");
        html.ShouldContain("Bộ phận Một cửa phường Kinh Bắc");
        html.ShouldContain("Cột đèn trước bộ phận một cửa bị nghiêng");

        await page.GetByRole(AriaRole.Button, new() { Name = "Về trang đầu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu phản ánh" }).ClickAsync();
        await page.GetByText(code).WaitForAsync();
    }
}
