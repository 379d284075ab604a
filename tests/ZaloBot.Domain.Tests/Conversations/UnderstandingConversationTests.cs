using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>Citizens who just type: the first message understood, the complaint started with it, only what is missing asked.</summary>
public class UnderstandingConversationTests
{
    private const string Described = "nắp cống trước cổng trường tiểu học bị vỡ, trẻ con đi học rất nguy hiểm";

    [Fact]
    public void A_problem_described_in_the_first_message_is_filed_without_being_asked_for_again()
    {
        var script = Script.Start()
            .Says(Described).ExpectStep(Step.ProblemOffer)
            .Expect("Bạn muốn gửi phản ánh này").Expect(Described).Expect("Hạ tầng, môi trường")
            .ExpectButtons("Đúng, gửi phản ánh", "Chọn lĩnh vực khác", "Không gửi")
            .Says("Đúng, gửi phản ánh").ExpectStep(Step.Place).ExpectNot("mô tả sự việc")
            .Says("Số 3 đường Nguyễn Trãi, phường Võ Cường").ExpectStep(Step.Attachments)
            .Says("bỏ qua").Says("a Hùng 0912345678").ExpectStep(Step.Confirm).Expect(Described)
            .Says("ok gửi đi");

        var ticket = script.Ticket();
        ticket.Description.ShouldBe("Nắp cống trước cổng trường tiểu học bị vỡ, trẻ con đi học rất nguy hiểm");
        ticket.CategoryCode.ShouldBe("INFRA");
        ticket.AreaCode.ShouldBe("VOCUONG");
        ticket.ContactName.ShouldBe("anh Hùng");
        script.All.OfType<SendText>().Concat<ConversationEffect>(script.All.OfType<SendButtons>())
            .ShouldNotContain(e => e is SendText && ((SendText)e).Text.StartsWith("Bước 2/5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_category_is_suggested_and_another_can_be_chosen()
    {
        var script = Script.Start()
            .Says("cán bộ ở bộ phận một cửa thái độ rất hách dịch, quát người dân").ExpectStep(Step.ProblemOffer)
            .Expect("Thái độ, hành vi của cán bộ, công chức")
            .Says("Chọn lĩnh vực khác").ExpectStep(Step.Category).ExpectButtons("Thủ tục hành chính")
            .Says("Thủ tục hành chính").ExpectStep(Step.Place);
        script.State.Draft.CategoryCode.ShouldBe("ADMIN");
        script.State.Draft.Description.ShouldStartWith("Cán bộ ở bộ phận một cửa");
    }

    [Fact]
    public void Without_a_clear_category_the_description_is_kept_and_choosing_one_goes_on()
    {
        var script = Script.Start()
            .Says("hàng xóm nuôi chó thả rông cắn người, nói mãi không nghe").ExpectStep(Step.Category)
            .Expect("đã ghi lại nội dung").Expect("lĩnh vực")
            .Says("Khác").ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe("Hàng xóm nuôi chó thả rông cắn người, nói mãi không nghe");
    }

    [Fact]
    public void The_place_is_taken_from_the_text_and_not_asked_again()
    {
        var script = Script.Start()
            .Says("Đường Lý Thái Tổ phường Kinh Bắc ngập sâu sau trận mưa tối qua, xe máy chết máy hàng loạt")
            .ExpectStep(Step.ProblemOffer).Expect("Địa điểm: Đường Lý Thái Tổ phường Kinh Bắc")
            .Says("ok").ExpectStep(Step.Attachments);
        script.State.Draft.Address.ShouldBe("Đường Lý Thái Tổ phường Kinh Bắc");
        script.State.Draft.AreaCode.ShouldBe("KINHBAC");
    }

    [Fact]
    public void A_house_number_and_street_without_a_ward_asks_only_the_ward()
    {
        Script.Start()
            .Says("Đèn đường trước số 25 đường Nguyễn Trãi bị hỏng cả tuần nay, tối đi lại rất khó")
            .Says("đúng rồi").ExpectStep(Step.Area).Expect("phường/xã")
            .State.Draft.Address.ShouldBe("số 25 đường Nguyễn Trãi");
    }

    [Theory]
    [InlineData("ko co trong danh sach")]
    [InlineData("không phải mấy cái này đâu")]
    public void None_of_the_listed_categories_is_Other(string typed)
    {
        var script = Script.Start().Says("phản ánh nhé").ExpectStep(Step.Category).Says(typed).ExpectStep(Step.Description).Expect("Khác");
        script.State.Draft.CategoryCode.ShouldBe("OTHER");
    }

    [Theory]
    [InlineData("phản ánh nhé")]
    [InlineData("chào bạn, mình cần phản ánh chút việc")]
    [InlineData("e muon phan anh a")]
    [InlineData("cho em gửi phản ánh với ạ")]
    public void Asking_to_complain_in_everyday_words_starts_the_complaint(string typed)
    {
        Script.Start().Says(typed).ExpectStep(Step.Category).ExpectNot("chưa hiểu").Expect("lĩnh vực");
    }

    [Fact]
    public void A_short_complaint_that_names_the_category_starts_at_the_description()
    {
        Script.Start().Says("phan anh den duong hong").ExpectStep(Step.Description)
            .Expect("Hạ tầng, môi trường").Expect("mô tả")
            .State.Draft.CategoryCode.ShouldBe("INFRA");
    }

    [Theory]
    [InlineData("đơn của tôi giải quyết chưa")]
    [InlineData("pa cua e den dau r a")]
    [InlineData("tôi gửi phản ánh lâu rồi chưa thấy phản hồi gì")]
    public void Status_questions_list_the_citizens_complaints(string typed)
    {
        Script.Start().WithTickets(Fixtures.Open(), Fixtures.Closed())
            .Says(typed).Expect("PA-2610-ABCD").Expect("PA-2609-WXYZ").ExpectStep(Step.Menu)
            .Last.OfType<AppendToTicket>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("thủ tục đăng ký kết hôn cần giấy tờ gì")]
    [InlineData("cho hỏi làm căn cước ở đâu")]
    [InlineData("trung tâm hành chính công làm việc thứ bảy không ạ")]
    public void Questions_get_the_information_and_an_offer_to_file_them(string typed)
    {
        Script.Start().Says(typed).ExpectNot("chưa hiểu").Expect("Cảm ơn câu hỏi").Expect("chưa có sẵn bài viết").ExpectNot("tiếp nhận")
            .ExpectButtons("Gửi câu hỏi này", "Không, cảm ơn").ExpectStep(Step.QuestionOffer)
            .State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void A_question_filed_as_a_petition_keeps_its_words()
    {
        var script = Script.Start().Says("cho hỏi thủ tục cấp sổ đỏ lần đầu cần những giấy tờ gì")
            .Says("Gửi câu hỏi này").ExpectStep(Step.Place).Expect("Thủ tục hành chính");
        script.State.Draft.Description.ShouldBe("cho hỏi thủ tục cấp sổ đỏ lần đầu cần những giấy tờ gì");
        script.State.Draft.CategoryCode.ShouldBe("ADMIN");
    }

    [Fact]
    public void After_a_question_any_other_message_is_a_new_one()
    {
        Script.Start().Says("cho hỏi làm căn cước ở đâu").ExpectStep(Step.QuestionOffer)
            .Says(Described).ExpectStep(Step.ProblemOffer);
        Script.Start().Says("cho hỏi làm căn cước ở đâu").Says("không, cảm ơn").ExpectStep(Step.Menu).Expect("cảm ơn bạn");
    }

    [Fact]
    public void Greeting_and_intent_in_one_message_greets_and_acts()
    {
        Script.Start().Says("chào ad, khu nhà mình rác thải chất đống ở đầu ngõ mấy hôm nay không ai dọn")
            .ExpectStep(Step.ProblemOffer).Expect("Xin chào! Bạn muốn gửi phản ánh này");
        Script.Start().WithTickets(Fixtures.Open())
            .Says("chào bạn, phản ánh của mình về cái đèn đường xử lý tới đâu rồi").Expect("Xin chào! Phản ánh của bạn").Expect("PA-2610-ABCD");
    }

    [Fact]
    public void A_greeting_alone_gets_the_greeting()
    {
        Script.Start().Says("có ai ở đó không").Expect("Xin chào").ExpectButtons("Gửi phản ánh");
    }

    [Fact]
    public void Not_understood_says_what_the_bot_does_and_keeps_the_message_for_operators()
    {
        var script = Script.Start().Says("asdfgh").Expect("chưa hiểu").Expect("Tôi nhận phản ánh").ExpectButtons("Gửi phản ánh", "Tra cứu");
        script.Last.OfType<RecordNotUnderstood>().ShouldHaveSingleItem().ShouldBe(new RecordNotUnderstood("asdfgh", Step.Menu));
    }

    [Fact]
    public void Understood_messages_are_not_recorded()
    {
        Script.Start().Says(Described).Says("ok").All.OfType<RecordNotUnderstood>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("cái đèn đường ấy")]
    [InlineData("cai cong bi tac")]
    public void The_category_step_understands_everyday_words(string typed)
    {
        Script.Start().Says("Gửi phản ánh").Says(typed).ExpectStep(Step.Description).State.Draft.CategoryCode.ShouldBe("INFRA");
    }

    [Fact]
    public void A_whole_problem_typed_at_the_category_step_fills_category_and_description()
    {
        var script = Script.Start().Says("Gửi phản ánh").Says(Described).ExpectStep(Step.Place);
        (script.State.Draft.CategoryCode, script.State.Draft.Description).ShouldBe(("INFRA", "Nắp cống trước cổng trường tiểu học bị vỡ, trẻ con đi học rất nguy hiểm"));
    }

    [Theory]
    [InlineData("ok gửi đi")]
    [InlineData("ừ gửi luôn nhé")]
    [InlineData("dong y gui")]
    [InlineData("Gửi")]
    public void Confirmation_in_everyday_words_submits(string typed)
    {
        Script.Start().ToConfirmation().Says(typed).Ticket().Code.ShouldBe(Fixtures.NewCode);
    }

    [Theory]
    [InlineData("đừng gửi")]
    [InlineData("khoan đã")]
    public void Doubt_at_the_confirmation_does_not_submit(string typed)
    {
        Script.Start().ToConfirmation().Says(typed).ExpectNoTicket();
    }

    [Theory]
    [InlineData("a Hùng 0912345678", "anh Hùng")]
    [InlineData("tên tôi là Nguyễn Thị Lan, sđt 0912 345 678", "Nguyễn Thị Lan")]
    [InlineData("chị Hoa 0912345678", "chị Hoa")]
    [InlineData("Anh Thư 0912345678", "Anh Thư")]
    public void Contact_with_forms_of_address_and_labels_is_a_name_and_a_phone(string typed, string name)
    {
        var script = Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Số 1 Kinh Bắc").Says("Xong").Says(typed).ExpectStep(Step.Confirm);
        (script.State.Draft.ContactName, script.State.Draft.ContactPhone).ShouldBe((name, "+84912345678"));
    }

    [Fact]
    public void Declining_the_offer_files_nothing()
    {
        Script.Start().Says(Described).Says("không").ExpectStep(Step.Menu).Expect("không gửi").ExpectNoTicket()
            .State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void With_an_open_ticket_a_description_without_a_complaint_word_is_a_follow_up()
    {
        Script.Start().WithTickets(Fixtures.Open()).Says("Nước vẫn chưa rút, hôm nay còn ngập hơn")
            .Last.OfType<AppendToTicket>().ShouldHaveSingleItem();
        Script.Start().WithTickets(Fixtures.Open()).Says("tôi muốn phản ánh việc đèn đường ngõ nhà tôi hỏng cả tuần nay rồi")
            .ExpectStep(Step.ProblemOffer).Last.OfType<AppendToTicket>().ShouldBeEmpty();
    }

    [Fact]
    public void The_readme_conversation_plays_as_written()
    {
        var script = Script.Start()
            .Says("chao ad, nap cong truoc so 12 duong ly thai to bi vo, tre con di hoc rat nguy hiem")
            .Expect("Xin chào! Bạn muốn gửi phản ánh này").Expect("Lĩnh vực: Hạ tầng, môi trường").Expect("Địa điểm: so 12 duong ly thai to")
            .Says("ok").ExpectStep(Step.Area)
            .Says("kinh bac").ExpectStep(Step.Attachments)
            .SendsImages("https://img/1.jpg", "https://img/2.jpg").Expect("2/5")
            .Says("xong r").ExpectStep(Step.Contact)
            .Says("a An 0912.345.678").ExpectStep(Step.Confirm).Expect("Liên hệ: anh An, 0912 345 678").Expect("so 12 duong ly thai to, Phường Kinh Bắc")
            .Says("ok gui di").Expect(Fixtures.NewCode);
        script.Ticket().Description.ShouldBe("Nap cong truoc so 12 duong ly thai to bi vo, tre con di hoc rat nguy hiem");
    }
}

/// <summary>Stray marks a phone keyboard leaves behind must not break a citizen's turn.</summary>
public class StrayMarkConversationTests
{
    [Theory]
    [InlineData("xin \u0301")]
    [InlineData("\u0301")]
    [InlineData("đèn hỏng \u0301\u0323 rồi")]
    public void A_word_of_combining_marks_alone_is_read_as_no_word(string typed)
    {
        var script = Script.Start().Says(typed);
        script.All.ShouldNotBeEmpty();
    }
}

/// <summary>Questions about the channel itself (cost, privacy, hours, how long an answer takes) answered in a sentence.</summary>
public class ChannelQuestionConversationTests
{
    [Theory]
    [InlineData("gửi phản ánh qua kênh này có mất phí không", ConversationTexts.ChannelIsFree)]
    [InlineData("thông tin cá nhân của tôi có được bảo mật không", ConversationTexts.ChannelPrivacy)]
    [InlineData("chu nhat nhan tin vao day co ai doc khong", ConversationTexts.ChannelHours)]
    [InlineData("gửi phản ánh thì mấy ngày có người trả lời vậy", ConversationTexts.ChannelResponseTime)]
    public void A_question_about_the_channel_is_answered_in_a_sentence_and_nothing_is_filed(string typed, string answer)
    {
        var script = Script.Start().Says(typed).Expect(answer);
        script.State.HasDraftInProgress.ShouldBeFalse();
        script.State.Step.ShouldBe(Step.Menu);
    }

    [Fact]
    public void Outside_hours_the_emergency_numbers_follow() =>
        Script.Start().Says("ban dem nhan tin vao kenh nay co ai tra loi khong").Expect(ConversationTexts.ChannelHours).Expect("114");

    [Fact]
    public void A_complaint_the_second_opinion_made_of_a_question_is_offered_for_filing_not_answered_as_a_question()
    {
        const string asked = "xin hỏi tại sao hồ sơ đăng ký kết hôn của tôi nộp 10 ngày rồi mà chưa có kết quả, không ai làm thay à";
        Script.Start().Says(asked).ExpectStep(Step.QuestionOffer);
        var sureComplaint = Fixtures.Context() with
        {
            Understanding = ZaloBot.Domain.Understanding.Understander.Default.WithIntentDecision((_, _) => ZaloBot.Domain.Understanding.MessageIntent.Complaint),
        };
        Script.Start(sureComplaint).Says(asked).ExpectStep(Step.ProblemOffer).Expect("Bạn muốn gửi phản ánh này");
    }
}
