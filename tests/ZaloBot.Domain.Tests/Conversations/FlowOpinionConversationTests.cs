using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>
/// A second opinion on what a typed answer means (the trained flow model, here a stand-in that is always sure of one
/// thing): consulted only where the rules read nothing in the message, asked with the step, and acted on as the rules'
/// own reading would be.
/// </summary>
public class FlowOpinionConversationTests
{
    private static ConversationContext Sure(FlowIntent intent, List<(Step Step, string Raw)>? asked = null) =>
        Fixtures.Context() with
        {
            Understanding = Understander.Default.WithFlowOpinion((step, raw) =>
            {
                asked?.Add((step, raw));
                return intent;
            }),
        };

    // The opinion is asked at every step: the steps before are played with the rules alone.
    private static readonly ConversationState Place = Script.Start().Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
        .Says("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm").ExpectStep(Step.Place).State;

    private static readonly ConversationState Summary = Script.Start(Fixtures.Context(), Place).Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc")
        .Says("Xong").Says("Nguyễn Văn An, 0912345678").ExpectStep(Step.Confirm).State;

    private static Script AtPlace(ConversationContext context) => Script.Start(context, Place);

    private const string Unread = "thôi dẹp đi, nói mãi chẳng ai làm";

    [Fact]
    public void Without_an_opinion_the_message_the_rules_read_nothing_in_is_the_steps_answer() =>
        AtPlace(Fixtures.Context()).Says(Unread).State.Draft.Address.ShouldBe(Unread);

    [Fact]
    public void A_sure_cancel_drops_the_draft_and_is_asked_with_the_step()
    {
        var asked = new List<(Step, string)>();
        var script = AtPlace(Sure(FlowIntent.Cancel, asked)).Says(Unread).ExpectStep(Step.Menu);
        script.State.HasDraftInProgress.ShouldBeFalse();
        script.State.Draft.Address.ShouldBeNull();
        asked.ShouldContain((Step.Place, Unread));
    }

    [Fact]
    public void A_sure_back_goes_back_a_step() =>
        AtPlace(Sure(FlowIntent.Back)).Says("cho e coi lai cai truoc").ExpectStep(Step.Description);

    [Fact]
    public void A_sure_later_moves_past_the_place_without_storing_it()
    {
        var script = AtPlace(Sure(FlowIntent.Later)).Says("để bác hỏi thằng cháu đã");
        script.State.Step.ShouldNotBe(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void A_sure_edit_opens_the_part_its_words_name_or_else_the_list_of_parts()
    {
        var edit = Sure(FlowIntent.Edit);
        Script.Start(edit, Summary).Says("phần liên lạc có chút vấn đề").ExpectStep(Step.Contact);
        Script.Start(edit, Summary).Says("có chỗ chưa ổn lắm").ExpectStep(Step.EditChoice);
        // The part the edit verb governs, not the photos named on the way.
        AtPhotos(edit).Says("khoan chua gui anh dau de toi sua so dien thoai truoc da").ExpectStep(Step.Contact);
    }

    [Fact]
    public void Another_matter_is_kept_for_after_this_complaint_but_a_contact_given_is_the_contact()
    {
        var another = Sure(FlowIntent.AnotherMatter);
        const string matter = "à còn vụ nữa, ông trưởng thôn còn lấy tiền làm đường của dân nữa, báo luôn được không";
        var script = AtPlace(another).Says(matter).ExpectStep(Step.Place).Expect(ConversationTexts.AnotherProblemLater);
        script.State.PendingProblem.ShouldBe(matter);
        script.State.Draft.Address.ShouldBeNull();
        var contact = Script.Start(Fixtures.Context(), Place).Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc").Says("Xong").ExpectStep(Step.Contact).State;
        var atContact = Script.Start(another, contact).Says("Nguyễn Văn An 0912345678, có gì gọi giờ hành chính nhé").ExpectStep(Step.Confirm);
        atContact.State.PendingProblem.ShouldBeNull();
    }

    [Theory]
    [InlineData(Step.Confirm, FlowIntent.AnotherMatter)]
    [InlineData(Step.Description, FlowIntent.None)]
    [InlineData(Step.ProblemOffer, FlowIntent.None)]
    public void The_models_new_problem_is_another_matter_only_where_the_draft_holds_its_problem(Step step, FlowIntent expected) =>
        SecondOpinion.FlowIntentOf(new Opinion("newproblem", 0.95), 0.6, step).ShouldBe(expected);

    [Fact]
    public void A_sure_correction_of_the_name_takes_the_name_that_stands_out_and_none_without_one()
    {
        var correct = Sure(FlowIntent.Correction);
        var script = Script.Start(correct, Summary).Says("Đề nghị sửa lại họ tên: Nguyễn Văn Ân (dấu ngã ở chữ Ân), không phải An ạ").ExpectStep(Step.Confirm);
        script.State.Draft.ContactName.ShouldBe("Nguyễn Văn Ân");
        Script.Start(correct, Summary).Says("họ tên có chỗ chưa đúng").State.Draft.ContactName.ShouldBe(Script.Start(Fixtures.Context(), Summary).State.Draft.ContactName);
    }

    [Fact]
    public void The_rules_own_reading_wins_over_the_opinion()
    {
        var asked = new List<(Step, string)>();
        AtPlace(Sure(FlowIntent.Cancel, asked)).Says("cho sửa lại mô tả").ExpectStep(Step.Description);
        asked.ShouldNotContain(x => x.Item2 == "cho sửa lại mô tả");
    }

    private static readonly ConversationState Photos = Script.Start(Fixtures.Context(), Place).Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc")
        .ExpectStep(Step.Attachments).State;

    private static Script AtPhotos(ConversationContext context) => Script.Start(context, Photos);

    [Fact]
    public void A_sure_yes_files_the_summary_and_is_nothing_without_the_opinion()
    {
        const string yes = "bác đọc lại thấy đúng hết rồi, cháu cho bác nhé";
        Script.Start(Fixtures.Context(), Summary).Says(yes).ExpectStep(Step.Confirm).ExpectNoTicket();
        Script.Start(Sure(FlowIntent.Agrees), Summary).Says(yes).Ticket().ShouldNotBeNull();
    }

    [Fact]
    public void At_the_photos_a_sure_yes_moves_on_and_elsewhere_it_is_nothing()
    {
        AtPhotos(Fixtures.Context()).Says("đây tôi gửi luôn đây").ExpectStep(Step.Attachments);
        AtPhotos(Sure(FlowIntent.Agrees)).Says("đây tôi gửi luôn đây").ExpectStep(Step.Contact);
        AtPlace(Sure(FlowIntent.Agrees)).Says("đầu ngõ 5 Lý Thái Tổ").State.Draft.Address.ShouldBe("đầu ngõ 5 Lý Thái Tổ");
    }

    [Fact]
    public void A_reading_of_the_rules_that_leads_nowhere_at_the_step_is_left_to_the_opinion()
    {
        // Read by the rules as a correction of the photos, which there is nothing to correct with.
        const string noCamera = "bac khong co anh dau dien thoai bac la dien thoai cuc gach khong chup duoc";
        AtPhotos(Fixtures.Context()).Says(noCamera).ExpectStep(Step.Attachments);
        var asked = new List<(Step, string)>();
        AtPhotos(Sure(FlowIntent.Later, asked)).Says(noCamera).ExpectStep(Step.Contact);
        asked.ShouldContain((Step.Attachments, noCamera));
    }

    [Fact]
    public void A_correction_or_an_answer_from_the_opinion_is_no_command() =>
        AtPlace(Sure(FlowIntent.Correction)).Says("số 12 đường Lý Thái Tổ").State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ");

    [Fact]
    public void A_correction_from_the_opinion_holding_an_address_corrects_the_address()
    {
        const string clearer = "ghi rõ giúp tôi: số 12 ngõ 5 đường Lý Thái Tổ, vì ngoài mặt đường cũng có số 12 khác";
        Script.Start(Fixtures.Context(), Summary).Says(clearer).State.Draft.Address.ShouldBe(Summary.Draft.Address);
        var corrected = Script.Start(Sure(FlowIntent.Correction), Summary).Says(clearer).ExpectStep(Step.Confirm).State;
        corrected.Draft.Address.ShouldStartWith("số 12 ngõ 5 đường Lý Thái Tổ");
    }

    [Fact]
    public void A_correction_from_the_opinion_without_an_address_changes_nothing() =>
        Script.Start(Sure(FlowIntent.Correction), Summary).Says("có chỗ chưa ổn lắm đâu").State.Draft.ShouldBe(Summary.Draft);

    [Theory]
    [InlineData("ừ")]
    [InlineData("vâng")]
    [InlineData("uh")]
    public void The_summarys_own_yes_is_sent_whatever_the_opinion_would_read(string yes)
    {
        var asked = new List<(Step, string)>();
        Script.Start(Sure(FlowIntent.Edit, asked), Summary).Says(yes).ExpectStep(Step.Menu).State.HasDraftInProgress.ShouldBeFalse();
        asked.ShouldBeEmpty();
    }

    [Fact]
    public void No_photos_in_the_steps_own_words_moves_on_whatever_the_opinion_would_read() =>
        AtPhotos(Sure(FlowIntent.Cancel)).Says("không có ảnh").ExpectStep(Step.Contact);

    [Fact]
    public void A_yes_from_the_opinion_files_the_complaint_only_with_a_word_of_agreement_in_it()
    {
        var yes = Sure(FlowIntent.Agrees);
        Script.Start(yes, Summary).Says("khoan đã cháu ơi, để bác hỏi thằng con cái đã").ExpectStep(Step.Confirm).State.HasDraftInProgress.ShouldBeTrue();
        Script.Start(yes, Summary).Says("thấy ổn cả rồi cháu, cứ thế mà gửi lên cho bác").ExpectStep(Step.Menu).State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void A_place_rewritten_after_a_lead_is_its_first_clause_not_the_run_the_place_reader_picks() =>
        AtPlace(Sure(FlowIntent.Correction)).Says("ghi lại giúp tôi là đối diện nhà văn hóa khu 4, số nhà tôi không chắc")
            .State.Draft.Address.ShouldBe("đối diện nhà văn hóa khu 4");

    // A correction the rules cannot place, naming the problem and no place, said at the place step: the problem told
    // better, never the address.
    [Fact]
    public void A_correction_of_the_problem_at_the_place_step_is_added_to_the_description()
    {
        var script = AtPlace(Sure(FlowIntent.Correction))
            .Says("à mà cháu ơi bác nói lại cái đèn nó không tắt hẳn mà cứ chập chờn lúc sáng lúc tắt cháu ghi lại hộ bác").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("chập chờn lúc sáng lúc tắt");
        script.State.Draft.Description!.ShouldStartWith("Đèn đường trước nhà bị hỏng cả tuần nay");
    }
}
