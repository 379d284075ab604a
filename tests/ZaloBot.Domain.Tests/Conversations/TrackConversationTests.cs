using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;
using ZaloBot.Domain.Tracks;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>Scripted conversations for each legal track and for "it is not fixed yet".</summary>
public class TrackConversationTests
{
    private static Script ToConfirmation(string description) =>
        Script.Start()
            .Says("Gửi phản ánh").Says("Khác")
            .Says(description)
            .Says("Số 12 đường Lý Thái Tổ, phường Kinh Bắc")
            .Says("Xong")
            .Says("Nguyễn Văn An, 0912 345 678")
            .ExpectStep(Step.Confirm);

    [Fact]
    public void A_plain_complaint_is_filed_as_pakn_without_a_question()
    {
        var script = Script.Start().ToConfirmation().Says("Gửi").Expect(Fixtures.NewCode).ExpectStep(Step.Menu);
        var track = script.All.OfType<SetTicketTrack>().ShouldHaveSingleItem();
        track.TicketCode.ShouldBe(Fixtures.NewCode);
        track.Track.ShouldBe(TicketTracks.Pakn);
        track.Priority.ShouldBe(Priorities.Urgent); // "ngập sâu"
    }

    [Fact]
    public void A_khieu_nai_is_confirmed_with_a_question_explained_and_still_recorded()
    {
        var script = ToConfirmation("Tôi khiếu nại quyết định xử phạt hành chính của UBND phường Kinh Bắc vì không đúng sự việc")
            .Says("Gửi").ExpectStep(Step.TrackChoice).Expect("khiếu nại").ExpectButtons("Gửi là khiếu nại", "Gửi là phản ánh")
            .ExpectNoTicket()
            .Says("gui la khieu nai")
            .Expect("Luật Khiếu nại 2011").Expect("90 ngày").Expect("chữ ký").Expect("KN-2611-7K3Q").Expect("vẫn ghi nhận")
            .ExpectStep(Step.Menu);
        script.Ticket().Code.ShouldBe("KN-2611-7K3Q");
        // "Recorded anyway" belongs with the law's explanation, before the code and any question that follows it.
        var replies = script.Last.Select(e => e switch { SendText t => t.Text, SendButtons b => b.Text, _ => null }).OfType<string>().ToList();
        replies.FindIndex(r => r.Contains("vẫn ghi nhận", StringComparison.Ordinal))
            .ShouldBeLessThan(replies.FindIndex(r => r.Contains("KN-2611-7K3Q", StringComparison.Ordinal)));
        var track = script.All.OfType<SetTicketTrack>().ShouldHaveSingleItem();
        (track.Track, track.SuggestedTrack, track.Priority).ShouldBe((TicketTracks.KhieuNai, TicketTracks.KhieuNai, Priorities.Normal));
    }

    [Fact]
    public void A_to_cao_is_confirmed_and_the_law_on_identity_explained()
    {
        var script = ToConfirmation("to cao can bo dia chinh phuong nhan hoi lo khi lam so do cho dan")
            .Says("Gửi").ExpectStep(Step.TrackChoice).Expect("tố cáo").ExpectButtons("Gửi là tố cáo")
            .Says("Gửi là tố cáo").Expect("Luật Tố cáo 2018").Expect("nặc danh").Expect("7 ngày làm việc").Expect("TC-2611-7K3Q");
        script.All.OfType<SetTicketTrack>().ShouldHaveSingleItem().Track.ShouldBe(TicketTracks.ToCao);
    }

    [Fact]
    public void A_citizen_may_file_it_as_a_plain_complaint_after_all()
    {
        var script = ToConfirmation("Tôi khiếu nại vì hàng xóm đổ rác ra đường mỗi tối")
            .Says("Gửi").ExpectStep(Step.TrackChoice)
            .Says("không").ExpectNot("Luật Khiếu nại").Expect(Fixtures.NewCode);
        var track = script.All.OfType<SetTicketTrack>().ShouldHaveSingleItem();
        (track.Track, track.SuggestedTrack).ShouldBe((TicketTracks.Pakn, TicketTracks.KhieuNai));
    }

    [Fact]
    public void An_unclear_answer_asks_again_and_back_returns_to_the_summary()
    {
        ToConfirmation("Tôi khiếu nại quyết định thu hồi đất của huyện năm ngoái, chưa được bồi thường")
            .Says("Gửi").ExpectStep(Step.TrackChoice)
            .Says("asdf").ExpectStep(Step.TrackChoice).Expect("khiếu nại").ExpectNoTicket()
            .Says("quay lại").ExpectStep(Step.Confirm)
            .Says("Gửi").ExpectStep(Step.TrackChoice)
            .Says("hủy").ExpectStep(Step.Menu).ExpectNoTicket();
    }

    private static Script Resolved(bool reopenable = true) =>
        Script.Start(Fixtures.Context(new CitizenTicket("PA-2610-RRRR", "Hạ tầng, môi trường", "Đã giải quyết", false, null, "Đã sửa", CanBeRated: true))
            with { ReopenableTickets = reopenable ? new HashSet<string> { "PA-2610-RRRR" } : new HashSet<string>() });

    [Fact]
    public void Not_fixed_asks_what_remains_then_reopens_with_that_text()
    {
        var script = Resolved()
            .Says("Chưa khắc phục PA-2610-RRRR").Expect("điều gì còn chưa được khắc phục")
            .Says("Vẫn còn ngập ở đoạn trước số 14, cống chưa được nạo").Expect("đã được mở lại").Expect("PA-2610-RRRR")
            .ExpectStep(Step.Menu);
        var reopen = script.All.OfType<CitizenNotFixed>().ShouldHaveSingleItem();
        reopen.TicketCode.ShouldBe("PA-2610-RRRR");
        reopen.Text.ShouldBe("Vẫn còn ngập ở đoạn trước số 14, cống chưa được nạo");
        script.State.NotFixedTicketCode.ShouldBeNull();
    }

    [Fact]
    public void Not_fixed_typed_without_diacritics_and_a_cancel_lapses_the_question()
    {
        var script = Resolved()
            .Says("chua khac phuc pa-2610-rrrr").Expect("chưa được khắc phục")
            .Says("hủy").ExpectStep(Step.Menu);
        script.State.NotFixedTicketCode.ShouldBeNull();
        script.All.OfType<CitizenNotFixed>().ShouldBeEmpty();
    }

    [Fact]
    public void Not_fixed_after_the_reopen_window_suggests_a_new_complaint()
    {
        var script = Resolved(reopenable: false).Says("Chưa khắc phục PA-2610-RRRR").Expect("không thể mở lại");
        script.State.NotFixedTicketCode.ShouldBeNull();
    }

    [Fact]
    public void Fixed_is_kept_and_the_rating_is_asked()
    {
        var script = Resolved().Says("Đã khắc phục PA-2610-RRRR").Expect("Cảm ơn").ExpectButtons("5 ★", "1 ★");
        script.All.OfType<CitizenConfirmedFixed>().ShouldHaveSingleItem().TicketCode.ShouldBe("PA-2610-RRRR");
    }

    [Fact]
    public void Someone_elses_ticket_is_not_found()
    {
        Script.Start().Says("Chưa khắc phục PA-2610-ZZZZ").Expect("Không tìm thấy").State.NotFixedTicketCode.ShouldBeNull();
    }

    [Theory]
    [InlineData("ko tố cáo gì đâu, chỉ muốn phản ánh là cán bộ tiếp dân nói năng cộc lốc quá")]
    [InlineData("tôi không khiếu nại gì, chỉ muốn phản ánh cán bộ một cửa hay đi muộn")]
    public void A_track_the_citizen_says_it_is_not_is_not_suggested(string message)
    {
        Script.Start().Says(message).State.Draft.SuggestedTrack.ShouldBeNull();
        TicketTracks.Recognise(message, TicketTracks.Defaults).ShouldBe(TicketTracks.Pakn);
    }

    [Fact]
    public void A_second_opinion_names_a_track_only_where_the_rules_find_none()
    {
        const string blocked = "Cống thoát nước trước nhà số 12 Lý Thái Tổ bị tắc, nước tràn ra đường";
        const string denounced = "Tôi tố cáo cán bộ địa chính xã nhận tiền của dân";
        Script.Start().Says(blocked).State.Draft.SuggestedTrack.ShouldBeNull();
        var sureOfKhieuNai = Fixtures.Context() with { Understanding = Understander.Default.WithTrackOpinion(_ => TicketTracks.KhieuNai) };
        var script = Script.Start(sureOfKhieuNai).Says(blocked).Expect("khiếu nại");
        script.State.Draft.SuggestedTrack.ShouldBe(TicketTracks.KhieuNai);
        // The rules' tố cáo stands: an opinion adds a track, never replaces one.
        Script.Start(sureOfKhieuNai).Says(denounced).State.Draft.SuggestedTrack.ShouldBe(TicketTracks.ToCao);
    }

    [Theory]
    [InlineData("khieunai", 0.75, TicketTracks.KhieuNai)]
    [InlineData("tocao", 0.9, TicketTracks.ToCao)]
    [InlineData("khieunai", 0.65, null)]
    [InlineData("complaint", 0.99, null)]
    [InlineData("danger", 0.99, null)]
    public void A_classifiers_label_names_a_track_when_it_is_sure_enough(string label, double probability, string? track) =>
        SecondOpinion.TrackOf(new Opinion(label, probability), 0.7).ShouldBe(track);

    [Fact]
    public void Where_both_track_rules_are_met_a_sure_model_tells_which()
    {
        const string both = "phường phạt tôi 2 triệu là sai quy định, cán bộ thu tiền mà không có biên lai, đề nghị xem xét lại";
        Script.Start().Says(both).ExpectStep(Step.ProblemOffer).Expect("tố cáo");
        var sureKhieuNai = Fixtures.Context() with
        {
            Understanding = ZaloBot.Domain.Understanding.Understander.Default.WithTrackOpinion(_ => TicketTracks.KhieuNai),
        };
        Script.Start(sureKhieuNai).Says(both).ExpectStep(Step.ProblemOffer).Expect("khiếu nại").ExpectNot("tố cáo");
    }
}
