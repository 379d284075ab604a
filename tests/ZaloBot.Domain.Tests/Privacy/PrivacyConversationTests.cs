using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Privacy;
using ZaloBot.Domain.Tests.Conversations;

namespace ZaloBot.Domain.Tests.Privacy;

/// <summary>The notice before the first personal question, optional purposes asked with two equal buttons, rights as whole messages.</summary>
public class PrivacyConversationTests
{
    private static readonly Dictionary<string, int> NoChanges = new();

    private static PrivacyNotice Notice(int version = 1, Dictionary<string, int>? purposeVersions = null) =>
        new(version, "UBND tỉnh Bắc Ninh", "1022", "Trung tâm Phục vụ hành chính công tỉnh", "https://pakn.example.gov.vn/quyen-rieng-tu",
            "5 năm", purposeVersions ?? NoChanges);

    private static ConversationContext WithNotice(CitizenPrivacy? citizen = null, PrivacyNotice? notice = null) =>
        Fixtures.Context() with { Privacy = new PrivacyContext(notice ?? Notice(), citizen ?? CitizenPrivacy.Nothing) };

    private static CitizenPrivacy Seen(int version, params (string Purpose, string Answer, int Version)[] answers) =>
        new(version, answers.ToDictionary(a => a.Purpose, a => new ConsentAnswer(a.Answer, a.Version)));

    private static List<string> Texts(IEnumerable<ConversationEffect> effects) =>
        effects.Select(e => e switch { SendText t => t.Text, SendButtons b => b.Text, _ => null }).OfType<string>().ToList();

    [Fact]
    public void Asking_whether_personal_data_is_safe_gets_the_notice_itself_and_nothing_is_filed()
    {
        var script = Script.Start(WithNotice()).Says("số điện thoại của tôi có bị lộ ra ngoài không");
        var texts = Texts(script.Last);
        texts[0].ShouldStartWith("Về dữ liệu cá nhân của bạn: UBND tỉnh Bắc Ninh");
        texts[0].ShouldContain("https://pakn.example.gov.vn/quyen-rieng-tu");
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void The_notice_comes_before_the_first_question_of_a_complaint_with_its_link_recipients_and_rights()
    {
        var script = Script.Start(WithNotice()).Says("Gửi phản ánh");

        var texts = Texts(script.Last);
        texts[0].ShouldContain("https://pakn.example.gov.vn/quyen-rieng-tu");
        texts[0].ShouldContain("UBND tỉnh Bắc Ninh");
        texts[0].ShouldContain("Zalo (VNG)");
        texts[0].ShouldContain("Hệ thống thông tin phản ánh, kiến nghị quốc gia");
        texts[0].ShouldContain("không cần bạn đồng ý");
        texts[0].ShouldContain("dữ liệu của tôi");
        texts.Last().ShouldContain("lĩnh vực");
        script.Last.OfType<RecordNoticeShown>().ShouldHaveSingleItem().Version.ShouldBe(1);
    }

    [Fact]
    public void Danger_keeps_the_emergency_numbers_as_the_very_first_line_and_the_notice_follows_them()
    {
        var script = Script.Start(WithNotice()).Says("cay xanh do de len day dien dang toe lua o dau ngo");

        var texts = Texts(script.Last);
        texts[0].ShouldStartWith(DangerTexts.Prefix);
        texts[1].ShouldContain("https://pakn.example.gov.vn/quyen-rieng-tu");
        script.Last.OfType<RecordNoticeShown>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_greeting_asks_nothing_personal_and_gets_no_notice_and_a_citizen_who_saw_it_does_not_see_it_again()
    {
        Script.Start(WithNotice()).Says("xin chào").ExpectNot("quyen-rieng-tu").Last.OfType<RecordNoticeShown>().ShouldBeEmpty();

        var returning = Script.Start(WithNotice(Seen(1))).ToConfirmation();
        returning.All.OfType<RecordNoticeShown>().ShouldBeEmpty();
        Texts(returning.All).ShouldNotContain(t => t.Contains("quyen-rieng-tu", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notice_is_shown_once_before_the_contact_question_in_a_whole_complaint()
    {
        var script = Script.Start(WithNotice()).Says("Gửi phản ánh").With(c => c with { Privacy = c.Privacy with { Citizen = Seen(1) } })
            .Says("Hạ tầng, môi trường").Says("Đường Lý Thái Tổ bị ngập sâu sau mưa, xe máy không đi được")
            .Says("Số 12 đường Lý Thái Tổ, phường Kinh Bắc").Says("Xong").ExpectStep(Step.Contact);
        script.All.OfType<RecordNoticeShown>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_problem_typed_at_the_menu_gets_the_notice_before_the_offer_to_file_it()
    {
        var script = Script.Start(WithNotice()).Says("Đèn đường trước nhà số 5 phố Huế bị hỏng ba ngày nay, tối rất nguy hiểm");
        Texts(script.Last)[0].ShouldContain("quyen-rieng-tu");
        script.State.HasDraftInProgress.ShouldBeTrue();
    }

    [Fact]
    public void After_submission_each_optional_purpose_is_asked_with_two_equal_buttons_and_nothing_is_assumed()
    {
        var script = Script.Start(WithNotice(Seen(1))).ToConfirmation().Says("Gửi");

        script.Ticket();
        var questions = script.Last.OfType<SendButtons>().Where(b => b.Buttons.Any(x => x.Title.StartsWith("Đồng ý", StringComparison.Ordinal))).ToList();
        questions.Select(q => q.Buttons.Select(b => b.Title).ToArray()).ShouldBe([
            [PrivacyTexts.AgreeCallBack, PrivacyTexts.RefuseCallBack],
            [PrivacyTexts.AgreeSurvey, PrivacyTexts.RefuseSurvey],
        ]);
        questions.ShouldAllBe(q => q.Text.Contains("không ảnh hưởng", StringComparison.Ordinal));
        script.All.OfType<RecordConsent>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Không gọi lại", Purposes.CallBack, ConsentAnswers.Refused, "sẽ không gọi")]
    [InlineData("dong y goi lai", Purposes.CallBack, ConsentAnswers.Granted, "có thể gọi")]
    [InlineData("KHÔNG KHẢO SÁT", Purposes.Survey, ConsentAnswers.Refused, "không gửi khảo sát")]
    [InlineData("Đồng ý khảo sát", Purposes.Survey, ConsentAnswers.Granted, "hỏi bạn đánh giá")]
    public void A_pressed_or_typed_answer_is_recorded_and_changes_nothing_else(string answer, string purpose, string recorded, string reply)
    {
        var script = Script.Start(WithNotice(Seen(1))).Says(answer).Expect(reply).ExpectStep(Step.Menu);
        script.Last.OfType<RecordConsent>().ShouldHaveSingleItem().ShouldBe(new RecordConsent(purpose, recorded));
        script.ExpectNoTicket();
    }

    [Fact]
    public void A_refusal_in_the_middle_of_a_complaint_keeps_the_draft_and_asks_the_same_question_again()
    {
        var script = Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("Hạ tầng, môi trường").ExpectStep(Step.Description)
            .Says("Không gọi lại").ExpectStep(Step.Description).Expect("mô tả");
        script.State.Draft.CategoryCode.ShouldNotBeNull();
    }

    [Fact]
    public void A_new_notice_version_is_shown_as_updated_and_asks_again_only_for_the_purpose_that_changed()
    {
        var citizen = Seen(1, (Purposes.CallBack, ConsentAnswers.Granted, 1), (Purposes.Survey, ConsentAnswers.Refused, 1));
        var script = Script.Start(WithNotice(citizen, Notice(2, new() { [Purposes.Survey] = 2 }))).Says("Gửi phản ánh").Expect("đã được cập nhật");
        script.Last.OfType<RecordNoticeShown>().ShouldHaveSingleItem().Version.ShouldBe(2);

        var submitted = Script.Start(WithNotice(Seen(2, (Purposes.CallBack, ConsentAnswers.Granted, 1), (Purposes.Survey, ConsentAnswers.Refused, 1)),
            Notice(2, new() { [Purposes.Survey] = 2 }))).ToConfirmation().Says("Gửi");
        var buttons = submitted.Last.OfType<SendButtons>().SelectMany(b => b.Buttons).Select(b => b.Title).ToList();
        buttons.ShouldContain(PrivacyTexts.AgreeSurvey);
        buttons.ShouldNotContain(PrivacyTexts.AgreeCallBack);
    }

    [Theory]
    [InlineData("Không đồng ý")]
    [InlineData("toi khong muon cung cap")]
    public void Refusing_to_give_contact_details_is_told_the_other_channels_and_nothing_is_filed(string refusal)
    {
        var script = Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đường Lý Thái Tổ bị ngập sâu sau mưa, xe máy không đi được").Says("Số 12 đường Lý Thái Tổ, phường Kinh Bắc").Says("Xong")
            .ExpectStep(Step.Contact)
            .Says(refusal).Expect("đường dây nóng 1022").Expect("Trung tâm Phục vụ hành chính công tỉnh").ExpectStep(Step.Contact);
        script.ExpectNoTicket();
    }

    [Theory]
    [InlineData("Dữ liệu của tôi")]
    [InlineData("du lieu cua toi")]
    public void Asking_for_my_data_is_answered_by_the_service_with_a_summary(string text)
    {
        Script.Start(WithNotice(Seen(1))).Says(text).Last.OfType<ShowMyData>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Correction_deletion_and_withdrawal_start_requests_and_a_draft_in_progress_is_asked_again()
    {
        Script.Start(WithNotice(Seen(1))).Says("sửa số điện thoại 0912 345 678").Last.OfType<StartPrivacyRequest>().ShouldHaveSingleItem()
            .ShouldBe(new StartPrivacyRequest(RequestKinds.Correct, "+84912345678"));
        Script.Start(WithNotice(Seen(1))).Says("sua so dien thoai").Expect("kèm số điện thoại mới").Last.OfType<StartPrivacyRequest>().ShouldBeEmpty();
        Script.Start(WithNotice(Seen(1))).Says("XÓA DỮ LIỆU CỦA TÔI").Expect("có thể phải giữ lại").Last.OfType<StartPrivacyRequest>().ShouldHaveSingleItem()
            .Kind.ShouldBe(RequestKinds.Delete);
        Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("rút lại đồng ý").ExpectStep(Step.Category).Expect("lĩnh vực")
            .Last.OfType<WithdrawConsents>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_description_that_merely_mentions_data_is_not_a_request()
    {
        Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Cán bộ phường đòi xoá dữ liệu của tôi trên hệ thống đất đai mà không báo trước").ExpectStep(Step.Place)
            .All.OfType<PrivacyEffect>().ShouldBeEmpty();
    }

    [Fact]
    public void Mentioning_an_ID_card_is_told_it_is_not_needed_and_a_shared_location_is_recorded_as_the_citizens_choice()
    {
        Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Tôi gửi kèm ảnh CCCD để xác minh, đường Lý Thái Tổ bị ngập sâu").Expect("Không cần gửi ảnh hoặc số CMND/CCCD");
        Script.Start(WithNotice(Seen(1))).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đường Lý Thái Tổ bị ngập sâu sau mưa, xe máy không đi được").SharesLocation(21.18, 106.07)
            .Last.OfType<RecordConsent>().ShouldHaveSingleItem().ShouldBe(new RecordConsent(Purposes.Location, ConsentAnswers.Granted));
    }

    [Fact]
    public void Without_a_configured_notice_the_engine_says_nothing_about_it()
    {
        var script = Script.Start(Fixtures.Context()).ToConfirmation().Says("Gửi");
        script.All.OfType<PrivacyEffect>().ShouldBeEmpty();
        script.ExpectNot(PrivacyTexts.AgreeCallBack);
    }
}
