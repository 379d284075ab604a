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
    public void Burning_straw_that_has_spread_to_a_house_is_fire() =>
        U.Danger("cuu voi co nguoi chay ruong dot rom lua lan vo toi nha roi, khoi mu mit").HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Fact]
    public void Fire_spreading_after_smoke_is_still_fire() =>
        U.Danger("nha ben canh dot rom khoi mu mit lua lan sang mai nha toi roi").HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Fact]
    public void A_power_line_at_head_height_in_the_rain_is_a_live_wire_even_told_with_fear() =>
        U.Danger("cot dien truoc nha nghieng han ra duong vi dat lun, day vong xuong sat dau nguoi, dang mua, so bi giat lam").HasFlag(DangerKind.Power).ShouldBeTrue();

    [Fact]
    public void Someone_held_for_ransom_is_for_the_police() =>
        U.Danger("Thằng cháu tôi đi theo tin việc làm bên Campuchia, giờ gọi về bảo bị giữ lại đòi 50 triệu chuộc, tôi phải làm sao").HasFlag(DangerKind.Police).ShouldBeTrue();

    [Fact]
    public void Children_imitating_each_other_are_no_ransom() =>
        U.Danger("tre con trong xom bat chuoc nhau dot phao, on qua").HasFlag(DangerKind.Police).ShouldBeFalse();

    [Fact]
    public void A_plot_sold_by_its_area_is_no_landslide() =>
        U.Danger("Thanh ly lo dat 120m2 thon Dong Xuat, chinh chu ban").ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("THÔNG BÁO: Cục Thuế yêu cầu các hộ kinh doanh cài đặt ứng dụng eTax mới để hoàn thuế, tải file .apk tại link đính kèm, quá hạn sẽ bị phạt hành chính theo quy định")]
    [InlineData("Anh chị có nhu cầu làm sổ đỏ, tách thửa, chuyển mục đích đất nhanh không cần chờ đợi, bao trọn gói, có người nhà trong phòng tài nguyên, liên hệ anh Quân")]
    [InlineData("[Chuyển tiếp] Khẩn: từ ngày mai công an sẽ kiểm tra điện thoại người dân trên đường, ai có tin nhắn xấu sẽ bị phạt 20 triệu, hãy gửi cho người thân")]
    [InlineData("Vay vốn nhanh không cần thế chấp, giải ngân trong 24h, chỉ cần CCCD, liên hệ ngay")]
    [InlineData("Chuyển tiếp tin nhắn này cho 10 người để nhận gói hỗ trợ lũ lụt 2 triệu từ chính phủ, không chuyển sẽ gặp xui")]
    public void An_offer_of_a_fix_an_app_to_install_or_a_chain_letter_is_an_advert_without_a_number(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void A_citizen_fooled_by_a_link_is_no_advert() =>
        U.IsSpam("tôi bị lừa bấm vào link bit.ly/hotro đăng ký nhận tiền hỗ trợ 3.500.000đ, mất hết tiền trong tài khoản").ShouldBeFalse();

    [Fact]
    public void A_cable_down_and_said_to_be_still_live_is_a_live_wire() =>
        U.Danger("xe om cua e dam vao day cap roi vat ngang duong 295, day con dien, may xe dang dung lai").HasFlag(DangerKind.Power).ShouldBeTrue();

    // A word typed with its marks is the word meant, never a slip for a danger word one letter away.
    [Theory]
    [InlineData("mất nước từ sáng qua đến giờ ngõ 3 không có giọt nào")]
    [InlineData("giờ tan học xe cộ chen nhau ùn tắc nhìn sợ lắm")]
    public void A_marked_word_is_not_a_slip_for_a_danger_word(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    // "ho de" without marks is far more often "họ để" (they leave) than "hộ đê" (guarding the dyke).
    [Fact]
    public void They_leave_typed_plain_is_not_guarding_the_dyke() =>
        U.Danger("toi to cao can bo dia chinh xa thu cua dan moi ho 5 trieu moi lam so do, ai khong dua thi ho de ho so do hoai").ShouldBe(DangerKind.None);

    // Each from a tuning row the rules missed and only the model (trained on it) caught: out of fold, the pipeline missed them.
    [Theory]
    [InlineData("đua xe đâm vào người đi bộ rồi nằm giữa đường kia kìa ko ai dám lại gần", DangerKind.Medical)]
    [InlineData("con bé nhà em 6 tuổi mất tích từ chiều, lần cuối thấy nó chơi ở bờ sông Cầu đoạn thôn Đông, mn ơi giúp tìm với em sợ lắm", DangerKind.Police)]
    [InlineData("ong gia nam guc o cong truong tieu hoc goi ko tra loi mieng sui bot sao gio", DangerKind.Medical)]
    [InlineData("trên đường Lý Anh Tông phường Võ Cường có cái hố sụt mới toác ra giữa đường một xe máy vừa rơi xuống người vẫn ở dưới", DangerKind.Rescue)]
    [InlineData("alo công an ơi, đêm nay có người cứ đập cửa nhà tôi đòi vào, tay cầm hung khí, vợ con tôi đang sợ chết khiếp", DangerKind.Police)]
    [InlineData("em ở tầng 3 khu tập thể A2 phường Kinh Bắc, cầu thang khói mù mịt ko nhìn thấy gì, nhà e có con 2 tuổi, ko xuống được", DangerKind.Fire)]
    [InlineData("ô ơi cột điện đường Trần Hưng Đạo đổ ngang đường rồi dây vẫn có điện xe cứ lao qua", DangerKind.Power)]
    public void Peril_now_in_words_the_table_lacks_is_danger(string message, DangerKind kind) => U.Danger(message).HasFlag(kind).ShouldBeTrue();

    [Theory]
    [InlineData("con tôi vẫn còn ở dưới quê, chưa lên được")]
    [InlineData("cán bộ phường không xuống được vì bận, người dân thì cứ chờ")]
    [InlineData("xe tải đâm vào người đi xe máy rồi bỏ chạy, tuần trước, nạn nhân nằm viện 2 tuần")]
    public void Words_near_those_perils_are_not_danger(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    // Tuning rows the rules gave the emergency line and the model (out of fold) gave no danger at all.
    [Theory]
    [InlineData("Đề nghị cơ quan chức năng sửa chữa đoạn đường Trần Hưng Đạo thuộc Phường Võ Cường, mặt đường lún sụt làm xe chở hàng của doanh nghiệp thường xuyên bị mắc kẹt")]
    [InlineData("mỗi lần mưa lũ nước chảy xiết qua cầu tràn thôn Bắc mà ko có rào chắn, năm ngoái có người bị cuốn trôi rồi, đề nghị làm biển cảnh báo")]
    [InlineData("ho kinh doanh nho o cho huyen bi lu cuon mat hang, co chinh sach ho tro gi ko, lam don roi ma ko thay ai tra loi")]
    public void Stuck_as_a_habit_a_drowning_last_year_or_support_asked_after_a_flood_is_not_danger_now(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("cầu tràn thôn Bắc nước chảy xiết, vừa có người bị cuốn trôi, cứu với")]
    [InlineData("xe khách bị mắc kẹt giữa dòng lũ, trên xe có 20 người không ra được")]
    [InlineData("đánh nhau ở chợ đêm bây giờ vẫn chưa tan, có người bị thương, công an xuống ngay")]
    [InlineData("cây đổ đè trúng người đi xe máy ở đầu ngõ, đang nằm bất tỉnh")]
    [InlineData("xe tải tông người ở ngã tư, người bị nằm bất động, cần cấp cứu, đề nghị xem xét trách nhiệm tài xế")]
    [InlineData("bà cụ hàng xóm ngất xỉu ở nhà, cần được cấp cứu, đề nghị xem xét trách nhiệm trạm y tế vì gọi không ai nghe")]
    public void The_same_words_happening_now_are_still_danger(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Fact]
    public void Sparks_yesterday_and_nothing_wrong_now_is_not_danger() =>
        U.Danger("day dien trong phong tro cu nat boc lop vo ra, hom qua toe lua 1 lan roi, gio ko sao nhung e so lam").ShouldBe(DangerKind.None);

    [Fact]
    public void A_fire_that_cannot_be_put_out_now_is_still_danger() =>
        U.Danger("cháy to lắm, bây giờ không sao dập được, cứu với").ShouldNotBe(DangerKind.None);

    [Fact]
    public void The_official_addressed_is_not_the_official_denounced() =>
        U.DenouncesWrongdoing("dạ thưa cán bộ tui ở xóm Đông mấy bữa nay nước thủy lợi hổng về tới ruộng bà con, mương thủy lợi đầu xóm Đông bị ai đắp đất chặn lại").ShouldBeFalse();

    [Theory]
    [InlineData("dạ thưa cán bộ, cán bộ địa chính xã nhận tiền của dân mới làm sổ đỏ")]
    [InlineData("cán bộ ơi, trưởng thôn ăn chặn tiền hỗ trợ lũ của dân")]
    [InlineData("can bo a Hung nhan tien cua dan moi lam so do cho")]
    public void An_official_denounced_after_the_greeting_still_is(string message) => U.DenouncesWrongdoing(message).ShouldBeTrue();

    [Fact]
    public void Drain_water_foaming_is_not_someone_foaming_at_the_mouth() =>
        U.Danger("muong nuoc thai sui bot trang xoa, tre con trong xom ra choi ngay canh").ShouldBe(DangerKind.None);

    [Fact]
    public void People_called_out_to_guard_the_dyke_is_danger() =>
        U.Danger("đê sông Cầu đang bị sạt lở, nước rỉ qua thân đê, cần huy động người ra hộ đê ngay").ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("cái cột điện đầu ngõ kêu lẹt xẹt mỗi khi trời mưa nhưng chưa thấy tia lửa gì, nhờ điện lực xuống xem giúp")]
    [InlineData("chuông báo cháy chung cư cứ tự kêu lúc nửa đêm mấy hôm nay, ban quản lý ko sửa")]
    [InlineData("ho tich thu 2 thung hang, e co hoa don ma luc do de o kho")]
    [InlineData("đêm qua có tiếng nổ to từ xưởng pháo lậu, sáng ra thì yên rồi, đề nghị kiểm tra xưởng đó")]
    [InlineData("ao làng không có rào chắn, năm kia có cháu bé chết đuối rồi, đề nghị làm lan can")]
    [InlineData("mình muốn báo cái cột điện nghiêng thì gõ ntn ad")]
    [InlineData("minh can photo bang tot nghiep co dau do de nop ho so xin viec thi ra dau lam")]
    [InlineData("nhà máy trong khu công nghiệp xả khói đen vào ban đêm gây mùi khét khó thở cho dân")]
    [InlineData("co nguoi dot rac nhua o bai dat trong sau khu tro luc nua dem, khoi den mui khet lan vo nha, con nit ho suot")]
    [InlineData("Khói từ một nhà máy trong khu công nghiệp thường xả vào ban đêm, mùi khét nồng nặc, người già trẻ nhỏ ho nhiều. Tôi là cựu cán bộ y tế, đề nghị quan trắc và xử lý.")]
    [InlineData("cai bai rac o ngo 3 sau truong boc mui thoi, ruoi nhang bay vao lop, hoc sinh kho tho")]
    [InlineData("mấy hôm nay khói từ khu công nghiệp bay sang mùi khét lẹt, đêm ngủ phải đóng hết cửa, đề nghị kiểm tra xem nhà máy nào xả")]
    [InlineData("Hệ thống mương nội đồng xuống cấp nghiêm trọng, bờ mương sạt lở, bà con không lấy được nước tưới")]
    [InlineData("nhà cấp 4 bị bão làm đổ tường giờ muốn xây lại 2 tầng thì có phải xin giấy phép xây dựng không mn")]
    [InlineData("xe chở đất chạy ầm ầm cả đêm, rung nhà nứt cả tường, kiểu này có ngày nhà sập đè chết người")]
    [InlineData("chiều qua nước lũ cuốn trôi cái cầu tạm qua mương, may lúc đấy không ai đi qua, giờ bọn trẻ đi học phải đi vòng")]
    [InlineData("toi nghe nguoi ta bao khu nay sap sat lo, ko biet co that ko, co ai kiem tra chua a")]
    [InlineData("nha toi bi chay do chap dien tu cot dien ngoai duong, xa bao khong ho tro vi la loi nha toi, toi khong dong y, de nghi xem xet lai")]
    [InlineData("e ở kinh bắc, tối qua nhà hàng xóm chập điện cháy tí may dập dc r, nhg mà e thấy khu này dây điện chằng chịt nguy hiểm lắm")]
    [InlineData("Đầu tháng nhà tôi bị cháy do chập điện, giờ đã ổn, nhưng xe cứu hỏa không vào được vì ngõ bị lấn chiếm hết")]
    [InlineData("đọc tin vụ cháy chung cư mini trên hà nội mà rùng mình")]
    [InlineData("sáng nay điện lực ra nối lại dây điện bị đứt hôm qua rồi, nhưng họ vứt đoạn dây cũ với mấy cái sứ vỡ bên lề, trẻ con hay nghịch")]
    [InlineData("e gửi phản ánh vụ cột điện nghiêng từ tháng trc mà tới h vẫn chưa thấy ai rep, sao r ad")]
    [InlineData("cau tam qua kenh bi lu cuon troi tu hom 10 den gio chua lam lai, tre con di hoc phai di vong 7km")]
    [InlineData("nhà tui hộ nghèo bị lũ cuốn mất con bò thì có được trợ cấp thêm không cháu")]
    [InlineData("Tôi gọi báo cháy cho phường Kinh Bắc tối qua mà trực ban bắt máy nói giọng khó chịu bảo tự gọi 114 đi, may mà đám cháy tự dập được, thái độ như vậy không chấp nhận được")]
    [InlineData("nghe đồn mai có bão lớn vào, khu nhà e cột điện nghiêng sẵn r, sợ đổ lắm ad ơi")]
    [InlineData("mưa là nước ngập chợ, ổ điện các sạp ngâm nước, tiểu thương lo chập điện lắm")]
    [InlineData("Khu tập thể nhà chị có cái nhà cũ tường nứt toác ra rồi em ạ, chị sợ mùa mưa bão này nó đổ thì chết người, nhờ em báo cho phường xuống xem giúp")]
    [InlineData("Khe giữa tòa A và tòa B bị lún, nứt toác ra một đường, tường ngoài có vết nứt chạy dọc mấy tầng, chưa biết có nguy hiểm ko")]
    [InlineData("Tôi gửi đơn xin hỗ trợ nhà bị sập do lũ từ tháng 7 đến giờ chưa thấy ai trả lời gì")]
    [InlineData("vừa rồi có vụ đánh nhau ở quán karaoke gần nhà, công an tới giải tán rồi nhưng tuần nào cũng vậy, mong chính quyền kiểm tra quán này")]
    [InlineData("hôm qua có đám đánh nhau ở chợ đêm nhưng tan rồi, mong công an tăng cường tuần tra chứ bà con buôn bán sợ lắm")]
    [InlineData("lũ về chết người rồi mới nhắn được cái bot vô dụng, chính quyền gì mà ăn hại")]
    [InlineData("Toi to cao chu tich phuong dung ten nguoi nha de trung thau cac cong trinh cua phuong")]
    [InlineData("Tôi đưa bệnh nhân cấp cứu tới trạm y tế phường lúc nửa đêm nhưng bảo vệ không mở cửa, gọi mãi không ai ra, đề nghị xem xét trách nhiệm")]
    [InlineData("cái tường dãy trọ nứt toác ra rồi, nghiêng hẳn, kiểu gì mưa to cũng đổ, đề nghị kiểm tra giúp")]
    [InlineData("tối qua nhà em có mùi gas, gọi thợ đến khóa van rồi nhưng đường ống chung cũ quá mong được kiểm tra")]
    public void Not_seen_an_alarm_a_storeroom_or_a_night_now_over_is_no_emergency(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("Lò gạch thôn Bắc ngày đêm nhả khói đen, khói như cháy rừng, cây trồng xung quanh chết héo")]
    [InlineData("đèn đường tắt hết tối om, nghe nói mấy hôm rồi, sợ bị cướp giật lắm")]
    [InlineData("đêm nào quán karaoke ở ngõ 5 cũng hát tới 2h sáng, có hôm còn đánh nhau, đề nghị xử lý dứt điểm")]
    [InlineData("cứ mưa là đường ngập, hôm tháng 8 có đứa trẻ bị nước cuốn xuống cống may cứu kịp, xin nạo vét cống")]
    [InlineData("hôm qua có mùi gas nhẹ ở khu nhà tôi nhưng giờ hết rồi, nhờ kiểm tra lại đường ống giúp để yên tâm")]
    [InlineData("chieu qua co thang say ruou lai xe ba gac chay lung tung ngoai dau lang, may ma ko ai bi sao")]
    [InlineData("đơn tôi gửi hôm 15 về vụ cột điện nghiêng đến giờ vẫn im re")]
    [InlineData("nhiều đêm nay khu dân cư bị ảnh hưởng bởi khói và mùi hắc từ một nhà máy, trẻ nhỏ bị khó thở")]
    [InlineData("hôm qua mưa thằng cu nhà bên bị nước cuốn xuống cống đầu thôn may người lớn kéo lên kịp, đề nghị làm nắp")]
    [InlineData("ở nhà mà bị cây đổ đè hỏng mái do bão thì có được hỗ trợ gì ko, làm giấy tờ ở đâu ạ")]
    [InlineData("tôi là hộ nghèo ở bản, muốn hỏi nhà bị lũ cuốn thì được nhà nước hỗ trợ bao nhiêu tiền, làm giấy gì")]
    [InlineData("nhà e ở bãi sông bị lũ cuốn sập 1 nửa, có chế độ hỗ trợ làm lại nhà ko ạ, cần giấy tờ j")]
    [InlineData("tôi làm nghề nuôi lồng bè, bão cuốn trôi hết lồng, vay ngân hàng mấy trăm triệu, xin nhà nước có chính sách giãn nợ")]
    [InlineData("nha cho e hoi khi nao thi co lenh so tan a, nha e o tang 1 sat song so lam")]
    [InlineData("sáng nay cty e diễn tập cháy nổ khói mù mịt mà vui phết :))")]
    [InlineData("bs trực cấp cứu đêm qua bảo phải đưa 2 triệu mới chuyển viện cho mẹ e, thế là họ để mẹ e nằm đấy đến sáng")]
    [InlineData("người ta đổ rác thải thành đống cao ngất ngay cạnh trường mẫu giáo")]
    [InlineData("taxi đậu kín cổng viện, xe cấp cứu không ra được")]
    [InlineData("cành cây chạm dây điện, mỗi khi mưa to là xẹt lửa một chút rồi thôi")]
    public void A_likeness_a_fear_a_habit_or_a_rescue_long_done_is_no_emergency(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("con mương đầu làng bị sập một đoạn, xe công nông không qua được")]
    [InlineData("sáng qua bãi đất trống có khói, đến trưa thì tắt, nhờ kiểm tra xem ai đốt")]
    [InlineData("ổ cắm cột điện chập tóe lửa lúc đêm, giờ bốc mùi khét, sửa giúp ko lại cháy")]
    [InlineData("thằng con nhà bên say xỉn đập phá suốt, báo mãi chưa xử lý dứt điểm")]
    public void Drains_caved_in_smoke_gone_by_noon_a_fear_of_next_time_or_a_matter_never_settled_are_no_emergency(string message) =>
        U.Danger(message).ShouldBe(DangerKind.None);

    // A cry for help around a matter with no danger in it is a way of speaking; with the danger named, it is a call.
    [Theory]
    [InlineData("cứu với, nhà tôi mất điện 3 ngày rồi, tủ lạnh hỏng hết đồ")]
    [InlineData("Cứu tôi với!!! Đi làm cái giấy xác nhận mà cán bộ một cửa bắt đi lại 4 lần, lần này còn quát tôi giữa phòng")]
    public void A_cry_for_help_about_a_power_cut_or_a_counter_is_no_emergency(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    // "do" typed plain among words with their marks is "by", a name called is no robbery, and copper stripped by burning
    // cables in the open is pollution.
    [Theory]
    [InlineData("Gia đình tôi không đồng ý với việc thu tiền di dời cột điện trước nhà, vì cột điện do nhà nước làm sai vị trí")]
    [InlineData("Tôi tố cáo ông trưởng thôn thu tiền làm đường mỗi hộ 2 triệu mà đường chả thấy đâu, đúng là bọn ăn cướp")]
    [InlineData("người ta đốt dây điện lấy đồng ngay cạnh nghĩa trang làng khói đen mùi nhựa khét lẹt cả xóm")]
    public void A_cause_an_insult_or_cables_burnt_for_copper_are_no_emergency(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("cứu với dây điện đứt rơi xuống đường đang tóe lửa")]
    [InlineData("cứu với")]
    [InlineData("cuu voi nha bac bi sat lo, nua cai bep roi xuong ao roi")]
    // "Trần Hưng Đạo nãy giờ" is a street and "for a while now", not "dạo này" (lately).
    [InlineData("có mùi gas nồng nặc ở gần cây xăng Trần Hưng Đạo nãy giờ, ngửi chóng hết cả mặt, ai xuống xem ngay với")]
    // "sạp hàng ngay sát đó" is a stall right beside, not "hằng ngày" (a habit).
    [InlineData("trạm biến áp cạnh chợ đang kêu ù ù to bất thường rồi nổ đoàng một tiếng, giờ khói xám bốc lên, mùi nhựa khét, sạp hàng ngay sát đó")]
    public void A_cry_for_help_with_the_danger_named_or_alone_is_an_emergency(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("nhà bên cạnh bị sập, có người mắc kẹt bên trong")]
    [InlineData("cống bị sập, có người rơi xuống cống")]
    public void A_collapse_with_people_under_it_still_is(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("bà cụ ngã ra đường co giật sùi bọt mép")]
    [InlineData("hai nhóm chém nhau trước cổng chợ")]
    public void The_danger_words_themselves_still_are(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("1, a nham, 3 nha", "3 nha")]
    [InlineData("không gửi... à nhầm, đúng rồi, gửi phản ánh giúp e", "đúng rồi, gửi phản ánh giúp e")]
    [InlineData("Chưa... à xin lỗi, sáng đèn rồi ạ", "sáng đèn rồi ạ")]
    public void An_answer_taken_back_is_the_one_given_after(string typed, string meant) => Understander.AfterASlip(typed).ShouldBe(meant);

    [Theory]
    [InlineData("so dien thoai, nham so roi")]
    [InlineData("em bấm nhầm phường")]
    [InlineData("Võ Cường")]
    public void A_word_of_mistake_without_a_slip_takes_nothing_back(string typed) => Understander.AfterASlip(typed).ShouldBeNull();

    [Fact]
    public void A_power_wire_is_still_danger() => U.Danger("dây điện đứt rơi xuống đường đang tóe lửa").ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("con chau no chup roi ma no chua gui cho toi de toi bao no gui sau")]
    [InlineData("cái cột đó nó nghiêng lâu rồi, để tôi báo lại sau")]
    [InlineData("thang chau no vao lam cong ty, no o nha toi tu thang truoc")]
    [InlineData("xe ben chạy rầm rầm cả đêm qua cửa nhà tôi, bụi mù mịt")]
    [InlineData("nó bảo để mai nó sang sửa cái mái tôn")]
    [InlineData("hàng quán bày ra tận lòng ngõ, xe máy không ra được")]
    [InlineData("năm ngoái lũ cuốn mất hết giấy tờ, giờ làm lại thẻ căn cước ở đâu")]
    [InlineData("con bò nhà tôi đi lạc từ sáng, ai thấy báo giúp")]
    [InlineData("tôi tìm mãi không thấy giấy hẹn trả kết quả, giờ làm sao")]
    public void It_and_let_typed_plain_are_no_explosion_or_crushing(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("bình ga nhà bên cạnh vừa nổ, cháy cả bếp")]
    [InlineData("binh ga no tung, lua boc chay ca bep")]
    [InlineData("cây đổ đè lên người đi xe máy, đang kẹt bên dưới")]
    public void An_explosion_or_a_crushing_still_is(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("xin cảm ơn đội cứu hộ đã cứu người bị kẹt trong lũ")]
    [InlineData("cam on dien luc da den sua day dien bi dut kip thoi")]
    [InlineData("cảm ơn các anh cứu hỏa tối qua đã dập đám cháy ở xưởng gỗ")]
    public void Thanks_for_help_already_given_is_no_danger(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("cảm ơn, nhà bên cạnh đang cháy to lắm")]
    [InlineData("cảm ơn các anh, nhưng còn 2 người bị kẹt trong nhà, cứu với")]
    public void Thanks_with_a_danger_happening_now_is_still_danger(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("chả có cháy gì đâu, hàng xóm nướng thịt thôi")]
    [InlineData("làm gì có cháy, khói bếp nhà bên thôi")]
    public void A_danger_said_not_to_be_there_is_not_danger(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("Xin hỏi: nếu tôi không đồng ý với quyết định xử phạt thì thời hạn khiếu nại là bao nhiêu ngày ạ?")]
    [InlineData("khiếu nại với tố cáo khác nhau thế nào vậy ad, em bị phạt oan thì gọi là gì")]
    [InlineData("nếu em biết cán bộ xã tham ô mà chỉ nghe kể thì có gửi đơn được không")]
    [InlineData("cho e hỏi nếu thấy cán bộ xã nhận phong bì thì báo ở đâu ạ")]
    public void The_law_asked_about_in_the_abstract_is_a_question_not_a_matter_to_file(string message)
    {
        U.ContestsDecision(message).ShouldBeFalse();
        U.FiledByATrackRule(message).ShouldBeFalse();
        U.Understand(message).Intent.ShouldBe(MessageIntent.Question);
    }

    [Fact]
    public void A_decision_contested_with_a_question_at_the_end_is_still_contested() =>
        U.ContestsDecision("tôi bị phạt 5 triệu, tôi không đồng ý với quyết định xử phạt này, đề nghị xem xét lại được không ạ?").ShouldBeTrue();

    [Theory]
    [InlineData("dây điện ở ngõ 9 võng thấp lắm, chưa có chuyện gì nhưng xe tải đi qua là vướng, đề nghị điện lực xử lý")]
    [InlineData("trạm biến áp cạnh trường thỉnh thoảng có mùi khét, đề nghị kiểm tra trước khi xảy ra chuyện")]
    [InlineData("bếp nhà tôi có mùi gas thì gọi số nào, hỏi trước thôi chứ hiện không sao")]
    [InlineData("cháy nổ nguy hiểm quá, hàng xóm nhà tôi tự câu điện từ cột về bằng dây trần, đề nghị điện lực kiểm tra")]
    public void A_danger_only_feared_or_asked_about_beforehand_is_not_danger(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("dây điện ở ngõ 9 đang tóe lửa, chưa có chuyện gì nhưng sợ lắm")]
    [InlineData("nhà tôi đang có mùi gas nồng lắm, bây giờ không biết làm sao")]
    public void A_danger_happening_now_beside_words_of_fear_is_still_danger(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Fact]
    public void Sparks_that_keep_coming_back_this_month_are_a_complaint() =>
        U.Danger("Tháng này khu mình cứ chập điện nổ lụp bụp rồi mất điện, hỏng mất cái tủ lạnh rồi, ngành điện xem lại đường dây đi").ShouldBe(DangerKind.None);

    [Fact]
    public void A_recurring_fault_burning_now_is_danger() =>
        U.Danger("mấy hôm nay cứ chập điện, giờ đang cháy ở cột điện").ShouldNotBe(DangerKind.None);

    [Fact]
    public void A_denied_danger_is_not_danger() => U.Danger("không phải cháy đâu, hàng xóm đốt vàng mã thôi").ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("lên phường làm giấy tờ mà cán bộ không hướng dẫn gì cả, đi lại ba lần")]
    [InlineData("chang ai huong dan cho dan ca, hoi thi gat di")]
    public void Help_under_a_negation_is_a_complaint_about_not_being_helped(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);

    [Fact]
    public void Asking_formally_how_the_channel_works_is_help() =>
        U.Understand("Kính gửi Quý cơ quan, tôi lần đầu sử dụng kênh này, đề nghị hướng dẫn các chức năng của hệ thống và cách thức gửi văn bản kiến nghị.")
            .Intent.ShouldBe(MessageIntent.Help);

    [Fact]
    public void Asking_formally_for_a_procedure_is_a_question() =>
        U.Understand("Kính gửi Quý cơ quan, đề nghị cho biết thủ tục đăng ký nuôi con nuôi trong nước và cơ quan có thẩm quyền giải quyết.")
            .Intent.ShouldBe(MessageIntent.Question);

    [Theory]
    [InlineData("hủy toàn bộ")]
    [InlineData("thôi hủy tất cả đi")]
    public void Cancelling_everything_in_so_many_words_cancels(string message) => U.ReadInFlow(message).Intent.ShouldBe(FlowIntent.Cancel);

    [Fact]
    public void Asking_how_is_still_help() => U.Understand("hướng dẫn tôi cách dùng với").Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("sửa rồi nhưng chậm quá")]
    [InlineData("da sua ma lam lau qua")]
    [InlineData("sửa rồi nhưng mà chậm quá, mất 2 tuần")]
    [InlineData("rồi ạ nhưng mà bóng mới hơi mờ so với trước")]
    [InlineData("sáng nay thấy sáng rồi, mà phải chửi mới làm")]
    [InlineData("hom qua thay sang roi, ma lam cham qua")]
    [InlineData("ôi sửa rồi nha, cứ tưởng phải chờ lâu")]
    [InlineData("tối qua đèn sáng lại rồi cảm ơn mọi người nhé nhanh ghê")]
    public void Fixed_with_a_remark_is_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("đã sửa nhưng vẫn còn ngập")]
    [InlineData("sua roi nhung chua sang")]
    [InlineData("sáng rồi nhưng chập chờn")]
    [InlineData("rồi ạ nhưng mà vẫn chưa sáng")]
    public void Fixed_but_something_remains_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldNotBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("Cho vay tín chấp lãi suất thấp, giải ngân trong ngày, LH 0912 345 678")]
    [InlineData("thanh ly tu lanh gia re 500k inbox zalo 0987.654.321")]
    [InlineData("Thuốc bổ thận gia truyền, liên hệ 0977xxx để được giá ưu đãi")]
    [InlineData("Dự án đất nền sát khu công nghiệp Quế Võ sổ đỏ từng lô, chỉ từ 9xx triệu, ck 5%, liên hệ em để xem đất cuối tuần ạ")]
    [InlineData("Chuyển tiếp tin này cho 10 người, chương trình tặng 500k cho hộ kinh doanh của nhà nước, bấm link để nhận ngay")]
    [InlineData("Chương trình tri ân người cao tuổi, tặng miễn phí máy đo huyết áp, chỉ cần chuyển 199k phí vận chuyển, liên hệ 0987xxx")]
    [InlineData("CHỈ CÒN 3 SUẤT! Khóa học làm giàu từ bất động sản với chuyên gia hàng đầu, học phí ưu đãi 1.990.000đ")]
    [InlineData("Kính gửi quý cơ quan, công ty chúng tôi chuyên cung cấp dịch vụ thiết kế website, phần mềm quản lý hồ sơ một cửa giá ưu đãi, mong được hợp tác")]
    [InlineData("📢 Quỹ từ thiện Trái Tim Việt đang hỗ trợ người nghèo 10 triệu/hộ, nhắn họ tên + STK + ảnh CCCD để đăng ký nhận")]
    [InlineData("Chương trình hỗ trợ người dân của Chính phủ: mỗi hộ gia đình được nhận 2.500.000đ, đăng ký tại link gov-hotro-vn.com trước 30/11")]
    [InlineData("[TIN KHẨN] Công an tỉnh thông báo: tài khoản định danh VNeID của bạn sắp bị khóa, cập nhật lại tại vneid-bacninh.com để tránh bị gián đoạn")]
    [InlineData("[THÔNG BÁO] Cổng dịch vụ công quốc gia: hồ sơ định danh mức 2 của bạn sắp hết hạn, truy cập dichvucong-gov.vn.xyz để cập nhật trong 24h, quá hạn sẽ bị khóa tài khoản")]
    [InlineData("UBND tỉnh thông báo chương trình hỗ trợ 5 triệu đồng cho hộ kinh doanh bị ảnh hưởng, đăng ký nhận tiền tại hotro-hokinhdoanh.gov-vn.site trước ngày 30")]
    [InlineData("Xin chào! Bạn có muốn con đi du học Hàn Quốc visa thẳng, không chứng minh tài chính, bao đậu 100%? Hội thảo miễn phí chủ nhật này tại khách sạn Kinh Bắc")]
    [InlineData("Thanh ly lo dat 120m2 thon Dong Xuat, chinh chu ban, gia 18tr/m2 thuong luong, so do trao tay, ai quan tam alo 0904 321 987")]
    [InlineData("THÔNG BÁO: Chương trình hỗ trợ người dân gặp khó khăn năm 2025 của UBND tỉnh, mỗi hộ được nhận 3.500.000đ, đăng ký nhận tiền tại link bit.ly/hotro-dan-bn trước ngày 30 nhé bà con")]
    public void An_advert_shape_is_spam_even_with_a_problem_word(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void A_citizen_giving_a_number_with_a_problem_is_not_spam() =>
        U.IsSpam("đèn đường ngõ 5 hỏng cả tuần nay, liên hệ tôi 0912345678").ShouldBeFalse();

    [Theory]
    [InlineData("Cán bộ phường ký giấy cho thuê ao công với giá rẻ bèo, không đấu giá công khai gì cả.")]
    [InlineData("y tá ở trạm y tế phường tiêm vacxin cho con e xong đòi thêm 100k tiền công mà vacxin này miễn phí mà")]
    public void An_officials_deal_or_fee_told_is_no_advert(string message) => U.IsSpam(message).ShouldBeFalse();

    [Fact]
    public void People_trapped_in_a_crash_in_the_smoke_of_burning_straw_are_an_emergency() =>
        U.Danger("khói đốt rơm ở ruộng cạnh chân cầu mù quá, vừa có 3 xe đâm liên hoàn, một người bị kẹt trong xe").ShouldNotBe(DangerKind.None);

    [Fact]
    public void The_smoke_of_burning_straw_alone_is_still_a_complaint() =>
        U.Danger("khói đốt rơm ở ruộng cạnh chân cầu mù quá, xe cộ đi lại không nhìn thấy gì").ShouldBe(DangerKind.None);

    [Fact]
    public void A_sagging_wire_the_power_company_has_cut_off_is_no_live_wire() =>
        U.Danger("dây điện đầu xóm chài võng xuống thấp lắm thuyền đi qua sắp vướng cột buồm rồi, điện lực đã cắt điện đoạn đó từ hôm qua nhưng chưa ai ra kéo lên")
            .HasFlag(DangerKind.Power).ShouldBeFalse();

    [Fact]
    public void A_wire_sparking_now_while_the_power_company_cut_off_another_area_is_a_live_wire() =>
        U.Danger("dây điện đứt rơi xuống đường ngõ 7 đang tóe lửa, điện lực vừa cắt điện khu bên cạnh").HasFlag(DangerKind.Power).ShouldBeTrue();

    [Fact]
    public void A_fallen_wire_with_the_power_still_on_is_a_live_wire() =>
        U.Danger("dây điện đứt rơi xuống đường ngõ 7, vẫn còn điện, chưa ai cắt điện").HasFlag(DangerKind.Power).ShouldBeTrue();

    [Fact]
    public void A_curse_at_a_place_with_its_matter_is_no_insult() =>
        U.IsAbuse("đm cái ngõ 15 Minh Khai phường Từ Sơn đào lên rồi bỏ đấy cả tháng nay đéo ai làm, xe máy ngã mấy lần rồi").ShouldBeFalse();
}

public class ContestedDecisionTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("tôi không đồng ý với quyết định thu hồi đất nhà tôi")]
    [InlineData("phuong phat toi 2 trieu la sai quy dinh, de nghi xem xet lai")]
    [InlineData("tiền đền bù cho gia đình tôi không thỏa đáng")]
    [InlineData("phí thu rác thu nhà tôi 2 khẩu mà tính thành 5 khẩu")]
    [InlineData("Tôi là người chăm sóc bà nội bị liệt, phường cắt tiền hỗ trợ người chăm sóc từ tháng 9 mà không có quyết định nào gửi về, đề nghị giải quyết")]
    public void Contesting_a_decision_about_oneself_is_a_khieu_nai(string message) => U.ContestsDecision(message).ShouldBeTrue();

    [Theory]
    [InlineData("đèn đường ngõ 5 hỏng cả tuần không ai sửa")]
    [InlineData("khu tôi bị cắt điện cả ngày mà không có thông báo gì, đề nghị điện lực giải thích")]
    [InlineData("quyết định mở rộng đường bao giờ có hả ad")]
    [InlineData("các tỉnh thành khác có đèn tín hiệu đếm giây rồi, đề nghị điều chỉnh lại đèn ngã tư cho hợp lý")]
    public void A_plain_complaint_or_question_is_not(string message) => U.ContestsDecision(message).ShouldBeFalse();
}

public class ChasingWhatWasSentTests
{
    [Theory]
    [InlineData("tôi gửi phản ánh từ hôm thứ hai rồi mà sao vẫn chưa thấy ai trả lời")]
    [InlineData("gui don len phuong 2 tuan nay ma ko thay phan hoi gi")]
    [InlineData("em đã gửi kiến nghị qua đây từ đầu tháng mà chưa nhận được bất kỳ phản hồi nào")]
    [InlineData("tôi phản ánh vụ cống tắc ở ngõ 4 từ tuần trước đến giờ chưa thấy ai trả lời")]
    [InlineData("sao vẫn chưa có ai trả lời vậy")]
    [InlineData("Tôi có gửi phản ánh về ổ gà trên đường Ngô Gia Tự từ tháng 9, có mã nhưng làm mất rồi, xin hỏi tình hình xử lý")]
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

public class BackToANamedStepTests
{
    [Theory]
    [InlineData("quay lại gửi ảnh", DraftPart.Attachments)]
    [InlineData("cho quay lại phần địa chỉ", DraftPart.Place)]
    [InlineData("e muon quay lai buoc nhap dia chi", DraftPart.Place)]
    [InlineData("lùi về chỗ chọn phường nhé", DraftPart.Area)]
    [InlineData("quay ve muc mo ta di ad", DraftPart.Description)]
    [InlineData("quay lại bước số điện thoại", DraftPart.Phone)]
    public void Back_with_a_part_named_opens_that_part(string message, DraftPart part) =>
        Understander.Default.ReadInFlow(message).ShouldBe(new FlowReading(FlowIntent.Edit, part));

    [Fact]
    public void Back_alone_is_still_one_step_back() =>
        Understander.Default.ReadInFlow("quay lại bước trước").Intent.ShouldBe(FlowIntent.Back);

    [Fact]
    public void A_sentence_that_only_holds_the_words_is_not_a_command() =>
        Understander.Default.ReadInFlow("xe rác quay lại đổ trộm ở địa chỉ cũ mỗi tối").Intent.ShouldBe(FlowIntent.None);
}

public class CorrectionsOfEveryFieldTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("sai tên rồi, Trần Văn Bình mới đúng", DraftPart.Name, "Trần Văn Bình")]
    [InlineData("ten Le Thi Hoa moi dung a", DraftPart.Name, "Le Thi Hoa")]
    [InlineData("sửa mô tả giúp: cống bị tắc, nước tràn vào nhà", DraftPart.Description, "cống bị tắc, nước tràn vào nhà")]
    [InlineData("doi dia chi so 21 ngo 4 Tran Phu", DraftPart.Place, "so 21 ngo 4 Tran Phu")]
    [InlineData("sửa sđt 0987 654 321", DraftPart.Phone, "0987 654 321")]
    public void A_correction_says_what_the_part_becomes(string message, DraftPart part, string to)
    {
        var reading = U.ReadInFlow(message);
        reading.Intent.ShouldBe(FlowIntent.Correction);
        reading.Part.ShouldBe(part);
        reading.To.ShouldBe(to);
    }

    [Theory]
    [InlineData("sửa địa chỉ giúp mình với")]
    [InlineData("cho sửa lại mô tả")]
    public void A_part_named_with_nothing_after_it_is_an_edit(string message) => U.ReadInFlow(message).Intent.ShouldBe(FlowIntent.Edit);

    [Fact]
    public void The_words_before_chu_khong_phai_lose_their_interjection()
    {
        var reading = U.ReadInFlow("à nhà số 21 chứ ko phải ngõ 5 nhé");
        reading.To.ShouldBe("nhà số 21");
        U.OpensWithPlaceWord(reading.To!).ShouldBeTrue();
    }

    [Theory]
    [InlineData("số 12 đường Lý Thái Tổ", "đường Trần Phú", "số 12 đường Trần Phú")]
    [InlineData("số 12 đường Lý Thái Tổ", "so 21 Ly Thai To", "so 21 Ly Thai To")]
    [InlineData("số 12 đường Lý Thái Tổ", "ngõ 5 Nguyễn Trãi", "ngõ 5 Nguyễn Trãi")]
    public void An_address_is_replaced_from_the_place_word_on(string address, string to, string expected) =>
        U.ReplaceFromMarker(address, to).ShouldBe(expected);

    [Theory]
    [InlineData("sửa mô tả giúp đèn đường bị chập chờn")]
    [InlineData("quay lại gửi ảnh")]
    [InlineData("sai dia chi roi")]
    public void Words_of_a_command_are_not_a_name(string written) => U.CanBeName(written).ShouldBeFalse();

    [Theory]
    [InlineData("Nguyễn Văn Anh")]
    [InlineData("Lại Thị Nhâm")]
    [InlineData("bac Tu")]
    public void A_name_is_a_name(string written) => U.CanBeName(written).ShouldBeTrue();
}

public class DenouncedWithoutTheWordTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("kế toán xã khai khống danh sách hộ nghèo để lấy tiền hỗ trợ")]
    [InlineData("chu tich xa loi dung chuc vu cap dat cho em vo")]
    [InlineData("cán bộ xã làm giả chữ ký của dân trong hồ sơ đất")]
    [InlineData("truong thon ban dat cong cho nguoi ngoai, tien bo tui")]
    [InlineData("cán bộ lđtbxh ăn chặn tiền trợ cấp của người khuyết tật")]
    [InlineData("thủ quỹ phường biển thủ quỹ khuyến học")]
    [InlineData("ông phó chủ tịch ưu ái người nhà trong việc xét tuyển")]
    [InlineData("can bo dia chinh nhan phong bi roi moi ky giay")]
    [InlineData("cán bộ phường ký giấy cho thuê ao công với giá rẻ bèo, không đấu giá công khai gì cả")]
    [InlineData("y tá ở trạm y tế phường tiêm vacxin cho con e xong đòi thêm 100k tiền công mà vacxin này miễn phí mà")]
    public void An_official_and_wrongdoing_in_office_is_a_to_cao(string message) => U.DenouncesWrongdoing(message).ShouldBeTrue();

    [Theory]
    [InlineData("cán bộ phường thái độ hách dịch, quát nạt dân")]
    [InlineData("can bo mot cua lam viec cham qua, cho ca buoi")]
    [InlineData("tụi mày ăn tiền thuế của dân mà làm ăn như vậy")]
    [InlineData("hồ sơ hỗ trợ nộp rồi, cán bộ bảo đợi tiền về")]
    [InlineData("cán bộ phường nói nhà tôi mua đi bán lại đất nhiều lần phải nộp thuế")]
    public void Rudeness_slowness_or_an_insult_is_not(string message) => U.DenouncesWrongdoing(message).ShouldBeFalse();
}

public class DecisionAboutSomeoneElseTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("phường xử phạt bà bán rau đầu ngõ 2 triệu, tôi thấy không hợp lý")]
    [InlineData("hang xom toi bi thu hoi dat ma den bu khong thoa dang, de nghi xem xet lai")]
    [InlineData("quyết định cưỡng chế nhà ông Tâm là sai quy định, tôi đề nghị xem xét lại")]
    public void A_decision_about_someone_else_is_not_the_citizens_khieu_nai(string message) => U.ContestsDecision(message).ShouldBeFalse();

    [Theory]
    [InlineData("tôi không đồng ý với quyết định xử phạt của đội trật tự")]
    [InlineData("nhà tôi và nhà hàng xóm đều bị thu hồi đất, đền bù cho nhà tôi không thỏa đáng")]
    public void The_citizens_own_decision_still_is(string message) => U.ContestsDecision(message).ShouldBeTrue();
}

public class AbuseByShapeTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("tụi mày toàn lũ bất tài")]
    [InlineData("may la do sau bo")]
    [InlineData("các người là đồ khốn nạn")]
    [InlineData("bot gi ma tra loi nhu hach")]
    [InlineData("bọn cán bộ toàn lũ ăn bám")]
    [InlineData("bot gì mà đần thế")]
    [InlineData("mẹ kiếp cái app này")]
    [InlineData("tra loi nhu shit")]
    public void An_insult_aimed_at_someone_is_abuse_whatever_its_words(string message) => U.Abuse(message).ShouldBeGreaterThanOrEqualTo(2);

    [Theory]
    [InlineData("bọn trẻ con đá bóng làm vỡ kính nhà tôi, bố mẹ chúng không chịu đền")]
    [InlineData("mày ơi cho tao hỏi làm căn cước ở đâu")]
    [InlineData("bán đồ ăn vỉa hè chiếm hết lối đi ở ngõ 5")]
    [InlineData("loa của thôn bật to từ 5h sáng, bot ơi người già mất ngủ cả tháng")]
    [InlineData("nộp hs cấp sổ đỏ từ tháng 3 mà h vẫn bảo chờ, chờ j mà lâu vl v")]
    public void A_problem_or_a_rough_question_is_not(string message) => U.Abuse(message).ShouldBeLessThan(2);

    [Theory]
    [InlineData("ban dem tau thuyen no may um sum o ben ghe, roi loa keo hat toi 1h sang, dan ngu ko dc")]
    [InlineData("may bom cua xuong chay suot dem, ca xom mat ngu")]
    public void Sleep_written_without_marks_is_not_the_insult_it_spells(string message) => U.IsAbuse(message).ShouldBeFalse();

    [Theory]
    [InlineData("may ngu the")]
    [InlineData("bot ngu, hoi gi cung khong biet")]
    public void The_insult_itself_still_is(string message) => U.IsAbuse(message).ShouldBeTrue();

    [Theory]
    [InlineData("bot ngu vl hỏi mãi ko hiểu. thôi nói thẳng, cán bộ địa chính xã tôi nhận 20 triệu của người ta để hợp thức hóa đất lấn chiếm")]
    [InlineData("Địt mẹ bot vô dụng. Nói tóm lại làm lại căn cước bị mất thì ra đâu làm, mất bao nhiêu tiền")]
    public void Anger_at_the_bot_beside_a_denunciation_or_a_plain_question_is_what_is_wanted(string message) =>
        U.IsAbuse(message).ShouldBeFalse();
}

public class DropsWhatItNamesTests
{
    [Theory]
    [InlineData("huy luon dia chi em khong muon ghi")]
    [InlineData("hủy đi cái ảnh, em không thích")]
    public void Dropping_a_named_part_is_not_dropping_the_complaint(string message) =>
        Understander.Default.ReadInFlow(message).Intent.ShouldNotBe(FlowIntent.Cancel);
}

public class HowNotWhatTests
{
    [Theory]
    [InlineData("sửa mô tả cho rõ ràng")]
    [InlineData("viet lai dia chi chi tiet hon")]
    [InlineData("đổi số điện thoại khác")]
    [InlineData("sửa địa chỉ bị sai")]
    [InlineData("sua dia chi nha")]
    public void Saying_how_a_part_should_be_is_not_its_new_value(string message) =>
        Understander.Default.ReadInFlow(message).Intent.ShouldBe(FlowIntent.Edit);
}

public class ReadingTheStoryTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("ko thay thong bao gi ve viec cat nuoc ca tuan nay, nha nao cung phai di xin nuoc")]
    [InlineData("lên phường hỏi thì bảo không thấy hồ sơ đâu, bắt làm lại từ đầu")]
    [InlineData("đường bê tông đầu làng vỡ hết rồi, mong các bác cho người xuống xem giúp")]
    [InlineData("mẹ tôi bị cắt chế độ thương binh mà không có thông báo gì, tôi đề nghị xã khôi phục lại")]
    [InlineData("e bi tu choi cap giay xac nhan tinh trang hon nhan du nop du giay to, e ko dong y")]
    [InlineData("quán bên cạnh hát karaoke đến 1h sáng, ai chịu nổi không")]
    public void A_problem_told_as_a_story_is_a_complaint(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);

    [Theory]
    [InlineData("doanh nghiệp tôi được hỗ trợ gì khi thuê lao động địa phương không")]
    [InlineData("co chinh sach ho tro gi cho ho kinh doanh nho khong")]
    public void Support_as_the_topic_of_a_question_is_a_question(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Question);

    [Fact]
    public void Help_asked_in_a_few_words_is_still_help() => U.Understand("không hiểu gửi ảnh kiểu gì").Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("thang máy khu tập thể bị kẹt, có 3 người ở trong 20 phút rồi")]
    [InlineData("nuoc dang len, ba cu nha ben mac ket tren gac ko ra duoc")]
    [InlineData("phường đã có lệnh sơ tán mà bà cụ nhà bên vẫn mắc kẹt trong nhà, nước lên tới ngực rồi")]
    public void People_trapped_are_danger(string message) => U.Danger(message).HasFlag(DangerKind.Rescue).ShouldBeTrue();

    [Theory]
    [InlineData("kẹt xe cả tiếng ở ngã tư, người đi làm khổ sở")]
    [InlineData("tắc đường kẹt cứng cả buổi sáng, không ai phân luồng")]
    public void Traffic_or_a_stuck_thing_is_not(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("thủ quỹ xã rút tiền quỹ khuyến học đi đánh bạc")]
    [InlineData("danh sách nhận hỗ trợ lũ có cả người đã chết mấy năm")]
    [InlineData("cán bộ địa chính đòi nhà tôi 5 triệu mới ký giấy")]
    [InlineData("kế toán trường mầm non thu thêm các khoản ngoài quy định, mỗi cháu 800 nghìn")]
    [InlineData("Trạm khuyến nông phát thuốc trừ sâu miễn phí mà mấy ông cán bộ đem bán lại cho đại lý, dân hông được cái nào")]
    public void More_wrongdoing_in_office_is_a_to_cao(string message) => U.DenouncesWrongdoing(message).ShouldBeTrue();

    [Theory]
    [InlineData("có mấy người mặc áo xanh giống cán bộ quản lý thị trường vào chợ thu tiền phạt các hộ bán hàng không có giấy tờ gì, nghi là giả mạo")]
    [InlineData("hai thằng công an giả đến đòi tiền phạt các hộ bán hàng rong ở chợ")]
    public void Doubted_officials_are_no_officials(string message) => U.DenouncesWrongdoing(message).ShouldBeFalse();

    [Theory]
    [InlineData("trưởng thôn nhận tiền của dân mới cho làm sổ đỏ, cũng như cán bộ địa chính xã, ai không đưa thì hồ sơ nằm đấy")]
    [InlineData("tôi nghi là gia đình ông trưởng thôn được chia đất công vì cán bộ xã nhận tiền rồi")]
    [InlineData("cán bộ già ở xã nhận phong bì của dân mới ký giấy xác nhận")]
    public void Officials_named_beside_a_likeness_a_family_or_an_age_are_still_officials(string message) => U.DenouncesWrongdoing(message).ShouldBeTrue();

    [Fact]
    public void A_fine_for_work_one_joined_is_still_contested() =>
        U.ContestsDecision("tôi tham gia làm đường với thôn, giờ bị phạt 2 triệu vì để cát trước nhà, tôi không đồng ý").ShouldBeTrue();

    [Fact]
    public void A_forged_signature_by_an_official_is_still_a_to_cao() =>
        U.DenouncesWrongdoing("cán bộ địa chính xã giả mạo chữ ký của bố tôi để sang tên đất cho người nhà").ShouldBeTrue();

    [Fact]
    public void A_fine_demanded_by_self_styled_inspectors_is_no_decision_to_contest() =>
        U.ContestsDecision("hôm qua có 2 người đến xưng là cán bộ kiểm tra PCCC bắt mua bình chữa cháy giá 1tr2 mới không phạt, tôi thấy không đúng nên báo").ShouldBeFalse();

    [Theory]
    [InlineData("KHẨN CẤP!!! Bão số 7 sắp đổ bộ mạnh gấp đôi bão Yagi, chia sẻ ngay cho 10 nhóm để cứu người thân, ai ko chia sẻ sẽ gặp xui xẻo")]
    [InlineData("Chia sẻ tin nhắn này cho 10 người bạn để nhận may mắn, nếu không trong 3 ngày sẽ gặp chuyện xui")]
    [InlineData("Nhắn tin này cho 15 nhóm Zalo thì ngày mai sẽ có tin vui, Phật bà phù hộ, ai bỏ qua là mất lộc nhé")]
    [InlineData("CẢNH BÁO: từ mai Zalo sẽ thu phí, hãy gửi tin này cho 20 người để giữ tài khoản miễn phí")]
    public void A_chain_letter_shouting_danger_is_spam_not_an_emergency(string message)
    {
        U.Danger(message).ShouldBe(DangerKind.None);
        U.IsSpam(message).ShouldBeTrue();
    }

    [Theory]
    [InlineData("bot vô dụng, hỏi gì cũng ko trả lời được, vứt đi")]
    [InlineData("cái bot vô dụng, hỏi gì cũng trả lời như vẹt")]
    public void Insults_about_the_bots_own_answers_are_abuse(string message) => U.IsAbuse(message).ShouldBeTrue();

    [Fact]
    public void An_insult_beside_a_real_matter_is_not_only_abuse() =>
        U.IsAbuse("cái bot vô dụng, hỏi gì cũng không trả lời, đèn đường ngõ 5 Lý Thái Tổ hỏng cả tháng rồi").ShouldBeFalse();

    [Theory]
    [InlineData("ban thuoc xuong khop gia truyen chua khoi 100% cho nguoi gia lien he 0987xxxxxx")]
    [InlineData("Tuyển tài xế chạy đêm thu nhập 30tr/tháng, không cần kinh nghiệm, ib ngay 0912xxx345")]
    public void Adverts_for_remedies_and_jobs_with_a_number_are_spam(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void Papers_sent_to_ten_neighbours_hoping_for_luck_are_no_chain_letter() =>
        U.IsSpam("tôi đã gửi đơn cho 10 người trong xóm ký tên rồi, mong may mắn được phường giải quyết sớm vụ cống tắc").ShouldBeFalse();

    [Fact]
    public void A_real_storm_message_that_asks_to_be_shared_is_still_danger() =>
        U.Danger("nhà tôi bị lũ cuốn sập rồi, 3 người đang mắc kẹt trên mái, chia sẻ giúp cho 10 người gọi cứu hộ với").ShouldNotBe(DangerKind.None);

    [Fact]
    public void A_lost_child_appeal_whose_sharing_is_blessed_is_a_chain_message()
    {
        const string message = "chia se giup minh: be trai 5 tuoi bi lac o cho, ai thay lien he so nay, chia se la phuoc duc";
        U.Danger(message).ShouldBe(DangerKind.None);
        U.IsSpam(message).ShouldBeTrue();
    }

    [Theory]
    // Bitten yesterday and vaccinated already: the ward is asked to remind the owner.
    [InlineData("cho nha ai tha rong ra duong can con toi chay mau chan hom qua, da tiem phong roi nhung de nghi phuong nhac nho")]
    // A karaoke bar's nights, told as a habit.
    [InlineData("quán karaoke Hoàng Gia mở cửa thoát hiểm ra ngõ, đêm hát tới 2h sáng, khách say xỉn đập phá, đề nghị kiểm tra giấy phép và cách âm")]
    // A concrete mixer parked ("đỗ") across the road is no tanker overturned ("đổ").
    [InlineData("Đề nghị UBND phường Võ Cường kiểm tra công trình nhà xưởng ở thôn Đông, xe bồn trộn bê tông đỗ chắn hết đường vào thôn, bà con đi làm phải vòng rất xa")]
    // What the flood will do when it comes.
    [InlineData("cai cau tran thon Ngo phuong Vo Cuong bi vo mot mang mua lu la nuoc cuon ai dam di")]
    public void A_danger_past_habitual_or_to_come_is_no_emergency(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Fact]
    public void An_office_named_with_a_threat_and_a_number_to_call_is_a_scam() =>
        U.IsSpam("Cong an tinh thong bao: ban co lien quan den vu an rua tien, lien he ngay so 0869xxx555 de phoi hop dieu tra neu khong se bi bat").ShouldBeTrue();

    [Fact]
    public void Asking_whether_such_a_call_is_genuine_is_no_scam() =>
        U.IsSpam("có người gọi số 0869xxx555 xưng công an bảo tôi liên quan đến vụ án rửa tiền, có phải lừa đảo không ạ").ShouldBeFalse();

    [Fact]
    public void A_tanker_overturned_in_the_road_is_a_fire() =>
        U.Danger("xe bồn chở xăng bị đổ ở giữa đường Lý Thái Tổ").HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Fact]
    public void A_case_told_with_the_citizens_own_number_is_no_scam() =>
        U.IsSpam("con tôi bị công an triệu tập vì liên quan đến vụ án đánh nhau, tôi không đồng ý với quyết định tạm giữ, số tôi 0912345678").ShouldBeFalse();

    [Fact]
    public void A_sluice_gate_stuck_is_no_one_trapped() =>
        U.Danger("Cống qua đê xóm Trại cánh cửa bị kẹt không đóng kín được, cứ nước lên là rỉ vào, đề nghị sửa trước mùa mưa ạ").ShouldBe(DangerKind.None);

    [Fact]
    public void A_child_stuck_in_a_lift_is_still_a_rescue() =>
        U.Danger("thang máy chung cư bị kẹt giữa tầng, có cháu bé ở bên trong").HasFlag(DangerKind.Rescue).ShouldBeTrue();

    [Fact]
    public void A_tanker_spilling_fuel_on_the_road_is_still_a_fire() =>
        U.Danger("xe bồn chở xăng bị đổ ra đường Lý Thái Tổ, xăng chảy lênh láng").HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Theory]
    [InlineData("chúng mày chỉ giỏi ăn tiền dân")]
    [InlineData("bọn bay chỉ ngồi văn phòng ăn lương thôi")]
    public void Contempt_for_officials_pay_with_no_matter_is_abuse(string message) => U.IsAbuse(message).ShouldBeTrue();

    [Fact]
    public void Contempt_for_officials_pay_beside_a_matter_is_not_only_abuse() =>
        U.IsAbuse("các anh chỉ giỏi ăn lương, đường ngõ 5 Lý Thái Tổ ngập 3 tháng nay không ai xử lý").ShouldBeFalse();

    [Fact]
    public void A_citizen_who_only_says_who_they_are_is_greeted_and_asked() =>
        U.Understand("Xin chào, tôi là Trần Thị Hoa, cán bộ văn phòng công ty may Quế Võ").Intent.ShouldBe(MessageIntent.Greeting);

    [Fact]
    public void A_citizen_who_says_who_they_are_and_what_is_wrong_is_a_complaint() =>
        U.Understand("Xin chào, tôi là Trần Thị Hoa, đèn đường ngõ 5 Lý Thái Tổ hỏng cả tuần nay rồi").Intent.ShouldBe(MessageIntent.Complaint);

    [Fact]
    public void Waiting_for_money_is_not_demanding_it() =>
        U.DenouncesWrongdoing("cán bộ xã bảo đợi tiền hỗ trợ về rồi phát").ShouldBeFalse();

    [Theory]
    [InlineData("xong rồi nhé, sáng nay có đội xuống làm")]
    [InlineData("ok rồi ad, hôm qua thấy người ta sửa")]
    public void Fixed_then_how_is_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.Fixed);

    [Fact]
    public void Mistyped_at_the_end_says_what_it_should_be()
    {
        var reading = U.ReadInFlow("à mà số 8 ngõ 3 Trần Phú nhé, lúc nãy gõ nhầm");
        reading.Intent.ShouldBe(FlowIntent.Correction);
        reading.To.ShouldBe("số 8 ngõ 3 Trần Phú");
    }

    [Fact]
    public void A_part_and_what_it_is_is_a_correction() =>
        U.ReadInFlow("phường là Từ Sơn cơ").ShouldBe(new FlowReading(FlowIntent.Correction, DraftPart.Area, null, "Từ Sơn"));
}

public class ChannelHelpAndAdvertTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("đây có phải kênh chính thức của ủy ban không")]
    [InlineData("trang nay cua ai vay")]
    [InlineData("ai đang nhắn với tôi vậy, máy hay người")]
    [InlineData("bot nay do ai lam vay")]
    [InlineData("bên bạn làm việc mấy giờ")]
    public void Who_the_channel_is_is_information(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Info);

    [Theory]
    [InlineData("gui phan anh o dau vay")]
    [InlineData("muốn gửi phản ánh thì làm sao")]
    [InlineData("làm thế nào để báo cáo sự việc")]
    public void How_to_send_here_is_help(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("Gửi phản ánh rồi mà muốn sửa lại số điện thoại thì có được không bot")]
    [InlineData("Em muốn gửi thêm ảnh cho cái phản ánh lúc sáng mà không thấy nút mô hết")]
    [InlineData("Làm răng để hủy cái phản ánh đã gửi, tại bên ni tự sửa xong rồi")]
    public void How_to_add_to_correct_or_withdraw_what_was_sent_is_help(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("phản ánh đã gửi hôm qua mà sao chưa thấy ai xuống sửa")]
    [InlineData("tôi gửi phản ánh từ tuần trước rồi, bao giờ thì có người xuống xem được không")]
    public void A_chase_of_what_was_sent_is_not_help(string message) => U.Understand(message).Intent.ShouldNotBe(MessageIntent.Help);

    [Fact]
    public void Where_to_file_a_paper_is_a_question() => U.Understand("nộp đơn khiếu nại ở đâu vậy").Intent.ShouldNotBe(MessageIntent.Help);

    [Theory]
    [InlineData("Khóa học tiếng Anh online chỉ 99k, đăng ký ngay tại link")]
    [InlineData("nhan thiet ke website gia re uy tin")]
    [InlineData("CHƯƠNG TRÌNH KHUYẾN MÃI LỚN NHẤT NĂM, GIẢM 70% TOÀN BỘ SẢN PHẨM")]
    [InlineData("Tuyển nhân viên làm việc tại nhà lương 15tr/tháng, nhắn tin ngay")]
    [InlineData("Cần tiền gấp? Vay online duyệt 5 phút")]
    [InlineData("E nhận dạy kèm toán lý hóa tại nhà, ai có nhu cầu ib e")]
    [InlineData("cho thuê phòng trọ giá sinh viên gần KCN")]
    [InlineData("Vay tiền online chỉ cần CCCD, giải ngân trong 5 phút, không thẩm định, lãi suất 0% tháng đầu")]
    [InlineData("Chương trình tri ân người cao tuổi tặng máy đo huyết áp miễn phí chỉ cần chuyển khoản phí ship 150k liên hệ ngay")]
    public void An_advert_without_a_number_is_spam(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void A_complaint_about_a_price_is_not() => U.IsSpam("chợ tăng giá thuê ki ốt 50%, tiểu thương không chịu nổi").ShouldBeFalse();

    [Fact]
    public void A_question_about_a_programme_with_one_price_is_not() =>
        U.IsSpam("chương trình hỗ trợ học phí năm nay mỗi cháu được bao nhiêu, nghe nói 150k một tháng phải không").ShouldBeFalse();

    [Fact]
    public void A_landlord_asking_what_to_register_is_not() =>
        U.IsSpam("tôi có nhu cầu cho thuê phòng trọ thì cần đăng ký những giấy tờ gì").ShouldBeFalse();
}

public class PlainTableWordsTests
{
    private static readonly Understander U = Understander.Default;

    [Fact]
    public void A_photo_typed_with_its_marks_is_not_a_form_of_address() =>
        U.ReadInFlow("thôi khỏi ảnh").ShouldBe(new FlowReading(FlowIntent.Later, DraftPart.Attachments));

    [Fact]
    public void A_cancel_closing_with_a_particle_cancels() =>
        U.ReadInFlow("thôi e ko muốn để lại sđt, bỏ đi").Intent.ShouldBe(FlowIntent.Cancel);

    [Fact]
    public void A_lone_closing_word_does_not() =>
        U.ReadInFlow("thôi để em nghĩ thêm rồi bỏ").Intent.ShouldNotBe(FlowIntent.Cancel);
}

public class PeopleInPerilTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("ông cụ ngất xỉu giữa chợ không ai biết làm sao", DangerKind.Medical)]
    [InlineData("bé bị chó dại cắn chảy máu nhiều", DangerKind.Medical)]
    [InlineData("có đứa trẻ rơi xuống cống hở nắp", DangerKind.Rescue)]
    [InlineData("co nguoi dang doa nhay cau", DangerKind.Rescue)]
    [InlineData("nuoc lu tran vao nha, ca nha phai leo len mai", DangerKind.Rescue)]
    [InlineData("xe bồn chở xăng lật giữa đường, xăng chảy lênh láng", DangerKind.Fire)]
    [InlineData("cuu toi voi", DangerKind.Rescue)]
    [InlineData("nước lên nhanh quá, bà tôi với cháu phải trèo lên gác xép rồi", DangerKind.Rescue)]
    [InlineData("phòng bên cạnh có mùi khét, sờ tường thấy nóng rực", DangerKind.Fire)]
    [InlineData("bình ga nhà bên bị rò, ngửi nồng lắm", DangerKind.Rescue)]
    [InlineData("cột điện gãy ngang, dây rơi xuống sân", DangerKind.Power)]
    [InlineData("cây đổ làm cột điện trước chợ gãy gập xuống đường", DangerKind.Power)]
    [InlineData("khói đen cuồn cuộn bốc ra từ cửa sổ tầng 3 chung cư", DangerKind.Fire)]
    [InlineData("nước ngập đến cổ, ông tôi không tự ra được", DangerKind.Rescue)]
    [InlineData("công trình bên cạnh sập giàn giáo, hai người bị đè bên dưới", DangerKind.Rescue)]
    [InlineData("cháy xưởng may ở cụm công nghiệp, lửa to lắm", DangerKind.Fire)]
    public void People_in_peril_now_are_danger(string message, DangerKind kind) => U.Danger(message).HasFlag(kind).ShouldBeTrue();

    [Theory]
    [InlineData("cống hở nắp trước trường, có nguy cơ trẻ con rơi xuống cống")]
    [InlineData("tuần trước có người ngất vì nắng ở chợ, đề nghị làm mái che")]
    [InlineData("hôm qua vừa có va chạm nhẹ ở ngã ba, đề nghị làm gờ giảm tốc trước khi xảy ra tai nạn chết người")]
    [InlineData("nhà kho bị chập điện cháy nhưng dập kịp rồi, đề nghị kiểm tra lại đường dây")]
    [InlineData("ngõ này hẹp quá, lỡ có cháy thì xe cứu hỏa không vào được")]
    [InlineData("dạo này hay ngửi thấy mùi gas ở hành lang chung cư, nhờ kiểm tra giúp")]
    [InlineData("cây đổ đè dây điện đêm qua, điện lực đã sửa xong, còn cành cây nằm đó")]
    public void A_risk_or_a_past_event_told_as_a_risk_is_not(string message) =>
        U.Danger(message).ShouldBe(DangerKind.None);
}

public class MoreContestedDecisionsTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("tôi bị công an phạt 2 triệu vì lỗi không có, tôi không phục")]
    [InlineData("nha toi bi cuong che ma khong co quyet dinh gi, de nghi xem xet")]
    [InlineData("gia đình tôi không được nhận hỗ trợ lũ dù nhà bị ngập, trong khi nhà khác được, không công bằng")]
    [InlineData("xã thu hồi đất nhà tôi nhưng chưa trả tiền đền bù, tôi phản đối")]
    public void Contested_in_other_words_is_a_khieu_nai(string message) => U.ContestsDecision(message).ShouldBeTrue();

    [Fact]
    public void Money_collected_and_gone_is_a_to_cao() =>
        U.DenouncesWrongdoing("trưởng thôn thu tiền làm đường của dân rồi không làm, tiền đi đâu không ai biết").ShouldBeTrue();
}

public class IsItFixedInOtherWordsTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("đã được giải quyết rồi")]
    [InlineData("co nguoi den don roi")]
    [InlineData("sáng đèn rồi, cảm ơn các anh chị nhé")]
    [InlineData("Tôi xác nhận đèn đã được thay mới và sáng bình thường từ tối hôm qua, xin cảm ơn các đồng chí đã xử lý kịp thời.")]
    [InlineData("den sang lai roi cam on nhieu nghen")]
    [InlineData("Dạ cảm ơn các anh chị, chiều hôm qua có đội điện xuống thay bóng và sửa lại dây, tối qua tôi đi làm về thấy đèn trước nhà đã sáng bình thường, bà con trong ngõ ai cũng mừng ạ")]
    [InlineData("Toi xin bao la den truoc cua nha toi da duoc thay bong moi tu toi hom kia, nay buoi toi da sang tro lai, cam on cac dong chi")]
    public void A_fixing_verb_said_done_is_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("làm qua loa, vẫn hỏng")]
    [InlineData("đâu có, vẫn tối thui")]
    [InlineData("sửa xong sáng được đúng 2 hôm giờ lại chập chờn tắt bật rồi")]
    [InlineData("dau co, hom qua cb ra nhin xong di ve")]
    [InlineData("sửa kiểu j mà đèn cứ nhấp nháy nháy, chói mắt vãi")]
    [InlineData("lam an the nao ma moi 2 hom da tat")]
    [InlineData("thay bóng mới rồi nhưng cứ tầm 10h đêm là tắt phụt, rồi lại sáng, nhấp nháy suốt, chưa gọi là xong được")]
    [InlineData("hôm qua có người đến nhưng chỉ nhìn rồi về")]
    [InlineData("có mấy anh xuống chỉ chụp ảnh xong đi")]
    public void Still_there_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.NotFixedSaid);

    [Theory]
    [InlineData("đỡ hơn rồi nhưng chưa hẳn, lúc sáng lúc tắt chập chờn")]
    [InlineData("co nguoi den roi ma chua sua xong")]
    [InlineData("sáng được rồi nhưng mà chưa được hẳn đâu")]
    public void Not_done_after_a_but_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldBe(FixedAnswer.NotFixedSaid);

    [Theory]
    [InlineData("xong rồi nhưng chưa kịp báo lại")]
    public void A_not_yet_about_something_else_after_a_but_is_not_read_as_not_fixed(string message) =>
        U.AnswerToFixed(message).ShouldNotBe(FixedAnswer.NotFixedSaid);

    [Theory]
    [InlineData("chưa ai đến dọn rồi")]
    [InlineData("sửa rồi mà vẫn hỏng")]
    public void A_negation_or_a_remaining_fault_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldNotBe(FixedAnswer.Fixed);
}

public class DossierStillWaitingTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("công ty tôi nộp hồ sơ xin giấy phép môi trường hơn một tháng rồi vẫn chưa thấy phản hồi gì")]
    [InlineData("lam ho so chuyen nhuong dat tu dau nam den gio chua co ket qua")]
    public void A_dossier_lodged_with_an_agency_and_no_result_is_a_complaint(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);

    [Theory]
    [InlineData("tôi gửi phản ánh về hồ sơ đất tuần trước mà chưa thấy phản hồi")]
    [InlineData("đơn tôi nộp kèm hồ sơ hôm trước chưa thấy ai trả lời")]
    public void Chasing_what_was_sent_here_stays_status(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Status);
}

public class DangerWordsTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("va chạm xe ở cầu, một người chảy nhiều máu lắm", DangerKind.Medical)]
    [InlineData("ong dan ga cua quan an bi vo, xi ra nghe ro", DangerKind.Rescue)]
    public void A_wound_bleeding_now_or_a_gas_pipe_leaking_is_danger(string message, DangerKind kind) =>
        U.Danger(message).HasFlag(kind).ShouldBeTrue();

    [Fact]
    public void Fire_prevention_is_no_fire() =>
        U.Danger("phường có tổ chức tập huấn phòng cháy chữa cháy cho các hộ kinh doanh không").ShouldBe(DangerKind.None);

    [Fact]
    public void A_debt_typed_plain_is_no_explosion() =>
        U.Danger("nha toi bi cat dien vi bao no tien dien 2 thang, ma toi dong roi, dien luc van ghi nhan no").ShouldBe(DangerKind.None);

    [Fact]
    public void Sold_out_in_an_advert_is_no_fire() =>
        U.Danger("🔥 CHÁY HÀNG 🔥 bình gas mini, bếp nướng không khói giá sốc chỉ 199k, inbox ngay kẻo lỡ").ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("cháy hàng tạp hóa đầu ngõ rồi, lửa bốc to lắm")]
    [InlineData("chay tiem tap hoa dau ngo roi")]
    public void A_shop_on_fire_is_still_a_fire(string message) => U.Danger(message).HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Fact]
    public void A_gas_pipe_being_laid_is_not() => U.Danger("công ty đang lắp ống ga dọc vỉa hè, đào bới bừa bãi").ShouldBe(DangerKind.None);
}

public class HelpWithTheChannelTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("gửi clip quay cảnh đó vào đây được không ad")]
    [InlineData("kem file ghi am duoc ko")]
    [InlineData("nhắn kiểu gì thì bên mình mới nhận được")]
    [InlineData("bác không rành điện thoại lắm")]
    public void Whether_and_how_the_channel_takes_something_is_help(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Help);

    [Theory]
    [InlineData("làm lại căn cước có cần ảnh thẻ không")]
    [InlineData("nộp hồ sơ xây dựng qua mạng được không")]
    public void A_procedure_asked_the_same_way_is_a_question(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Question);
}

public class AdvertWithoutANumberTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("bán lô góc đất nền khu mới, sổ đỏ trao tay, giá chỉ 1 tỷ 2")]
    [InlineData("sim so dep tu quy 8888 giao tan nha toan quoc")]
    public void A_price_and_goods_with_nothing_wrong_named_is_spam(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void Money_lost_in_a_scam_is_not() => U.IsSpam("tôi bị lừa mất 20 triệu khi mua đất nền qua mạng").ShouldBeFalse();
}

/// <summary>Words typed with their marks are those words: a phrase of the table matches only where the marks agree.</summary>
public class MarkedWordsTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("Công ty tại KCN Quế Võ đề nghị hướng dẫn thủ tục đăng ký xe đưa đón công nhân")]
    [InlineData("tôi bị cắt trợ cấp mà không được thông báo lý do, đề nghị xem xét lại")]
    [InlineData("mưa to, cả xóm đang chạy ra đầu làng xem nước lên")]
    public void Marked_words_that_only_fold_like_danger_are_not_danger(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Theory]
    [InlineData("nhà cháy rồi, lửa đang cháy to lắm")]
    [InlineData("dang chay nha o ngo 5, lua to lam")]
    [InlineData("đê bị vỡ rồi, nước tràn vào làng")]
    public void The_same_danger_typed_with_or_without_marks_still_is(string message) => U.Danger(message).ShouldNotBe(DangerKind.None);

    [Fact]
    public void A_tone_left_off_still_matches() => U.Danger("nhà đang cháy, lửa bôc cao").ShouldNotBe(DangerKind.None);

    [Theory]
    [InlineData("đồi sau nhà sạt xuống vùi mất gian bếp, đất vẫn đang sụt tiếp")]
    [InlineData("bờ sông đang sạt vào tận chân móng nhà, dân đang chạy đồ ra ngoài")]
    public void Land_still_sliding_is_danger(string message) => U.Danger(message).HasFlag(DangerKind.Rescue).ShouldBeTrue();

    [Theory]
    [InlineData("tuần trước tôi có báo vụ đèn đường hỏng, giờ xử lý tới đâu rồi")]
    [InlineData("phản ánh của e được duyệt chưa ạ")]
    [InlineData("đơn tôi gửi hôm thứ ba đã có ai tiếp nhận chưa, tôi quên mất mã rồi")]
    public void Chasing_what_was_reported_is_status(string message) => U.Understand(message).Intent.ShouldBe(MessageIntent.Status);

    [Theory]
    [InlineData("Nhận làm hộ chiếu, visa trọn gói, không cần chứng minh. LH 0912.xxx.xxx")]
    [InlineData("Phần mềm bán hàng giá chỉ từ 500k/năm, chi tiết tại https://vi-du.vn")]
    [InlineData("Dịch vụ kế toán thuế trọn gói chỉ 500k/tháng, quyết toán thuế, hỗ trợ thanh tra thuế. Hotline 0909 888 xxx")]
    public void An_advert_with_a_masked_number_or_a_price_and_link_is_spam(string message) => U.IsSpam(message).ShouldBeTrue();

    [Fact]
    public void A_slow_dossier_with_a_masked_number_is_not_spam() =>
        U.IsSpam("hồ sơ làm sổ đỏ của tôi nộp 2 tháng chưa có, số tôi 0912.xxx.xxx").ShouldBeFalse();

    [Theory]
    [InlineData("bot dot the, nuoi may cung ton com")]
    [InlineData("ad dốt vậy")]
    public void Calling_the_bot_stupid_in_other_words_is_abuse(string message) => U.Abuse(message).ShouldBeGreaterThanOrEqualTo(2);
}

public class HowADisputeIsBroughtTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("cho tôi hỏi nếu muốn khiếu nại quyết định thu hồi đất thì nộp đơn ở đâu?")]
    [InlineData("tố cáo với khiếu nại khác nhau chỗ nào vậy ad")]
    [InlineData("người tố cáo có được giữ bí mật tên không ạ")]
    [InlineData("nếu biết cán bộ nhận tiền của dân mà muốn tố cáo thì làm đơn thế nào")]
    public void Asking_how_a_dispute_is_brought_is_a_question(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Question);

    [Theory]
    [InlineData("tôi bị phạt oan 5 triệu, tôi không đồng ý, muốn khiếu nại thì nộp ở đâu")]
    [InlineData("Tôi tố cáo cán bộ địa chính xã nhận tiền của dân")]
    public void A_case_told_is_still_filed(string message) =>
        U.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);

    [Theory]
    [InlineData("ban quản lý chợ thu tiền ki ốt, ai không đóng thì bị đuổi")]
    [InlineData("cho tha rong ko ro mom, con e bi duoi can 2 lan r")]
    public void Chased_off_or_after_is_not_drowning(string message) => U.Danger(message).ShouldBe(DangerKind.None);

    [Fact]
    public void A_child_drowning_is_still_a_rescue() =>
        U.Danger("ở trạm bơm có thằng bé bị đuối nước vừa vớt lên, chưa tỉnh").HasFlag(DangerKind.Rescue).ShouldBeTrue();

    [Fact]
    public void A_story_that_turns_to_fixed_after_its_last_but_is_fixed() =>
        U.AnswerToFixed("ong bao chau nghe hom qua thi van toi om nhu moi khi nhung ma sang nay co may anh cong nhan den trem len cot lam gi do va toi nay ong ra xem thi cai den sang roi cam on cac chau nhe")
            .ShouldBe(FixedAnswer.Fixed);

    [Theory]
    [InlineData("đèn sáng rồi nhưng mà hôm nay lại tắt")]
    [InlineData("hôm qua có người đến sửa, đèn sáng rồi, nhưng mà tối nay vẫn tối om")]
    public void A_story_that_turns_to_broken_is_not_fixed(string message) => U.AnswerToFixed(message).ShouldNotBe(FixedAnswer.Fixed);

    [Fact]
    public void A_tree_that_only_looks_about_to_fall_is_feared_not_an_emergency() =>
        U.Danger("o xom giua co cai cay to nghieng ra duong nhu sap do gio to la lo lam").ShouldBe(DangerKind.None);

    [Fact]
    public void Being_entitled_to_money_is_no_wrongdoing() =>
        U.DenouncesWrongdoing("me toi 75 tuoi, nghe noi tu 75 duoc nhan tien roi ma sao to truong bao phai 80, rot cuoc la bao nhieu tuoi").ShouldBeFalse();

    [Fact]
    public void An_advert_with_its_number_read_out_is_spam() =>
        U.IsSpam("nhận làm sổ đỏ nhanh trong ba ngày không cần giấy tờ gọi ngay không chín tám tám bảy sáu năm bốn ba hai").ShouldBeTrue();

    [Fact]
    public void Cheated_typed_plain_is_no_fire() =>
        U.Danger("e mua hang tren fb bi lua 500k, nick do van dang ban tiep lua ng khac, ad xu ly di").ShouldBe(DangerKind.None);

    [Fact]
    public void Fire_typed_with_its_marks_is_still_fire() =>
        U.Danger("nhà bên cạnh bị lửa bén sang, đang cháy to").HasFlag(DangerKind.Fire).ShouldBeTrue();

    [Theory]
    [InlineData("ông bà ơi khu công nghiệp xả nước thải ra bờ ruộng, lúa vàng úa chết hết, tui mắc nợ phân bón chưa trả nè")]
    [InlineData("cong ty det o tu son xa nuoc thai den ngom ra song cu me chet het, ko phai 1 lan ma thang nao cung the")]
    public void Fertiliser_and_crops_all_dead_are_no_insult(string message) => U.IsAbuse(message).ShouldBeFalse();

    [Theory]
    [InlineData("ahihi đồ ngốc")]
    [InlineData("cac ong lam viec nhu con rua bo tren cat ay, chac doi den kiep sau moi xong")]
    public void Contempt_without_a_swear_word_is_abuse(string message) => U.IsAbuse(message).ShouldBeTrue();

    [Fact]
    public void The_bots_words_quoted_in_contempt_are_no_complaint() =>
        U.IsAbuse("hay nhỉ, dân hỏi thì bot trả lời \"cảm ơn bạn đã phản ánh\", cảm ơn cái gì mà cảm ơn, vô dụng").ShouldBeTrue();

    [Theory]
    [InlineData("bot với chả biếc")]
    [InlineData("ad với chả admin, hỏi gì cũng không biết")]
    public void A_name_echoed_to_dismiss_it_is_contempt(string message) => U.IsAbuse(message).ShouldBeTrue();

    [Fact]
    public void Lunch_of_noodles_with_fish_cake_is_no_contempt() => U.IsAbuse("bot ơi bún với chả cá ở chợ bán ở đâu ngon").ShouldBeFalse();

    [Theory]
    [InlineData("bác sĩ trạm y tế lấy thuốc của chương trình người cao tuổi đem bán ra ngoài, bà con đến xin thì bảo hết")]
    [InlineData("Đề nghị làm rõ việc ban quản lý dự án nghiệm thu khống khối lượng kè mương nội đồng")]
    public void Goods_sold_off_and_works_certified_that_were_never_done_are_a_to_cao(string message) => U.DenouncesWrongdoing(message).ShouldBeTrue();

    [Fact]
    public void A_scammer_in_an_officials_name_is_no_official()
    {
        U.DenouncesWrongdoing("bà cháu bị người ta gọi điện xưng là cán bộ bảo hiểm xã hội bảo chuyển 12 triệu để nhận tiền trợ cấp").ShouldBeFalse();
        U.DenouncesWrongdoing("cán bộ bảo hiểm xã hội đòi bà cháu 2 triệu mới giải quyết chế độ").ShouldBeTrue();
    }

    [Theory]
    [InlineData("mấy bữa nay cúp nước hoài à, hổng có nước nấu cơm")]
    [InlineData("khu chung cư bị cắt nước từ sáng hôm qua không thông báo gì")]
    public void A_water_cut_is_infrastructure(string message) => (U.SuggestCategory(message, ZaloBot.Domain.Tests.Conversations.Fixtures.Categories)?.Code).ShouldBe("INFRA");

    [Theory]
    [InlineData("đồ gì đây")]
    [InlineData("đồ ăn ở bếp ăn trường bị ôi")]
    public void A_thing_called_đồ_is_no_epithet(string message) => U.IsAbuse(message).ShouldBeFalse();

    [Fact]
    public void Corrupt_as_an_insult_for_all_is_abuse() =>
        U.IsAbuse("Toàn bọn tham nhũng ngồi mát ăn bát vàng, nhắn làm j cho mệt").ShouldBeTrue();

    [Fact]
    public void Corrupt_with_the_wrongdoing_told_is_no_insult()
    {
        U.IsAbuse("bọn cán bộ xã tham nhũng, bán đất công cho người nhà").ShouldBeFalse();
        U.DenouncesWrongdoing("bọn cán bộ xã tham nhũng, bán đất công cho người nhà").ShouldBeTrue();
    }

    [Fact]
    public void Wrongdoing_said_of_no_one_beside_an_insult_at_the_bot_is_venting() =>
        U.IsAbuse("cái bot vô dụng, đền bù thì ăn chặn hết rồi còn bày đặt chat với chả chiếc").ShouldBeTrue();

    [Fact]
    public void The_same_insult_with_the_official_named_is_a_tố_cáo() =>
        U.IsAbuse("cái bot vô dụng, cán bộ xã ăn chặn hết tiền đền bù của dân rồi").ShouldBeFalse();
}
