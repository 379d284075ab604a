using ZaloBot.Domain.Tickets;
using ZaloBot.ServiceCentres;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.ServiceCentres;

/// <summary>A province that registered a Zalo Mini App: its posters' QR codes open the app with the centre known.</summary>
public sealed class MiniAppPosterService : ServiceFactory
{
    public const string MiniAppId = "4318657068771012646";

    public MiniAppPosterService() => With("ServiceCentres:MiniAppId", MiniAppId);
}

public class MiniAppPosterTests(MiniAppPosterService service) : IClassFixture<MiniAppPosterService>
{
    [Fact]
    public void The_qr_code_opens_the_mini_app_with_the_centre_and_zalos_qr_source_else_the_landing_page()
    {
        var withApp = new ServiceCentreOptions { PublicBaseUrl = new("https://pakn.example.gov.vn"), MiniAppId = MiniAppPosterService.MiniAppId };
        CentreQrCodes.Target(withApp, "BN01").ToString().ShouldBe($"https://zalo.me/s/{MiniAppPosterService.MiniAppId}/?c=BN01&utm_source=zalo-qr");
        CentreQrCodes.Target(new ServiceCentreOptions { PublicBaseUrl = new("https://pakn.example.gov.vn") }, "BN01").ToString().ShouldBe("https://pakn.example.gov.vn/c/BN01");
    }

    [Fact]
    public async Task The_poster_tells_how_to_use_the_mini_app_and_keeps_the_code_and_the_landing_page()
    {
        await service.StartReadyAsync();
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);

        var poster = await staff.GetStringAsync("/api/service-centres/BN01/poster");

        poster.ShouldContain("Nhắn tin với tổng đài");
        poster.ShouldContain("Gửi phản ánh có ảnh");
        poster.ShouldContain("#TT-BN01");
        poster.ShouldContain("https://pakn.example.gov.vn/c/BN01");
        (await service.CreateClient().GetStringAsync("/c/BN01")).ShouldContain("#TT-BN01");
    }
}
