using System.Text.Json;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Tests.Webhooks;

/// <summary>Sample payloads in the shapes docs/zalo-platform.md describes (ids as strings, timestamps as strings of ms).</summary>
public class ZaloEventParserTests
{
    private static ZaloEvent Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        ZaloEventParser.TryReadEnvelope(root, out var envelope, out var error).ShouldBeTrue(error);
        return ZaloEventParser.Parse(root, envelope);
    }

    [Fact]
    public void Text_message()
    {
        var e = Parse("""{"app_id":"a1","user_id_by_app":"byapp","event_name":"user_send_text","timestamp":"1732435200000","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"text":"Xin chào","msg_id":"m1"}}""")
            .ShouldBeOfType<UserMessageEvent>();
        e.SenderId.ShouldBe("u1");
        e.RecipientId.ShouldBe("oa1");
        e.Text.ShouldBe("Xin chào");
        e.MsgId.ShouldBe("m1");
        e.UserId.ShouldBe("u1");
        e.UserIdByApp.ShouldBe("byapp");
        e.Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1732435200000));
        e.IsAnonymous.ShouldBeFalse();
    }

    [Fact]
    public void Image_message_with_caption_and_several_attachments()
    {
        var e = Parse("""{"app_id":"a1","event_name":"user_send_image","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"text":"ảnh hiện trường","msg_id":"m2","attachments":[{"type":"image","payload":{"url":"https://img/1.jpg","thumbnail":"https://img/1t.jpg"}},{"type":"image","payload":{"url":"https://img/2.jpg"}}]}}""")
            .ShouldBeOfType<UserMessageEvent>();
        e.Text.ShouldBe("ảnh hiện trường");
        e.Attachments.Select(a => (a.Type, a.Url)).ShouldBe([("image", "https://img/1.jpg"), ("image", "https://img/2.jpg")]);
        e.Attachments[0].Thumbnail.ShouldBe("https://img/1t.jpg");
    }

    [Theory]
    [InlineData("\"21.0285\"", "\"105.8542\"")]
    [InlineData("21.0285", "105.8542")]
    public void Location_with_string_or_number_coordinates(string lat, string lng)
    {
        var e = Parse($$$$"""{"app_id":"a1","event_name":"user_send_location","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"msg_id":"m3","attachments":[{"type":"location","payload":{"coordinates":{"latitude":{{{{lat}}}},"longitude":{{{{lng}}}}}}}]}}""")
            .ShouldBeOfType<UserMessageEvent>();
        var location = e.Attachments.ShouldHaveSingleItem();
        location.Type.ShouldBe("location");
        location.Latitude.ShouldBe(21.0285);
        location.Longitude.ShouldBe(105.8542);
    }

    [Fact]
    public void File_message()
    {
        var a = Parse("""{"app_id":"a1","event_name":"user_send_file","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"msg_id":"m4","attachments":[{"type":"file","payload":{"url":"https://f/d.pdf","name":"don-kien-nghi.pdf","size":"20480","type":"pdf","checksum":"abc"}}]}}""")
            .ShouldBeOfType<UserMessageEvent>().Attachments.ShouldHaveSingleItem();
        (a.Name, a.Size, a.Checksum).ShouldBe(("don-kien-nghi.pdf", 20480L, "abc"));
    }

    [Theory]
    [InlineData("user_send_sticker")]
    [InlineData("user_send_gif")]
    [InlineData("user_send_audio")]
    [InlineData("user_send_video")]
    [InlineData("user_send_link")]
    [InlineData("user_send_business_card")]
    [InlineData("anonymous_send_text")]
    public void Other_user_messages_keep_their_type(string eventName)
    {
        var e = Parse($$$"""{"app_id":"a1","event_name":"{{{eventName}}}","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"msg_id":"m5","attachments":[{"type":"sticker","payload":{"id":"st1","url":"https://s/1.png"}}]}}""")
            .ShouldBeOfType<UserMessageEvent>();
        e.EventName.ShouldBe(eventName);
        e.IsAnonymous.ShouldBe(eventName.StartsWith("anonymous_"));
        e.Attachments.ShouldHaveSingleItem().Id.ShouldBe("st1");
    }

    [Theory]
    [InlineData("follow", true)]
    [InlineData("unfollow", false)]
    public void Follow_and_unfollow(string eventName, bool isFollow)
    {
        var e = Parse($$$"""{"oa_id":"oa1","follower":{"id":"u9"},"user_id_by_app":"b9","event_name":"{{{eventName}}}","app_id":"a1","timestamp":"1","source":"qr_code"}""")
            .ShouldBeOfType<FollowEvent>();
        (e.FollowerId, e.OaId, e.Source, e.IsFollow, e.UserId).ShouldBe(("u9", "oa1", "qr_code", isFollow, "u9"));
        e.MessageId.ShouldBeNull();
    }

    [Fact]
    public void Submitted_user_info()
    {
        var e = Parse("""{"app_id":"a1","event_name":"user_submit_info","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"info":{"name":"Nguyễn Văn A","phone":"0912345678","address":"12 Lý Thái Tổ","city":"Bắc Ninh","district":"TP Bắc Ninh","ward":"Suối Hoa"}}""")
            .ShouldBeOfType<UserSubmitInfoEvent>();
        (e.Name, e.Phone, e.Address, e.City, e.District, e.Ward).ShouldBe(("Nguyễn Văn A", "0912345678", "12 Lý Thái Tổ", "Bắc Ninh", "TP Bắc Ninh", "Suối Hoa"));
    }

    [Fact]
    public void Staff_reply_typed_in_zalo_oa_chat_tool()
    {
        var e = Parse("""{"app_id":"a1","event_name":"oa_send_text","timestamp":"1","sender":{"id":"oa1","admin_id":"adm7"},"recipient":{"id":"u1"},"message":{"text":"Chúng tôi đã tiếp nhận","msg_id":"m6"}}""")
            .ShouldBeOfType<OaMessageEvent>();
        (e.RecipientId, e.AdminId, e.Text, e.UserId).ShouldBe(("u1", "adm7", "Chúng tôi đã tiếp nhận", "u1"));
    }

    [Theory]
    [InlineData("user_received_message", false)]
    [InlineData("user_seen_message", true)]
    public void Delivery_receipts(string eventName, bool seen)
    {
        var e = Parse($$$"""{"app_id":"a1","event_name":"{{{eventName}}}","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"msg_ids":["x1","x2"]}}""")
            .ShouldBeOfType<MessageStatusEvent>();
        e.MsgIds.ShouldBe(["x1", "x2"]);
        e.IsSeen.ShouldBe(seen);
    }

    [Fact]
    public void Reaction_and_chat_now()
    {
        Parse("""{"app_id":"a1","event_name":"user_reacted_message","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"oa1"},"message":{"msg_id":"m7","react_icon":"/-heart"}}""")
            .ShouldBeOfType<ReactionEvent>().Reaction.ShouldBe("/-heart");
        Parse("""{"app_id":"a1","event_name":"user_click_chatnow","timestamp":"1","oa_id":"oa1","user_id":"u1"}""")
            .ShouldBeOfType<ChatNowEvent>().UserId.ShouldBe("u1");
    }

    [Fact]
    public void Known_event_in_an_unexpected_shape_is_kept_as_unknown_rather_than_lost()
    {
        Parse("""{"app_id":"a1","event_name":"user_send_text","timestamp":"1","message":{"text":"no sender"}}""")
            .ShouldBeOfType<UnknownEvent>().EventName.ShouldBe("user_send_text");
    }

    [Fact]
    public void Numeric_timestamp_is_accepted()
    {
        Parse("""{"app_id":"a1","event_name":"change_oa_daily_quota","timestamp":1732435200000}""")
            .Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1732435200000));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"event_name\":\"follow\",\"timestamp\":\"1\"}")]
    [InlineData("{\"app_id\":\"a\",\"timestamp\":\"1\"}")]
    [InlineData("{\"app_id\":\"a\",\"event_name\":\"follow\",\"timestamp\":\"-5\"}")]
    [InlineData("{\"app_id\":\"a\",\"event_name\":\"follow\",\"timestamp\":\"99999999999999999999\"}")]
    public void Envelope_without_the_required_fields_is_refused(string json)
    {
        ZaloEventParser.TryReadEnvelope(JsonDocument.Parse(json).RootElement, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }
    [Theory]
    [InlineData("""{"app_id":"a","event_name":"user_send_text","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"ward-oa"},"message":{"text":"x","msg_id":"m"}}""", "ward-oa", "u1")]
    [InlineData("""{"app_id":"a","event_name":"oa_send_text","timestamp":"1","sender":{"id":"ward-oa","admin_id":"ad"},"recipient":{"id":"u1"},"message":{"text":"x","msg_id":"m"}}""", "ward-oa", "u1")]
    [InlineData("""{"app_id":"a","event_name":"follow","timestamp":"1","oa_id":"ward-oa","follower":{"id":"u1"},"source":"oa_profile"}""", "ward-oa", "u1")]
    [InlineData("""{"app_id":"a","event_name":"user_seen_message","timestamp":"1","sender":{"id":"u1"},"recipient":{"id":"ward-oa"},"oa_id":"ward-oa","message":{"msg_ids":["m"]}}""", "ward-oa", "u1")]
    [InlineData("""{"app_id":"a","event_name":"user_received_message","timestamp":"1","sender":{"id":"ward-oa"},"recipient":{"id":"u1"},"message":{"msg_ids":["m"]}}""", "ward-oa", null)]
    [InlineData("""{"app_id":"a","event_name":"user_withdraw","timestamp":"1","oa_id":"ward-oa","user_id":"u1"}""", "ward-oa", "u1")]
    [InlineData("""{"app_id":"a","event_name":"shop_has_order","timestamp":"1"}""", null, null)]
    public void The_OA_is_read_from_the_field_Zalo_uses_for_each_event_type(string json, string? oaId, string? userId)
    {
        var e = Parse(json);
        e.OaId.ShouldBe(oaId);
        if (userId is not null) e.UserId.ShouldBe(userId);
    }
}
