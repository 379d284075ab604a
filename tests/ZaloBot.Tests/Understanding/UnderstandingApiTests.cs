using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Understanding;

/// <summary>What the bot did not understand reaches operators, without phone numbers; understood messages do not.</summary>
public class UnderstandingApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Unrecognised_messages_are_kept_masked_and_listed_for_supervisors_only()
    {
        var client = await service.StartReadyAsync();
        var user = "u" + Guid.NewGuid().ToString("N")[..10];
        foreach (var text in new[] { "zxqv 0912345678 brrr", "nắp cống trước cổng trường tiểu học bị vỡ, trẻ con đi học rất nguy hiểm" })
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);

        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/understanding/unrecognised?limit=50");
        var texts = listed.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        texts.ShouldContain("zxqv *******678 brrr");
        texts.ShouldNotContain(t => t!.Contains("0912345678"));
        texts.ShouldNotContain(t => t!.Contains("nắp cống"));
        listed.EnumerateArray().First().GetProperty("step").GetString().ShouldBe("Menu");

        (await supervisor.GetAsync("/api/understanding/unrecognised?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await service.AsAsync(StaffRole.IntakeOfficer)).GetAsync("/api/understanding/unrecognised")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var phrases = await (await service.AsAsync(StaffRole.Admin)).GetFromJsonAsync<JsonElement>("/api/understanding/phrases");
        phrases.GetProperty("intents").GetProperty("complaint").TryGetProperty("phản ánh", out _).ShouldBeTrue();
    }
}
