using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>
/// Slips owned up to inside one answer, and changes asked for at the summary in the citizen's own words: the value
/// meant is kept, never the slip with it, and a request is never taken for a yes.
/// </summary>
public class SlipsConversationTests
{
    private static Script AtPlace() => StreetLight.AtPlace();

    private static Script AtContact() => StreetLight.AtContact();

    private static Script AtSummary() => StreetLight.AtSummary();

    [Theory]
    [InlineData("số 12 Lý Thái Tổ, à không, số 21", "số 21 Lý Thái Tổ")]
    [InlineData("ngõ 5 à nhầm ngõ 7 Nguyễn Du", "ngõ 7 Nguyễn Du")]
    [InlineData("ngõ không tên cạnh chợ Đọ", "ngõ không tên cạnh chợ Đọ")]
    public void An_address_corrected_in_the_same_message_keeps_what_was_meant(string typed, string address) =>
        AtPlace().Says(typed).State.Draft.Address.ShouldBe(address);

    [Theory]
    [InlineData("à khoan, lúc nãy viết nhầm, đèn hỏng gần 2 tuần rồi chứ không phải 1 tuần", "Đèn hỏng gần 2 tuần rồi, tối đi lại rất nguy hiểm")]
    [InlineData("à mà sửa lại giúp tôi, đèn hỏng từ mười hôm nay rồi chứ không phải một tuần", "Đèn hỏng từ mười hôm nay rồi, tối đi lại rất nguy hiểm")]
    public void The_description_corrected_at_the_place_step_is_never_the_address_and_keeps_its_other_clauses(string typed, string description)
    {
        var script = AtPlace().Says(typed).ExpectStep(Step.Place);
        script.State.Draft.Description.ShouldBe(description);
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void The_field_denied_before_anything_is_described_opens_the_fields_and_is_never_the_description()
    {
        var script = StreetLight.AtDescription()
            .Says("à mà nhầm rồi cái này không phải hạ tầng đâu cháu là cán bộ phường thái độ cơ sửa lại cái loại giúp bác");
        script.ExpectStep(Step.Category).State.Draft.Description.ShouldBeNull();
    }

    [Fact]
    public void A_slip_taken_back_before_anything_is_described_leaves_only_what_was_meant() =>
        StreetLight.AtDescription()
            .Says("khoan đã, không phải cả tuần đâu, Đèn đường trước nhà bị hỏng gần 1 tháng nay rồi").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng gần 1 tháng nay rồi");

    [Fact]
    public void The_words_introducing_a_correction_at_the_summary_are_not_the_description() =>
        AtSummary().Says("sửa giúp e là đèn hỏng hơn 1 tháng rồi chứ ko phải 1 tuần").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn hỏng hơn 1 tháng rồi, tối đi lại rất nguy hiểm");

    [Fact]
    public void Two_parts_corrected_in_one_message_at_the_summary_are_both_corrected()
    {
        var draft = AtSummary().Says("ơ sai r ad, nhà e số 21 chứ k phải 12, sđt cũng đổi thành 0987654321 nha 😅").ExpectStep(Step.Confirm).State.Draft;
        draft.Address.ShouldNotBeNull().ShouldContain("số 21");
        draft.ContactPhone.ShouldBe("+84987654321");
    }

    [Fact]
    public void The_field_and_the_description_corrected_together_are_both_taken()
    {
        var draft = AtSummary().Says("sai hết r 😩 lĩnh vực là Thái độ, hành vi của cán bộ, mô tả là cán bộ phường hẹn sửa mà k đến")
            .ExpectStep(Step.Confirm).State.Draft;
        draft.CategoryCode.ShouldBe("CONDUCT");
        draft.Description.ShouldBe("cán bộ phường hẹn sửa mà k đến");
    }

    [Fact]
    public void A_correction_then_a_send_is_one_correction() =>
        AtSummary().Says("Địa chỉ đúng là số 14 đường Lý Thái Tổ, không phải số 12, xin sửa rồi gửi.")
            .State.Draft.Address.ShouldNotBeNull().ShouldContain("số 14 đường Lý Thái Tổ");

    [Fact]
    public void A_photo_that_cannot_be_taken_gives_up_the_photos_not_the_matter() =>
        AtPlace().Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc").ExpectStep(Step.Attachments)
            .Says("tối quá chụp ko rõ, thôi khỏi").ExpectStep(Step.Contact).State.HasDraftInProgress.ShouldBeTrue();

    [Fact]
    public void Giving_up_at_the_photos_with_no_word_of_them_still_gives_up_the_matter() =>
        AtPlace().Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc").ExpectStep(Step.Attachments)
            .Says("thôi khỏi, mấy cái này lằng nhằng quá bác không làm nữa").State.HasDraftInProgress.ShouldBeFalse();

    [Fact]
    public void A_closing_clause_that_cancels_the_petition_cancels_it() =>
        StreetLight.AtContact().Says("thôi ko cần để lại sđt đâu, hủy luôn cái đơn này").State.HasDraftInProgress.ShouldBeFalse();

    [Fact]
    public void Giving_up_with_an_oath_is_giving_up() =>
        AtPlace().Says("dm hỏi lắm thế, thôi khỏi gửi").State.HasDraftInProgress.ShouldBeFalse();

    [Fact]
    public void The_field_named_before_anything_is_described_is_the_field() =>
        Script.Start().Says("Gửi phản ánh").Says("Thủ tục hành chính").ExpectStep(Step.Description)
            .Says("à nhầm, không phải thủ tục hành chính, là hạ tầng nhé").ExpectStep(Step.Description)
            .State.Draft.CategoryCode.ShouldBe("INFRA");

    [Fact]
    public void A_ward_taken_back_at_the_ward_list_is_the_one_given_after() =>
        AtPlace().Says("gần chợ").ExpectStep(Step.Area).Says("1, a nham, 3 nha").State.Draft.AreaCode.ShouldBe("TUSON");

    [Fact]
    public void An_address_corrected_at_the_place_step_is_never_the_description()
    {
        var draft = AtPlace().Says("à nhầm, nhà em số 21 đường Lý Thái Tổ chứ ko phải 12").State.Draft;
        draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm");
        draft.Address.ShouldNotBeNull().ShouldContain("số 21 đường Lý Thái Tổ");
    }

    [Fact]
    public void A_part_said_wrong_with_only_a_request_to_mend_it_opens_that_part()
    {
        var script = AtSummary().Says("sai dia chi roi sua lai").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ, phường Kinh Bắc");
    }

    [Fact]
    public void A_short_clause_corrected_at_the_place_step_replaces_its_clause() =>
        AtPlace().Says("a nham den hong 2 tuan r chu ko phai 1 tuan").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("Den hong 2 tuan, tối đi lại rất nguy hiểm");

    [Fact]
    public void The_field_wanted_before_anything_is_described_is_the_field() =>
        StreetLight.AtDescription()
            .Says("à nhầm, e muốn chọn thủ tục hành chính cơ").ExpectStep(Step.Description)
            .State.Draft.CategoryCode.ShouldBe("ADMIN");

    [Fact]
    public void At_the_field_list_the_field_corrected_to_is_chosen()
    {
        var script = Script.Start().Says("Gửi phản ánh").ExpectStep(Step.Category)
            .Says("à khoan e chọn nhầm thủ tục hành chính, sửa lại thành Hạ tầng giúp e vs").ExpectStep(Step.Description);
        script.State.Draft.CategoryCode.ShouldBe("INFRA");
    }

    [Fact]
    public void A_new_number_given_for_an_old_one_is_the_number() =>
        AtContact().Says("Nguyễn Văn An 0912345678, khoan, số này cũ rồi, số mới là 0988123456").ExpectStep(Step.Confirm)
            .State.Draft.ContactPhone.ShouldBe("+84988123456");

    [Fact]
    public void A_relatives_name_before_the_number_is_the_contact() =>
        AtContact().Says("Trần Thị Hoa 0987654321 con gái bác An, cô gọi cho cháu nhé vì bố cháu nghe không rõ").ExpectStep(Step.Confirm)
            .State.Draft.ContactName.ShouldBe("Trần Thị Hoa");

    [Fact]
    public void A_phone_corrected_in_the_same_message_keeps_the_last_number_and_the_name_alone()
    {
        var draft = AtContact().Says("An 0912345678, à nhầm 0912345687").ExpectStep(Step.Confirm).State.Draft;
        draft.ContactName.ShouldBe("An");
        draft.ContactPhone.ShouldBe("+84912345687");
    }

    [Fact]
    public void Two_numbers_without_a_slip_keep_the_first() =>
        AtContact().Says("An 0912345678 hoặc 0987654321").State.Draft.ContactPhone.ShouldBe("+84912345678");

    [Fact]
    public void The_letter_o_typed_for_a_zero_in_a_phone_is_a_zero() =>
        AtContact().Says("tuấn 09o1234567").ExpectStep(Step.Confirm).State.Draft.ContactPhone.ShouldBe("+84901234567");

    [Theory]
    [InlineData("số nhà 14 mới đúng")]
    [InlineData("số 14 mới đúng")]
    [InlineData("nhà số 14 chứ")]
    public void A_house_number_given_at_the_edit_list_replaces_only_the_number(string typed) =>
        AtSummary().Says("Sửa").ExpectStep(Step.EditChoice).Says(typed).ExpectStep(Step.Confirm)
            .State.Draft.Address.ShouldBe("số 14 đường Lý Thái Tổ, phường Kinh Bắc");

    [Theory]
    [InlineData("chuyển sang mục cán bộ giúp", "CONDUCT")]
    [InlineData("đổi sang mục thủ tục hành chính", "ADMIN")]
    [InlineData("cho vào lĩnh vực khác nhé", "INFRA")]
    public void Moving_the_field_at_the_summary_is_never_a_yes(string typed, string code)
    {
        var script = AtSummary().Says(typed);
        script.State.HasDraftInProgress.ShouldBeTrue();
        script.State.Draft.CategoryCode.ShouldBe(code);
        script.State.Step.ShouldBe(code == "INFRA" ? Step.Category : Step.Confirm);
    }

    [Fact]
    public void A_phone_given_at_the_place_question_is_kept_for_the_contact_and_the_place_asked_again()
    {
        var script = AtPlace().Says("sđt em là 0987654321 nhé").ExpectStep(Step.Place).Expect("Đã ghi số điện thoại 0987 654 321");
        script.State.Draft.Address.ShouldBeNull();
        script.State.Draft.ContactPhone.ShouldBe("+84987654321");
        script.State.Draft.ContactName.ShouldBeNull();
        script.Says("số 12 đường Lý Thái Tổ, phường Kinh Bắc").Says("Xong").ExpectStep(Step.Contact)
            .Says("Trần Thị Lan").ExpectStep(Step.Confirm).State.Draft.ContactPhone.ShouldBe("+84987654321");
    }

    [Fact]
    public void Asking_how_to_send_a_location_is_told_how_and_stores_nothing()
    {
        var script = AtPlace().Says("gửi vị trí kiểu gì vậy").ExpectStep(Step.Place).Expect("Vị trí");
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void A_correction_closed_by_a_particle_keeps_the_value_without_it()
    {
        AtSummary().Says("số nhà 21 chứ").ExpectStep(Step.Confirm).State.Draft.Address.ShouldBe("số 21 đường Lý Thái Tổ, phường Kinh Bắc");
        AtSummary().Says("phường Võ Cường chứ").ExpectStep(Step.Confirm).State.Draft.AreaCode.ShouldBe("VOCUONG");
    }

    [Fact]
    public void A_measure_corrected_at_the_summary_changes_that_measure_only()
    {
        StreetLight.AtSummary().Says("Mô tả sửa giúp tôi là hỏng hơn mười ngày chứ không phải một tuần")
            .ExpectStep(Step.Confirm).Expect("Đã sửa nội dung")
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng hơn mười ngày, tối đi lại rất nguy hiểm");
    }

    [Fact]
    public void A_detail_the_description_never_held_joins_it()
    {
        StreetLight.AtSummary().Says("mô tả thêm giúp là hỏng 3 cột liền chứ ko phải 1 cột nha")
            .ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Hỏng 3 cột liền chứ ko phải 1 cột");
    }

    [Fact]
    public void A_ward_said_to_be_pressed_by_mistake_is_never_chosen()
    {
        StreetLight.AtSummary().Says("phường đúng là Kinh Bắc nhé, lúc nãy tôi bấm nhầm sang Từ Sơn")
            .State.Draft.AreaCode.ShouldBe("KINHBAC");
    }

    [Theory]
    [InlineData("đúng rồi, à mà thêm là gần trường tiểu học", "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Gần trường tiểu học")]
    [InlineData("mô tả thiếu, đèn còn chập chờn nữa", "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Đèn còn chập chờn nữa")]
    [InlineData("ghi thêm là tối nào cũng tối om", "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Tối nào cũng tối om")]
    public void Something_added_at_the_summary_joins_the_description_and_nothing_is_sent_without_it(string typed, string description)
    {
        StreetLight.AtSummary().Says(typed).ExpectStep(Step.Confirm).Expect("Đã sửa nội dung")
            .State.Draft.Description.ShouldBe(description);
    }

    [Fact]
    public void Words_added_to_the_place_join_the_address() =>
        StreetLight.AtSummary().Says("thêm địa chỉ cụ thể: cạnh quán phở Hùng").ExpectStep(Step.Confirm)
            .State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ, phường Kinh Bắc, cạnh quán phở Hùng");

    [Theory]
    [InlineData("chưa đúng, phường Võ Cường")]
    [InlineData("ô sao lại phường Kinh Bắc, nhà tôi Võ Cường mà")]
    public void A_ward_said_to_be_wrong_with_another_named_is_that_ward(string typed) =>
        StreetLight.AtSummary().Says(typed).ExpectStep(Step.Confirm).State.Draft.AreaCode.ShouldBe("VOCUONG");

    [Fact]
    public void Another_person_with_a_new_number_at_the_summary_is_the_contact()
    {
        var draft = StreetLight.AtSummary().Says("để tên vợ tôi là Nguyễn Thị Hoa sđt 0915888222 nhé, tôi đi làm xa").ExpectStep(Step.Confirm).State.Draft;
        draft.ContactName.ShouldBe("Nguyễn Thị Hoa");
        draft.ContactPhone.ShouldBe("+84915888222");
    }

    [Fact]
    public void A_ward_corrected_at_the_ward_list_is_chosen_and_the_flow_goes_on()
    {
        var script = StreetLight.AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area)
            .Says("à nhầm, nhà tôi thuộc phường Võ Cường chứ ko phải Kinh Bắc").ExpectStep(Step.Attachments);
        script.State.Draft.AreaCode.ShouldBe("VOCUONG");
    }

    [Fact]
    public void A_place_given_without_its_number_is_the_place() =>
        StreetLight.AtPlace().Says("ko nhớ số nhà, đầu ngõ 5 Lý Thái Tổ").ExpectStep(Step.Area)
            .State.Draft.Address.ShouldBe("đầu ngõ 5 Lý Thái Tổ");

    [Fact]
    public void A_part_said_to_be_right_with_the_sending_asked_for_sends() =>
        StreetLight.AtSummary().Says("Nội dung đã chính xác, kính đề nghị quý cơ quan gửi đi ạ.").Ticket();

    [Theory]
    [InlineData("tên đúng rồi nhưng muốn đổi số liên lạc sang số của con trai")]
    [InlineData("Tôi muốn sửa lại phần địa điểm cho chính xác hơn.")]
    public void A_part_said_right_beside_a_change_sends_nothing(string typed) =>
        StreetLight.AtSummary().Says(typed).ExpectNoTicket();

    [Fact]
    public void A_place_given_with_a_correction_of_the_description_takes_both()
    {
        var draft = StreetLight.AtPlace().Says("ngõ 5 Lý Thái Tổ, với cả bác sửa lại giúp là hỏng hai cột liền nhau chứ không phải một cột")
            .ExpectStep(Step.Area).Expect("Đã sửa nội dung").State.Draft;
        draft.Address.ShouldBe("ngõ 5 Lý Thái Tổ");
        draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Hỏng hai cột liền nhau chứ không phải một cột");
    }

    [Fact]
    public void A_house_number_corrected_in_words_after_owning_the_slip_is_the_number() =>
        StreetLight.AtSummary().Says("à không cháu ơi bác nói nhầm không phải số mười hai đâu số hai mươi mốt cơ bác già rồi hay lẫn")
            .ExpectStep(Step.Confirm).ExpectNoTicket().State.Draft.Address.ShouldStartWith("số 21");

    [Fact]
    public void A_house_number_corrected_with_a_remark_after_rather_keeps_the_remark_out() =>
        StreetLight.AtSummary().Says("địa chỉ là số hai mươi mốt chứ máy nó ghi số mười hai mươi")
            .ExpectStep(Step.Confirm).State.Draft.Address.ShouldStartWith("số 21");

    [Fact]
    public void The_field_corrected_before_the_problem_is_told_sets_the_field_and_the_problem_is_the_description()
    {
        var draft = StreetLight.AtDescription().Says("à chọn nhầm lĩnh vực rồi, phải là thủ tục hành chính, hồ sơ cấp phép xây dựng của tôi nộp hai tháng chưa có kết quả")
            .Expect("Đã sửa lĩnh vực").ExpectStep(Step.Place).State.Draft;
        draft.CategoryCode.ShouldBe("ADMIN");
        draft.Description.ShouldBe("hồ sơ cấp phép xây dựng của tôi nộp hai tháng chưa có kết quả");
    }

    [Fact]
    public void Nothing_found_wrong_and_a_send_sends() =>
        StreetLight.AtSummary().Says("bác xem lại thấy không có gì sai, cháu gửi đi giúp bác").Ticket().ShouldNotBeNull();

    [Fact]
    public void Nothing_to_change_after_all_at_the_edit_list_shows_the_summary_again() =>
        StreetLight.AtSummary().Says("Sửa").ExpectStep(Step.EditChoice).Says("thôi không biết sửa cái gì nữa, cứ để thế").ExpectStep(Step.Confirm).ExpectNoTicket();

    [Fact]
    public void The_description_named_before_its_detail_is_no_part_of_it()
    {
        var draft = StreetLight.AtPlace().Says("a ma mo ta lai ti, den hu 2 cai chu ko phai 1").ExpectStep(Step.Place).State.Draft;
        draft.Address.ShouldBeNull();
        draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Den hu 2 cai chu ko phai 1");
    }

    [Fact]
    public void A_detail_of_the_problem_corrected_at_the_place_step_is_never_the_address()
    {
        var draft = StreetLight.AtPlace().Says("với cả bác sửa lại giúp là hỏng hai cột liền nhau chứ không phải một cột")
            .ExpectStep(Step.Place).State.Draft;
        draft.Address.ShouldBeNull();
        draft.Description.ShouldEndWith("Hỏng hai cột liền nhau chứ không phải một cột");
    }

    [Fact]
    public void The_summary_sent_with_a_but_and_a_house_number_corrected_corrects_the_number_and_sends_nothing() =>
        StreetLight.AtSummary().Says("Gui thi gui nhung nha bac o so 14 chu khong phai 12 dau chau").ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.Address.ShouldBe("số 14 đường Lý Thái Tổ, phường Kinh Bắc");

    [Theory]
    [InlineData(Step.Confirm)]
    [InlineData(Step.EditChoice)]
    public void A_part_named_alone_then_what_it_becomes_is_that_part_changed(Step at)
    {
        var script = StreetLight.AtSummary();
        if (at == Step.EditChoice) script = script.Says("Sửa").ExpectStep(Step.EditChoice);
        script.Says("Mo ta a, den no nhap nhay luc sang luc tat chu khong hong han chau a").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("den no nhap nhay luc sang luc tat chu khong hong han");
    }

    [Fact]
    public void A_part_named_alone_then_words_said_to_be_added_joins_them() =>
        StreetLight.AtSummary().Says("Sửa").ExpectStep(Step.EditChoice)
            .Says("Mô tả. Tôi muốn nói thêm là chỗ đó có khúc cua nên tối rất dễ va chạm").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Chỗ đó có khúc cua nên tối rất dễ va chạm");

    [Theory]
    [InlineData("mô tả, ghi thiếu mất đoạn cột điện bị nghiêng")]
    [InlineData("mô tả, sửa giúp cháu nhé")]
    public void A_part_named_with_a_remark_on_it_changes_nothing_by_itself(string typed) =>
        StreetLight.AtSummary().Says("Sửa").ExpectStep(Step.EditChoice).Says(typed)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm");

    [Fact]
    public void A_rewrite_asked_for_before_anything_is_described_is_the_description_without_the_request() =>
        StreetLight.AtDescription().Says("sửa lại hộ e: đèn đường trước nhà hỏng gần 2 tuần r chứ k phải 1 tuần").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("đèn đường trước nhà hỏng gần 2 tuần r chứ k phải 1 tuần");

    [Fact]
    public void The_description_rewritten_at_the_place_step_after_a_classifier_is_what_it_becomes() =>
        AtPlace().Says("à mà sửa lại cái mô tả đèn đường hỏng hai tuần rồi chứ không phải một tuần").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("đèn đường hỏng hai tuần rồi chứ không phải một tuần");

    [Fact]
    public void A_place_described_as_not_far_from_a_landmark_is_the_whole_place() =>
        AtPlace().Says("Vị trí tại số 12 đường Lý Thái Tổ, đoạn giữa hai ngõ, cách đây không xa là trụ sở tổ dân phố.")
            .State.Draft.Address.ShouldSatisfyAllConditions(
                a => a.ShouldNotBeNull().ShouldContain("số 12 đường Lý Thái Tổ"), a => a.ShouldNotBeNull().ShouldContain("trụ sở tổ dân phố"));

    [Fact]
    public void Sending_said_with_words_added_adds_them_and_sends() =>
        StreetLight.AtSummary()
            .Says("đúng rồi gửi đi em, mà em ghi thêm giúp chị là cái đèn đấy hỏng từ hôm rằm, bà cụ nhà bên vấp ngã một lần rồi nhé")
            .Ticket().Description.ShouldEndWith("Đèn đấy hỏng từ hôm rằm, bà cụ nhà bên vấp ngã một lần rồi");

    [Fact]
    public void Right_but_add_this_adds_and_shows_the_summary_again() =>
        StreetLight.AtSummary().Says("dạ đúng rồi ạ, nhưng cháu ghi thêm giúp bà là có cả dây điện lòng thòng ở cột đó nữa")
            .ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Có cả dây điện lòng thòng ở cột đó nữa");

    [Theory]
    [InlineData("à cho bác bổ sung là bóng đèn còn chập chờn nháy liên tục chứ không tắt hẳn", "Bóng đèn còn chập chờn nháy liên tục chứ không tắt hẳn")]
    [InlineData("xin phép bổ sung là tối qua có người ngã xe ở đó", "Tối qua có người ngã xe ở đó")]
    [InlineData("cho cháu bổ sung thêm: cột đèn bên cạnh cũng tắt", "Cột đèn bên cạnh cũng tắt")]
    public void Leave_asked_to_add_adds_to_the_description_and_shows_the_summary_again(string typed, string added) =>
        StreetLight.AtSummary().Says(typed).ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.Description.ShouldBe($"Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. {added}");

    [Theory]
    [InlineData("các cái khác đúng hết, số điện thoại là không chín một hai ba bốn năm sáu bảy chín nhé", "+84912345679")]
    [InlineData("so dien thoai doi sang so vo toi nhe: không chín tám tám, một hai ba, bốn năm sáu", "+84988123456")]
    public void A_phone_read_out_in_words_at_the_summary_is_the_phone_corrected(string typed, string phone) =>
        StreetLight.AtSummary().Says(typed).ExpectStep(Step.Confirm).ExpectNoTicket().State.Draft.ContactPhone.ShouldBe(phone);

    [Fact]
    public void A_place_given_with_it_seems_is_the_place_and_no_photo() =>
        AtPlace().Says("hình như là số 12 đường Lý Thái Tổ ạ").State.Draft.Address.ShouldNotBeNull().ShouldContain("số 12 đường Lý Thái Tổ");

    [Fact]
    public void It_seems_the_address_is_wrong_at_the_summary_never_opens_the_photos() =>
        AtSummary().Says("ơ hình như cái địa chỉ chưa đúng lắm, sửa lại được ko").ExpectNoTicket().State.Step.ShouldNotBe(Step.Attachments);

    [Fact]
    public void The_field_said_wrong_then_moved_to_a_title_is_that_field_set() =>
        AtSummary().Says("lĩnh vực để sai rồi, chuyển sang Thủ tục hành chính cho tôi").ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.CategoryCode.ShouldBe("ADMIN");

    [Fact]
    public void Moving_to_another_field_without_naming_it_is_never_the_address() =>
        AtPlace().Says("đổi sang lĩnh vực khác").State.Draft.Address.ShouldBeNull();

    [Fact]
    public void Not_knowing_the_house_number_and_then_landmarks_gives_the_landmarks() =>
        AtPlace().Says("e ko biet so nha, o day tro sau cong cty Canon, di vao con hem canh quan com Hoa")
            .State.Draft.Address.ShouldNotBeNull().ShouldContain("cong cty Canon");

    [Fact]
    public void An_address_made_more_exact_after_a_colon_is_that_address() =>
        StreetLight.AtSummary().Says("sửa địa chỉ cho chính xác hơn: số 12 đường Lý Thái Tổ, đoạn trước cổng Công ty May Đức Hà")
            .ExpectStep(Step.Confirm).State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ, đoạn trước cổng Công ty May Đức Hà");

    [Fact]
    public void A_detail_of_the_problem_said_wrong_at_the_place_step_joins_the_description() =>
        AtPlace().Says("sai r, den hong 2 cot").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Den hong 2 cot");

    [Fact]
    public void A_slip_owned_then_what_the_thing_is_not_and_is_corrects_the_matter_not_the_address()
    {
        var script = AtPlace().Says("à lúc nãy tôi nói nhầm, đèn không hỏng hẳn mà đèn chập chờn lúc sáng lúc tắt").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
        script.State.Draft.Description.ShouldNotBeNull().ShouldEndWith("Đèn chập chờn lúc sáng lúc tắt");
    }

    [Fact]
    public void The_thing_then_la_o_and_where_it_is_corrects_the_place()
    {
        var script = AtPlace().Says("nhầm rồi, cái đèn hỏng là ở đầu ngõ 5 cơ, không phải trước nhà");
        script.State.Draft.Address.ShouldBe("đầu ngõ 5");
        script.State.Step.ShouldNotBe(Step.Place);
        script.State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm");
    }

    [Fact]
    public void Another_part_named_at_the_place_step_is_opened_and_never_the_address()
    {
        var script = AtPlace().Says("quay lại, tôi muốn mô tả thêm là cây đổ từ hôm bão chứ không phải mới").ExpectStep(Step.Description);
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void Quoted_words_and_what_they_become_are_swapped_as_written() =>
        StreetLight.AtSummary().Says("ông cháu bảo đổi chữ \"nguy hiểm\" thành \"tối đi lại rất khó khăn\" cho nhẹ nhàng ạ").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất khó khăn");

    [Fact]
    public void Quoted_words_swapped_for_nothing_readable_change_nothing() =>
        StreetLight.AtSummary().Says("đổi \"nguy hiểm\" thành \"!!!\"").ExpectNoTicket()
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm");

    [Fact]
    public void The_problem_told_again_after_a_rewriting_lead_at_the_edit_list_rewrites_its_clause() =>
        StreetLight.AtSummary().Says("Sửa").ExpectStep(Step.EditChoice)
            .Says("sửa là đèn đường trước nhà và cả đèn đầu ngõ đều hỏng").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà và cả đèn đầu ngõ đều hỏng, tối đi lại rất nguy hiểm");

    [Theory]
    [InlineData("Vũ Ninh à nhầm Từ Sơn, số 4", "TUSON")]
    [InlineData("lúc nãy bác bấm Kinh Bắc là nhầm nhà bác ở Võ Cường cơ", "VOCUONG")]
    public void At_the_ward_list_the_ward_named_after_the_slip_is_chosen(string typed, string ward) =>
        AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area).Says(typed).ExpectStep(Step.Attachments)
            .State.Draft.AreaCode.ShouldBe(ward);

    [Fact]
    public void Facing_a_landmark_is_no_change_asked_for() =>
        AtPlace().Says("chỗ đối diện tiệm vàng Kim Thành, đi qua cây xăng tầm 50m")
            .State.Draft.Address.ShouldBe("chỗ đối diện tiệm vàng Kim Thành, đi qua cây xăng tầm 50m");

    [Fact]
    public void The_place_as_it_may_be_written_is_kept_without_the_words_asking_so() =>
        AtPlace().Says("bác không nhớ số nhà, cứ ghi đầu ngõ 5 là được").State.Draft.Address.ShouldBe("đầu ngõ 5");
    [Fact]
    public void A_yes_with_the_address_corrected_in_full_keeps_the_street_once() =>
        AtSummary().Says("dung roi nhung dia chi la so 21 duong Ly Thai To chu khong phai so 12 dau chau").ExpectNoTicket().ExpectStep(Step.Confirm)
            .State.Draft.Address.ShouldBe("số 21 đường Lý Thái Tổ, phường Kinh Bắc");

    [Fact]
    public void A_part_said_to_need_mending_is_opened_not_set_to_the_request()
    {
        var script = AtSummary().Says("dung het roi, chi co cho dia diem la bac muon sua lai ti").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldNotBe("bac muon sua lai ti");
    }

    [Fact]
    public void A_yes_then_words_to_add_adds_them_and_shows_the_summary_again() =>
        AtSummary().Says("Được rồi, thêm vào giúp tôi là mấy hôm nay còn có cả chó chạy ra đường nữa").ExpectNoTicket().ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm. Mấy hôm nay còn có cả chó chạy ra đường nữa");

    [Theory]
    [InlineData("sai chỗ rồi, đèn hỏng là ở trước cổng chùa Bách Môn cơ, không phải trước nhà", "trước cổng chùa Bách Môn")]
    [InlineData("ấy chết sai chỗ rồi, ko phải bên này đâu, bên kia cầu, cạnh chợ cóc cơ", "bên kia cầu, cạnh chợ cóc")]
    [InlineData("sai cho roi, o truoc cong cho", "truoc cong cho")]
    public void Wrong_place_said_then_the_right_one_sets_the_address(string typed, string address) =>
        AtSummary().Says(typed).ExpectNoTicket().ExpectStep(Step.Confirm).State.Draft.Address.ShouldBe(address);

    [Fact]
    public void Wrong_place_said_alone_opens_the_place_and_is_never_the_address()
    {
        var script = AtPlace().Says("sai chỗ rồi").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
    }

    [Fact]
    public void About_fifty_metres_typed_plain_is_no_photo_named() =>
        AtPlace().Says("o cho cay da dau lang ay, di vao tam 50m la thay").ExpectStep(Step.Area)
            .State.Draft.Address.ShouldNotBeNull().ShouldStartWith("o cho cay da");

    [Fact]
    public void A_closing_request_to_choose_the_field_again_opens_the_fields() =>
        StreetLight.AtDescription().Says("à khoan, thực ra e muốn phản ánh ông cán bộ phường chứ ko phải cái đèn, chọn lại lĩnh vực dc ko")
            .ExpectStep(Step.Category).State.Draft.Description.ShouldBeNull();

    [Fact]
    public void A_number_corrected_then_the_part_named_to_edit_corrects_that_part() =>
        AtContact().Says("ơ mà em vừa để ý ảnh này chụp trước số 14 chứ không phải số 12, sửa giúp em địa chỉ")
            .State.Draft.Address.ShouldBe("số 14 đường Lý Thái Tổ, phường Kinh Bắc");

    [Fact]
    public void Rewritten_after_a_colon_the_whole_description_is_new() =>
        AtSummary().Says("Sửa").ExpectStep(Step.EditChoice)
            .Says("ý tôi là viết lại: đèn hỏng từ hôm 20 đến giờ, có cả đoạn 3 cột không sáng").ExpectStep(Step.Confirm)
            .State.Draft.Description.ShouldBe("Đèn hỏng từ hôm 20 đến giờ, có cả đoạn 3 cột không sáng");

    [Fact]
    public void A_landmark_asked_to_be_written_after_not_knowing_the_number_is_the_place() =>
        AtPlace().Says("bác không nhớ số nhà, cứ ghi gần nhà văn hóa thôn là được").State.Draft.Address.ShouldBe("gần nhà văn hóa thôn");

    [Fact]
    public void Put_off_after_not_knowing_the_number_is_no_place() =>
        AtPlace().Says("ko nhớ số nhà, để mai hỏi lại").ExpectStep(Step.Area).State.Draft.Address.ShouldBeNull();

    [Theory]
    [InlineData("người liên hệ là con trai bác, Nguyễn Văn Hùng, số vẫn thế", "Nguyễn Văn Hùng")]
    [InlineData("à nhầm, các anh liên hệ bác Phạm Văn Bình nhé, nhà đó là nhà bác ấy chứ ko phải nhà tôi", "bác Phạm Văn Bình")]
    public void Another_person_named_as_the_contact_at_the_summary_becomes_the_contact(string typed, string name)
    {
        var draft = AtSummary().Says(typed).ExpectNoTicket().ExpectStep(Step.Confirm).State.Draft;
        draft.ContactName.ShouldBe(name);
        draft.ContactPhone.ShouldBe("+84912345678");
    }

    [Theory]
    [InlineData("cái chỗ nhà tôi ở ấy, ghi sai rồi", Step.Place)]
    [InlineData("phần tôi kể chuyện cái đèn ấy, muốn viết thêm mấy câu", Step.Description)]
    [InlineData("cái đoạn tôi nói về tình trạng cái đèn", Step.Description)]
    public void At_the_edit_list_a_part_told_in_own_words_is_opened(string typed, Step step) =>
        AtSummary().Says("Sửa").ExpectStep(Step.EditChoice).Says(typed).ExpectStep(step);

    [Fact]
    public void The_number_said_right_then_another_clause_corrects_the_address() =>
        AtSummary().Says("sai số nhà rồi, số 21 đường Lý Thái Tổ mới đúng, phường thì Kinh Bắc").ExpectNoTicket()
            .State.Draft.Address.ShouldBe("số 21 đường Lý Thái Tổ");

    [Fact]
    public void The_field_named_then_what_it_is_moves_it_at_the_summary() =>
        AtSummary().Says("à khoan, lĩnh vực để Thủ tục hành chính nhé, vì đèn này do phường quản lý").ExpectStep(Step.Confirm)
            .State.Draft.CategoryCode.ShouldNotBe(AtSummary().State.Draft.CategoryCode);

    [Fact]
    public void The_field_said_wrong_opens_the_fields() =>
        AtSummary().Says("lĩnh vực chọn hổng đúng, cho tui đổi lại cái lĩnh vực nha").ExpectStep(Step.Category);

    [Fact]
    public void The_part_named_again_only_to_say_it_is_wrong_is_opened_not_kept()
    {
        var script = AtSummary().Says("sửa lại địa chỉ đi địa chỉ chưa đúng").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ, phường Kinh Bắc");
    }

    [Fact]
    public void At_the_ward_list_the_ward_after_a_take_back_is_chosen()
    {
        var script = AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area);
        var second = script.State.Draft.AreaCode;
        script.Says("Kinh Bắc, à ko, Võ Cường đó").ExpectStep(Step.Attachments).State.Draft.AreaCode.ShouldBe("VOCUONG");
        second.ShouldBeNull();
    }

    [Fact]
    public void What_was_written_said_to_be_wrong_is_replaced_by_what_follows() =>
        AtSummary().Says("Mô tả ghi cả tuần nay là chưa đúng, hỏng từ đầu tháng rồi").ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.Description.ShouldBe("Đèn đường trước nhà bị hỏng từ đầu tháng, tối đi lại rất nguy hiểm");

    [Fact]
    public void A_yes_then_what_it_is_then_what_it_is_not_corrects_and_does_not_send()
    {
        var description = AtSummary().Says("Ừ đúng, mà đèn hỏng từ tối hôm kia thôi, không đến cả tuần đâu").ExpectStep(Step.Confirm).ExpectNoTicket()
            .State.Draft.Description!;
        description.ShouldContain("từ tối hôm kia");
        description.ShouldNotContain("cả tuần");
    }

    [Fact]
    public void The_part_named_last_before_what_it_becomes_is_the_one_corrected()
    {
        var before = AtSummary().State.Draft;
        var after = AtSummary().Says("Phần địa chỉ, họ tên thì đúng, riêng mô tả xin ghi lại là đèn đường hỏng gần một tháng nay chứ không phải cả tuần")
            .ExpectStep(Step.Confirm).State.Draft;
        after.Address.ShouldBe(before.Address);
        after.Description!.ShouldContain("gần một tháng nay");
    }

    [Fact]
    public void A_part_said_to_be_right_is_not_what_the_correction_changes()
    {
        var before = AtSummary().State.Draft;
        var after = AtSummary().Says("Nội dung tóm tắt như vậy là đúng, cảm ơn các cháu, có điều tên bác là Nguyễn Văn Ân, dấu sắc chứ không phải An")
            .ExpectStep(Step.Confirm).State.Draft;
        after.ContactName.ShouldBe("Nguyễn Văn Ân");
        after.Description.ShouldBe(before.Description);
    }

    [Fact]
    public void A_slip_taken_back_in_dialect_at_the_place_step_is_never_the_address()
    {
        var script = AtPlace().Says("à hổng phải một tuần mô cái đèn hư từ tết tới chừ").ExpectStep(Step.Place);
        script.State.Draft.Address.ShouldBeNull();
        script.State.Draft.Description!.ShouldContain("hư từ tết tới chừ");
    }

    [Fact]
    public void At_the_contact_step_the_full_name_given_first_is_the_name_when_a_mark_is_then_explained() =>
        AtContact().Says("Nguyễn Văn Ân, số điện thoại 0912345678; tôi lưu ý tên tôi là Ân có dấu sắc chứ không phải An như hệ thống đang ghi.")
            .ExpectStep(Step.Confirm).State.Draft.ContactName.ShouldBe("Nguyễn Văn Ân");

    [Theory]
    [InlineData("kinh bawcs")]
    [InlineData("p kinh bawc")]
    public void A_ward_typed_with_the_vietnamese_keyboard_off_is_that_ward(string typed) =>
        AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area).Says(typed).ExpectStep(Step.Attachments)
            .State.Draft.AreaCode.ShouldBe("KINHBAC");

    [Fact]
    public void A_slip_taken_back_before_anything_is_described_without_a_pause_leaves_what_was_meant() =>
        StreetLight.AtDescription().Says("bà nói nhầm không phải một tuần đâu đèn hỏng mười ngày rồi").ExpectStep(Step.Place)
            .State.Draft.Description.ShouldBe("đèn hỏng mười ngày rồi");

    [Fact]
    public void Not_remembering_the_number_and_saying_it_is_seen_in_passing_is_no_address_of_one_word()
    {
        var script = AtPlace().Says("ko nho so nha, cu di qua la thay");
        script.State.Draft.Address.ShouldNotBe("thay");
        script.State.Step.ShouldNotBe(Step.Place);
    }

    [Fact]
    public void At_the_contact_step_a_number_given_as_a_correction_is_the_contact() =>
        AtContact().Says("sdt sai r, 0912345687 nha").State.Draft.ContactPhone.ShouldBe("+84912345687");

    [Fact]
    public void A_ward_by_number_said_with_a_guess_and_particles_is_chosen() =>
        AtPlace().Says("số 12 đường Lý Thái Tổ").ExpectStep(Step.Area).Says("chắc số 3 đấy cháu").ExpectStep(Step.Attachments)
            .State.Draft.AreaCode.ShouldBe("TUSON");

    [Fact]
    public void Asking_for_the_address_to_be_mended_in_dialect_opens_it() =>
        AtSummary().Says("sửa lại cái địa chỉ dùm tui").ExpectStep(Step.Place).State.Draft.Address.ShouldNotBe("dùm tui");

    [Fact]
    public void A_remark_on_how_the_description_reads_opens_it_and_is_never_the_description()
    {
        var script = AtSummary().Says("sửa lại cái mô tả đi, viết thế đọc chả ai hiểu").ExpectStep(Step.Description);
        script.State.Draft.Description!.ShouldNotContain("chả ai hiểu");
    }

    [Fact]
    public void Not_mending_it_any_more_and_dropping_it_at_the_list_of_parts_cancels() =>
        AtSummary().Says("sửa").Says("thoi hok sua nua bo luon").State.HasDraftInProgress.ShouldBeFalse();

    [Fact]
    public void The_part_named_with_a_wish_to_write_it_better_is_opened_not_replaced()
    {
        var before = AtSummary().State.Draft.Description;
        var script = AtSummary().Says("sửa").Says("phần mô tả, tôi muốn viết rõ hơn").ExpectStep(Step.Description);
        script.State.Draft.Description.ShouldBe(before);
    }

    [Fact]
    public void Words_to_add_to_the_address_are_added_to_it() =>
        AtSummary().Says("sửa lại địa chỉ, ghi rõ thêm tòa B tầng 6").ExpectStep(Step.Confirm)
            .State.Draft.Address.ShouldBe("số 12 đường Lý Thái Tổ, phường Kinh Bắc, tòa B tầng 6");

    [Theory]
    [InlineData("👍")]
    [InlineData("👍🏻")]
    [InlineData("✅")]
    public void A_thumbs_up_alone_at_the_summary_sends(string typed) =>
        AtSummary().Says(typed).State.HasDraftInProgress.ShouldBeFalse();

    [Fact]
    public void A_thumbs_up_beside_words_is_not_a_yes_of_its_own() =>
        AtSummary().Says("👍 nhưng sửa số nhà thành 21").State.HasDraftInProgress.ShouldBeTrue();

    [Fact]
    public void Asking_to_take_a_sentence_out_of_the_description_opens_it() =>
        AtSummary().Says("cho tôi bỏ bớt một câu trong phần mô tả").ExpectStep(Step.Description);
}
