using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>
/// The rules beyond phrases (Readings.cs, FlowReading.cs) played through the conversation engine as a new citizen's first
/// message or a typed answer at a step, in the corpus's own line format — the examples are this file's, not the corpus's.
/// </summary>
public class RulesThroughTheEngineTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));

    internal static string Corpus(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException(file);
    }

    private static (ConversationContext Context, IReadOnlyDictionary<long, string> Keys) Sample() =>
        IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));

    private static ConversationResult TypedAt(string step, string message) =>
        ConversationEngine.Handle(FlowCorpus.StateAt(step) with { LastActivityAt = At }, new TextInput(message, At), Sample().Context);

    [Theory]
    [InlineData("khieunai | - | - | - | hồ sơ xin cấp phép sửa nhà của tôi bị từ chối, tôi không đồng ý và đề nghị xem xét lại")]
    [InlineData("status | - | - | - | tôi gửi phản ánh từ hôm thứ hai rồi mà sao vẫn chưa thấy ai trả lời")]
    [InlineData("spam | - | - | - | Cho vay tín chấp lãi suất thấp, giải ngân trong ngày, LH 0912 345 678")]
    [InlineData("complaint | - | - | - | dây điện thoại võng thấp ngang đầu người đi đường cả tháng nay")]
    [InlineData("complaint | - | - | - | lên phường làm giấy tờ mà cán bộ không hướng dẫn gì cả, đi lại ba lần")]
    [InlineData("tocao | - | - | - | kế toán xã khai khống danh sách hộ nghèo để lấy tiền hỗ trợ")]
    [InlineData("tocao | - | - | - | tien den bu giai phong mat bang dat nha toi, can bo dia chinh do thieu dien tich roi an phan chenh lech cho ho hang")]
    [InlineData("question | - | - | - | nhà bác bị cháy mất cả sổ đỏ rồi, giờ xin cấp lại thì làm thế nào hả cháu")]
    [InlineData("complaint | - | - | - | e thấy ngoài ruộng có khói nghi ngút, ra xem thì là bà con đốt rơm thôi, ko cháy nhà cửa j, nhưng khói bay vào nhà nhiều quá")]
    [InlineData("complaint | - | - | - | sáng nay ở chợ có một bình ga mini bị xì, mọi người đã mang ra ngoài xử lý xong, không ai bị sao. Tôi đề nghị kiểm tra việc buôn bán bình ga mini")]
    [InlineData("complaint | - | - | - | Lan can cầu bị gãy một đoạn, tối không có đèn, sợ có người ngã xuống sông")]
    [InlineData("danger | - | - | - | chau oi bac ngui thay mui hoi hoi nhu mui trung thoi trong bep ma bac khong biet tat cai gi bac so qua")]
    [InlineData("danger | - | - | - | toi gia roi mat kem, nghe tieng ri ri ngoai hien va mui khen khet nhu dot day dien, con toi di lam xa, ai giup toi voi")]
    [InlineData("status | - | - | - | Bác gửi kiến nghị về cái cột điện nghiêng từ đầu tháng, cán bộ bảo sẽ xuống mà nay vẫn chưa thấy, bác hỏi xem thế nào rồi")]
    [InlineData("tocao | - | - | - | mấy ông trật tự đô thị ở chợ Kinh Bắc thu tiền của người bán hàng rong mỗi ngày 50k không có biên lai gì, ko đóng là bị đuổi")]
    [InlineData("tocao | - | - | - | chu tich xa loi dung chuc vu giao thau cho cong ty cua em vo")]
    [InlineData("tocao | - | - | - | can bo dia chinh nhan phong bi roi moi ky giay cho dan")]
    [InlineData("tocao | - | - | - | Tôi xin tố giác ông trưởng thôn tự ý bán đất công")]
    [InlineData("complaint | - | - | - | cán bộ phường thái độ hách dịch, quát nạt dân khi lên làm thủ tục")]
    [InlineData("complaint | - | - | - | phường xử phạt bà bán rau đầu ngõ 2 triệu, tôi thấy không hợp lý")]
    [InlineData("abuse | - | - | - | tụi mày toàn lũ bất tài")]
    [InlineData("abuse | - | - | - | may la do sau bo")]
    [InlineData("abuse | - | - | - | các người là đồ khốn nạn")]
    [InlineData("khieunai | - | - | - | mẹ tôi bị cắt chế độ thương binh mà không có thông báo gì, tôi đề nghị xã khôi phục lại")]
    [InlineData("khieunai | - | - | - | e bi tu choi cap giay xac nhan tinh trang hon nhan du nop du giay to, e ko dong y")]
    [InlineData("khieunai | - | - | - | bị phạt 3 triệu vì để xe trước cửa nhà t, cả dãy ai cũng để, ko phục")]
    [InlineData("khieunai | - | - | - | em bị phạt nguội vượt đèn đỏ mà hôm đó xe em gửi ở quê, sao bắt em nộp phạt được")]
    [InlineData("tocao | - | - | - | thủ quỹ xã rút tiền quỹ khuyến học đi đánh bạc")]
    [InlineData("danger | - | - | - | thang máy khu tập thể bị kẹt, có 3 người ở trong 20 phút rồi")]
    [InlineData("complaint | - | - | - | đường bê tông đầu làng vỡ hết rồi, mong các bác cho người xuống xem giúp")]
    [InlineData("lookup | - | - | - | tra cuu pa-77x1q giup e")]
    [InlineData("spam | - | - | - | Chia sẻ tin này cho 5 người để gặp may mắn cả năm")]
    [InlineData("status | - | - | - | hôm trước tôi có báo vụ rác đầu ngõ, giờ xử lý tới đâu rồi ạ")]
    [InlineData("complaint | - | - | - | Công ty tại KCN Quế Võ đề nghị hướng dẫn thủ tục cấp phép xe đưa đón công nhân, nhà xe chưa được cấp phép")]
    [InlineData("danger | - | - | - | đồi sau nhà đang sạt xuống, đất vùi mất gian bếp rồi")]
    [InlineData("spam | - | - | - | Dịch vụ làm visa, giấy phép lao động trọn gói, LH 0977.xxx.xxx")]
    [InlineData("danger | - | - | - | bức tường nhà bên cạnh vừa đổ đè trúng hai người đang đi qua")]
    [InlineData("danger | - | - | - | đê đầu làng đang bị sạt lở, cần người ra hộ đê ngay")]
    [InlineData("khieunai | - | - | - | tôi bị thu hồi thẻ bảo hiểm mà không rõ lý do, đề nghị xem xét lại cho tôi")]
    [InlineData("thanks | - | - | - | cảm ơn phường đã cho người sửa cống nhanh, nhà tôi hết ngập rồi")]
    [InlineData("complaint | - | - | - | cảm ơn phường đã sửa đèn nhưng mới 2 hôm lại hỏng")]
    [InlineData("question | khai-sinh | - | - | làm giấy khai sinh cho cháu thì ra phường hay lên huyện ạ")]
    [InlineData("info | - | - | - | kênh này do cơ quan nào quản lý thế")]
    [InlineData("info | - | - | - | tôi báo hàng xóm thì thông tin của tôi có được giữ kín không")]
    [InlineData("help | - | - | - | con bot này làm được những gì")]
    [InlineData("tocao | - | - | - | cán bộ tư pháp bắt dân phải đưa 2 triệu mới chứng thực cho")]
    [InlineData("spam | - | - | - | Bấm vào link bit.ly/nhan-qua để nhận quà tặng 300k")]
    [InlineData("status | - | - | - | vụ cống vỡ em báo hôm trước giờ xử lý chưa ạ")]
    [InlineData("status | - | - | - | Toi da phan anh viec den duong hong tu thu 3, xin hoi tien do")]
    [InlineData("complaint | INFRA | - | - | đèn đường hỏng, tôi đã báo phường từ tuần trước mà chưa ai xử lý, giờ tới đâu rồi")]
    [InlineData("info | - | - | - | trang này ai lập ra thế, có phải giả mạo để lừa đảo không")]
    [InlineData("info | - | - | - | tôi nhắn tin phản ánh ở đây thì nhà hàng xóm có biết tôi gửi không? tôi ngại va chạm")]
    [InlineData("abuse | - | - | - | con bot vô dụng, hỏi gì cũng lạc đề")]
    [InlineData("spam | - | - | - | Tuyển công nhân gấp, bao ăn ở, lương cao, đăng ký tại bit.ly/vieclam")]
    [InlineData("tocao | - | - | - | công an xã thu tiền phạt mà không có biên lai gì cả")]
    [InlineData("tocao | - | - | - | cán bộ địa chính xin 300k thì mới đo đất cho nhà tôi")]
    [InlineData("khieunai | - | - | - | tôi muốn khiếu lại quyết định phạt hôm qua")]
    [InlineData("khieunai | - | - | - | đơn xin trợ cấp của bố tôi bị trả về không nói lý do, gia đình tôi không đồng ý")]
    [InlineData("danger | - | - | - | giàn giáo công trình vừa sập, có người bên dưới")]
    [InlineData("info | - | - | - | mấy giờ thì có cán bộ đọc tin nhắn")]
    [InlineData("help | - | - | - | menu đâu rồi")]
    [InlineData("khieunai | - | - | - | xe tôi bị đội trật tự giam 2 tuần vì đỗ trước nhà mình, vậy là sai chứ")]
    [InlineData("info | - | - | - | zalo này ai quản lý, có phải của phường thật không hay bọn lừa đảo giả danh")]
    [InlineData("status | - | - | - | hôm trước tôi đã gửi phản ánh vụ cống tắc mà đến giờ chưa nhận được trả lời")]
    [InlineData("status | - | - | - | e phan anh 2 lan roi ma chua thay ai phan hoi j")]
    [InlineData("complaint | - | - | - | tôi đã báo phường rồi mà chưa ai xử lý, rác vẫn đầy đầu ngõ")]
    [InlineData("khieunai | - | - | - | phường lập biên bản phạt nhà tôi 5 triệu vì xây lấn, nhưng tường đó là của nhà bên, yêu cầu xem lại")]
    [InlineData("khieunai | - | - | - | xã trả lời bố tôi không đủ điều kiện hưởng trợ cấp, nhà kia cùng hoàn cảnh lại được, vậy là sao")]
    [InlineData("tocao | - | - | - | quán bia lấn hết vỉa hè mà không ai dẹp vì chủ quán là em vợ ông chủ tịch phường")]
    [InlineData("info | - | - | - | phản ánh ở đây có bị lộ tên không, tôi sợ họ biết rồi trù dập")]
    [InlineData("question | - | - | - | mất thẻ căn cước thì làm lại ở đâu, có bị mất phí không")]
    [InlineData("help | - | - | - | tôi không biết xài cái này, chỉ em với")]
    [InlineData("question | - | - | - | xưởng đóng cửa, tôi mất việc 3 tháng nay, vậy người lao động có được hỗ trợ gì không")]
    [InlineData("question | - | - | - | bộ phận một cửa chủ nhật có làm việc không, ngày thường tôi bận đi làm")]
    [InlineData("complaint | - | - | - | anh cán bộ tư pháp quát mắng bố tôi giữa phòng chỉ vì ông hỏi lại, như thế có đúng không")]
    [InlineData("complaint | - | - | - | ngõ nhà tôi không có đèn, không có biển báo, đoạn cua tối om")]
    [InlineData("complaint | - | - | - | tháng trước bãi phế liệu đầu làng bị cháy, dập xong rồi mà tro than vẫn để nguyên")]
    [InlineData("complaint | - | - | - | cột điện trước cổng nghiêng, chưa đổ nhưng sợ có ngày đè vào người đi đường")]
    [InlineData("danger | - | - | - | tuần trước đã báo bờ kè nứt, giờ đất đang sạt xuống sông, nhà tôi sắp trôi")]
    [InlineData("complaint | - | - | - | xe khach chay au qua cong truong, may lan suyt tong hoc sinh")]
    [InlineData("complaint | - | - | - | lam giay to cho lo dat nha toi 5 thang chua xong")]
    [InlineData("khieunai | - | - | - | gia dinh toi khong dong y voi phuong an tai dinh cu, lo dat duoc giao nho hon nhieu so voi dat bi thu hoi")]
    [InlineData("complaint | - | - | - | nha ben canh dap pha sua nha bui mu mit, lam tu 6h sang den 10h toi")]
    [InlineData("danger | - | - | - | bọn nó đang đập phá quán nhà tôi, cầm cả gậy")]
    [InlineData("complaint | - | - | - | nhà bên cạnh chiều nào cũng đốt rác, khói bay sang cay mắt")]
    [InlineData("danger | - | - | - | hàng xóm đốt rác cháy lan sang kho củi nhà tôi rồi")]
    [InlineData("complaint | - | - | - | cây bàng nghiêng ra đường mấy tháng nay, sợ mưa bão đổ vào người")]
    [InlineData("tocao | - | - | - | cán bộ tư pháp thu của tôi 2 triệu gọi là phí làm nhanh, không đưa biên lai")]
    [InlineData("tocao | - | - | - | ở xã nhà nào đưa tiền thì mới được vào danh sách hộ nghèo")]
    [InlineData("thanks | - | - | - | cảm ơn anh chị đã hỗ trợ, giấy tờ của tôi đã nhận đúng hẹn")]
    [InlineData("tocao | - | - | - | làm sổ hộ khẩu mà chú ở quầy bảo muốn nhanh thì \"bồi dưỡng\" 300 nghìn")]
    [InlineData("khieunai | - | - | - | phường gạch tên mẹ tôi ra khỏi danh sách hộ nghèo mà không báo, tôi không đồng ý")]
    [InlineData("status | - | - | - | tôi có phản ánh vụ cống tắc hồi đầu tháng, giờ chưa có kết quả gì, chuyển đến đâu rồi")]
    [InlineData("info | - | - | - | đây có phải là tổng đài của ủy ban không")]
    // Wrongdoing in office without the word, asked or told.
    [InlineData("tocao | - | - | - | ở chốt cầu mấy anh trật tự cứ tối là chặn xe, dúi 200 thì cho qua không lập biên bản")]
    [InlineData("tocao | - | - | - | cò ngoài cổng bảo đưa 1 triệu là làm trước, cò câu kết với cán bộ bên trong")]
    [InlineData("tocao | - | - | - | nhà được hỗ trợ là bà con với ông phó chủ tịch xã, có phải xét theo quan hệ không?")]
    [InlineData("tocao | - | - | - | cán bộ địa chính cấp sổ đỏ cho mấy nhà quen trên đất công của thôn")]
    [InlineData("khieunai | - | - | - | tôi không đồng ý việc phường trả lại hồ sơ xin cấp phép của tôi, đề nghị xem xét lại")]
    [InlineData("khieunai | - | - | - | cháu nhà tôi bị cắt hỗ trợ học phí không rõ lý do, đề nghị giải thích")]
    [InlineData("status | - | - | - | tuần trước tôi có nhắn báo vụ cống tắc, sao chưa thấy xử lý gì")]
    [InlineData("complaint | - | - | - | đã nộp danh sách lên trạm y tế phường cả tháng mà không thấy lịch tiêm")]
    [InlineData("complaint | - | - | - | hồ sơ xin giấy phép của công ty bị trả về 3 lần, lần nào cũng bảo thiếu giấy mà không nói thiếu gì")]
    [InlineData("thanks | - | - | - | Tôi xin chân thành cảm ơn phường đã cho người xuống sửa đèn rất nhanh")]
    [InlineData("lookup | - | - | - | mã của bác là P A 2 6 1 1 F X 2 K cháu xem hộ")]
    [InlineData("info | - | - | - | nhắn vào đây có bị trừ tiền không")]
    [InlineData("info | - | - | - | ai đọc tin nhắn này thế, người hay máy trả lời")]
    [InlineData("question | - | - | - | tháng này phường có tổ chức khám sức khỏe cho người già không, mẹ tôi 80 rồi")]
    [InlineData("complaint | - | - | - | Bác muốn gửi một cái kiến nghị, phải làm thế nào hả cháu")]
    [InlineData("unknown | - | - | - | tối mai Việt Nam đá bóng với Indo mấy giờ thế ad")]
    [InlineData("unknown | - | - | - | trời đẹp ghê, bot ăn cơm chưa")]
    [InlineData("danger | - | - | - | tầng 5 chung cư đang có khói, chuông báo cháy kêu liên tục")]
    [InlineData("complaint | - | - | - | công ty bất động sản rao bán đất nền ven đê không có giấy phép, không thấy ai kiểm tra")]
    [InlineData("complaint | - | - | - | xóm tôi bị ngắt điện từ 7h sáng đến giờ chưa có lại, không hề báo trước")]
    [InlineData("complaint | - | - | - | cách đây ba hôm mảng vữa ban công tầng 5 rơi xuống sân, may không trúng ai, đề nghị kiểm tra kẻo chết người")]
    [InlineData("complaint | - | - | - | sáng nay xe bồn chở hóa chất lật ven đường, công an kéo đi rồi mà mùi vẫn nồng")]
    [InlineData("danger | - | - | - | dây điện đứt rơi sát mặt đường, bọn trẻ đang chơi quanh đó, cắt điện ngay đi")]
    [InlineData("danger | - | - | - | nước đang chảy xiết, có người bị cuốn xuống mương đang bám vào cành cây")]
    [InlineData("danger | - | - | - | cây vừa đổ đè lên ô tô, người còn kẹt bên trong")]
    [InlineData("complaint | - | - | - | sáng nay ngửi thấy mùi gas, mở cửa ra thì hết mùi, nhưng bình gas mua không rõ nguồn gốc")]
    [InlineData("complaint | - | - | - | ngã tư này tuần nào cũng có va chạm vì đèn tín hiệu hỏng")]
    [InlineData("tocao | - | - | - | danh sách hộ cận nghèo thôn tôi toàn người nhà ông trưởng thôn, nhà xây 3 tầng vẫn có tên")]
    [InlineData("tocao | - | - | - | gói thầu sửa đường năm nay chỉ có 1 nhà thầu tham gia, giá trúng thầu gần bằng giá gói thầu")]
    [InlineData("khieunai | - | - | - | hồ sơ xin hỗ trợ của gia đình tôi bị bác, trong khi nhà bên cạnh giống hệt vẫn được, vậy là thế nào")]
    [InlineData("status | - | - | - | hôm trước tui có gởi cái hình con mương đầy rác mà sao hổng thấy ai hồi âm gì")]
    [InlineData("status | - | - | - | tuần trước tôi có gửi đơn về việc cán bộ nhận tiền, đến giờ chưa thấy ai trả lời")]
    [InlineData("help | - | - | - | muốn báo cái đèn đường hỏng thì bấm vào đâu, bác không biết dùng")]
    [InlineData("help | - | - | - | hướng dẫn gửi phản ánh giúp mình với")]
    [InlineData("spam | - | - | - | Khoản vay của bạn đã quá hạn, thanh toán trước 17h để tránh bị khởi kiện: bit.ly/abc")]
    [InlineData("abuse | - | - | - | mấy người ngồi chơi ăn lương chứ được tích sự gì")]
    [InlineData("question | - | - | - | năm nay có hỗ trợ tiền lũ không cháu, nhà bác mất trắng vụ lúa")]
    [InlineData("complaint | - | - | - | cô cán bộ ở quầy một cửa thái độ rất khó chịu, hỏi gì cũng gắt, dân đi làm giấy chứ có phải đi xin đâu")]
    [InlineData("status | - | - | - | hôm trước tôi báo là đã được tiếp nhận rồi mà im luôn, đèn vẫn tắt")]
    [InlineData("status | - | - | - | tôi hỏi lại lần thứ 3 rồi đấy, vụ cống tắc báo từ đầu tháng, trả lời đi chứ")]
    [InlineData("lookup | - | - | - | mã phản ánh của tôi là pa/2611/fx2k")]
    [InlineData("tocao | - | - | - | trưởng thôn đưa người nhà vào danh sách hộ nghèo, nhà cao cửa rộng vẫn có tên")]
    [InlineData("info | - | - | - | trang này có phải của ủy ban thật không hay trang giả mạo")]
    [InlineData("thanks | - | - | - | đường trước nhà đã được sửa xong, cả xóm xin cảm ơn các anh nhiều")]
    [InlineData("complaint | - | - | - | tối qua đi qua đoạn đào dở không có rào chắn, suýt lao xuống hố, cần cắm biển báo")]
    [InlineData("question | - | - | - | nếu hồ sơ bị giải quyết quá hạn thì người dân có quyền đòi bồi thường không")]
    [InlineData("tocao | - | - | - | cán bộ địa chính bắt nộp 3 triệu phí đo đạc mà không đưa biên lai, có đúng quy định không")]
    [InlineData("complaint | - | - | - | làm giấy xác nhận cư trú mà chạy đi chạy lại 4 lần vẫn chưa xong, rốt cuộc cần giấy gì")]
    [InlineData("thanks | - | - | - | cảm ơn ad nhiều, thông tin rất hữu ích")]
    [InlineData("greeting | - | - | - | Xin chào, chúc anh chị một ngày tốt lành")]
    [InlineData("khieunai | - | - | - | tôi bị phạt 500k vì dừng xe ở chỗ mà ở đó không hề có biển cấm")]
    [InlineData("unknown | - | - | - | xin lỗi tôi gửi nhầm tin nhắn cho con gái")]
    [InlineData("help | - | - | - | bot có thể giúp gì cho tôi")]
    [InlineData("khieunai | - | - | - | nhà tôi bị thu hồi đất làm đường, đo thiếu 30 mét so với sổ đỏ, tôi không chịu")]
    [InlineData("khieunai | - | - | - | giá bồi thường cho nhà tôi quá thấp so với giá thị trường")]
    [InlineData("khieunai | - | - | - | em bị phạt 400k vì không đội mũ trong khi đang dắt bộ xe chết máy, vậy có đúng không ạ")]
    [InlineData("complaint | - | - | - | hôm qua cây đổ chắn ngang đường, giờ người ta kéo vào lề rồi nhưng cành lá vẫn vương vãi")]
    [InlineData("tocao | - | - | - | có người trong phường móc nối làm sổ đỏ cho đất lấn chiếm, mỗi bìa 50 triệu")]
    [InlineData("complaint | - | - | - | alo cho tôi gửi cái đơn")]
    [InlineData("greeting | - | - | - | Chào buổi sáng ạ. Cho tôi hỏi chút")]
    [InlineData("greeting | - | - | - | Chúc mừng năm mới")]
    [InlineData("unknown | - | - | - | Mẹ ơi tối nay con về muộn, mẹ cứ ăn cơm trước nhé")]
    [InlineData("complaint | - | - | - | chị cán bộ một cửa lướt điện thoại bắt em đứng chờ cả tiếng, hỏi thì quát, thái độ như vậy không chấp nhận được")]
    [InlineData("khieunai | - | - | - | bác nộp hồ sơ xin hỗ trợ thì bị trả lại bảo không đủ điều kiện, bác không đồng ý")]
    [InlineData("khieunai | - | - | - | hồ sơ của tôi bị từ chối, bảo không đủ điều kiện mà không nói vì sao là thế nào")]
    [InlineData("tocao | - | - | - | cán bộ thuế bảo các hộ nộp tiền mặt cho ông ấy, không có biên lai gì")]
    [InlineData("tocao | - | - | - | Tôi muốn tố cáo. Nhưng sợ bị trù dập, có giữ bí mật người tố cáo không?")]
    [InlineData("khieunai | - | - | - | nhà tôi bị tính phí vệ sinh gấp đôi năm ngoái, hộ vẫn 4 người, tôi không chấp nhận")]
    [InlineData("danger | - | - | - | cháy!!!")]
    [InlineData("danger | - | - | - | cây đổ đè vào nhà bà cụ đầu xóm")]
    [InlineData("danger | - | - | - | ba toi 80 tuoi di lac tu sang toi gio khong thay ve, nha gan ho Dong")]
    [InlineData("lookup | - | - | - | PA\u20112611\u2011FX2K sao vẫn chưa xong")]
    [InlineData("khieunai | - | - | - | trợ cấp khuyết tật của bố tôi tháng này bị cắt không báo trước, như thế là sai, nhờ các anh xem lại")]
    [InlineData("khieunai | - | - | - | hàng của tôi bị quản lý thị trường tịch thu mà không đưa biên bản, tôi đề nghị làm rõ")]
    [InlineData("khieunai | - | - | - | hội đồng không tính điểm ưu tiên con thương binh cho tôi, đề nghị chấm lại")]
    [InlineData("khieunai | - | - | - | chi cuc thue an dinh thue khoan cua toi 4 trieu mot thang, de nghi dieu chinh lai cho dung doanh thu")]
    [InlineData("khieunai | - | - | - | giải phóng mặt bằng xong ba năm rồi vẫn chưa có đất tái định cư, mong xem xét quyền lợi cho gia đình tôi")]
    [InlineData("khieunai | - | - | - | tai sao ho so cap so do cua em bi tra ve lan thu tu, moi lan mot ly do")]
    [InlineData("complaint | - | - | - | năm ngoái trạm biến áp đầu xóm nổ một tiếng, giờ thì ổn rồi, đề nghị dời trạm ra xa trường học")]
    [InlineData("question | - | - | - | thằng cháu nó vào làm khu công nghiệp, nó ở nhà tôi thì tôi phải khai tạm trú những gì")]
    [InlineData("spam | - | - | - | Nhận làm bằng cấp ba, chứng chỉ tin học, không cần thi, bao công chứng, liên hệ chị Hoa")]
    [InlineData("status | - | - | - | Tôi không muốn làm phiền nhưng chẳng hay việc tôi đề nghị hồi tháng 10 đã được chuyển đến đúng nơi chưa, vì tôi thấy đường vẫn y nguyên")]
    public void A_first_message_takes_the_path_a_person_would(string line)
    {
        var (context, keys) = Sample();
        var outcome = IntentCorpus.Evaluate(IntentCorpus.Parse(line), context, keys).Single();
        outcome.RightPath.ShouldBeTrue(outcome.Path);
        if (outcome.Entry.Intent is "abuse" or "spam") outcome.OfferedForFiling.ShouldBeFalse();
    }

    [Theory]
    [InlineData("area | answer | VUNINH | cái thứ 3 ạ")]
    [InlineData("area | answer | VOCUONG | thứ hai nhé")]
    [InlineData("area | answer | QUEVO | cái cuối cùng ạ")]
    [InlineData("contact | correct | name=Trần Thị Ngân | à khoan, tên ghi nhầm rồi, Trần Thị Ngân chứ không phải Ngan")]
    [InlineData("contact | correct | address=số 40 đường Lý Thái Tổ | tên giữ nguyên, nhưng địa chỉ sai rồi, là số 40 đường Lý Thái Tổ chứ không phải 12")]
    [InlineData("confirm | edit | description | khoan, phần kể tôi muốn viết thêm mấy câu")]
    [InlineData("place | edit | category | chọn nhầm mục rồi, việc này là cán bộ hạch sách chứ không phải đường sá")]
    [InlineData("category | answer | CONDUCT | chọn số 2 nha")]
    [InlineData("area | answer | VOCUONG | p. vo cuongg")]
    [InlineData("area | answer | VUNINH | phuong vu nimh")]
    [InlineData("contact | answer | Lê Thị Hằng | Lê Thị Hằng - kế toán Công ty Hưng Thịnh - 0912 777 888")]
    [InlineData("contact | answer | Trần Thị Mai | Trần Thị Mai")]
    [InlineData("fixed | fixed | - | sửa rồi nhưng chậm quá")]
    [InlineData("contact | cancel | - | thôi, bận quá không muốn để lại số, hủy phản ánh này đi")]
    [InlineData("contact | edit | attachments | quay lại gửi ảnh")]
    [InlineData("contact | edit | place | cho quay lai phan dia chi")]
    [InlineData("confirm | edit | description | quay về mục mô tả")]
    [InlineData("attachments | edit | category | lui lai buoc chon linh vuc")]
    [InlineData("contact | correct | description=cống bị tắc | sửa mô tả giúp: cống bị tắc, nước tràn vào nhà")]
    [InlineData("contact | correct | address=số 21 | à nhà số 21 chứ ko phải số 12 nhé")]
    [InlineData("contact | correct | phone=987654321 | sdt sai, dung la 0987654321")]
    [InlineData("contact | correct | name=Bình | tên là Bình chứ không phải An")]
    [InlineData("confirm | correct | name=Trần Văn Bình | sai tên rồi, Trần Văn Bình mới đúng")]
    [InlineData("confirm | correct | name=Le Thi Hoa | sửa tên thành Le Thi Hoa")]
    [InlineData("confirm | correct | address=so 21 Ly Thai To | dia chi sai roi, phai la so 21 Ly Thai To")]
    [InlineData("confirm | correct | address=đường Trần Phú | đổi địa chỉ: đường Trần Phú")]
    [InlineData("confirm | correct | area=VUNINH | nham phuong roi nha em o vu ninh")]
    [InlineData("confirm | correct | name=Nguyễn Văn Ấn | Nguyễn Văn Ấn chứ không phải An, chữ Ấn dấu sắc")]
    [InlineData("confirm | cancel | - | thoi dung gui nua, phuong vua cho nguoi den roi")]
    [InlineData("contact | cancel | - | bắt cho số điện thoại thì thôi không gửi nữa")]
    [InlineData("description | back | - | chon nham linh vuc roi, quay lai chon cai khac")]
    [InlineData("editchoice | back | - | thôi khỏi sửa, quay lại")]
    [InlineData("place | skip | - | tôi không nhớ số nhà, để sau nhé")]
    [InlineData("attachments | answer | - | tôi vừa gửi 3 cái ảnh rồi đó")]
    [InlineData("description | correct | category=CONDUCT | không phải hạ tầng đâu, mà là thái độ cán bộ phường")]
    [InlineData("problemoffer | newproblem | - | không phải, tôi muốn báo chuyện cái cột điện trước nhà bị nghiêng sắp đổ")]
    [InlineData("fixed | fixed | - | xác nhận đã được khắc phục, cảm ơn")]
    [InlineData("contact | skip | - | em để ẩn danh được không ạ")]
    [InlineData("problemoffer | cancel | - | thôi khỏi, mai tôi lên phường nói trực tiếp")]
    [InlineData("attachments | skip | - | máy tôi hỏng camera rồi")]
    [InlineData("editchoice | back | - | thôi khỏi sửa nữa, quay lại đi")]
    [InlineData("confirm | answer | - | ừ đúng rồi, gửi giùm tui")]
    [InlineData("problemoffer | answer | - | dạ vâng, nhờ chuyển đến cơ quan chức năng giúp")]
    [InlineData("confirm | correct | description=chập chờn | sua mo ta: den duong bi chap chon ca dem")]
    [InlineData("confirm | correct | phone=905111222 | sửa số điện thoại thành 0905 111 222")]
    [InlineData("contact | correct | area=TUSON | phường là Từ Sơn cơ")]
    [InlineData("description | correct | area=VUNINH | nhầm, phường Vũ Ninh chứ không phải Kinh Bắc")]
    [InlineData("contact | correct | address=số 8 | à mà số 8 đường Lý Thái Tổ nhé, lúc nãy gõ nhầm")]
    [InlineData("fixed | fixed | - | xong rồi nhé, sáng nay có đội xuống làm")]
    [InlineData("description | cancel | - | thôi không làm nữa đâu, rắc rối quá")]
    [InlineData("confirm | back | - | quay lại tí")]
    [InlineData("attachments | skip | - | thôi khỏi ảnh")]
    [InlineData("contact | cancel | - | thôi e ko muốn để lại sđt, bỏ đi")]
    [InlineData("contact | answer | 0904556677 | Hoa 0904556677")]
    [InlineData("contact | answer | 0988777666 | Mai, 0988777666")]
    [InlineData("contact | answer | 0911222333 | 0911222333")]
    [InlineData("contact | answer | Đỗ Minh Quân | Văn phòng công ty may Đức Giang, người liên hệ: anh Đỗ Minh Quân, số 0911222333")]
    [InlineData("contact | answer | Tâm | cô Tâm bán nước đầu ngõ, số cô là 0977 123 456 nhé")]
    [InlineData("problemoffer | cancel | - | không, em chỉ hỏi cho biết thôi")]
    [InlineData("problemoffer | edit | category | sai lĩnh vực rồi, chọn cái khác đi")]
    [InlineData("confirm | cancel | - | khỏi gửi nữa nha, chiều nay tôi ra phường luôn")]
    [InlineData("editchoice | cancel | - | thôi không sửa gì nữa, hủy luôn cái phản ánh này")]
    [InlineData("contact | cancel | - | tôi không muốn báo nữa, để tôi tự lo")]
    [InlineData("attachments | back | - | khoan, quay lại đã")]
    [InlineData("contact | back | - | ghi thiếu địa chỉ, lùi lại")]
    [InlineData("area | back | - | trở lại nhé, mô tả chưa đủ")]
    [InlineData("contact | correct | address=số 30 ngõ 4 | khoan đã, sửa địa chỉ trước nhé, là số 30 ngõ 4 Lý Thái Tổ")]
    [InlineData("editchoice | correct | description=cột đèn bị gãy | phần mô tả, ghi lại là cột đèn bị gãy hẳn từ tuần trước")]
    [InlineData("fixed | fixed | - | đã có người sửa rồi, cảm ơn")]
    [InlineData("confirm | correct | description=hôm qua | thêm vào mô tả là từ hôm qua")]
    [InlineData("confirm | correct | description=3 hộ | bổ sung nội dung: có 3 hộ bị ảnh hưởng")]
    [InlineData("contact | correct | description=tu 7h | ghi them vao mo ta giup e la den tat tu 7h toi")]
    [InlineData("confirm | correct | area=TUSON | sai phường rồi, Từ Sơn")]
    [InlineData("confirm | correct | category=ADMIN | sai lĩnh vực, phải là thủ tục hành chính")]
    [InlineData("confirm | correct | name=Hương | tên em là Trần Thị Hương, ghi nhầm thành An")]
    [InlineData("contact | correct | description=cột điện | không phải đèn đường mà là cột điện nghiêng")]
    [InlineData("fixed | fixed | - | sáng hôm qua thấy đèn sáng rồi, cảm ơn các anh")]
    [InlineData("fixed | fixed | - | rồi em ạ, có người đến sửa xong, cảm ơn nhiều")]
    [InlineData("fixed | notfixed | - | làm gì có ai đến đâu mà bảo xong")]
    [InlineData("description | cancel | - | hủy nhé, để chiều tôi lên ủy ban nói")]
    [InlineData("confirm | cancel | - | thôi hủy đi em, lúc nãy ra đường đã thấy công nhân điện lực đến làm rồi")]
    [InlineData("confirm | answer | - | Vâng gửi đi. Cho hỏi mấy ngày thì có kết quả?")]
    [InlineData("area | skip | - | tôi thật không biết chỗ đó thuộc phường nào")]
    [InlineData("place | answer | chợ Giàu | không rõ số nhà, ở gần chợ Giàu")]
    [InlineData("problemoffer | correct | address=ngõ 5 Trần Phú | đúng rồi, ở ngõ 5 Trần Phú nhé")]
    [InlineData("confirm | correct | name=Trần Văn Bình | tên tôi là Trần Văn Bình, ghi lại giúp")]
    [InlineData("editchoice | correct | name=Lê Thị Hoa | tên: Lê Thị Hoa")]
    [InlineData("area | skip | - | bác cũng không rõ nữa, từ hồi xưa chỗ đó còn là xã")]
    [InlineData("contact | edit | attachments | cho tôi quay lại phần ảnh, vừa chụp được rồi")]
    [InlineData("confirm | correct | area=QUEVO | được rồi nhưng phường Quế Võ nhé, không phải Kinh Bắc")]
    [InlineData("contact | correct | area=VOCUONG | em chọn nhầm, võ cường mới đúng")]
    [InlineData("confirm | correct | description=nắp cống cũng vỡ | vâng đúng rồi, nhưng ghi thêm là nắp cống cũng vỡ")]
    [InlineData("confirm | correct | description=đèn tắt từ 6 giờ chiều | em bổ sung giúp là đèn tắt từ 6 giờ chiều")]
    [InlineData("confirm | correct | address=số 45 đường Lý Thái Tổ | gõ nhầm rồi, nhà em số 45 đường Lý Thái Tổ")]
    [InlineData("attachments | skip | - | mưa to chụp không được, bỏ qua nhé")]
    [InlineData("confirm | answer | - | ừa đúng rồi đó, gửi đi nghen")]
    [InlineData("contact | cancel | - | thôi hổng gửi nữa đâu, để tui tự lên phường")]
    [InlineData("confirm | edit | place | cho sửa lại địa chỉ, ghi chưa đủ")]
    // The phone corrected by the digits that differ (the draft holds 0912345678).
    [InlineData("confirm | correct | phone=0912345670 | số cuối là 0 chứ không phải 8 nhé")]
    [InlineData("confirm | correct | phone=0918345678 | sdt nham, 0918 chu ko phai 0912")]
    [InlineData("confirm | correct | phone=0912345876 | đuôi sđt là 876 ạ")]
    [InlineData("confirm | correct | phone=0912345687 | số đt 2 số cuối bị ngược rồi")]
    [InlineData("editchoice | correct | phone=0912399678 | so dien thoai sua 345 thanh 399")]
    [InlineData("confirm | correct | phone=0987654321 | đổi số liên hệ sang 0987 654 321 giúp tôi, số kia mất rồi")]
    [InlineData("confirm | correct | name=Đào Thị Mai | người liên hệ là Đào Thị Mai, vợ tôi, không phải tôi")]
    [InlineData("editchoice | correct | name=Vũ Đức Long | cho đổi tên người liên hệ thành Vũ Đức Long")]
    // One clause is the command, the others only talk around it.
    [InlineData("attachments | edit | place | khoan chưa gửi ảnh, cho tôi sửa lại địa chỉ đã, ghi chưa đủ")]
    [InlineData("attachments | skip | - | trời tối quá, thôi bỏ qua")]
    [InlineData("editchoice | back | - | à thôi không đổi gì nữa, quay lại trang trước")]
    [InlineData("place | back | - | ơ phần mô tả chưa kỹ, cho quay lại viết thêm")]
    [InlineData("description | answer | phải đứng chờ từ sáng | phải đứng chờ từ sáng, ko có chỗ ngồi")]
    [InlineData("confirm | answer | - | ok đúng hết rồi, gửi đi")]
    [InlineData("confirm | edit | contact | địa chỉ đúng rồi nhưng muốn đổi số liên lạc")]
    [InlineData("contact | answer | 0987111333 | 0987111333 gọi giờ hành chính, tên không cần đâu")]
    [InlineData("contact | answer | Đỗ Thị Hằng | Bà Đỗ Thị Hằng, trưởng ban công tác mặt trận khu 2")]
    [InlineData("contact | answer | Vũ Văn Nam | tên tôi là Vũ Văn Nam, còn số điện thoại thì xin phép không để lại")]
    [InlineData("confirm | answer | - | vâng tôi xác nhận các thông tin trên là đúng, mong sớm được xử lý")]
    [InlineData("confirm | answer | - | ừ đúng rồi gửi luôn đi cho kịp, tôi đang vội")]
    [InlineData("editchoice | answer | area | đổi phường ạ, em chọn nhầm")]
    [InlineData("attachments | edit | place | khoan gửi ảnh, cho tôi sửa địa chỉ đã")]
    [InlineData("attachments | skip | - | đang ở ngoài đường không chụp được, để lúc khác")]
    [InlineData("attachments | answer | - | e vừa gửi 2 tấm ảnh rồi đó ad")]
    [InlineData("fixed | fixed | - | rồi cháu ạ, hôm qua có người xuống thay bóng, tối qua sáng trưng")]
    [InlineData("problemoffer | answer | accept | đúng rồi gửi giúp tôi, nước tràn lên tận thềm nhà")]
    [InlineData("description | cancel | - | thôi hủy đi, nói mãi có ai làm đâu")]
    [InlineData("contact | cancel | - | thoi huy di e ko muon de lai sdt dau")]
    [InlineData("contact | cancel | - | thôi hủy đi nhé, em không muốn để lại số điện thoại")]
    [InlineData("area | answer | VUNINH | nhà bác ở phường vũ linh cháu ạ")]
    [InlineData("contact | correct | phone=0912345679 | à nhầm, số cuối là 9 chứ không phải 8: 0912345679")]
    [InlineData("fixed | fixed | - | rồi cháu ơi, đèn sáng lại từ hôm qua, cảm ơn nhé")]
    [InlineData("problemoffer | answer | other | ừ đúng, có điều không phải hạ tầng, chuyện này do ông tổ trưởng gây ra")]
    [InlineData("confirm | edit | category | mọi thứ đúng rồi mà không phải hạ tầng đâu")]
    [InlineData("place | correct | address=số 7 ngõ 2 | nhầm, số 7 ngõ 2 cơ, trong ngõ chứ không phải ngoài mặt đường")]
    [InlineData("attachments | skip | - | ảnh gửi thế nào bác chịu, thôi không gửi nữa, bỏ qua nhé")]
    [InlineData("place | correct | description=cả dãy đèn trong khu đều tắt | khoan, không phải đèn trước nhà đâu mà là cả dãy đèn trong khu đều tắt")]
    [InlineData("area | skip | - | nhà em mới thuê được tuần, cũng chưa rõ phường nào ạ")]
    [InlineData("category | answer | BIZ_VACCINE | đăng ký vacxin cho anh em công nhân")]
    [InlineData("place | correct | description=hỏng từ đầu tháng | nhầm chút, đèn đường trước nhà bị hỏng từ đầu tháng cơ chứ không phải cả tuần")]
    [InlineData("editchoice | correct | description=hỏng gần hai tuần | ghi lại là đèn đường trước nhà hỏng gần hai tuần, không phải một tuần")]
    [InlineData("confirm | correct | description=hỏng gần hai tuần rồi | à nhầm, đèn đường trước nhà bị hỏng gần hai tuần rồi chứ không phải một tuần")]
    [InlineData("confirm | correct | address=số 21 | sai số nhà, phải là số 21 rồi")]
    [InlineData("contact | answer | 02223825416 | Công ty TNHH Minh Phát, chị Hoa phòng hành chính, máy bàn 0222 3825 416")]
    [InlineData("attachments | skip | - | thoi khoi anh di")]
    [InlineData("contact | back | - | quay lại bước trước đã, tôi chưa xong cái ảnh")]
    [InlineData("problemoffer | answer | other | ko phải, cái này là thái độ cán bộ")]
    [InlineData("place | correct | description=hỏng gần 2 tuần | khoan, lúc nãy viết nhầm, đèn đường hỏng gần 2 tuần rồi")]
    [InlineData("problemoffer | answer | other | đúng là cống tắc nhưng do công ty bên cạnh lấp, chọn mục khác giúp tôi")]
    [InlineData("fixed | fixed | - | sửa xong rồi, cảm ơn các chú nhé")]
    [InlineData("fixed | fixed | - | ổn rồi, không còn gì nữa")]
    [InlineData("contact | answer | 0978223456 | số bác là không chín bảy tám, hai hai ba, bốn năm sáu")]
    [InlineData("confirm | correct | name=Nguyễn Thị Lan | tên không phải An đâu cháu, bác là Nguyễn Thị Lan, đấy là tên ông nhà bác")]
    [InlineData("contact | answer | Trần Văn Hòa | tên bác là Trần Văn Hòa, còn số điện thoại thì bác không muốn cho đâu")]
    [InlineData("description | newproblem | - | à tiện đây cho bác phản ánh luôn cái cống trước cổng trường bị tắc cả tuần nay, không biết báo ai")]
    [InlineData("fixed | notfixed | - | sửa gì mà sửa, ra mà xem")]
    [InlineData("fixed | notfixed | - | đỡ hơn rồi nhưng chưa hẳn, tối vẫn tắt")]
    [InlineData("editchoice | answer | area | sửa lại phường giúp bác, nhà bác bên Từ Sơn")]
    [InlineData("problemoffer | answer | accept | ừ gửi đi cháu, mà có cần chụp ảnh không")]
    [InlineData("confirm | correct | address=số 31 đường Lý Thái Tổ | khoan, nhà bác số 31 đường Lý Thái Tổ, cháu ghi nhầm thành 12 rồi")]
    [InlineData("place | correct | description=đèn hỏng từ mười hôm nay rồi chứ không phải một tuần | à mà sửa lại giúp tôi, đèn hỏng từ mười hôm nay rồi chứ không phải một tuần")]
    [InlineData("confirm | correct | area=3 | à phường chọn nhầm, đúng ra là số 3")]
    [InlineData("confirm | correct | address=số 14 đường Lý Thái Tổ | nhà tôi số 14 chứ không phải 12, ghi nhầm")]
    [InlineData("fixed | newproblem | - | đèn thì sáng rồi mà cái loa phường bên cạnh giờ mở to quá trời")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), Sample().Context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }

    [Theory]
    [InlineData("place | correct | description=đèn hỏng hai tuần rồi chứ không phải một tuần | ừ")]
    [InlineData("place | correct | description=không phải một cột mà cả dãy 3 cột | ừ")]
    [InlineData("confirm | correct | area=3 | ừ")]
    [InlineData("confirm | correct | area=4 | à phường chọn nhầm, đúng ra là số 3")]
    public void A_correction_is_not_counted_where_the_field_holds_neither_the_words_nor_what_they_affirm(string line) =>
        FlowCorpus.Evaluate(FlowCorpus.Parse(line), Sample().Context).Single().Handled.ShouldBeFalse();

    [Fact]
    public void A_description_said_again_with_a_change_replaces_it_instead_of_repeating_it()
    {
        var result = TypedAt("place", "à không phải cả tuần đâu, đèn đường trước nhà bị hỏng gần một tháng nay");
        var description = result.State.Draft.Description!;
        description.ShouldContain("gần một tháng");
        (description.Length - description.Replace("trước nhà", "", StringComparison.Ordinal).Length).ShouldBe("trước nhà".Length, description);
    }

    [Fact]
    public void Words_added_to_the_description_keep_what_it_said() =>
        TypedAt("confirm", "thêm vào mô tả là từ hôm qua").State.Draft.Description!.ShouldStartWith("Đèn đường trước nhà");

    [Fact]
    public void Adding_said_after_the_part_named_keeps_what_it_said()
    {
        var description = TypedAt("editchoice", "sửa phần mô tả, em muốn thêm là chỗ đấy còn có cả hố ga mất nắp").State.Draft.Description!;
        description.ShouldStartWith("Đèn đường trước nhà");
        description.ShouldContain("hố ga mất nắp");
    }

    [Fact]
    public void A_ward_correction_at_the_summary_sets_the_ward_not_the_address()
    {
        var before = FlowCorpus.StateAt("confirm");
        var result = TypedAt("confirm", "nham phuong roi, phai la phuong Vu Ninh");
        result.State.Draft.Address.ShouldBe(before.Draft.Address);
        result.State.Draft.AreaCode.ShouldBe("VUNINH");
    }

    [Fact]
    public void A_correction_that_cannot_be_placed_at_the_contact_step_is_not_the_name()
    {
        var result = TypedAt("contact", "nhầm rồi, không phải cái đó mà là cái kia");
        result.State.Draft.ContactName.ShouldBeNull();
        result.State.Step.ShouldBe(Step.Contact);
    }

    [Fact]
    public void Asking_to_edit_a_part_and_saying_it_was_mistyped_opens_that_part_and_keeps_the_request_out_of_it()
    {
        var before = FlowCorpus.StateAt("contact");
        var result = TypedAt("contact", "khoan đã, cho bác sửa cái địa chỉ, lúc nãy gõ nhầm");
        result.State.Draft.Address.ShouldBe(before.Draft.Address);
        result.State.Step.ShouldBe(Step.Place);
    }

    [Fact]
    public void A_number_said_to_be_someone_elses_is_not_an_address()
    {
        var before = FlowCorpus.StateAt("confirm");
        var result = TypedAt("confirm", "sửa giúp tôi tên và số điện thoại, đó là số của con gái tôi");
        result.State.Draft.Address.ShouldBe(before.Draft.Address);
        result.State.Draft.ContactName.ShouldBe(before.Draft.ContactName);
        result.State.Step.ShouldBe(Step.Contact);
    }

    [Theory]
    [InlineData("số mới của bác là 0978 111 222", "+84978111222")]
    [InlineData("đổi thành 0978.111.222 giúp em", "+84978111222")]
    public void A_new_number_alone_at_the_list_of_parts_corrects_the_phone(string message, string phone) =>
        TypedAt("editchoice", message).State.Draft.ContactPhone.ShouldBe(phone);

    [Fact]
    public void A_yes_taken_back_with_a_lone_no_files_nothing() =>
        TypedAt("confirm", "ừ gửi đi, à mà thôi không").Effects.OfType<CreateTicket>().ShouldBeEmpty();

    [Fact]
    public void A_new_address_alone_at_the_list_of_parts_corrects_the_address() =>
        TypedAt("editchoice", "nhà ở số 40 ngõ 7 đường Trần Phú mới đúng").State.Draft.Address!.ShouldContain("số 40 ngõ 7");

    [Fact]
    public void Skipping_the_photos_elsewhere_is_not_skipping_that_step()
    {
        var result = TypedAt("place", "thôi khỏi ảnh");
        result.State.Step.ShouldBe(Step.Place);
        result.State.Draft.Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("description", "tụi mày toàn lũ bất tài")]
    [InlineData("place", "bot ngu như bò")]
    [InlineData("contact", "may la do sau bo")]
    public void An_insult_is_never_a_steps_answer(string step, string message)
    {
        var before = FlowCorpus.StateAt(step);
        var result = TypedAt(step, message);
        result.State.Step.ShouldBe(before.Step);
        result.State.Draft.ShouldBe(before.Draft);
    }
}
