using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Conversations;

public sealed class FakeClockService : ServiceFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeClockService() => WithServices(s => s.AddSingleton<TimeProvider>(Clock));
}

public class IdleDraftTests(FakeClockService service) : IClassFixture<FakeClockService>
{
    [Fact]
    public async Task A_half_written_complaint_gets_one_reminder_and_then_expires()
    {
        var client = await service.StartReadyAsync();
        var user = "idle-" + Guid.NewGuid().ToString("N")[..8];
        await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "Gửi phản ánh", user + "-1", service.Clock.GetUtcNow().ToUnixTimeMilliseconds())));
        await Rows.InboxDrainedAsync(service.Database, user);
        var before = (await Rows.OutboxAsync(service.Database, user)).Count;

        service.Clock.Advance(TimeSpan.FromMinutes(31));
        await Eventually.TrueAsync(async () => (await Rows.OutboxAsync(service.Database, user)).Count > before, "the reminder");
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        var afterReminder = await Rows.OutboxAsync(service.Database, user);

        service.Clock.Advance(TimeSpan.FromHours(24));
        await Eventually.TrueAsync(async () => (await Rows.OutboxAsync(service.Database, user)).Count > afterReminder.Count, "the expiry notice");

        var texts = (await Rows.OutboxAsync(service.Database, user)).Skip(before).Select(r => r.Text).ToList();
        texts.ShouldBe([
            "Bạn đang gửi dở một phản ánh. Khi rảnh, bạn trả lời tiếp để hoàn tất nhé (gõ \"hủy\" nếu không gửi nữa).",
            "Phản ánh đang soạn đã quá lâu chưa hoàn tất nên đã được hủy. Bạn có thể gửi lại bất cứ lúc nào.",
        ]);
    }
}
