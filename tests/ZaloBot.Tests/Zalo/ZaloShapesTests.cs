using System.Text.Json;
using System.Text.Json.Nodes;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Zalo;

/// <summary>Our messages and Zalo's answers, against the shapes in docs/zalo-platform.md.</summary>
public class ZaloShapesTests
{
    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Text_message() =>
        JsonNode.DeepEquals(ZaloMessages.Text("Xin chào"), Json("""{"text":"Xin chào"}""")).ShouldBeTrue();

    [Fact]
    public void Buttons_follow_the_template_shape_and_split_after_five()
    {
        var buttons = Enumerable.Range(1, 7).Select(i => ($"Mục {i}", $"muc {i}")).ToList();

        var messages = ZaloMessages.TextWithButtons("Chọn:", buttons);

        messages.Count.ShouldBe(2);
        JsonNode.DeepEquals(messages[0]["attachment"]!["payload"]!["buttons"]![0],
            Json("""{"title":"Mục 1","type":"oa.query.show","payload":"muc 1"}""")).ShouldBeTrue();
        messages[0]["attachment"]!["payload"]!["buttons"]!.AsArray().Count.ShouldBe(5);
        messages[1]["text"]!.GetValue<string>().ShouldBe(ZaloMessages.ContinuationText);
        messages[1]["attachment"]!["payload"]!["buttons"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public void Url_phone_and_hidden_query_buttons()
    {
        var message = ZaloMessages.TextWithButtons("Liên hệ", [
            ZaloMessages.UrlButton("Trang web", new Uri("https://bacninh.gov.vn/")),
            ZaloMessages.PhoneButton("Gọi đường dây nóng", "02223822222"),
            ZaloMessages.QueryButton("Ẩn", "#an", hidden: true),
        ]);
        var buttons = message["attachment"]!["payload"]!["buttons"]!.AsArray();
        JsonNode.DeepEquals(buttons[0], Json("""{"title":"Trang web","type":"oa.open.url","payload":{"url":"https://bacninh.gov.vn/"}}""")).ShouldBeTrue();
        JsonNode.DeepEquals(buttons[1], Json("""{"title":"Gọi đường dây nóng","type":"oa.open.phone","payload":{"phone_code":"02223822222"}}""")).ShouldBeTrue();
        buttons[2]!["type"]!.GetValue<string>().ShouldBe("oa.query.hide");
        Should.Throw<ArgumentOutOfRangeException>(() => ZaloMessages.TextWithButtons("x", Enumerable.Repeat(ZaloMessages.QueryButton("a", "b"), 6).ToList()));
    }

    [Fact]
    public void List_request_user_info_and_image_templates()
    {
        var list = ZaloMessages.List([new("PA-2611-7K3Q", "Đang xử lý", null, "xem PA-2611-7K3Q")]);
        JsonNode.DeepEquals(list, Json("""
            {"attachment":{"type":"template","payload":{"template_type":"list","elements":[
              {"title":"PA-2611-7K3Q","subtitle":"Đang xử lý","default_action":{"type":"oa.query.show","payload":"xem PA-2611-7K3Q"}}]}}}
            """)).ShouldBeTrue();

        var form = ZaloMessages.RequestUserInfo("Chia sẻ thông tin", "Để cán bộ liên hệ");
        form["attachment"]!["payload"]!["template_type"]!.GetValue<string>().ShouldBe("request_user_info");
        form["attachment"]!["payload"]!["elements"]![0]!["title"]!.GetValue<string>().ShouldBe("Chia sẻ thông tin");

        var image = ZaloMessages.Image(url: new Uri("https://img.example/a.jpg"));
        JsonNode.DeepEquals(image, Json("""{"attachment":{"type":"template","payload":{"template_type":"media","elements":[{"media_type":"image","url":"https://img.example/a.jpg"}]}}}""")).ShouldBeTrue();
        ZaloMessages.Image(attachmentId: "att-1")["attachment"]!["payload"]!["elements"]![0]!["attachment_id"]!.GetValue<string>().ShouldBe("att-1");
        Should.Throw<ArgumentException>(() => ZaloMessages.Image());
    }

    [Theory]
    [InlineData(0, SendOutcome.Sent)]
    [InlineData(-216, SendOutcome.RefreshToken)]
    [InlineData(-124, SendOutcome.RefreshToken)]
    [InlineData(-220, SendOutcome.RefreshToken)]
    [InlineData(-230, SendOutcome.OutsideWindow)]
    [InlineData(-232, SendOutcome.OutsideWindow)]
    [InlineData(-213, SendOutcome.OutsideWindow)]
    [InlineData(-227, SendOutcome.OutsideWindow)]
    [InlineData(-244, SendOutcome.OutsideWindow)]
    [InlineData(-234, SendOutcome.NightTime)]
    [InlineData(-32, SendOutcome.RateLimited)]
    [InlineData(-210, SendOutcome.RetryLater)]
    [InlineData(-211, SendOutcome.RetryLater)]
    [InlineData(-218, SendOutcome.RetryLater)]
    [InlineData(-144, SendOutcome.RetryLater)]
    [InlineData(-108, SendOutcome.Unreachable)]
    [InlineData(-118, SendOutcome.Unreachable)]
    [InlineData(-201, SendOutcome.Invalid)]
    [InlineData(-242, SendOutcome.Configuration)]
    [InlineData(-999, SendOutcome.Unknown)]
    public void Every_documented_error_code_is_classified(int code, SendOutcome expected) =>
        ZaloErrors.Classify(code).ShouldBe(expected);

    [Fact]
    public void Zalo_answers_parse_into_their_models()
    {
        var send = JsonSerializer.Deserialize<ZaloEnvelope<ZaloSendData>>("""{"error":0,"message":"Success","data":{"message_id":"m-1","user_id":"u-1","quota":{"quota_type":"reply"}}}""")!;
        (send.Error, send.Data!.Id, send.Data.UserId, send.Data.Quota!.QuotaType).ShouldBe((0, "m-1", "u-1", "reply"));

        var byPhone = JsonSerializer.Deserialize<ZaloEnvelope<ZaloSendData>>("""{"error":0,"data":{"msg_id":"z-1","sent_time":"1700000000000"}}""")!;
        byPhone.Data!.Id.ShouldBe("z-1");

        var refused = JsonSerializer.Deserialize<ZaloEnvelope<ZaloSendData>>("""{"error":-213,"message":"User has not interacted"}""")!;
        (refused.Error, refused.Data).ShouldBe((-213, null));

        var token = JsonSerializer.Deserialize<ZaloTokenResponse>("""{"access_token":"a","refresh_token":"r","expires_in":"90000"}""")!;
        (token.AccessToken, token.RefreshToken, token.ExpiresIn).ShouldBe(("a", "r", 90000));

        var tokenError = JsonSerializer.Deserialize<ZaloTokenResponse>("""{"error":-14014,"error_name":"Invalid refresh token"}""")!;
        (tokenError.AccessToken, tokenError.Error).ShouldBe((null, -14014));

        var profile = JsonSerializer.Deserialize<ZaloEnvelope<ZaloUserProfile>>("""{"error":0,"data":{"user_id":"u","display_name":"Lan","user_is_follower":true}}""")!;
        profile.Data!.DisplayName.ShouldBe("Lan");
    }
}
