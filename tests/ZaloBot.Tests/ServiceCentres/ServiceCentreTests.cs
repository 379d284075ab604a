using System.Net;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.ServiceCentres;

public class ServiceCentreTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Each_centre_has_a_png_and_svg_qr_code_and_a_printable_poster()
    {
        await service.StartReadyAsync();
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);

        var png = await staff.GetAsync("/api/service-centres/BN01/qr.png");
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await png.Content.ReadAsByteArrayAsync()).Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        var svg = await staff.GetStringAsync("/api/service-centres/bn01/qr.svg");
        svg.ShouldContain("<svg");

        var poster = await staff.GetStringAsync("/api/service-centres/BN01/poster");
        poster.ShouldContain("Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh");
        poster.ShouldContain("#TT-BN01");
        poster.ShouldContain("@page { size: A4");
        poster.ShouldContain("<svg");
    }

    [Fact]
    public async Task Unknown_centres_are_404_and_qr_codes_need_a_staff_token()
    {
        await service.StartReadyAsync();
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);

        (await staff.GetAsync("/api/service-centres/ZZ99/qr.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await service.CreateClient().GetAsync("/api/service-centres/BN01/qr.png")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await service.CreateClient().GetAsync("/c/ZZ99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await service.CreateClient().GetAsync("/c/" + new string('A', 300))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_qr_landing_page_shows_the_code_to_send_and_opens_the_oa_in_zalo()
    {
        await service.StartReadyAsync();

        var page = await service.CreateClient().GetStringAsync("/c/BN02");

        page.ShouldContain("#TT-BN02");
        page.ShouldContain($"https://zalo.me/{ServiceFactory.OaId}");
        page.ShouldContain("Bộ phận Một cửa phường Kinh Bắc");
    }
}
