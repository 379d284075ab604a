using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>Publication and following in chat: the publication question at submission, and the offer to follow a close open match.</summary>
public class PublicationAndFollowConversationTests
{
    private static ConversationContext Publishing(bool byDefault) => Fixtures.Context() with
    {
        Categories = Fixtures.Categories.Select(c => c with { Publishable = c.Code != "CONDUCT", PublishByDefault = byDefault }).ToList(),
    };

    private static readonly SimilarOpenTicket Similar = new("PA-2611-ABCD", "Đường Lý Thái Tổ ngập sâu sau mưa", "Đang xử lý");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void At_submission_the_citizen_is_asked_with_two_equal_buttons_whatever_the_categorys_default(bool byDefault)
    {
        var script = Script.Start(Publishing(byDefault)).ToConfirmation()
            .Says("Gửi").Expect(Fixtures.NewCode).Expect("có được công khai").Expect("không kèm họ tên")
            .ExpectButtons("Đồng ý công khai " + Fixtures.NewCode, "Không công khai " + Fixtures.NewCode).ExpectStep(Step.Menu);
        script.Ticket().Code.ShouldBe(Fixtures.NewCode);
        // Nothing is assumed: no choice is recorded until the citizen presses one.
        script.All.OfType<SetPublication>().ShouldBeEmpty();

        // The next message's context knows the new ticket as the citizen's own.
        script.WithTickets(new CitizenTicket(Fixtures.NewCode, "Hạ tầng, môi trường", "Đã nhận", true, null, null))
            .Says("Không công khai " + Fixtures.NewCode).Expect("sẽ không được công khai").ExpectStep(Step.Menu)
            .Last.OfType<SetPublication>().ShouldHaveSingleItem().ShouldBe(new SetPublication(Fixtures.NewCode, false));
    }

    [Fact]
    public void Typed_words_without_diacritics_agree_to_publish()
    {
        Script.Start(Publishing(byDefault: false)).ToConfirmation()
            .Says("Gửi")
            .WithTickets(new CitizenTicket(Fixtures.NewCode, "Hạ tầng, môi trường", "Đã nhận", true, null, null))
            .Says("dong y cong khai").Expect("có thể được công khai")
            .Last.OfType<SetPublication>().ShouldHaveSingleItem().Publish.ShouldBeTrue();
    }

    [Fact]
    public void A_category_never_published_asks_nothing_and_another_citizens_code_changes_nothing()
    {
        var script = Script.Start(Fixtures.Context()).ToConfirmation().Says("Gửi").ExpectNot("công khai");
        script.Says("Không công khai PA-2611-ZZZZ").Last.OfType<SetPublication>().ShouldBeEmpty();
    }

    [Fact]
    public void A_close_open_match_is_offered_to_follow_and_following_files_nothing()
    {
        var script = Script.Start(Fixtures.Context() with { SimilarOpen = Similar }).ToConfirmation()
            .Says("Gửi").Expect("Đã có phản ánh PA-2611-ABCD").Expect("Đường Lý Thái Tổ ngập sâu sau mưa")
            .ExpectButtons("Theo dõi phản ánh đó", "Vẫn gửi phản ánh mới").ExpectStep(Step.FollowOffer)
            .Says("Theo dõi phản ánh đó").Expect("Bạn sẽ nhận thông báo về kết quả xử lý phản ánh PA-2611-ABCD").ExpectStep(Step.Menu);
        script.ExpectNoTicket();
        script.All.OfType<FollowTicket>().ShouldHaveSingleItem().TicketCode.ShouldBe("PA-2611-ABCD");
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Vẫn gửi phản ánh mới")]
    [InlineData("van gui")]
    [InlineData("không")]
    public void Saying_no_files_a_new_ticket(string answer)
    {
        var script = Script.Start(Fixtures.Context() with { SimilarOpen = Similar }).ToConfirmation()
            .Says("Gửi").ExpectStep(Step.FollowOffer)
            .Says(answer).Expect(Fixtures.NewCode).ExpectStep(Step.Menu);
        script.Ticket().Code.ShouldBe(Fixtures.NewCode);
        script.All.OfType<FollowTicket>().ShouldBeEmpty();
    }

    [Fact]
    public void Going_back_returns_to_the_summary_and_the_offer_is_not_repeated()
    {
        var script = Script.Start(Fixtures.Context() with { SimilarOpen = Similar }).ToConfirmation()
            .Says("Gửi").ExpectStep(Step.FollowOffer)
            .Says("quay lại").ExpectStep(Step.Confirm)
            .Says("Gửi").Expect(Fixtures.NewCode).ExpectStep(Step.Menu);
        script.Ticket().Code.ShouldBe(Fixtures.NewCode);
    }

    [Fact]
    public void Something_else_at_the_offer_is_asked_again()
    {
        Script.Start(Fixtures.Context() with { SimilarOpen = Similar }).ToConfirmation()
            .Says("Gửi").Says("asdfgh").ExpectStep(Step.FollowOffer).ExpectButtons("Theo dõi phản ánh đó", "Vẫn gửi phản ánh mới")
            .ExpectNoTicket();
    }
}
