using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

public class ContactConversationTests
{
    private static Script AtContact() =>
        Script.Start().Says("Gửi phản ánh").Says("Khác").Says("Một sự việc cần phản ánh với chính quyền")
            .Says("Số 1 Kinh Bắc").Says("Xong").ExpectStep(Step.Contact);

    [Theory]
    [InlineData("An 12345")]
    [InlineData("An 0212345678")]
    [InlineData("An 091234567")]
    [InlineData("An 09123456789")]
    [InlineData("An 0112345678")]
    public void Invalid_phone_numbers_are_refused_with_an_example(string typed)
    {
        AtContact().Says(typed).ExpectStep(Step.Contact).Expect("Số điện thoại chưa đúng").Expect("0912345678");
    }

    [Fact]
    public void The_name_given_with_a_wrong_number_is_kept_and_only_the_number_asked_again()
    {
        var script = AtContact().Says("Bà Phạm Thị Lụa, số máy 0243 856 112, gọi giờ hành chính thì có người nghe")
            .ExpectStep(Step.Contact).Expect("Số điện thoại chưa đúng");
        script.State.Draft.ContactName.ShouldBe("Bà Phạm Thị Lụa");
        script.State.Draft.ContactPhone.ShouldBeNull();
    }

    [Fact]
    public void A_name_said_with_its_label_keeps_the_number_given_with_it() =>
        AtContact().Says("dạ tôi tên là Nguyễn Văn An sđt 0912345678, gọi giờ hành chính giúp tôi").ExpectStep(Step.Confirm)
            .State.Draft.ShouldSatisfyAllConditions(d => d.ContactName.ShouldBe("Nguyễn Văn An"), d => d.ContactPhone.ShouldBe("+84912345678"));

    [Fact]
    public void A_callable_number_among_other_words_is_the_contact_whatever_else_is_said() =>
        AtContact().Says("Tên thì vẫn Nguyễn Văn An nhé, nhưng số là 0392 661 458 của con gái chị, anh ấy không hay cầm máy")
            .ExpectStep(Step.Confirm).State.Draft.ContactPhone.ShouldBe("+84392661458");

    [Theory]
    [InlineData("An, +84 912 345 678")]
    [InlineData("An 84912345678")]
    [InlineData("An (0912) 345-678")]
    [InlineData("An, 0,912,345,678 ạ")]
    public void International_and_punctuated_forms_are_normalised(string typed)
    {
        AtContact().Says(typed).ExpectStep(Step.Confirm).State.Draft.ContactPhone.ShouldBe("+84912345678");
    }

    [Theory]
    [InlineData("nguoi lien he la chi trang sdt 0987654321", "chi trang")]
    [InlineData("toi ten la hung, so dt 0987654321 nhe", "hung")]
    [InlineData("sdt cua chau 0987654321, ten chau la nguyen thi mai a", "nguyen thi mai")]
    [InlineData("tên em là Lan nhé, 0987654321", "Lan")]
    [InlineData("0987654321 gặp Trần Thị Mai", "Trần Thị Mai")]
    [InlineData("cứ gọi bác Hai 0987654321 nhé", "bác Hai")]
    [InlineData("Phòng kế toán cty Minh Phát, người liên hệ chị Lê Thu Trang 0987654321", "chị Lê Thu Trang")]
    [InlineData("vâng ạ Trần Văn Bình, số của tôi là 0987654321", "Trần Văn Bình")]
    [InlineData("tran thi hoa 0987654321 goi sau 5h chieu nhe toi lam ngoai dong", "tran thi hoa")]
    [InlineData("tên bác là Nguyễn Văn An số điện thoại 0987654321", "Nguyễn Văn An")]
    [InlineData("Bác tên Trần Thị Hoa 0987654321 cháu nhé", "Bác Trần Thị Hoa")]
    [InlineData("Bác tên Trần Thị Hoa, số 0987 654 321", "Bác Trần Thị Hoa")]
    public void A_contact_line_keeps_the_name_as_given_without_its_labels_or_particles(string typed, string name)
    {
        var script = AtContact().Says(typed).ExpectStep(Step.Confirm);
        script.State.Draft.ContactName.ShouldBe(name);
        script.State.Draft.ContactPhone.ShouldBe("+84987654321");
    }

    [Theory]
    [InlineData("để số chị Hằng kế toán 0987 654 321, chị ấy phụ trách bên an toàn công ty em", "chị Hằng (kế toán)")]
    [InlineData("Trần Thị Hồng, phòng hành chính nhân sự, 0987654321", "Trần Thị Hồng (phòng hành chính nhân sự)")]
    [InlineData("cứ hỏi bác Hòa xóm Chùa là ra, 09 8765 4321", "bác Hòa (xóm Chùa)")]
    [InlineData("bác tên Hoàng Văn Bảo thôn Trung, số máy 0987654321", "Hoàng Văn Bảo (thôn Trung)")]
    [InlineData("Bà Nguyễn Thị Lan (mẹ An) 0987 654 321, bà ở nhà cả ngày các cháu cứ gọi", "Bà Nguyễn Thị Lan (mẹ An)")]
    [InlineData("Ông Trần Văn Bình, tổ trưởng tổ dân phố số 3, 0987654321", "Ông Trần Văn Bình (tổ trưởng tổ dân phố số 3)")]
    public void The_role_said_after_the_name_stays_with_it(string typed, string name)
    {
        // Staff calling a business or a village back ask for the person by it.
        var script = AtContact().Says(typed).ExpectStep(Step.Confirm);
        script.State.Draft.ContactName.ShouldBe(name);
        script.State.Draft.ContactPhone.ShouldBe("+84987654321");
    }

    [Theory]
    [InlineData("Trần Thị Hoa 0987654321, con gái bác An, gọi sau 5h", "Trần Thị Hoa")]
    [InlineData("Nguyễn Văn Nam, gọi giờ hành chính giúp em, 0987654321", "Nguyễn Văn Nam")]
    public void What_is_not_a_role_is_not_kept_with_the_name(string typed, string name)
    {
        AtContact().Says(typed).ExpectStep(Step.Confirm).State.Draft.ContactName.ShouldBe(name);
    }

    [Fact]
    public void Name_and_phone_in_two_messages()
    {
        AtContact().Says("Đỗ Minh Châu").ExpectStep(Step.Contact).Expect("số điện thoại")
            .Says("0901234567").ExpectStep(Step.Confirm).Expect("Đỗ Minh Châu");
    }

    [Theory]
    [InlineData("Trần Thị Mai")]
    [InlineData("Lê Văn Sau")]
    public void A_full_name_ending_in_a_word_of_later_is_the_name(string typed)
    {
        // "mai" (tomorrow) and "sau" (later) on their own put the step off; as the end of a name they are the name.
        AtContact().Says(typed).ExpectStep(Step.Contact).Expect("số điện thoại").State.Draft.ContactName.ShouldBe(typed);
    }

    [Fact]
    public void Why_beside_a_phone_is_no_name_and_no_other_problem()
    {
        // The person to call is named inside the why; the why itself is never kept as the name.
        var script = AtContact().Says("bác già rồi không nghe máy được, cứ gọi cho con trai bác là Hùng số 0976 112 358")
            .ExpectNot("sự việc khác").ExpectStep(Step.Confirm);
        script.State.Draft.ContactPhone.ShouldBe("+84976112358");
        script.State.Draft.ContactName.ShouldBe("Hùng");
        var whyOnly = AtContact().Says("bác già rồi không nghe máy được, 0976 112 358").ExpectStep(Step.Contact).Expect(ConversationTexts.MissingName);
        whyOnly.State.Draft.ContactName.ShouldBeNull();
        whyOnly.State.Draft.ContactPhone.ShouldBe("+84976112358");
    }

    [Theory]
    [InlineData("số cũ nhé")]
    [InlineData("dùng số zalo này luôn")]
    [InlineData("thôi không muốn để tên")]
    public void Words_about_the_contact_are_no_name(string typed)
    {
        var script = AtContact().Says(typed).ExpectStep(Step.Contact);
        script.State.Draft.ContactName.ShouldBeNull();
    }

    [Fact]
    public void A_surname_that_reads_as_a_word_without_diacritics_is_still_a_name() =>
        AtContact().Says("Khổng Văn Minh 0912333444").ExpectStep(Step.Confirm).State.Draft.ContactName.ShouldBe("Khổng Văn Minh");

    [Fact]
    public void Phone_without_a_name_asks_for_the_name()
    {
        AtContact().Says("0901234567").ExpectStep(Step.Contact).Expect("họ tên")
            .Says("Đỗ Minh Châu").ExpectStep(Step.Confirm);
    }

    [Fact]
    public void Zalo_user_info_form_fills_the_contact()
    {
        AtContact().ExpectUserInfoForm()
            .SubmitsInfo("Hoàng Thu Trang", "84978123456").ExpectStep(Step.Confirm).Expect("Hoàng Thu Trang").Expect("0978 123 456");
    }

    [Fact]
    public void Form_with_a_bad_phone_keeps_the_name_and_asks_for_the_phone()
    {
        var script = AtContact().SubmitsInfo("Hoàng Thu Trang", "123").ExpectStep(Step.Contact).Expect("Số điện thoại chưa đúng");
        script.State.Draft.ContactName.ShouldBe("Hoàng Thu Trang");
        script.Says("0978123456").ExpectStep(Step.Confirm);
    }

    [Fact]
    public void Contact_shared_earlier_is_offered_for_reuse()
    {
        Script.Start().Says("Gửi phản ánh").SubmitsInfo("Vũ Hải", "0912345678").ExpectStep(Step.Category)
            .Says("Khác").Says("Một sự việc cần phản ánh với chính quyền").Says("Số 1 Kinh Bắc").Says("Xong")
            .ExpectStep(Step.Contact).Expect("Vũ Hải").ExpectButtons("Dùng thông tin này")
            .Says("Dùng thông tin này").ExpectStep(Step.Confirm);
    }

    [Theory]
    [InlineData("An 0912345678, ma dia chi la ngo 12 chu ko phai so 12", "An", "ngo 12 đường Lý Thái Tổ, phường Kinh Bắc")]
    [InlineData("cho toi ghi lai dia chi la canh cong cho Lon, ten An so 0912345678", "An", "canh cong cho Lon")]
    [InlineData("Nguyễn Văn An, 0912345678. Với lại cho tôi sửa địa chỉ là số 21 Lý Thái Tổ chứ không phải số 12", "Nguyễn Văn An", "số 21 Lý Thái Tổ")]
    public void A_contact_given_with_a_correction_of_the_place_takes_both(string typed, string name, string address)
    {
        var script = StreetLight.AtContact().Says(typed).ExpectStep(Step.Confirm).Expect("Đã sửa địa điểm");
        script.State.Draft.ContactName.ShouldBe(name);
        script.State.Draft.ContactPhone.ShouldBe("+84912345678");
        script.State.Draft.Address.ShouldBe(address);
    }

    [Theory]
    [InlineData("gọi cho tôi theo số 0243 3825 111 giờ hành chính", "+842433825111")]
    [InlineData("em ko muốn để tên, chỉ để sđt 0912000111 thôi", "+84912000111")]
    public void A_number_given_without_a_name_is_kept_and_the_name_asked_for(string typed, string phone)
    {
        var script = AtContact().Says(typed).ExpectStep(Step.Contact).Expect(ConversationTexts.MissingName);
        script.State.Draft.ContactName.ShouldBeNull();
        script.State.Draft.ContactPhone.ShouldBe(phone);
    }
}
