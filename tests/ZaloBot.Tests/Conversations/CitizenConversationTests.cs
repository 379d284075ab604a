using System.Net;
using Dapper;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Conversations;

/// <summary>The real service, driven by signed webhooks, on a real PostgreSQL: chat in, ticket and replies out.</summary>
public class CitizenConversationTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewUser() => "c" + Guid.NewGuid().ToString("N")[..10];

    private static async Task SayAsync(HttpClient client, string user, params string[] texts)
    {
        foreach (var text in texts)
        {
            var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_full_conversation_creates_one_ticket_and_the_replies_in_order()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        await SayAsync(client, user,
            "xin chao", "Gửi phản ánh", "ha tang moi truong",
            "Cống thoát nước trước nhà số 12 bị tắc, nước bẩn tràn ra đường",
            "Số 12 đường Lý Thái Tổ, phường Kinh Bắc", "bo qua", "Nguyễn Văn An 0912 345 678", "Gửi");
        await Rows.InboxDrainedAsync(service.Database, user);

        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();
        (ticket.Status, ticket.CategoryCode, ticket.AreaCode, ticket.ContactName, ticket.ContactPhone)
            .ShouldBe(("received", "INFRA", "KINHBAC", "Nguyễn Văn An", "+84912345678"));
        ticket.Code.ShouldMatch(@"^PA-\d{4}-[A-Z2-9]{4}$");
        (await Rows.TicketEventsAsync(service.Database, ticket.Id)).ShouldHaveSingleItem().Kind.ShouldBe("created");

        var replies = (await Rows.OutboxAsync(service.Database, user)).Select(r => r.Text).ToList();
        replies.First().ShouldStartWith("Xin chào");
        // The privacy notice comes first in the message that asks the first question (docs/privacy.md).
        replies.ShouldContain(r => r.StartsWith("Về dữ liệu cá nhân của bạn") && r.Contains("Bước 1/5"));
        replies.ShouldContain(r => r.StartsWith("Bước 5/5"));
        replies.ShouldContain(r => r.StartsWith("Bạn kiểm tra lại phản ánh"));
        // After the code, the optional questions (call-back, survey) follow, each with two equal buttons.
        replies.ShouldContain(r => r.Contains(ticket.Code));
        replies.Last().ShouldContain("Câu hỏi tuỳ chọn");
        replies.IndexOf(replies.First(r => r.Contains("Bước 1/5"))).ShouldBeLessThan(replies.IndexOf(replies.First(r => r.StartsWith("Bước 5/5"))));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_gets_one_reply()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = ZaloWebhook.Text(user, "xin chào", user + "-once");

        (await client.SendAsync(ZaloWebhook.Signed(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
        var before = await Rows.OutboxAsync(service.Database, user);
        (await client.SendAsync(ZaloWebhook.Signed(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);

        before.ShouldNotBeEmpty();
        (await Rows.OutboxAsync(service.Database, user)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task Two_events_delivered_at_once_are_answered_in_arrival_order_without_interleaving()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        await SayAsync(client, user, "Gửi phản ánh");

        // Both arrive together; whichever the inbox stored first is answered first, completely.
        await Task.WhenAll(
            client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "Khác", user + "-a"))),
            client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "hướng dẫn", user + "-b"))));
        await Rows.InboxDrainedAsync(service.Database, user);

        await using var connection = service.Database.Open();
        var order = (await connection.QueryAsync<string>("select msg_id from inbox where user_id = @user and msg_id like '%-_' order by id", new { user })).AsList();
        var keys = (await Rows.OutboxAsync(service.Database, user)).Select(r => r.IdempotencyKey.Split(':')[1]).Distinct().ToList();
        var inboxIds = (await connection.QueryAsync<long>("select id from inbox where user_id = @user order by id", new { user })).Select(i => i.ToString()).ToList();
        keys.ShouldBe(inboxIds.Where(keys.Contains).ToList()); // replies grouped per event, in inbox order
        order.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_follow_up_after_submission_joins_the_ticket_thread()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        await SayAsync(client, user, "Gửi phản ánh", "Khác", "Tiếng ồn từ xưởng gỗ kéo dài đến nửa đêm", "Thôn Đông, phường Võ Cường",
            "xong", "Trần Bình 0987654321", "gửi", "Tối nay vẫn còn ồn ạ");
        await Rows.InboxDrainedAsync(service.Database, user);

        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();
        var events = await Rows.TicketEventsAsync(service.Database, ticket.Id);
        events.Select(e => e.Kind).ShouldBe(["created", "citizen_message"]);
        events[1].Body.ShouldBe("Tối nay vẫn còn ồn ạ");
        (await Rows.OutboxAsync(service.Database, user)).Last().Text.ShouldContain(ticket.Code);
    }

    [Fact]
    public async Task A_reply_typed_in_zalos_oa_chat_tool_lands_on_the_citizens_open_ticket()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        await SayAsync(client, user, "Gửi phản ánh", "Khác", "Đèn đường hỏng trước cổng chợ từ tuần trước", "Cổng chợ Võ Cường",
            "xong", "Trần Bình 0987654321", "gửi");
        var staffReply = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"oa_send_text","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{ServiceFactory.OaId}}}","admin_id":"admin-42"},"recipient":{"id":"{{{user}}}"},"message":{"text":"Chúng tôi đã chuyển Điện lực xử lý.","msg_id":"{{{user}}}-oa"}}""";

        (await client.SendAsync(ZaloWebhook.Signed(staffReply))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);

        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();
        var reply = (await Rows.TicketEventsAsync(service.Database, ticket.Id)).Last();
        (reply.Kind, reply.ActorKind, reply.ActorId, reply.IsPublic, reply.Body).ShouldBe(("staff_reply_zalo", "staff", "admin-42", true, "Chúng tôi đã chuyển Điện lực xử lý."));
    }

    [Fact]
    public async Task Lookup_from_chat_answers_only_for_the_citizens_own_ticket()
    {
        var client = await service.StartReadyAsync();
        var owner = NewUser();
        var stranger = NewUser();
        await SayAsync(client, owner, "Gửi phản ánh", "Khác", "Nắp cống bị vỡ giữa đường rất nguy hiểm", "Đường Ngô Gia Tự", "Phường Kinh Bắc",
            "xong", "Lê Hoa 0912345678", "gửi");
        await Rows.InboxDrainedAsync(service.Database, owner);
        var code = (await Rows.TicketsAsync(service.Database, owner)).Single().Code;

        await SayAsync(client, owner, "tra cứu " + code);
        await SayAsync(client, stranger, "tra cứu " + code);
        await Rows.InboxDrainedAsync(service.Database, owner);
        await Rows.InboxDrainedAsync(service.Database, stranger);

        (await Rows.OutboxAsync(service.Database, owner)).Last().Text.ShouldContain("Đã nhận, đang chờ phân loại");
        var strangerReply = (await Rows.OutboxAsync(service.Database, stranger)).Last().Text;
        strangerReply.ShouldContain("Không tìm thấy");
        strangerReply.ShouldNotContain("Nắp cống");
    }

    [Fact]
    public async Task A_centre_code_is_recorded_on_the_ticket()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        await SayAsync(client, user, "#TT-BN02", "Gửi phản ánh", "1", "Hồ sơ đất đai nộp quá hạn 3 tuần chưa có kết quả",
            "Bộ phận một cửa phường Kinh Bắc", "xong", "Phạm Dũng 0912345678", "gửi");
        await Rows.InboxDrainedAsync(service.Database, user);

        (await Rows.OutboxAsync(service.Database, user)).First().Text.ShouldContain("Bộ phận Một cửa phường Kinh Bắc");
        (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem().ServiceCentreCode.ShouldBe("BN02");
    }

    [Fact]
    public async Task Photos_sticker_and_location_events_reach_the_conversation()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var sticker = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"user_send_sticker","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"},"message":{"msg_id":"{{{user}}}-s","attachments":[{"type":"sticker","payload":{"id":"1","url":"https://s/1"}}]}}""";
        var image = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"user_send_image","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"},"message":{"msg_id":"{{{user}}}-i","attachments":[{"type":"image","payload":{"url":"https://img/ngap.jpg"}}]}}""";

        (await client.SendAsync(ZaloWebhook.Signed(sticker))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(ZaloWebhook.Signed(image))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);

        var replies = (await Rows.OutboxAsync(service.Database, user)).Select(r => r.Text).ToList();
        replies.ShouldContain(r => r.Contains("nhãn dán"));
        replies.ShouldContain(r => r.Contains("Đã nhận ảnh"));
    }
}
