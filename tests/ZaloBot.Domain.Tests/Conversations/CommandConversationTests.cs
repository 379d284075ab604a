using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>Cancel, back, help, menu and start over work the same at every step.</summary>
public class CommandConversationTests
{
    public static TheoryData<Step> IntakeSteps() =>
        [Step.Category, Step.Description, Step.Place, Step.Area, Step.Attachments, Step.Contact, Step.Confirm, Step.EditChoice];

    /// <summary>Plays the happy path until the citizen is at <paramref name="step"/>.</summary>
    public static Script At(Step step)
    {
        var script = Script.Start().Says("Gửi phản ánh");
        string[] answers = ["Khác", "Một sự việc cần phản ánh với chính quyền", "Ngõ 3, đường Ngô Gia Tự", "Phường Kinh Bắc", "Xong", "An 0912345678", "Sửa"];
        foreach (var answer in answers)
        {
            if (script.State.Step == step) break;
            script.Says(answer);
        }
        return script.ExpectStep(step);
    }

    [Theory]
    [MemberData(nameof(IntakeSteps))]
    public void Cancel_from_every_step_drops_the_draft(Step step)
    {
        At(step).Says("hủy").ExpectStep(Step.Menu).Expect("Đã hủy").ExpectButtons("Gửi phản ánh")
            .ExpectNoTicket().State.HasDraftInProgress.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Step.Description, Step.Category)]
    [InlineData(Step.Place, Step.Description)]
    [InlineData(Step.Area, Step.Place)]
    [InlineData(Step.Attachments, Step.Area)]
    [InlineData(Step.Contact, Step.Attachments)]
    [InlineData(Step.Confirm, Step.Contact)]
    [InlineData(Step.EditChoice, Step.Confirm)]
    public void Back_from_every_step_goes_one_step_back_and_asks_again(Step from, Step to)
    {
        At(from).Says("quay lại").ExpectStep(to);
    }

    [Fact]
    public void Back_from_the_first_question_returns_to_the_menu_and_the_draft_can_resume()
    {
        At(Step.Category).Says("quay lai").ExpectStep(Step.Menu)
            .Says("Gửi phản ánh").ExpectStep(Step.ResumeOffer).Says("Tiếp tục").ExpectStep(Step.Category);
    }

    [Theory]
    [InlineData("hướng dẫn")]
    [InlineData("bot nay dung the nao")]
    [InlineData("Hướng dẫn")]
    public void Help_at_the_menu_says_the_bot_is_not_an_emergency_service(string ask)
    {
        var numbers = new EmergencyNumbers();
        Script.Start().Says(ask).ExpectStep(Step.Menu)
            .Expect($"gọi ngay {numbers.Fire} (cứu hỏa, cứu nạn), {numbers.Police} (công an), {numbers.Ambulance} (cấp cứu)")
            .Expect("kênh này không thay cho cuộc gọi khẩn cấp");
    }

    [Theory]
    [MemberData(nameof(IntakeSteps))]
    public void Help_at_every_step_explains_and_stays(Step step)
    {
        var before = At(step).State;
        var after = At(step).Says("hướng dẫn").ExpectStep(step);
        after.Last.Count.ShouldBeGreaterThanOrEqualTo(2); // an explanation, then the question again
        after.State.Draft.ShouldBe(before.Draft);
    }

    [Theory]
    [MemberData(nameof(IntakeSteps))]
    public void Sticker_or_voice_at_every_step_gets_a_polite_reprompt(Step step)
    {
        At(step).Sends("sticker").ExpectStep(step).Expect("nhãn dán")
            .Sends("audio").ExpectStep(step).Expect("tin nhắn thoại");
    }

    [Theory]
    [InlineData("huy")]
    [InlineData("Hủy")]
    [InlineData("HUỶ")]
    [InlineData("huỷ bỏ")]
    [InlineData("  Huy   Bo ")]
    [InlineData("hủy!")]
    public void Cancel_is_understood_however_it_is_typed(string typed)
    {
        At(Step.Description).Says(typed).ExpectStep(Step.Menu).Expect("Đã hủy");
    }

    [Fact]
    public void Cancel_inside_a_sentence_is_not_a_command()
    {
        At(Step.Description).Says("Xe buýt tuyến 2 thường xuyên hủy chuyến không báo trước").ExpectStep(Step.Place);
    }

    [Fact]
    public void Start_over_mid_draft_begins_again_with_an_empty_draft()
    {
        var script = At(Step.Contact).Says("làm lại").ExpectStep(Step.Category).Expect("bắt đầu lại");
        script.State.Draft.ShouldBe(new Draft());
    }

    [Fact]
    public void Menu_mid_draft_pauses_it_and_the_citizen_can_resume_where_they_were()
    {
        At(Step.Attachments).Says("menu").ExpectStep(Step.Menu).ExpectButtons("Gửi phản ánh")
            .Says("Gửi phản ánh").ExpectStep(Step.ResumeOffer).ExpectButtons("Tiếp tục", "Làm mới")
            .Says("tiep tuc").ExpectStep(Step.Attachments);
    }

    [Fact]
    public void Menu_mid_draft_then_start_afresh()
    {
        var script = At(Step.Attachments).Says("menu").Says("Gửi phản ánh").Says("Làm mới").ExpectStep(Step.Category);
        script.State.Draft.Description.ShouldBeNull();
    }

    [Fact]
    public void Repeated_wrong_answers_lead_to_an_offer_of_help()
    {
        At(Step.Category).Says("???a").Says("bbbb").Says("cccc").Expect("hướng dẫn");
    }

    [Fact]
    public void Unknown_text_at_confirmation_shows_the_summary_again()
    {
        At(Step.Confirm).Says("không biết").ExpectStep(Step.Confirm).Expect("kiểm tra lại").ExpectButtons("Gửi", "Sửa", "Hủy");
    }

    [Fact]
    public void Voice_message_at_the_menu_gets_the_menu()
    {
        Script.Start().Sends("audio").Expect("tin nhắn thoại").ExpectButtons("Gửi phản ánh");
    }

    [Fact]
    public void Information_and_help_from_the_menu()
    {
        Script.Start().Says("Thông tin").Expect("ngày làm việc").ExpectStep(Step.Menu)
            .Says("4").Expect("Cách gửi phản ánh");
    }

    [Fact]
    public void Gibberish_at_the_menu_without_tickets_shows_the_menu()
    {
        Script.Start().Says("asdf qwer").Expect("chưa hiểu").ExpectButtons("Gửi phản ánh", "Tra cứu");
    }
}
