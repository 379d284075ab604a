using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Information;
using ZaloBot.Domain.Tests.Conversations;

namespace ZaloBot.Domain.Tests.Information;

public class InformationConversationTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(7));

    public static readonly ArticleOption[] Articles =
    [
        new(1, "procedures", "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ", "Hồ sơ gồm đơn đề nghị, giấy tờ về đất và bản vẽ thiết kế; nộp tại Bộ phận Một cửa.",
            "https://dichvucong.gov.vn/xay-dung", ["giay phep xay dung", "cap phep", "xay nha"], Day.AddDays(-30)),
        new(2, "support", "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa năm 2026", "Tư vấn, đào tạo và hỗ trợ chi phí chuyển đổi số.",
            null, ["ho tro doanh nghiep", "doanh nghiep nho va vua"], Day.AddDays(-10)),
        new(3, "events", "Hội nghị xúc tiến đầu tư tháng 12", "Hội nghị gặp gỡ nhà đầu tư tại Trung tâm Hội nghị tỉnh.", null, ["hoi nghi", "xuc tien dau tu"], Day),
        new(4, "procedures", "Đăng ký kết hôn: hồ sơ và nơi nộp", "Nộp tờ khai tại UBND cấp xã nơi cư trú.", null, ["ket hon", "dang ky ket hon"], Day.AddDays(-20)),
    ];

    private static ConversationContext Context() => Fixtures.Context() with { Articles = Articles };

    [Fact]
    public void Information_shows_the_topics_as_buttons_and_the_newest_articles()
    {
        Script.Start(Context()).Says("Thông tin")
            .Expect("Thông tin cho người dân và doanh nghiệp").Expect("Tin mới:")
            .Expect("Hội nghị xúc tiến đầu tư tháng 12").Expect("Chương trình hỗ trợ doanh nghiệp").ExpectNot("cấp giấy phép xây dựng")
            .ExpectButtons("Sự kiện", "Thủ tục hành chính", "Chương trình hỗ trợ")
            .ExpectStep(Step.Menu);
    }

    [Theory]
    [InlineData("Thủ tục hành chính")]
    [InlineData("thu tuc hanh chinh")]
    [InlineData("THÔNG TIN: THỦ TỤC HÀNH CHÍNH")]
    public void A_topic_lists_its_articles(string typed)
    {
        Script.Start(Context()).Says(typed)
            .Expect("Thủ tục hành chính:").Expect("Đăng ký kết hôn").Expect("Thủ tục cấp giấy phép xây dựng").ExpectNot("Hội nghị")
            .ExpectStep(Step.Menu);
    }

    [Theory]
    [InlineData("thủ tục cấp phép xây dựng", "Thủ tục cấp giấy phép xây dựng")]
    [InlineData("thu tuc cap phep xay dung", "Thủ tục cấp giấy phép xây dựng")]
    [InlineData("cho hỏi xin giấy phép xây nhà cần những gì", "Thủ tục cấp giấy phép xây dựng")]
    [InlineData("hỗ trợ doanh nghiệp", "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa")]
    [InlineData("HO TRO DOANH NGHIEP nho", "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa")]
    [InlineData("thủ tục đăng ký kết hôn cần giấy tờ gì", "Đăng ký kết hôn")]
    public void A_typed_question_gets_the_best_matching_articles_before_the_offer_to_file_it(string typed, string title)
    {
        var script = Script.Start(Context()).Says(typed)
            .Expect("Có thể những thông tin sau trả lời câu hỏi của bạn").Expect(title).ExpectNoTicket();
        // Then the offer to send it as a petition: one intent per message, never a complaint opened beside the answer.
        script.State.Step.ShouldBe(Step.QuestionOffer);
        script.Last.OfType<SendButtons>().ShouldNotBeEmpty();
    }

    [Fact]
    public void Articles_come_before_the_offer_to_file_a_question_and_the_citizen_may_still_file_it()
    {
        Script.Start(Context()).Says("thủ tục đăng ký kết hôn cần giấy tờ gì")
            .Expect("Đăng ký kết hôn: hồ sơ và nơi nộp").ExpectButtons("Gửi câu hỏi này", "Không, cảm ơn").ExpectStep(Step.QuestionOffer)
            .Says("Không, cảm ơn").ExpectStep(Step.Menu).ExpectNoTicket();
    }

    [Fact]
    public void A_question_no_article_answers_keeps_the_old_answer()
    {
        Script.Start(Context()).Says("cho hỏi làm căn cước ở đâu").Expect("Tôi chưa có sẵn bài viết").ExpectStep(Step.QuestionOffer);
    }

    [Theory]
    [InlineData("ad ơi cho e hỏi e nhận đc tin nhắn tự xưng công an phường bảo e phải cài app qua link lạ để cập nhật định danh mức 2, có phải thật ko ạ")]
    [InlineData("Tôi nhận được cuộc gọi xưng là Chi cục thuế yêu cầu tôi cài ứng dụng qua đường link để hoàn thuế. Xin hỏi cơ quan thuế có liên hệ người dân theo cách đó không")]
    [InlineData("chau vua nhan tin nhan tu so la bao la chau trung thuong xe SH, bat chau chuyen 2 trieu phi truoc ba thi moi nhan xe, co that khong a")]
    [InlineData("Bác có đứa gọi bảo là bưu điện, bảo bác có bưu phẩm ở toà án, phải bấm số 9 gặp tổng đài. Bác không dám bấm, có phải lừa không cháu")]
    [InlineData("Có cái tin nhắn này gửi cho cả nhóm zalo tổ dân phố: \"ai chưa tích hợp VNeID mức 2 sẽ bị khoá sim, đăng ký tại link\" - cái này đúng không hay lại lừa ạ")]
    [InlineData("Ủy ban có nhắn tin zalo cho dân yêu cầu nộp tiền phạt nguội không hay là lừa đảo vậy")]
    [InlineData("Kính gửi quý cơ quan, tôi nhận được cuộc gọi tự xưng là cán bộ Sở Tài nguyên yêu cầu tôi nộp lệ phí qua tài khoản cá nhân. Xin xác nhận đây có phải là cán bộ của cơ quan không?")]
    public void Asking_whether_a_message_in_an_offices_name_is_real_is_told_how_such_scams_work(string asked)
    {
        var script = Script.Start(Context()).Says(asked).Expect("dấu hiệu lừa đảo").Expect("113").ExpectNoTicket();
        script.State.Step.ShouldBe(Step.QuestionOffer);
        // The warning answers it: no "not yet" after it.
        script.Last.OfType<SendText>().ShouldNotContain(t => t.Text.Contains("chưa có sẵn bài viết"));
    }

    [Fact]
    public void A_phishing_message_quoted_to_ask_if_it_is_real_is_a_question_not_an_advert() =>
        Script.Start(Context()).Says("mn ơi e nhận đc sms \"VCB thông báo tk của quý khách sẽ bị khóa, truy cập link vcb-xacthuc.com để xác thực\", có phải ngân hàng gửi thật ko")
            .Expect("dấu hiệu lừa đảo").ExpectStep(Step.QuestionOffer).ExpectNoTicket();

    [Fact]
    public void Asking_whether_this_channel_is_real_is_no_scam_check() =>
        ZaloBot.Domain.Understanding.ScamChecks.AsksIfGenuine("tin nhan nay co phai cua uy ban that khong chau, bac so bon lua dao lam, con bac dan khong duoc cho ai so tai khoan").ShouldBeFalse();

    // Scammers reported, not asked about: "hay lừa" (often cheat) and "phường không xác nhận cho, phải …" ask nothing.
    [Theory]
    [InlineData("bọn gọi điện xưng là công an bảo chuyển tiền hay lừa người già lắm, đề nghị công an xử lý")]
    [InlineData("tôi nhận cuộc gọi xưng là cán bộ bảo chuyển khoản, lên phường xác nhận cho tôi thì phải chờ 3 ngày")]
    public void Scammers_reported_are_no_scam_check(string message) =>
        ZaloBot.Domain.Understanding.ScamChecks.AsksIfGenuine(message).ShouldBeFalse();

    [Fact]
    public void A_question_about_a_procedure_gets_no_scam_warning() =>
        Script.Start(Context()).Says("cho hỏi làm căn cước ở đâu").ExpectNot("lừa đảo").ExpectStep(Step.QuestionOffer);

    [Fact]
    public void A_complaint_is_still_a_complaint()
    {
        Script.Start(Context()).Says("Cống thoát nước trước nhà số 12 Lý Thái Tổ bị tắc, nước tràn ra đường")
            .ExpectNot("Có thể những thông tin sau").ExpectStep(Step.ProblemOffer);
    }

    [Fact]
    public void Matching_ignores_case_and_diacritics_and_prefers_keywords()
    {
        ArticleMatcher.Best("THỦ TỤC CẤP PHÉP XÂY DỰNG", Articles)[0].Id.ShouldBe(1);
        ArticleMatcher.Best("thu tuc cap phep xay dung", Articles)[0].Id.ShouldBe(1);
        ArticleMatcher.Best("xin chào", Articles).ShouldBeEmpty();
        ArticleMatcher.Best("", Articles).ShouldBeEmpty();
        ArticleMatcher.Best("đèn đường hỏng", Articles).ShouldBeEmpty();
    }

    [Fact]
    public void A_one_word_keyword_no_other_article_has_names_the_topic_alone()
    {
        ArticleOption[] articles =
        [
            .. Articles,
            new(5, "procedures", "Cấp, cấp đổi, cấp lại thẻ căn cước", "Nộp hồ sơ tại công an cấp xã.", null, ["cccd", "thẻ căn cước"], Day),
            new(6, "procedures", "Đăng ký thường trú", "Nộp hồ sơ tại công an cấp xã.", null, ["thường trú", "giấy"], Day),
            new(7, "procedures", "Chứng thực bản sao", "Tại UBND cấp xã.", null, ["chứng thực", "giấy"], Day),
        ];
        ArticleMatcher.Best("ad cho e hoi lam cccd lan dau can mang j vs a", articles)[0].Id.ShouldBe(5);
        // A keyword two articles share is no topic on its own.
        ArticleMatcher.Best("giấy của tôi", articles).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lấy vợ người Lào thì làm hồ sơ cưới ở đâu ạ", 4)]
    [InlineData("nhà cấp 4 muốn đổ thêm 1 tầng thì có phải xin phép ko hay cứ làm", 1)]
    [InlineData("cty e nho, duoi 20 nguoi, co chuong trinh nao cua tinh khong", 2)]
    [InlineData("Gia đình tôi muốn xây tường rào và cổng, có cần xin phép không ạ", 1)]
    [InlineData("sửa chữa nhà, thay mái tôn thì có phải xin phép không", 1)]
    [InlineData("xay cai chuong bo tren dat vuon co can xin phep j ko", 1)]
    [InlineData("e mo shop nho ban quan ao, co chuong trinh ho tro von j ko ad", 2)]
    public void Everyday_words_find_the_procedure_they_mean(string question, long id) =>
        ArticleMatcher.Best(question, Articles)[0].Id.ShouldBe(id);

    [Fact]
    public void Last_typed_plain_is_no_wedding() =>
        ArticleMatcher.Best("xe buýt đi Hà Nội mấy giờ chuyến cuoi vậy", Articles).ShouldBeEmpty();

    [Fact]
    public void A_procedure_not_done_yet_is_circumstance_beside_the_one_asked()
    {
        ArticleOption[] articles =
        [
            .. Articles,
            new(8, "procedures", "Đăng ký khai sinh cho trẻ", "Tại UBND cấp xã.", null, ["khai sinh", "giấy khai sinh"], Day),
        ];
        ArticleMatcher.Best("làm giấy khai sinh cho con cần mang gì, bố mẹ chưa đăng ký kết hôn thì có được không", articles)[0].Id.ShouldBe(8);
        // Alone, the procedure not done yet is what is asked about.
        ArticleMatcher.Best("chúng tôi chưa đăng ký kết hôn thì làm ở đâu", articles)[0].Id.ShouldBe(4);
    }

    // A province's procedures as its editors would key them: the words of the procedure, not the citizen's.
    private static readonly ArticleOption[] Procedures =
    [
        new(10, "procedures", "Đăng ký khai sinh cho trẻ", "Tại UBND cấp xã.", null, ["khai sinh", "giấy khai sinh"], Day),
        new(11, "procedures", "Cấp, cấp đổi, cấp lại thẻ căn cước", "Tại công an cấp xã.", null, ["căn cước", "thẻ căn cước", "cccd"], Day),
        new(12, "procedures", "Đăng ký thường trú, tạm trú", "Trên Cổng dịch vụ công hoặc tại công an.", null, ["thường trú", "tạm trú", "hộ khẩu"], Day),
        new(13, "procedures", "Giờ làm việc và cách nộp hồ sơ, bộ phận một cửa", "Thứ Hai đến sáng thứ Bảy.", null, ["một cửa", "nộp online", "nộp hồ sơ trực tuyến"], Day),
        new(14, "procedures", "Cấp đổi, cấp lại giấy phép lái xe", "Tại Sở Xây dựng.", null, ["bằng lái", "giấy phép lái xe"], Day),
        new(15, "procedures", "Chứng thực bản sao, chữ ký, hợp đồng", "Tại UBND cấp xã.", null, ["chứng thực", "công chứng"], Day),
        new(16, "support", "Trợ cấp xã hội: người cao tuổi, hộ nghèo, người khuyết tật", "Tại UBND cấp xã.", null, ["trợ cấp", "người cao tuổi", "khuyết tật", "trợ cấp xã hội"], Day),
        new(17, "investment", "Đầu tư vào các khu công nghiệp của tỉnh", "Ban quản lý các khu công nghiệp.", null, ["khu công nghiệp", "đầu tư"], Day),
        new(18, "procedures", "Đăng ký hộ kinh doanh", "Tại UBND cấp xã.", null, ["đăng ký kinh doanh", "hộ kinh doanh"], Day),
    ];

    [Theory]
    [InlineData("con e moi de dc 1 tuan thi lam giay to cho chau o dau a", 10)]
    [InlineData("con tui mới sanh được hai tuần giờ làm khai sanh cho nó ở mô", 10)]
    [InlineData("bac nam nay 70 tuoi roi cai the cu bi mat thi lam lai o dau hả chau", 11)]
    [InlineData("nop giay to qua mang duoc khong hay bat buoc phai len tan noi, toi o xa", 13)]
    [InlineData("thi bang a1 dang ky o dau dc k a", 14)]
    [InlineData("ra phường ký chứng nhận chữ ký cho giấy ủy quyền thì mất phí bao nhiêu thế", 15)]
    [InlineData("ong nha toi bi liet nua nguoi 2 nam nay co duoc huong tien gi khong a", 16)]
    [InlineData("má tui năm nay 80 tuổi rồi mà chưa thấy ai tới làm tiền già, phải đi mô đăng ký", 16)]
    [InlineData("nhà bà nội em bị bão làm sập chuồng lợn thì có được hỗ trợ gì ko", 16)]
    [InlineData("e 19t muốn mở shop nhỏ bán trà sữa thì có phải đăng kí kinh doanh ko ạ", 18)]
    [InlineData("Cháu ơi bà năm nay 80 tuổi rồi mà chưa thấy ai phát tiền người già cho bà, bà phải đi đâu hỏi", 16)]
    [InlineData("Thẻ gắn chip của bác bị mất ví rồi cháu ơi, làm lại thì ra công an phường hay phải lên huyện", 11)]
    [InlineData("Bác cho thuê 3 phòng trọ, mấy đứa công nhân đến ở thì bác phải báo với ai, báo thế nào", 12)]
    [InlineData("em chuyển về ở với nhà chồng được nửa năm rồi, giờ muốn nhập tên vào sổ nhà chồng thì làm sao", 12)]
    [InlineData("Bà muốn làm giấy cho thằng cháu đứng tên thay bà đi rút tiền lương hưu thì có phải ra phường ký không", 15)]
    [InlineData("Mang giấy tờ lên phường nộp thì có cần hẹn trước không hay cứ đến là được, trưa có nghỉ không", 13)]
    [InlineData("đki hộ kd bán trà sữa online cần những j ad", 18)]
    public void Everyday_words_of_a_life_event_find_the_procedure(string question, long id) =>
        ArticleMatcher.Best(question, Procedures)[0].Id.ShouldBe(id);

    [Theory]
    [InlineData("chuyển hộ khẩu cho vợ về nhà chồng giờ làm trên mạng kiểu gì", 12)]
    [InlineData("công nhân thuê trọ gần khu công nghiệp thì đăng ký tạm trú kiểu gì", 12)]
    [InlineData("đi làm KCN thuê trọ thì có phải đăng ký tạm trú không", 12)]
    public void The_procedure_written_outweighs_the_manner_and_the_place(string question, long id) =>
        ArticleMatcher.Best(question, Procedures)[0].Id.ShouldBe(id);

    [Theory]
    [InlineData("mat bang lai xe may thi lam lai the nao")]
    public void How_it_is_done_again_is_no_card(string question) =>
        ArticleMatcher.Best(question, Procedures)[0].Id.ShouldBe(14);

    [Fact]
    public void Papers_giving_a_child_land_are_no_birth_registration() =>
        ArticleMatcher.Best("Bác muốn làm giấy cho con mảnh đất mà phải có người đóng dấu chứng cho cái giấy viết tay", Procedures)[0].Id.ShouldBe(15);

    [Fact]
    public void Priority_and_a_passport_are_no_benefit_and_no_opening_hours()
    {
        ArticleMatcher.Best("đi dự hội có khu vực ưu tiên cho các cụ không", Procedures).ShouldNotContain(a => a.Id == 16);
        ArticleMatcher.Best("xin hỏi giờ làm hộ chiếu thì làm ở đâu ạ", Procedures).ShouldNotContain(a => a.Id == 13);
    }

    [Fact]
    public void A_vehicle_handed_over_is_no_land_title_and_its_paper_no_licence()
    {
        ArticleOption[] articles =
        [
            .. Procedures,
            new(19, "procedures", "Cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ), tách thửa, sang tên", "Tại văn phòng đăng ký đất đai.", null, ["sổ đỏ", "sang tên", "tách thửa"], Day),
        ];
        ArticleMatcher.Best("xe may mua lai cua nguoi ta ma chu cu di nuoc ngoai roi, gio sang ten kieu gi ad oi", articles).ShouldNotContain(a => a.Id == 19);
        ArticleMatcher.Best("xe máy mua lại mất giấy đăng ký xe, giờ có làm lại giấy được không", articles).ShouldNotContain(a => a.Id == 14);
        // Land inherited is put in the heirs' names; land handed over with a house is still land.
        ArticleMatcher.Best("bố em mất không để lại di chúc, mảnh đất đứng tên bố giờ mấy anh em muốn chia thì làm thủ tục thừa kế thế nào ạ", articles)[0].Id.ShouldBe(19);
        ArticleMatcher.Best("mua nhà đất có cả xe để lại, sang tên sổ đỏ ở đâu", articles)[0].Id.ShouldBe(19);
    }

    [Fact]
    public void Where_to_begin_is_no_investment() =>
        ArticleMatcher.Best("đất nhà cháu chưa có sổ, giờ muốn làm thì bắt đầu từ đâu ạ", Procedures).ShouldNotContain(a => a.Id == 17);

    [Fact]
    public void A_message_read_as_nothing_is_answered_only_with_the_editors_words() =>
        ArticleMatcher.Best("lấy vợ", Articles, everyday: false).ShouldBeEmpty();

    [Fact]
    public void Asked_how_it_is_done_is_no_loan() =>
        ArticleMatcher.Best("hộ nghèo bị thiệt hại thì làm hồ sơ xin hỗ trợ ntn vậy ad", Articles).ShouldNotContain(a => a.Id == 2);
}
