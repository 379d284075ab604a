using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>Rules beyond phrases (Readings.cs): negation, cables that carry no power, "fixed, but…", an advert's shape.</summary>
public class ReadingRulesTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("dây điện thoại võng thấp ngang đầu người đi đường")]
    [InlineData("cap quang dut ru xuong long duong ngo 7")]
    [InlineData("day cap mang chang chit tren cot truoc nha")]
    public void A_telephone_or_network_cable_is_not_a_live_wire(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Fact]
    public void A_power_wire_is_still_danger() => U.Danger("dây điện đứt rơi xuống đường đang tóe lửa").ShouldNotBe(DangerKind.None);

    [Fact]
    public void A_denied_danger_is_not_danger() => U.Danger("không phải cháy đâu, hàng xóm đốt vàng mã thôi").ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("lên phường làm giấy tờ mà cán bộ không hướng dẫn gì cả, đi lại ba lần")]
    [InlineData("chang ai huong dan cho dan ca, hoi thi gat di")]
    public void Help_under_a_negation_is_a_complaint_about_not_being_helped(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);

    [Fact]
    public void Asking_how_is_still_help() => U.Understand("hướng dẫn tôi cách dùng với").Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("sửa rồi nhưng chậm quá")]
    [InlineData("da sua ma lam lau qua")]
    public void Fixed_with_a_remark_is_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("đã sửa nhưng vẫn còn ngập")]
    [InlineData("sua roi nhung chua sang")]
    public void Fixed_but_something_remains_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldNotBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("Cho vay tín chấp lãi suất thấp, giải ngân trong ngày, LH 0912 345 678")]
    [InlineData("thanh ly tu lanh gia re 500k inbox zalo 0987.654.321")]
    public void An_advert_shape_is_spam_even_with_a_problem_word(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void A_citizen_giving_a_number_with_a_problem_is_not_spam() =>
        U.IsSpam("đèn đường ngõ 5 hỏng cả tuần nay, liên hệ tôi 0912345678").ShouldBeFalse();
}

public class ContestedDecisionTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("tôi không đồng ý với quyết định thu hồi đất nhà tôi")]
    [InlineData("phuong phat toi 2 trieu la sai quy dinh, de nghi xem xet lai")]
    [InlineData("tiền đền bù cho gia đình tôi không thỏa đáng")]
    public void Contesting_a_decision_about_oneself_is_a_khieu_nai(string message) => U.ContestsDecision(message).ShouldBeTrue();

    [Theory]
    [InlineData("đèn đường ngõ 5 hỏng cả tuần không ai sửa")]
    [InlineData("quyết định mở rộng đường bao giờ có hả ad")]
    public void A_plain_complaint_or_question_is_not(string message) => U.ContestsDecision(message).ShouldBeFalse();
}

public class ChasingWhatWasSentTests
{
    [Theory]
    [InlineData("tôi gửi phản ánh từ hôm thứ hai rồi mà sao vẫn chưa thấy ai trả lời")]
    [InlineData("gui don len phuong 2 tuan nay ma ko thay phan hoi gi")]
    public void Sent_and_no_answer_yet_is_status(string message) =>
        Understander.Default.Understand(message).Intent.ShouldBe(MessageIntent.Status);

    [Fact]
    public void Sent_with_a_problem_named_is_still_a_complaint() =>
        Understander.Default.Understand("gửi đơn rồi mà chưa ai xử lý, đèn đường ngõ 5 vẫn hỏng").Intent.ShouldBe(MessageIntent.Complaint);
}

public class CancelAtBothEndsTests
{
    [Theory]
    [InlineData("thôi, bận quá không có thời gian chụp ảnh, hủy phản ánh này đi")]
    [InlineData("dung lai, nha toi tu sua duoc roi, khong gui nua nhe")]
    public void A_cancel_said_at_both_ends_cancels(string message) =>
        Understander.Default.ReadInFlow(message).Intent.ShouldBe(FlowIntent.Cancel);

    [Fact]
    public void A_description_opened_by_a_cancel_word_stays_data() =>
        Understander.Default.ReadInFlow("bỏ rác bừa bãi ra lề đường suốt mấy tháng nay").Intent.ShouldNotBe(FlowIntent.Cancel);
}
