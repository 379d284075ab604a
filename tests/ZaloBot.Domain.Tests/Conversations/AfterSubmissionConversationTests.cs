using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

public class AfterSubmissionConversationTests
{
    [Theory]
    [InlineData("tra cứu PA-2610-ABCD")]
    [InlineData("tra cuu pa-2610-abcd")]
    [InlineData("PA-2610-ABCD")]
    [InlineData("pa 2610 abcd")]
    [InlineData("Tra cứu giúp tôi mã PA.2610.ABCD")]
    public void Own_ticket_is_looked_up_by_code(string typed)
    {
        Script.Start().WithTickets(Fixtures.Open())
            .Says(typed).Expect("PA-2610-ABCD").Expect("Đang xử lý").Expect("Sở Xây dựng").Expect("30/11/2026");
    }

    [Fact]
    public void Someone_elses_code_gets_the_same_answer_as_a_code_that_does_not_exist()
    {
        var othersCode = Script.Start().WithTickets(Fixtures.Open()).Says("tra cứu PA-2611-QQQQ");
        var unknownCode = Script.Start().Says("tra cứu PA-2611-QQQQ");

        othersCode.Expect("Không tìm thấy").ExpectNot("Đang xử lý");
        othersCode.Last.ShouldBe(unknownCode.Last);
    }

    [Fact]
    public void Lookup_menu_lists_the_citizens_tickets()
    {
        Script.Start().WithTickets(Fixtures.Open(), Fixtures.Closed())
            .Says("Tra cứu").Expect("PA-2610-ABCD").Expect("PA-2609-WXYZ").Expect("Đã đóng");
    }

    [Fact]
    public void Lookup_without_tickets_says_so()
    {
        Script.Start().Says("tra cuu").Expect("chưa gửi phản ánh nào").ExpectButtons("Gửi phản ánh");
    }

    [Fact]
    public void Lookup_in_the_middle_of_a_draft_answers_and_returns_to_the_question()
    {
        Script.Start().WithTickets(Fixtures.Open()).Says("Gửi phản ánh").Says("Khác")
            .Says("tra cứu PA-2610-ABCD").Expect("Đang xử lý").ExpectStep(Step.Description).Expect("mô tả");
    }

    [Fact]
    public void A_follow_up_message_joins_the_open_ticket()
    {
        var script = Script.Start().WithTickets(Fixtures.Open())
            .Says("Nước vẫn chưa rút, hôm nay còn ngập hơn").Expect("Đã ghi nhận").Expect("PA-2610-ABCD");

        var append = script.Last.OfType<AppendToTicket>().ShouldHaveSingleItem();
        (append.TicketCode, append.Text).ShouldBe(("PA-2610-ABCD", "Nước vẫn chưa rút, hôm nay còn ngập hơn"));
    }

    [Fact]
    public void A_follow_up_photo_joins_the_open_ticket()
    {
        Script.Start().WithTickets(Fixtures.Open()).SendsImages("https://img/now.jpg")
            .Last.OfType<AppendToTicket>().ShouldHaveSingleItem().Attachments.ShouldHaveSingleItem().Url.ShouldBe("https://img/now.jpg");
    }

    [Fact]
    public void With_only_closed_tickets_nothing_is_appended()
    {
        // A question, not a follow-up: it gets the information and the offer to file it, never "not understood".
        var script = Script.Start().WithTickets(Fixtures.Closed()).Says("Cho tôi hỏi thêm một việc");
        script.Last.OfType<AppendToTicket>().ShouldBeEmpty();
        script.ExpectNot("chưa hiểu").Expect("câu hỏi").ExpectButtons("Gửi câu hỏi này");
    }

    [Fact]
    public void After_submitting_the_citizen_can_start_another_complaint()
    {
        Script.Start().ToConfirmation().Says("Gửi").ExpectStep(Step.Menu)
            .Says("Gửi phản ánh").ExpectStep(Step.Category);
    }
}

public class ArrivalConversationTests
{
    [Fact]
    public void Follow_is_greeted_with_the_menu()
    {
        Script.Start().Follows().Expect("Xin chào").ExpectButtons("Gửi phản ánh", "Tra cứu", "Thông tin", "Hướng dẫn");
    }

    [Theory]
    [InlineData("#TT-BN01")]
    [InlineData("TT BN01")]
    [InlineData("tt bn01")]
    public void Centre_code_greets_with_the_centre_and_is_recorded_on_the_ticket(string typed)
    {
        var script = Script.Start().Says(typed).Expect("Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh");
        script.State.ServiceCentreCode.ShouldBe("BN01");

        script.ToConfirmation().Says("Gửi");

        script.Ticket().ServiceCentreCode.ShouldBe("BN01");
        script.State.ServiceCentreCode.ShouldBeNull();
    }

    [Fact]
    public void Unknown_centre_code_is_not_a_centre()
    {
        Script.Start().Says("#TT-ZZ99").Expect("chưa hiểu").State.ServiceCentreCode.ShouldBeNull();
    }

    [Fact]
    public void Centre_code_mid_draft_is_noted_and_the_question_repeated()
    {
        Script.Start().Says("Gửi phản ánh").Says("#TT-BN01").Expect("Đã ghi nhận").ExpectStep(Step.Category)
            .State.ServiceCentreCode.ShouldBe("BN01");
    }

    [Fact]
    public void Unfollow_forgets_the_draft_silently()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác").Unfollows().ExpectSilence()
            .State.HasDraftInProgress.ShouldBeFalse();
    }
}

public class IdleConversationTests
{
    private static Script Idle() => Script.Start().Says("Gửi phản ánh").Says("Khác").ExpectStep(Step.Description);

    [Fact]
    public void One_reminder_then_expiry()
    {
        Idle()
            .After(TimeSpan.FromMinutes(10)).Ticks().ExpectSilence()
            .After(TimeSpan.FromMinutes(25)).Ticks().Expect("gửi dở")
            .After(TimeSpan.FromMinutes(30)).Ticks().ExpectSilence()
            .After(TimeSpan.FromHours(24)).Ticks().Expect("đã được hủy").ExpectStep(Step.Menu)
            .State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void Next_idle_check_follows_the_reminder_and_expiry()
    {
        var script = Idle();
        var last = script.State.LastActivityAt!.Value;
        ConversationEngine.NextIdleCheck(script.State, new ConversationLimits()).ShouldBe(last + TimeSpan.FromMinutes(30));

        script.After(TimeSpan.FromMinutes(31)).Ticks();
        ConversationEngine.NextIdleCheck(script.State, new ConversationLimits()).ShouldBe(last + TimeSpan.FromHours(24));

        ConversationEngine.NextIdleCheck(ConversationState.New(), new ConversationLimits()).ShouldBeNull();
    }

    [Fact]
    public void A_reply_after_the_reminder_clears_it()
    {
        var script = Idle().After(TimeSpan.FromMinutes(40)).Ticks()
            .Says("Đèn tín hiệu giao thông ở ngã tư bị hỏng từ hôm qua").ExpectStep(Step.Place);
        script.State.ReminderSentAt.ShouldBeNull();
    }

    [Fact]
    public void Returning_after_expiry_without_a_tick_is_told_and_served()
    {
        Idle().After(TimeSpan.FromDays(2)).Says("Gửi phản ánh").Expect("đã được hủy").ExpectStep(Step.Category)
            .State.Draft.CategoryCode.ShouldBeNull();
    }

    [Fact]
    public void Returning_citizen_who_says_hello_is_offered_to_resume()
    {
        Idle().After(TimeSpan.FromHours(3)).Says("xin chào")
            .ExpectStep(Step.ResumeOffer).Expect("gửi dở").ExpectButtons("Tiếp tục", "Làm mới")
            .Says("Tiếp tục").ExpectStep(Step.Description);
    }

    [Fact]
    public void Ticks_without_a_draft_do_nothing()
    {
        Script.Start().Says("xin chao").After(TimeSpan.FromDays(3)).Ticks().ExpectSilence();
    }
}

public class RatingConversationTests
{
    private static CitizenTicket Resolved(string code = "PA-2610-RRRR") =>
        new(code, "Hạ tầng, môi trường", "Đã giải quyết", true, null, "Đã sửa xong.", CanBeRated: true);

    [Theory]
    [InlineData("Đánh giá PA-2610-RRRR 5", 5)]
    [InlineData("danh gia pa-2610-rrrr 1", 1)]
    [InlineData("DANH GIA PA 2610 RRRR 3", 3)]
    public void A_resolved_ticket_is_rated_from_the_buttons_or_typed(string typed, int expected)
    {
        var script = Script.Start().WithTickets(Resolved()).Says(typed).Expect($"{expected}/5");
        var rate = script.Last.OfType<RateTicket>().ShouldHaveSingleItem();
        (rate.TicketCode, rate.Rating).ShouldBe(("PA-2610-RRRR", expected));
    }

    [Theory]
    [InlineData("Đánh giá PA-2610-RRRR 6")]
    [InlineData("Đánh giá PA-2610-RRRR 0")]
    public void Out_of_range_ratings_are_not_ratings(string typed)
    {
        Script.Start().WithTickets(Resolved()).Says(typed).Last.OfType<RateTicket>().ShouldBeEmpty();
    }

    [Fact]
    public void Someone_elses_or_an_unresolved_ticket_cannot_be_rated()
    {
        Script.Start().WithTickets(Fixtures.Open()).Says("Đánh giá PA-2610-ABCD 5").Expect("Không tìm thấy")
            .Last.OfType<RateTicket>().ShouldBeEmpty();
        Script.Start().Says("Đánh giá PA-2610-RRRR 5").Expect("Không tìm thấy");
    }
}
