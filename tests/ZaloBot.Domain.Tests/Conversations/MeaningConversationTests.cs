using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Information;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Tracks;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>
/// A citizen understood as a person would understand them: what a message means is decided before it is stored as a
/// step's answer, one intent per message, danger first, tracks said plainly, "is it fixed?" in words, cleanup that
/// keeps words. The examples are the ones citizens actually typed when the bot got them wrong (docs/understanding.md).
/// </summary>
public class MeaningConversationTests
{
    private static Script AtPlace() => StreetLight.AtPlace();

    private static Script AtContact() => StreetLight.AtContact();

    // ---- meaning before data ----

    [Fact]
    public void The_wrong_thing_a_pause_and_the_right_one_corrects_the_draft_and_is_never_the_address()
    {
        var script = AtPlace().Says("à mà không phải đèn đâu, cái cống cơ");
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("cống");
        script.State.Draft.Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("thôi e vào ca rồi, để sau")]
    [InlineData("thoi de khi khac")]
    public void Leaving_off_at_the_list_of_fields_cancels_rather_than_filing_under_other(string text)
    {
        var script = Script.Start().Says("Gửi phản ánh").ExpectStep(Step.Category).Says(text).ExpectStep(Step.Menu).Expect("Đã hủy");
        script.State.Draft.CategoryCode.ShouldBeNull();
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void A_place_said_the_same_way_is_still_the_place() =>
        AtPlace().Says("không phải chỗ này, ở đầu ngõ 7 bên kia").State.Draft.Address.ShouldNotBeNull().ShouldContain("ngõ 7");

    [Theory]
    [InlineData("thôi ko gửi nữa")]
    [InlineData("thoi bo di, de khi khac")]
    [InlineData("thôi, tôi đổi ý rồi, không gửi nữa")]
    public void Cancel_in_natural_phrasing_at_the_place_step_cancels_and_is_never_the_address(string text)
    {
        var script = AtPlace().Says(text).ExpectStep(Step.Menu).Expect("Đã hủy");
        script.State.Draft.Address.ShouldBeNull();
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void Cancel_at_the_description_step_is_not_the_description()
    {
        var script = StreetLight.AtDescription()
            .Says("thoi bo di, de khi khac").ExpectStep(Step.Menu);
        script.State.Draft.Description.ShouldBeNull();
    }

    [Fact]
    public void Asking_how_to_add_a_photo_to_what_was_sent_is_told_how_and_files_nothing()
    {
        var script = Script.Start().Says("Em muốn gửi thêm ảnh cho cái phản ánh lúc sáng mà không thấy nút mô hết")
            .Expect("bổ sung ảnh").ExpectStep(Step.Menu);
        script.State.Draft.Description.ShouldBeNull();
    }

    [Theory]
    [InlineData("Tôi xin viết lại: Đèn đường trước cửa hàng hỏng từ thứ hai tuần trước, cả đoạn tối")]
    [InlineData("À bác nói lại, Đèn đường trước cửa hàng hỏng từ thứ hai tuần trước, cả đoạn tối")]
    [InlineData("à ghi lại chút, Đèn đường trước cửa hàng hỏng từ thứ hai tuần trước, cả đoạn tối")]
    [InlineData("sửa lại giúp e là Đèn đường trước cửa hàng hỏng từ thứ hai tuần trước, cả đoạn tối")]
    public void A_rewriting_lead_at_the_description_step_is_no_part_of_the_description(string said)
    {
        var script = StreetLight.AtDescription().Says(said).ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe("Đèn đường trước cửa hàng hỏng từ thứ hai tuần trước, cả đoạn tối");
    }

    [Fact]
    public void Shouting_at_the_description_step_keeps_its_verb()
    {
        var script = StreetLight.AtDescription().Says("la hét om sòm cả đêm ở quán karaoke đầu ngõ").ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe("la hét om sòm cả đêm ở quán karaoke đầu ngõ");
    }

    [Fact]
    public void A_lead_that_names_the_description_at_its_step_is_no_part_of_it()
    {
        var script = StreetLight.AtDescription().Says("à cái mô tả đó cháu sửa lại giùm bác là đèn hỏng gần hai tuần rồi chớ không phải một tuần").ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe("đèn hỏng gần hai tuần rồi chớ không phải một tuần");
    }

    [Fact]
    public void What_stays_as_it_was_is_no_part_of_a_correction()
    {
        var script = AtContact().Says("tên sđt như trên, nhưng nhà tôi là số 12A chứ ko phải 12 nha").Expect("Đã sửa địa điểm");
        script.State.Draft.Address.ShouldStartWith("số 12A đường Lý Thái Tổ");
        script.State.Draft.ContactName.ShouldBeNull();
    }

    [Fact]
    public void Asking_to_edit_the_description_at_the_contact_step_opens_it_and_is_not_a_name()
    {
        var script = AtContact().Says("cho sửa lại mô tả").ExpectStep(Step.Description).Expect("mô tả sự việc");
        script.State.Draft.ContactName.ShouldBeNull();
    }

    [Fact]
    public void A_correction_at_the_place_step_is_applied_to_the_description_and_is_not_the_address()
    {
        var script = AtPlace().Says("à nhầm, không phải đèn đường mà là cống").ExpectStep(Step.Place).Expect("Đã sửa nội dung");
        script.State.Draft.Description.ShouldStartWith("cống trước nhà bị hỏng");
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void A_correction_said_the_other_way_round_is_applied_at_the_summary()
    {
        var script = Script.Start().ToConfirmation()
            .Says("số nhà 21 chứ không phải 12").ExpectStep(Step.Confirm).Expect("Số 21 đường Lý Thái Tổ");
        script.State.Draft.Address.ShouldStartWith("Số 21 đường Lý Thái Tổ");
    }

    [Fact]
    public void A_cancel_said_twice_with_one_more_word_cancels_at_the_description_step()
    {
        var script = StreetLight.AtDescription()
            .Says("thôi để hôm khác e gửi").ExpectStep(Step.Menu);
        script.State.Draft.Description.ShouldBeNull();
    }

    [Fact]
    public void A_correction_at_the_summary_is_applied_and_shown_in_the_summary()
    {
        var script = Script.Start().ToConfirmation()
            .Says("sai dia chi roi, phai la so 21 chu ko phai 12").ExpectStep(Step.Confirm)
            .Expect("Số 21 đường Lý Thái Tổ").ExpectNot("Số 12 đường");
        script.State.Draft.Address.ShouldStartWith("Số 21 đường Lý Thái Tổ");
        script.Says("sdt sai roi, phai la 0987654321").ExpectStep(Step.Confirm).Expect("0987 654 321");
        script.State.Draft.ContactPhone.ShouldBe("+84987654321");
    }

    [Fact]
    public void A_named_part_is_edited_straight_from_the_summary_and_the_summary_comes_back()
    {
        Script.Start().ToConfirmation()
            .Says("sửa địa chỉ").ExpectStep(Step.Place)
            .Says("số 40 đường Ngô Gia Tự").ExpectStep(Step.Confirm).Expect("số 40 đường Ngô Gia Tự");
    }

    [Theory]
    [InlineData("Kinh Bắc ạ", "KINHBAC")]
    [InlineData("p vo cuong a", "VOCUONG")]
    [InlineData("tu son ad oi", "TUSON")]
    [InlineData("số 1", "KINHBAC")]
    [InlineData("Võ Cường cháu ạ, không phải Kinh Bắc đâu", "VOCUONG")]
    [InlineData("ko phai p vu ninh dau, tu son nhe", "TUSON")]
    [InlineData("lúc nãy e chọn nhầm Kinh Bắc, chỗ e trọ là Võ Cường cơ", "VOCUONG")]
    [InlineData("giáp ranh từ sơn vs võ cường mà nhà tui bên từ sơn", "TUSON")]
    [InlineData("kinh bac nha, nha e o ngay gan den do", "KINHBAC")]
    [InlineData("kinhbac", "KINHBAC")]
    [InlineData("1 ạ hình như vậy", "KINHBAC")]
    [InlineData("Một ạ", "KINHBAC")]
    [InlineData("hai nhe", "VOCUONG")]
    [InlineData("Phường 1", "KINHBAC")]
    [InlineData("vo cuog", "VOCUONG")]
    public void The_ward_list_forgives_particles_missing_diacritics_and_prefixes(string text, string code)
    {
        var script = AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area).Says(text).ExpectStep(Step.Attachments);
        script.State.Draft.AreaCode.ShouldBe(code);
    }

    [Fact]
    public void A_numeral_word_alone_that_begins_a_ward_name_is_that_ward() =>
        Intents.Ordinal("hai", 5, ["kinh bac", "hai ba trung", "vu ninh"]).ShouldBeNull();

    [Fact]
    public void Two_wards_named_and_neither_denied_are_asked_again() =>
        AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area).Says("Kinh Bắc hay Võ Cường gì đó").ExpectStep(Step.Area);

    [Fact]
    public void At_the_edit_list_giving_up_the_edit_and_then_the_complaint_cancels_it() =>
        Script.Start().ToConfirmation().Says("Sửa").ExpectStep(Step.EditChoice)
            .Says("thôi không sửa nữa, hủy luôn phản ánh này đi").ExpectStep(Step.Menu).Expect("Đã hủy");

    [Fact]
    public void Not_knowing_the_ward_or_sending_photos_later_moves_on()
    {
        AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area)
            .Says("ko bit phuong nao").ExpectStep(Step.Attachments)
            .Says("để tí e gửi sau").ExpectStep(Step.Contact).Expect("gửi vào đây sau");
    }

    [Fact]
    public void A_new_problem_typed_mid_flow_is_kept_apart_and_not_stored_as_the_address()
    {
        var script = AtPlace().Says("à mà còn vụ rác ở đầu ngõ cũng không ai dọn, bốc mùi lắm").ExpectStep(Step.Place).Expect("sự việc khác");
        script.State.Draft.Address.ShouldBeNull();
        script.State.PendingProblem.ShouldNotBeNull();
    }

    [Fact]
    public void A_new_problem_typed_mid_flow_is_offered_once_the_complaint_is_cancelled()
    {
        var script = AtPlace().Says("à mà còn vụ rác ở đầu ngõ cũng không ai dọn, bốc mùi lắm")
            .Says("thôi ko gửi nữa").Expect("Đã hủy").Expect(ConversationTexts.PendingProblemNow).ExpectStep(Step.ProblemOffer);
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("rác ở đầu ngõ");
        script.State.PendingProblem.ShouldBeNull();
    }

    [Fact]
    public void A_problem_offered_and_put_off_waits_to_be_offered_again_and_is_not_filed()
    {
        var offered = Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer);
        var later = offered.Says("để mai đi bận quá").ExpectStep(Step.Menu).Expect(ConversationTexts.ProblemKeptForLater).ExpectNoTicket();
        later.State.PausedStep.ShouldBe(Step.ProblemOffer);
        later.State.Draft.Description.ShouldNotBeNull().ShouldContain("Cống thoát nước");
        later.Says("Gửi phản ánh").ExpectStep(Step.ResumeOffer);
    }

    [Fact]
    public void A_problem_offered_with_only_the_photos_put_off_goes_on_now() =>
        Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer)
            .Says("mai tôi gửi ảnh sau nhé, giờ gửi trước đi").ExpectStep(Step.Place);

    [Fact]
    public void A_problem_offered_and_let_go_is_dropped() =>
        Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer)
            .Says("thôi bỏ qua").ExpectStep(Step.Menu).State.HasDraftInProgress.ShouldBeFalse();

    private static Script WithAnotherProblemNamed(ConversationContext context) =>
        Script.Start(context).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đường Lý Thái Tổ bị ngập sâu sau mưa, xe máy không đi được")
            .Says("tiện đây tôi phản ánh luôn việc rác ở đầu ngõ 7 không ai dọn cả tuần nay")
            .Says("Số 12 đường Lý Thái Tổ, phường Kinh Bắc").Says("Xong").Says("Nguyễn Văn An, 0912 345 678")
            .ExpectStep(Step.Confirm);

    [Fact]
    public void A_new_problem_typed_mid_flow_is_offered_once_the_complaint_is_filed()
    {
        var script = WithAnotherProblemNamed(Fixtures.Context()).Says("gửi")
            .Expect(ConversationTexts.PendingProblemNow).ExpectStep(Step.ProblemOffer);
        script.Ticket().Description.ShouldContain("ngập sâu");
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("rác ở đầu ngõ 7");
    }

    [Fact]
    public void A_new_problem_typed_mid_flow_waits_for_the_publication_answer_which_stays_the_last_question()
    {
        var publishing = Fixtures.Context() with { Categories = Fixtures.Categories.Select(c => c with { Publishable = true }).ToList() };
        var script = WithAnotherProblemNamed(publishing).Says("gửi").ExpectNot(ConversationTexts.PendingProblemNow).ExpectStep(Step.Menu);
        script.WithTickets(new CitizenTicket(Fixtures.NewCode, "Hạ tầng, môi trường", "Đã nhận", true, null, null))
            .Says("Không công khai " + Fixtures.NewCode).Expect("sẽ không được công khai")
            .Expect(ConversationTexts.PendingProblemNow).ExpectStep(Step.ProblemOffer);
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("rác ở đầu ngõ 7");
    }

    [Fact]
    public void Refusing_the_phone_number_is_explained_and_not_taken_as_a_name()
    {
        var script = AtContact().Says("không muốn để lại số điện thoại").ExpectStep(Step.Contact).Expect("không hiển thị công khai");
        script.State.Draft.ContactName.ShouldBeNull();
    }

    // ---- one intent per message ----

    private static readonly ArticleOption Permit = new(1, "procedures", "Đăng ký hộ kinh doanh, thành lập doanh nghiệp", "Hộ kinh doanh đăng ký tại UBND cấp huyện.", null,
        ["đăng ký kinh doanh", "hộ kinh doanh", "giấy phép kinh doanh", "mở quán"], Script.Start0);

    private static readonly ArticleOption Marriage = new(2, "procedures", "Thủ tục đăng ký kết hôn", "Nộp tờ khai tại UBND cấp xã.", null,
        ["đăng ký kết hôn", "kết hôn"], Script.Start0);

    private static ConversationContext WithArticles() => Fixtures.Context() with { Articles = [Permit, Marriage] };

    [Fact]
    public void A_question_is_answered_as_a_question_and_no_complaint_is_opened()
    {
        var script = Script.Start(WithArticles()).Says("e mun mo quan cafe thi can xin giay phep j vay ad")
            .Expect(Permit.Title).ExpectNot(Marriage.Title).ExpectStep(Step.QuestionOffer).ExpectNot("Bạn muốn gửi phản ánh này");
        script.State.Draft.CategoryCode.ShouldBeNull();
    }

    [Fact]
    public void A_problem_is_offered_for_filing_with_no_article_in_front()
    {
        Script.Start(WithArticles()).Says("đèn đường ở ngõ 45 đăng ký sửa mãi mà vẫn tắt cả tháng nay rồi")
            .ExpectStep(Step.ProblemOffer).ExpectNot(Marriage.Title).ExpectNot("Có thể những thông tin sau");
    }

    [Fact]
    public void A_question_without_an_article_gets_an_honest_not_yet_that_files_nothing()
    {
        Script.Start(WithArticles()).Says("cho hỏi làm hộ chiếu ở đâu cho nhanh")
            .Expect("chưa có sẵn bài viết").ExpectNot("tiếp nhận").Expect("chưa gửi đi").ExpectStep(Step.QuestionOffer).ExpectNoTicket();
    }

    [Theory]
    [InlineData("toi gui kien nghi tu thang truoc sao chua thay ai tra loi gi het")]
    [InlineData("check giup e don phan anh vs")]
    [InlineData("xem lai cac phan anh da gui")]
    public void Status_chasing_lists_the_citizens_tickets(string text) =>
        Script.Start(Fixtures.Context(Fixtures.Open())).Says(text).Expect("Phản ánh của bạn:").Expect("PA-2610-ABCD").ExpectStep(Step.Menu);

    [Theory]
    [InlineData("e có mã PA-2610 gì đó mà quên mất mấy số cuối r, ad tra giúp e đc ko")]
    [InlineData("mã KN-2610-AB gì đấy ko nhớ hết, xem hộ với")]
    public void A_code_half_remembered_lists_the_citizens_tickets_with_their_codes(string text) =>
        Script.Start(Fixtures.Context(Fixtures.Open())).Says(text).Expect("Phản ánh của bạn:").Expect("PA-2610-ABCD").ExpectNot("Không tìm thấy");

    [Fact]
    public void A_code_inside_a_sentence_looks_that_ticket_up_or_says_it_is_unknown()
    {
        Script.Start(Fixtures.Context(Fixtures.Open())).Says("Mã phản ánh PA-2610-ABCD của tôi sao rồi").Expect("Phản ánh PA-2610-ABCD").Expect("Đang xử lý");
        Script.Start(Fixtures.Context(Fixtures.Open())).Says("Mã phản ánh PA-7QK2M của tôi sao rồi").Expect("Không tìm thấy phản ánh PA-7QK2M").ExpectStep(Step.Menu);
    }

    [Fact]
    public void Abuse_gets_a_calm_reply_and_the_menu_and_is_not_filed()
    {
        var script = Script.Start().Says("may cai bot ngu nhu bo, hoi gi cung khong biet").Expect("bực mình").ExpectButtons("Gửi phản ánh").ExpectStep(Step.Menu);
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void An_insult_only_a_second_opinion_reads_gets_the_calm_reply_but_a_problem_it_reads_so_is_still_offered()
    {
        // As the model does: an insult is no intent of its own (the decision takes it off the complaint path), and read as abuse.
        const string insult = "lũ quan tham các người";
        var insulting = Fixtures.Context() with
        {
            Understanding = Understander.Default.WithIntentDecision((raw, meaning) => raw == insult ? MessageIntent.None : meaning.Intent)
                .WithAbuseOpinion(_ => true),
        };
        Script.Start().Says(insult).ExpectNot("bực mình");
        Script.Start(insulting).Says(insult).Expect("bực mình").ExpectStep(Step.Menu);
        Script.Start(insulting).Says("đèn đường trước ngõ 5 hỏng cả tuần nay tối om").ExpectNot("bực mình").ExpectStep(Step.ProblemOffer);
    }

    [Fact]
    public void An_advert_is_kept_with_the_unrecognised_messages_and_not_offered_for_filing()
    {
        var script = Script.Start().Says("Nhận làm CCCD, bằng lái, sổ đỏ nhanh, hỗ trợ vay vốn không thế chấp. LH Zalo 0912345678")
            .ExpectStep(Step.Menu).ExpectNot("Thủ tục hành chính");
        script.Last.OfType<RecordNotUnderstood>().ShouldHaveSingleItem();
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    // ---- danger first ----

    [Fact]
    public void Danger_gets_the_emergency_numbers_first_then_an_urgent_complaint_in_few_steps()
    {
        var script = Script.Start().Says("cay xanh do de len day dien dang toe lua o dau ngo");
        var first = script.Last.OfType<SendText>().First().Text;
        first.ShouldStartWith(DangerTexts.Prefix);
        first.ShouldContain("114");
        first.ShouldContain(new EmergencyNumbers().PowerHotline);
        script.ExpectStep(Step.Place).Says("đầu ngõ 7 đường Ngô Gia Tự").ExpectStep(Step.Contact)
            .Says("Nguyễn Văn An, 0912345678").ExpectStep(Step.Confirm).Says("Gửi");
        script.Ticket().Description.ShouldContain("toe lua");
        script.All.OfType<SetTicketTrack>().ShouldHaveSingleItem().Priority.ShouldBe(Priorities.Urgent);
        script.ExpectNot(PublicationTexts.DoNotPublish).ExpectNot(PublicationTexts.Publish);
    }

    [Theory]
    [InlineData("xuong go canh nha dang chay lon lam, khoi den kit", "114")]
    [InlineData("có vụ đánh nhau chém nhau ở quán nhậu đầu ngõ, có người chảy máu", "113")]
    [InlineData("ngửi thấy mùi gas nồng nặc ở cầu thang chung cư từ sáng", "114")]
    public void The_numbers_that_fit_come_first(string text, string number)
    {
        var first = Script.Start().Says(text).Last.OfType<SendText>().First().Text;
        first.ShouldStartWith(DangerTexts.Prefix);
        first.ShouldContain(number);
    }

    [Fact]
    public void A_sure_second_opinion_adds_the_emergency_line_the_danger_words_missed_but_never_for_a_danger_told_as_over()
    {
        var sure = Fixtures.Context() with { Understanding = Understander.Default.WithDangerOpinion(_ => true) };
        const string collapsing = "mang tuong nha hoang canh cho dang nghieng dan ra via he, gach roi lien tuc ma ng van di qua";
        Script.Start().Says(collapsing).ExpectNot(DangerTexts.Prefix);
        var first = Script.Start(sure).Says(collapsing).Last.OfType<SendText>().First().Text;
        first.ShouldStartWith(DangerTexts.Prefix);
        first.ShouldContain("114");
        first.ShouldContain("115");
        Script.Start(sure).Says("tuần trước cây đổ chắn ngang đường, phường đã cho người dọn xong rồi").ExpectNot(DangerTexts.Prefix);
    }

    [Fact]
    public void Danger_told_at_the_summary_gets_the_numbers_first_and_waits_its_turn_without_making_the_street_light_urgent()
    {
        var script = Script.Start().ToConfirmation().Says("gửi thì gửi nhưng mà đang có mùi gas nồng nặc trong hành lang chung cư bây giờ nè");
        script.Last.OfType<SendText>().First().Text.ShouldStartWith(DangerTexts.Prefix);
        script.ExpectStep(Step.Confirm).Expect(ConversationTexts.AnotherProblemLater);
        script.State.Draft.Urgent.ShouldBeFalse();
        script.State.PendingProblem.ShouldNotBeNull().ShouldContain("mùi gas");
        script.Says("gửi").Expect(ConversationTexts.PendingProblemNow);
    }

    [Fact]
    public void A_doubting_second_opinion_takes_the_rules_danger_from_a_first_message_and_the_message_is_read_as_anything_else()
    {
        var doubting = Fixtures.Context() with { Understanding = Understander.Default.WithDangerDoubt(raw => raw.Contains("quán nhậu", StringComparison.Ordinal)) };
        const string brawl = "có vụ đánh nhau chém nhau ở quán nhậu đầu ngõ, có người chảy máu";
        Script.Start(doubting).Says(brawl).ExpectNot(DangerTexts.Prefix).State.Draft.Urgent.ShouldBeFalse();
        Script.Start(doubting).Says("xuong go canh nha dang chay lon lam, khoi den kit").Last.OfType<SendText>().First().Text.ShouldStartWith(DangerTexts.Prefix);
    }

    [Theory]
    [InlineData("complaint", 0.9, 0.01, true)]
    [InlineData("complaint", 0.5, 0.3, false)]
    [InlineData("danger", 0.4, 0.01, false)]
    public void A_model_doubts_danger_only_when_it_gives_it_less_than_the_threshold_and_does_not_name_it(string label, double p, double danger, bool doubted) =>
        SecondOpinion.DoubtsDanger(new Opinion(label, p, danger), 0.05).ShouldBe(doubted);

    [Fact]
    public void An_ordinary_pothole_is_not_danger() =>
        Script.Start().Says("o ga to giua duong ngo gia tu, da co nguoi nga xe").ExpectNot(DangerTexts.Prefix).ExpectStep(Step.ProblemOffer);

    // ---- tracks said plainly ----

    private static Script Through(Script script) =>
        (script.State.Step == Step.Category ? script.Says("Khác") : script.Says("Đúng, gửi phản ánh"))
            .Says("trụ sở xã Hòa Long").Says("bỏ qua").Says("Xong").Says("Nguyễn Văn An, 0912345678").ExpectStep(Step.Confirm).Says("Gửi");

    [Fact]
    public void A_to_cao_said_plainly_is_named_coded_and_timed_as_one_and_never_offered_publication()
    {
        var script = Script.Start().Says("Tôi tố cáo cán bộ địa chính xã nhận tiền của dân").Expect("tố cáo");
        script.State.Draft.SuggestedTrack.ShouldBe(TicketTracks.ToCao);
        Through(script).ExpectStep(Step.TrackChoice).Says(TrackTexts.AsTrack(TicketTracks.ToCao));
        var code = script.Ticket().Code;
        code.ShouldStartWith("TC-");
        script.Expect("Mã tố cáo của bạn: " + code).Expect("giữ bí mật").Expect("7 ngày làm việc")
            .ExpectNot("chậm nhất ngày").ExpectNot(PublicationTexts.Publish).ExpectNot(PublicationTexts.DoNotPublish);
    }

    [Fact]
    public void A_khieu_nai_gets_its_own_code_and_clock_and_a_decision_number_is_not_a_place()
    {
        var script = Script.Start().Says("Tôi khiếu nại quyết định số 123/QĐ-XPHC xử phạt hành chính gia đình tôi").Expect("khiếu nại");
        script.State.Draft.Address.ShouldBeNull();
        Through(script).ExpectStep(Step.TrackChoice).Says(TrackTexts.AsTrack(TicketTracks.KhieuNai));
        script.Ticket().Code.ShouldStartWith("KN-");
        script.Expect("Đã gửi khiếu nại").Expect("thụ lý trong 10 ngày").ExpectNot("chậm nhất ngày");
    }

    [Fact]
    public void Codes_carry_the_prefix_of_their_track_and_all_prefixes_parse()
    {
        TicketCodePrefix.Apply("PA-2611-7K3Q", TicketTracks.KhieuNai).ShouldBe("KN-2611-7K3Q");
        TicketCodePrefix.Apply("PA-2611-7K3Q", TicketTracks.ToCao).ShouldBe("TC-2611-7K3Q");
        TicketCodePrefix.Apply("PA-2611-7K3Q", TicketTracks.Pakn).ShouldBe("PA-2611-7K3Q");
        TicketCodePrefix.Variants("PA-2611-7K3Q").ShouldBe(["PA-2611-7K3Q", "KN-2611-7K3Q", "TC-2611-7K3Q"]);
        TicketCode.TryParse("tra cứu kn 2611 7k3q", out var code).ShouldBeTrue();
        code.Value.ShouldBe("KN-2611-7K3Q");
    }

    // ---- "is it fixed?" in words ----

    private static Script Resolved() =>
        Script.Start(Fixtures.Context(Fixtures.Closed("PA-2611-FX2K") with { StatusText = "Đã giải quyết", CanBeRated = true })
            with { ReopenableTickets = new HashSet<string> { "PA-2611-FX2K" } });

    [Theory]
    [InlineData("chưa")]
    [InlineData("Chưa khắc phục")]
    [InlineData("vẫn còn")]
    public void Not_fixed_in_words_asks_what_remains(string text)
    {
        var script = Resolved().Says(text).Expect("điều gì còn chưa được khắc phục");
        script.State.NotFixedTicketCode.ShouldBe("PA-2611-FX2K");
    }

    [Fact]
    public void Not_fixed_with_what_remains_reopens_at_once()
    {
        var script = Resolved().Says("chua sua xong, van con ngap").Expect("mở lại");
        script.Last.OfType<CitizenNotFixed>().ShouldHaveSingleItem().Text.ShouldBe("chua sua xong, van con ngap");
        script.Last.OfType<AppendToTicket>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("tôi đi công tác chưa về nên chưa biết, để về xem rồi báo lại")]
    [InlineData("thoi ko can hoi nua")]
    [InlineData("thôi khỏi hỏi nữa tui hổng muốn dính vô vụ ni nữa")]
    public void Not_checked_yet_leaves_the_question_open_and_files_nothing(string text)
    {
        var script = Resolved().Says(text).Expect("không cần trả lời ngay");
        script.Last.OfType<CitizenNotFixed>().ShouldBeEmpty();
        script.Last.OfType<CitizenConfirmedFixed>().ShouldBeEmpty();
        script.State.HasDraftInProgress.ShouldBeFalse();
        script.State.NotFixedTicketCode.ShouldBeNull();
    }

    [Theory]
    [InlineData("không biết thủ tục làm sổ đỏ thế nào")]
    [InlineData("không biết ai đổ rác ở đầu ngõ, bốc mùi quá")]
    public void A_question_or_a_new_problem_opening_with_khong_biet_is_not_a_put_off(string text) =>
        Resolved().Says(text).ExpectNot("không cần trả lời ngay");

    [Fact]
    public void Not_checked_but_still_broken_is_not_fixed() =>
        Resolved().Says("chưa xem kỹ nhưng hàng xóm bảo vẫn còn ngập").Expect("mở lại").Last.OfType<CitizenNotFixed>().ShouldHaveSingleItem();

    [Theory]
    [InlineData("đỡ hơn rồi nhưng chưa hẳn, lúc sáng lúc tắt chập chờn")]
    [InlineData("Đèn thì sáng rồi nhưng cứ chập chờn lúc sáng lúc tắt, chưa ổn đâu")]
    public void Not_done_after_a_but_reopens_with_the_citizens_words(string text) =>
        Resolved().Says(text).Expect("mở lại").Last.OfType<CitizenNotFixed>().ShouldHaveSingleItem();

    [Theory]
    [InlineData("xong rồi")]
    [InlineData("ok rồi")]
    [InlineData("rồi")]
    [InlineData("đèn sáng lại rồi")]
    [InlineData("Tôi xin xác nhận đèn đường đã được sửa chữa, sáng bình thường. Xin cảm ơn các đồng chí.")]
    public void Fixed_in_words_is_kept_and_the_rating_asked(string text) =>
        Resolved().Says(text).Expect(TrackTexts.ThanksForConfirming).Last.OfType<CitizenConfirmedFixed>().ShouldHaveSingleItem();

    [Theory]
    [InlineData("sửa xong rồi nhưng giờ vỉa hè đầu ngõ lại sụt", "vỉa hè đầu ngõ lại sụt")]
    [InlineData("den sang roi, ma hom nay lai co dong phe thai do o cong truong", "dong phe thai do o cong truong")]
    [InlineData("đèn sáng rồi cảm ơn các anh, mà giờ cái nắp cống ngay cạnh lại bị vỡ, xe máy sập bánh suốt", "cái nắp cống ngay cạnh lại bị vỡ, xe máy sập bánh suốt")]
    [InlineData("xong roi. tien the bao luon nha hang xom do rac ra goc cot den", "nha hang xom do rac ra goc cot den")]
    [InlineData("ok rồi ạ, nhân tiện cho hỏi cống đầu ngõ tắc mấy hôm nay ai xử lý", "cống đầu ngõ tắc mấy hôm nay ai xử lý")]
    [InlineData("đèn thì sửa xong rồi nhưng lúc sửa xe cẩu làm vỡ mấy viên gạch vỉa hè chưa ai dọn", "lúc sửa xe cẩu làm vỡ mấy viên gạch vỉa hè chưa ai dọn")]
    public void Fixed_and_something_else_wrong_now_confirms_and_offers_the_new_problem(string text, string problem)
    {
        var script = Resolved().Says(text);
        script.Last.OfType<CitizenConfirmedFixed>().ShouldHaveSingleItem();
        script.Last.OfType<CitizenNotFixed>().ShouldBeEmpty();
        script.State.Draft.Description.ShouldBe(problem);
        script.State.Step.ShouldBeOneOf(Step.ProblemOffer, Step.Category);
    }

    [Theory]
    [InlineData("sửa rồi nhưng được mấy hôm lại hỏng")]
    [InlineData("xong rồi mà nó lại tắt")]
    [InlineData("đã sửa nhưng vẫn còn ngập")]
    public void The_same_thing_broken_again_is_no_new_problem(string text)
    {
        var script = Resolved().Says(text);
        script.Last.OfType<CitizenConfirmedFixed>().ShouldBeEmpty();
        script.State.Draft.Description.ShouldBeNull();
    }

    [Theory]
    [InlineData("để sau")]
    [InlineData("chua biet tả sao, lat nua")]
    [InlineData("đang bận chút, tí nữa")]
    public void Later_at_the_description_keeps_the_draft_waiting_and_stores_nothing(string text)
    {
        var script = StreetLight.AtDescription()
            .Says(text).Expect(ConversationTexts.DescriptionLater);
        script.State.Step.ShouldBe(Step.Description);
        script.State.Draft.Description.ShouldBeNull();
        script.State.Draft.CategoryCode.ShouldBe("INFRA");
    }

    [Theory]
    [InlineData("để tí nữa bác xem lại rồi gửi sau")]
    [InlineData("de toi xem lai sau da")]
    public void Later_at_the_summary_sends_nothing_and_keeps_the_summary_as_it_is(string text)
    {
        var before = Script.Start().ToConfirmation();
        var draft = before.State.Draft;
        var script = before.Says(text).ExpectStep(Step.Confirm).Expect(ConversationTexts.ConfirmLater);
        script.Last.OfType<CreateTicket>().ShouldBeEmpty();
        script.State.Draft.ShouldBe(draft);
    }

    [Fact]
    public void A_detail_forgotten_is_added_to_the_description_at_the_summary()
    {
        var script = Script.Start().ToConfirmation()
            .Says("à quên chưa nói đèn hỏng từ hôm mùng 3 tết đến giờ, thêm vào giúp bác với").ExpectStep(Step.Confirm);
        script.State.Draft.Description.ShouldNotBeNull().ShouldEndWith("Đèn hỏng từ hôm mùng 3 tết đến giờ");
        script.State.Draft.Description.ShouldNotContain("thêm vào");
    }

    [Fact]
    public void A_place_forgotten_is_the_place_at_the_place_step() =>
        AtPlace().Says("quên chưa nói là ngay cạnh cổng chợ Giầu").State.Draft.Address.ShouldBe("ngay cạnh cổng chợ Giầu");

    [Fact]
    public void Asking_someone_first_puts_the_summary_off() =>
        Script.Start().ToConfirmation().Says("để tối nay e hỏi lại bố e r mới gửi nhé").ExpectStep(Step.Confirm).Expect(ConversationTexts.ConfirmLater);

    [Theory]
    [InlineData("-")]
    [InlineData("...")]
    [InlineData("👍")]
    public void Marks_without_words_at_the_offer_crash_nothing_and_file_nothing(string text)
    {
        var script = Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer).Says(text);
        script.Last.OfType<CreateTicket>().ShouldBeEmpty();
        script.Last.OfType<SendText>().Concat<object>(script.Last.OfType<SendButtons>()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Only_what_is_wrong_said_at_the_summary_opens_the_part_and_is_never_its_value()
    {
        var before = Script.Start().ToConfirmation();
        var address = before.State.Draft.Address;
        var script = before.Says("sửa lại địa chỉ giúp mình, không phải số 12").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBe(address);
    }

    [Fact]
    public void Accepted_at_the_offer_with_words_added_goes_on_with_them()
    {
        var script = Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer)
            .Says("đúng rồi gửi đi, à ghi thêm là nước tràn vào cả sân nhà tôi nữa");
        script.State.Step.ShouldNotBe(Step.ProblemOffer);
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("sân nhà tôi");
    }

    [Fact]
    public void A_yes_but_add_at_the_offer_adds_the_words_without_a_pause_before_the_but() =>
        Script.Start().Says("Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường").ExpectStep(Step.ProblemOffer)
            .Says("đúng nhưng ghi thêm là nước tràn vào cả sân nhà tôi nữa")
            .State.Draft.Description.ShouldNotBeNull().ShouldContain("sân nhà tôi");

    [Fact]
    public void Adding_a_photo_at_the_summary_is_no_putting_off() =>
        Script.Start().ToConfirmation().Says("ơ chưa có ảnh, cho bác gửi thêm cái ảnh").Last.OfType<SendText>()
            .ShouldNotContain(t => t.Text == ConversationTexts.ConfirmLater);

    [Fact]
    public void A_problem_word_before_a_yes_word_is_not_fixed() =>
        Resolved().Says("đèn hỏng rồi").Last.OfType<CitizenConfirmedFixed>().ShouldBeEmpty();

    [Fact]
    public void Danger_named_at_the_description_step_gets_the_numbers_first_and_makes_the_complaint_urgent()
    {
        var script = StreetLight.AtDescription()
            .Says("dây điện đứt rơi xuống đường đang tóe lửa, người qua lại rất nhiều");
        script.Last.OfType<SendText>().First().Text.ShouldStartWith(DangerTexts.Prefix);
        script.State.Draft.Urgent.ShouldBeTrue();
        script.State.Draft.Description.ShouldNotBeNull().ShouldContain("dây điện đứt");
    }

    [Fact]
    public void Danger_named_at_the_place_step_gets_the_numbers_and_the_place_is_asked_again()
    {
        var script = AtPlace().Says("nhanh lên, cột điện đổ đè lên người rồi");
        script.Last.OfType<SendText>().First().Text.ShouldStartWith(DangerTexts.Prefix);
        script.State.Step.ShouldBe(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
        script.State.Draft.Urgent.ShouldBeTrue();
    }

    // ---- cleanup that keeps words ----

    [Fact]
    public void A_ticket_staff_moved_to_another_track_is_named_by_its_track_though_its_code_keeps_the_prefix()
    {
        Script.Start()
            .WithTickets(new CitizenTicket("PA-2611-7QK2", "Thủ tục hành chính", "Đã tiếp nhận", true, null, null, Track: ZaloBot.Domain.Tracks.TicketTracks.KhieuNai))
            .Says("tra cứu PA-2611-7QK2").Expect("Khiếu nại PA-2611-7QK2").ExpectNot("Phản ánh PA-2611-7QK2");
    }

    [Fact]
    public void A_pothole_typed_without_diacritics_keeps_its_words_and_its_category()
    {
        var script = Script.Start().Says("o ga to giua duong ngo gia tu, da co nguoi nga xe").ExpectStep(Step.ProblemOffer);
        script.State.Draft.Description.ShouldBe("O ga to giua duong ngo gia tu, da co nguoi nga xe");
        script.State.Draft.CategoryCode.ShouldBe("INFRA");
    }

    [Theory]
    [InlineData("toi nao cung co nhom thanh nien dua xe no po inh oi ca khu", "Toi nao cung co")]
    [InlineData("nha ben canh xa nuoc thai ra duong hoi khong chiu duoc", "Nha ben canh")]
    [InlineData("chào bạn, tôi muốn phản ánh về việc rác ở đầu ngõ 12 không ai thu gom", "Rác ở đầu ngõ 12")]
    public void Only_a_real_preamble_is_removed(string text, string start)
    {
        var script = Script.Start().Says(text);
        script.State.Draft.Description.ShouldNotBeNull().ShouldStartWith(start);
    }
}
