using ZaloBot.Conversations;
using ZaloBot.Domain.Conversations;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Conversations;

/// <summary>Pure: how one turn's effects become Zalo messages (each one draws on the citizen's free-reply quota).</summary>
public class ReplyComposerTests
{
    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Compose(params ConversationEffect[] effects)
    {
        var composer = new ReplyComposer();
        foreach (var effect in effects) composer.Add(effect);
        return composer.Build();
    }

    [Fact]
    public void Texts_and_the_buttons_that_follow_them_are_one_message()
    {
        var messages = Compose(new SendText("Xin chào!"), new SendButtons("Bạn chọn một mục:", [Button.Say("Gửi phản ánh"), Button.Say("Tra cứu")]));

        var message = messages.ShouldHaveSingleItem();
        message["text"]!.GetValue<string>().ShouldBe("Xin chào!\n\nBạn chọn một mục:");
        message["attachment"]!["payload"]!["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()).ShouldBe(["Gửi phản ánh", "Tra cứu"]);
    }

    [Fact]
    public void More_buttons_than_Zalo_shows_continue_in_a_second_message()
    {
        var buttons = Enumerable.Range(1, 8).Select(i => Button.Say($"Mục {i}")).ToList();

        var messages = Compose(new SendButtons("Chọn lĩnh vực:", buttons));

        messages.Count.ShouldBe(2);
        messages[0]["attachment"]!["payload"]!["buttons"]!.AsArray().Count.ShouldBe(ZaloMessages.MaxButtonsPerMessage);
        messages[1]["text"]!.GetValue<string>().ShouldBe(ZaloMessages.ContinuationText);
    }

    [Fact]
    public void The_question_before_the_contact_form_rides_in_the_form()
    {
        var messages = Compose(new SendText("Bước 5/5. Bạn cho biết họ tên và số điện thoại."), new RequestUserInfo("Chia sẻ thông tin liên hệ", "Để cán bộ liên hệ"));

        var form = messages.ShouldHaveSingleItem()["attachment"]!["payload"]!;
        form["template_type"]!.GetValue<string>().ShouldBe("request_user_info");
        form["elements"]![0]!["subtitle"]!.GetValue<string>().ShouldBe("Bước 5/5. Bạn cho biết họ tên và số điện thoại.");
    }

    [Fact]
    public void Text_too_long_for_one_message_is_split_and_ticket_effects_are_left_alone()
    {
        var composer = new ReplyComposer();
        composer.Add(new SendText(new string('a', 1500))).ShouldBeTrue();
        composer.Add(new RateTicket("PA-2611-7K3Q", 5)).ShouldBeFalse();
        composer.Add(new SendText(new string('b', 1500))).ShouldBeTrue();

        var messages = composer.Build();

        messages.Count.ShouldBe(2);
        messages.ShouldAllBe(m => m["text"]!.GetValue<string>().Length <= ReplyComposer.MaxTextLength);
    }

    [Fact]
    public void Separate_sending_is_counted_for_the_before_figure()
    {
        ConversationEffect[] effects = [new SendText("a"), new SendButtons("b", [Button.Say("x")]), new RequestUserInfo("t", "s")];

        ReplyComposer.SeparateMessageCount(effects).ShouldBe(3);
        Compose(effects).Count.ShouldBe(2); // the text joins the buttons; the form (no text of its own) follows
    }
}
