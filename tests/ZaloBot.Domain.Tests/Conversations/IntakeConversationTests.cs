using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>Whole conversations, from greeting to a submitted complaint, in the ways citizens really type.</summary>
public class IntakeConversationTests
{
    [Fact]
    public void Happy_path_pressing_buttons()
    {
        var script = Script.Start()
            .Says("Xin chào").Expect("Xin chào").ExpectButtons("Gửi phản ánh", "Tra cứu", "Thông tin", "Hướng dẫn")
            .Says("Gửi phản ánh").ExpectStep(Step.Category).Expect("lĩnh vực").ExpectButtons("Hạ tầng, môi trường", "Khác")
            .Says("Hạ tầng, môi trường").ExpectStep(Step.Description)
            .Says("Đèn đường trước cổng trường tiểu học hỏng cả tuần nay, tối rất tối").ExpectStep(Step.Place)
            .Says("Trước cổng trường tiểu học số 2, đường Nguyễn Trãi").ExpectStep(Step.Area)
            .Says("Phường Võ Cường").ExpectStep(Step.Attachments)
            .SendsImages("https://img.example/1.jpg").Expect("1/5")
            .Says("Xong").ExpectStep(Step.Contact).ExpectUserInfoForm()
            .Says("Trần Thị Bình, 0987 654 321").ExpectStep(Step.Confirm)
            .Expect("Trần Thị Bình").Expect("0987 654 321").ExpectButtons("Gửi", "Sửa", "Hủy")
            .Says("Gửi").Expect(Fixtures.NewCode).Expect("08/12/2026").Expect("tra cứu " + Fixtures.NewCode)
            .ExpectStep(Step.Menu);

        var ticket = script.Ticket();
        ticket.Code.ShouldBe(Fixtures.NewCode);
        ticket.CategoryCode.ShouldBe("INFRA");
        ticket.Description.ShouldStartWith("Đèn đường");
        ticket.AreaCode.ShouldBe("VOCUONG");
        ticket.Attachments.ShouldHaveSingleItem().Url.ShouldBe("https://img.example/1.jpg");
        ticket.ContactName.ShouldBe("Trần Thị Bình");
        ticket.ContactPhone.ShouldBe("+84987654321");
        script.State.Draft.ShouldBe(new Draft());
    }

    [Fact]
    public void Happy_path_typed_without_diacritics()
    {
        var ticket = Script.Start()
            .Says("xin chao")
            .Says("gui phan anh")
            .Says("thu tuc hanh chinh")
            .Says("ho so xin cap phep xay dung nop 2 thang chua co ket qua")
            .Says("bo phan mot cua phuong tu son")
            .Says("bo qua")
            .Says("nguyen van an 0912345678")
            .Says("gui")
            .Ticket();

        ticket.CategoryCode.ShouldBe("ADMIN");
        ticket.AreaCode.ShouldBe("TUSON");
        ticket.Attachments.ShouldBeEmpty();
        ticket.ContactName.ShouldBe("nguyen van an");
    }

    [Fact]
    public void Happy_path_answering_with_numbers()
    {
        var ticket = Script.Start()
            .Says("1").ExpectStep(Step.Category)
            .Says("2").ExpectStep(Step.Description)
            .Says("Cán bộ tiếp dân hách dịch, yêu cầu nộp thêm giấy tờ không có trong quy định")
            .Says("UBND phường, 5 Ngô Gia Tự")
            .Says("số 1").ExpectStep(Step.Attachments)
            .Says("khong")
            .Says("Lê Văn Cường; sđt 0345.678.901")
            .Says("ok")
            .Ticket();

        ticket.CategoryCode.ShouldBe("CONDUCT");
        ticket.AreaCode.ShouldBe("KINHBAC");
        ticket.ContactPhone.ShouldBe("+84345678901");
        ticket.ContactName.ShouldBe("Lê Văn Cường");
    }

    [Fact]
    public void Happy_path_in_capitals()
    {
        var ticket = Script.Start()
            .Says("GỬI PHẢN ÁNH")
            .Says("HẠ TẦNG")
            .Says("RÁC THẢI ÙN Ứ Ở ĐẦU NGÕ 3 NGÀY KHÔNG AI THU GOM")
            .Says("NGÕ 5 PHỐ TỪ SƠN")
            .Says("XONG")
            .Says("PHẠM VĂN DŨNG 0912345678")
            .Says("GỬI")
            .Ticket();

        ticket.CategoryCode.ShouldBe("INFRA");
        ticket.Description.ShouldBe("RÁC THẢI ÙN Ứ Ở ĐẦU NGÕ 3 NGÀY KHÔNG AI THU GOM");
    }

    [Theory]
    [InlineData("đường bị ngập", "INFRA")]
    [InlineData("duong ngap", "INFRA")]
    [InlineData("thu tuc hanh chin", "ADMIN")]
    [InlineData("can bo nhung nhieu", "CONDUCT")]
    [InlineData("xe dua don cong nhan", "BIZ_TRANSPORT")]
    [InlineData("tiem vac xin cho cong ty", "BIZ_VACCINE")]
    [InlineData("visa cho chuyen gia", "BIZ_EXPERT")]
    [InlineData("Khác", "OTHER")]
    public void Category_understood_from_free_text(string typed, string expected)
    {
        Script.Start().Says("Gửi phản ánh").Says(typed).ExpectStep(Step.Description)
            .State.Draft.CategoryCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("abc xyz")]
    [InlineData("9")]
    [InlineData("0")]
    public void Unclear_category_is_asked_again_with_the_list(string typed)
    {
        Script.Start().Says("Gửi phản ánh").Says(typed)
            .ExpectStep(Step.Category).Expect("lĩnh vực").ExpectButtons("Khác")
            .State.Draft.CategoryCode.ShouldBeNull();
    }

    [Fact]
    public void Too_short_description_is_explained_and_kept_at_the_step()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác")
            .Says("ngập").ExpectStep(Step.Description).Expect("ít nhất 20 ký tự")
            .Says("Nước ngập ngang đầu gối ở ngõ 12 sau mỗi trận mưa").ExpectStep(Step.Place);
    }

    [Fact]
    public void Too_long_description_is_refused_with_the_limit()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác")
            .Says(new string('a', 2001)).ExpectStep(Step.Description).Expect("2000 ký tự");
    }

    [Fact]
    public void Shared_location_fills_the_place_and_the_ward_is_asked()
    {
        var script = Script.Start().Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đèn đường trước nhà bị hỏng cả tuần nay, chưa ai sửa")
            .SharesLocation(21.1861, 106.0763).ExpectStep(Step.Area).Expect("phường/xã")
            .Says("bỏ qua").ExpectStep(Step.Attachments)
            .Says("xong").Says("Ngô Thị Hoa 0912345678").Says("gửi");

        var ticket = script.Ticket();
        (ticket.Latitude, ticket.Longitude, ticket.Address, ticket.AreaCode).ShouldBe((21.1861, 106.0763, null, null));
    }

    [Fact]
    public void Too_short_address_is_asked_again()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("đây").ExpectStep(Step.Place).Expect("Địa chỉ chưa rõ");
    }

    [Fact]
    public void Without_configured_wards_the_ward_question_is_skipped()
    {
        Script.Start(Fixtures.WithoutAreas()).Says("Gửi phản ánh").Says("Khác")
            .Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Thôn Đông, xã Phật Tích").ExpectStep(Step.Attachments)
            .Says("quay lại").ExpectStep(Step.Place);
    }

    [Fact]
    public void Several_photos_and_a_file_are_attached_in_order()
    {
        var ticket = Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Số 1 Kinh Bắc")
            .SendsImages("https://img/1.jpg", "https://img/2.jpg").Expect("2/5")
            .SendsFile("https://files/don.pdf", "don.pdf").Expect("3/5")
            .Says("xong").Says("An 0912345678").Says("gửi")
            .Ticket();

        ticket.Attachments.Select(a => a.Url).ShouldBe(["https://img/1.jpg", "https://img/2.jpg", "https://files/don.pdf"]);
        ticket.Attachments[2].Name.ShouldBe("don.pdf");
    }

    [Fact]
    public void Too_many_photos_keeps_the_first_five_and_says_so()
    {
        var script = Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Số 1 Kinh Bắc")
            .SendsImages("https://img/1", "https://img/2", "https://img/3", "https://img/4")
            .SendsImages("https://img/5", "https://img/6", "https://img/7").Expect("tối đa 5")
            .SendsImages("https://img/8").Expect("tối đa 5");

        script.State.Draft.Attachments.Count.ShouldBe(5);
        script.State.Draft.Attachments[^1].Url.ShouldBe("https://img/5");
    }

    [Fact]
    public void Photos_can_be_cleared_and_sent_again()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Số 1 Kinh Bắc")
            .SendsImages("https://img/wrong").Says("xóa ảnh").ExpectStep(Step.Attachments)
            .State.Draft.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Photo_with_caption_at_the_description_step_fills_both()
    {
        var script = Script.Start().Says("Gửi phản ánh").Says("Hạ tầng")
            .SendsImageWithCaption("https://img/o-ga.jpg", "Ổ gà lớn giữa đường, nhiều người ngã xe");

        script.ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe("Ổ gà lớn giữa đường, nhiều người ngã xe");
        script.State.Draft.Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public void Edit_a_field_from_the_summary_and_come_back_to_it()
    {
        var script = Script.Start().ToConfirmation()
            .Says("Sửa").ExpectStep(Step.EditChoice).ExpectButtons("Lĩnh vực", "Nội dung", "Địa điểm", "Hình ảnh", "Liên hệ")
            .Says("Nội dung").ExpectStep(Step.Description)
            .Says("Đường Lý Thái Tổ ngập sâu 40 cm, nước tràn vào nhà dân").ExpectStep(Step.Confirm)
            .Expect("ngập sâu 40 cm")
            .Says("sua").Says("linh vuc").Says("Khác").ExpectStep(Step.Confirm)
            .Says("Gửi");

        var ticket = script.Ticket();
        ticket.Description.ShouldBe("Đường Lý Thái Tổ ngập sâu 40 cm, nước tràn vào nhà dân");
        ticket.CategoryCode.ShouldBe("OTHER");
    }

    [Fact]
    public void Back_while_editing_returns_to_the_summary()
    {
        Script.Start().ToConfirmation().Says("Sửa").Says("Liên hệ").ExpectStep(Step.Contact)
            .Says("quay lại").ExpectStep(Step.Confirm);
    }

    [Fact]
    public void Cancel_at_confirmation_creates_nothing()
    {
        Script.Start().ToConfirmation().Says("Hủy").ExpectStep(Step.Menu).Expect("Đã hủy")
            .ExpectNoTicket().State.Draft.ShouldBe(new Draft());
    }

    [Fact]
    public void Start_from_a_photo_keeps_it_and_begins_the_complaint()
    {
        var script = Script.Start().SendsImages("https://img/first.jpg")
            .Expect("Đã nhận ảnh").ExpectStep(Step.Category);
        script.State.Draft.Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public void Start_from_a_location_keeps_it_and_begins_the_complaint()
    {
        var script = Script.Start().SharesLocation(21.18, 106.07).Expect("Đã nhận vị trí").ExpectStep(Step.Category);
        script.State.Draft.Latitude.ShouldBe(21.18);
    }

    [Fact]
    public void Location_sent_early_is_kept_for_the_place()
    {
        var script = Script.Start().Says("Gửi phản ánh").Says("Khác").SharesLocation(21.1, 106.1)
            .Expect("Đã nhận vị trí").ExpectStep(Step.Description);
        script.State.Draft.HasPlace.ShouldBeTrue();
    }

    [Fact]
    public void A_ticket_code_inside_a_description_is_just_text()
    {
        Script.Start().Says("Gửi phản ánh").Says("Khác")
            .Says("Phản ánh PA-2610-ABCD trước đây chưa được giải quyết, tôi gửi lại").ExpectStep(Step.Place);
    }

    [Theory]
    [InlineData("doanh nghiệp")]
    [InlineData("ho tro")]
    public void A_word_shared_by_several_fields_asks_between_those_under_their_own_numbers(string typed) =>
        Script.Start().Says("Gửi phản ánh").Says(typed).ExpectStep(Step.Category)
            .Expect("3. Hỗ trợ doanh nghiệp: vận chuyển công nhân").ExpectButtons("Hỗ trợ doanh nghiệp: tiêm vắc-xin")
            .Says("5").ExpectStep(Step.Description).State.Draft.CategoryCode.ShouldBe("BIZ_VACCINE");
}
