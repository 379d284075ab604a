using System.Net;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Evidence;

/// <summary>scripts/run.sh: the chat page's sample photo comes from the built-in fake Zalo, so evidence works offline.</summary>
public class SimulatorSamplePhotoTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_built_in_simulator_serves_a_sample_photo_for_the_chat_page()
    {
        var client = await service.StartReadyAsync();
        var response = await client.GetAsync("/zalo-sim/media/sample.jpg");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        ZaloBot.Domain.Evidence.ContentSniffer.Check("image", bytes).Content!.ContentType.ShouldBe("image/jpeg");
        (await client.GetStringAsync("/simulator")).ShouldContain("/zalo-sim/media/sample.jpg");
    }
}
