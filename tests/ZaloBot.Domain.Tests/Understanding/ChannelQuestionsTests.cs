using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

public class ChannelQuestionsTests
{
    [Theory]
    [InlineData("nhắn tin phản ánh qua đây có tốn phí gì không ad", ChannelQuestion.Cost)]
    [InlineData("gui o day co mien phi ko", ChannelQuestion.Cost)]
    [InlineData("tôi phản ánh hàng xóm thì họ có biết tôi gửi không", ChannelQuestion.Privacy)]
    [InlineData("so dien thoai cua toi co bi lo ra ngoai khong", ChannelQuestion.Privacy)]
    [InlineData("chủ nhật nhắn vào đây có ai đọc không", ChannelQuestion.Hours)]
    [InlineData("kenh nay ban dem co tiep nhan khong vay", ChannelQuestion.Hours)]
    [InlineData("phản ánh xong thì mấy ngày có người trả lời ạ", ChannelQuestion.ResponseTime)]
    [InlineData("trang này là của ủy ban thật hay giả mạo vậy", ChannelQuestion.Identity)]
    [InlineData("cai nay co phai cua ubnd tinh ko hay gia mao v", ChannelQuestion.Identity)]
    [InlineData("cai zalo nay cua phuong hay cua tinh vay", ChannelQuestion.Identity)]
    [InlineData("kênh này có liên quan gì tới cổng dịch vụ công không hay là riêng", ChannelQuestion.Identity)]
    [InlineData("Cho bác hỏi cái chỗ nhắn tin này mấy giờ thì nghỉ ạ, bác hay rảnh buổi tối thôi", ChannelQuestion.Hours)]
    [InlineData("Thứ 7 nhắn bao giờ mới có người trả lời vậy", ChannelQuestion.Hours)]
    [InlineData("tin nhắn mình gửi lên đây được lưu bao lâu, sau này muốn xóa đi thì có được không", ChannelQuestion.Privacy)]
    [InlineData("gửi ảnh lên đây thì những ai được xem ảnh đó vậy? có lộ ra ngoài không", ChannelQuestion.Privacy)]
    [InlineData("cai nay co mat phi ko", ChannelQuestion.Cost)]
    [InlineData("nhắn vô đây có mất tiền hông dzậy con", ChannelQuestion.Cost)]
    [InlineData("ad trực mấy h", ChannelQuestion.Hours)]
    [InlineData("tin nhan nay co ai doc khong hay chi la may tu tra loi thoi", ChannelQuestion.Identity)]
    [InlineData("bạn là robot à", ChannelQuestion.Identity)]
    [InlineData("Đây có phải ủy ban tỉnh không hay là của công ty nào", ChannelQuestion.Identity)]
    [InlineData("Số điện thoại tôi gửi ở đây có bị dùng để gọi quảng cáo không", ChannelQuestion.Privacy)]
    [InlineData("bên mình có nhận đơn không ghi tên không ạ", ChannelQuestion.Privacy)]
    [InlineData("có phải chờ lâu không, bác đang cần gấp", ChannelQuestion.ResponseTime)]
    [InlineData("Kính gửi ban quản trị, cho tôi hỏi kênh này làm việc vào giờ hành chính hay cả thứ bảy chủ nhật", ChannelQuestion.Hours)]
    [InlineData("Dữ liệu số điện thoại với tên tuổi tôi để lại thì các anh dùng vào việc gì", ChannelQuestion.Privacy)]
    [InlineData("thông tin tôi cung cấp sẽ được lưu giữ bao lâu và ai có quyền xem", ChannelQuestion.Privacy)]
    [InlineData("Số CCCD tôi gửi vào đây có an toàn không hay có ai lấy đi làm việc khác", ChannelQuestion.Privacy)]
    [InlineData("Xin chào, tôi mới dùng lần đầu. Đây là kênh gì vậy ạ", ChannelQuestion.Identity)]
    [InlineData("bà nhắn vào đây thì có ai đọc rồi gọi lại cho bà ko ạ", ChannelQuestion.Identity)]
    public void Questions_about_the_channel_are_read_by_kind(string message, ChannelQuestion kind) =>
        ChannelQuestions.Of(message).ShouldBe(kind);

    [Theory]
    [InlineData("bộ phận một cửa phường thứ bảy có làm việc không")]
    [InlineData("ban quản lý chợ thu phí ki ốt tăng gấp đôi")]
    [InlineData("tôi gửi phản ánh 2 tuần rồi bao lâu nữa mới có người trả lời")]
    [InlineData("đèn đường ngõ 5 tối nào cũng tắt")]
    [InlineData("cái này có phải của phường xử lý không hay phải lên tỉnh")]
    [InlineData("tài khoản này lừa đảo tôi 5 triệu, đề nghị công an xử lý")]
    [InlineData("tôi gửi phản ánh từ thứ 7 mà bao giờ mới có người trả lời")]
    [InlineData("bộ phận một cửa thứ 7 bao lâu thì trả lời hồ sơ")]
    [InlineData("tôi gửi phản ánh liên quan đến con đường trước nhà")]
    [InlineData("nha may xa khoi den kin troi ca dem, o Quế Võ day, ai quan ly cai nay vay")]
    [InlineData("đèn đường ngõ 5 hỏng cả tuần, gửi mấy lần có ai xem đâu, toàn hứa")]
    [InlineData("tôi mất cccd ở chợ, làm lại thì thông tin cũ có dùng được không")]
    [InlineData("hàng xóm hát karaoke cả đêm không cho ai nghỉ, có ai xử lý không")]
    [InlineData("tôi gửi ảnh nước sông đen, có phải do nhà máy xả thải không")]
    [InlineData("bé sinh ra không có tên bố thì đăng ký khai sinh ở phường có được không ạ")]
    [InlineData("chứng thực chữ ký thì lệ phí mỗi bản là bao nhiêu?")]
    [InlineData("bot ơi cho hỏi đăng ký tạm trú cần giấy tờ gì, hay bot cũng ko biết nốt")]
    [InlineData("các anh bảo không thuộc thẩm quyền nhưng không nói thuộc cơ quan nào, người dân biết gửi đi đâu")]
    public void An_office_a_fee_elsewhere_a_chase_or_a_problem_is_not(string message) =>
        ChannelQuestions.Of(message).ShouldBe(ChannelQuestion.None);

    [Theory]
    [InlineData("gửi phản ánh ở đây có mất tiền không")]
    [InlineData("thông tin cá nhân của mình có được giữ bí mật không")]
    public void A_question_about_the_channel_is_information_not_a_complaint(string message) =>
        Understander.Default.Understand(message).Intent.ShouldBe(MessageIntent.Info);
}
