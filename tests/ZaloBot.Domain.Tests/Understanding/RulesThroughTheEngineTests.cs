using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>The rules of Readings.cs played through the conversation engine as a new citizen's first message or a typed answer.</summary>
public class RulesThroughTheEngineTests
{
    private static string Corpus(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException(file);
    }

    [Theory]
    [InlineData("khieunai | - | - | - | hồ sơ xin cấp phép sửa nhà của tôi bị từ chối, tôi không đồng ý và đề nghị xem xét lại")]
    [InlineData("status | - | - | - | tôi gửi phản ánh từ hôm thứ hai rồi mà sao vẫn chưa thấy ai trả lời")]
    [InlineData("spam | - | - | - | Cho vay tín chấp lãi suất thấp, giải ngân trong ngày, LH 0912 345 678")]
    [InlineData("complaint | - | - | - | dây điện thoại võng thấp ngang đầu người đi đường cả tháng nay")]
    [InlineData("complaint | - | - | - | lên phường làm giấy tờ mà cán bộ không hướng dẫn gì cả, đi lại ba lần")]
    public void A_first_message_takes_the_path_a_person_would(string line)
    {
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = IntentCorpus.Evaluate(IntentCorpus.Parse(line), context, keys).Single();
        outcome.RightPath.ShouldBeTrue(outcome.Path);
    }

    [Theory]
    [InlineData("fixed | fixed | - | sửa rồi nhưng chậm quá")]
    [InlineData("contact | cancel | - | thôi, bận quá không muốn để lại số, hủy phản ánh này đi")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }
}

/// <summary>The rules of this round through the engine: back to a named step, corrections anywhere, tố cáo and abuse by shape.</summary>
public class MoreRulesThroughTheEngineTests
{
    private static string Corpus(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException(file);
    }

    [Theory]
    [InlineData("tocao | - | - | - | kế toán xã khai khống danh sách hộ nghèo để lấy tiền hỗ trợ")]
    [InlineData("tocao | - | - | - | chu tich xa loi dung chuc vu giao thau cho cong ty cua em vo")]
    [InlineData("tocao | - | - | - | can bo dia chinh nhan phong bi roi moi ky giay cho dan")]
    [InlineData("tocao | - | - | - | Tôi xin tố giác ông trưởng thôn tự ý bán đất công")]
    [InlineData("complaint | - | - | - | cán bộ phường thái độ hách dịch, quát nạt dân khi lên làm thủ tục")]
    [InlineData("complaint | - | - | - | phường xử phạt bà bán rau đầu ngõ 2 triệu, tôi thấy không hợp lý")]
    [InlineData("abuse | - | - | - | tụi mày toàn lũ bất tài")]
    [InlineData("abuse | - | - | - | may la do sau bo")]
    [InlineData("abuse | - | - | - | các người là đồ khốn nạn")]
    public void A_first_message_takes_the_path_a_person_would(string line)
    {
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = IntentCorpus.Evaluate(IntentCorpus.Parse(line), context, keys).Single();
        outcome.RightPath.ShouldBeTrue(outcome.Path);
        outcome.OfferedForFiling.ShouldBe(line.StartsWith("abuse", StringComparison.Ordinal) ? false : outcome.OfferedForFiling);
    }

    [Theory]
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
    [InlineData("confirm | correct | description=chập chờn | sua mo ta: den duong bi chap chon ca dem")]
    [InlineData("confirm | correct | phone=905111222 | sửa số điện thoại thành 0905 111 222")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }

    [Fact]
    public void A_ward_correction_at_the_summary_sets_the_ward_not_the_address()
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var before = FlowCorpus.StateAt("confirm");
        var result = ZaloBot.Domain.Conversations.ConversationEngine.Handle(before with { LastActivityAt = at },
            new ZaloBot.Domain.Conversations.TextInput("nham phuong roi, phai la phuong Vu Ninh", at), context);
        result.State.Draft.Address.ShouldBe(before.Draft.Address);
        result.State.Draft.AreaCode.ShouldNotBe(before.Draft.AreaCode);
    }

    [Fact]
    public void A_correction_that_cannot_be_placed_at_the_contact_step_is_not_the_name()
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var result = ZaloBot.Domain.Conversations.ConversationEngine.Handle(FlowCorpus.StateAt("contact") with { LastActivityAt = at },
            new ZaloBot.Domain.Conversations.TextInput("nhầm rồi, không phải cái đó mà là cái kia", at), context);
        result.State.Draft.ContactName.ShouldBeNull();
        result.State.Step.ShouldBe(ZaloBot.Domain.Conversations.Step.Contact);
    }
}

/// <summary>The eighth round's mechanisms through the engine, in this file's own words.</summary>
public class StoryRulesThroughTheEngineTests
{
    private static string Corpus(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException(file);
    }

    [Theory]
    [InlineData("khieunai | - | - | - | mẹ tôi bị cắt chế độ thương binh mà không có thông báo gì, tôi đề nghị xã khôi phục lại")]
    [InlineData("khieunai | - | - | - | e bi tu choi cap giay xac nhan tinh trang hon nhan du nop du giay to, e ko dong y")]
    [InlineData("tocao | - | - | - | thủ quỹ xã rút tiền quỹ khuyến học đi đánh bạc")]
    [InlineData("danger | - | - | - | thang máy khu tập thể bị kẹt, có 3 người ở trong 20 phút rồi")]
    [InlineData("complaint | - | - | - | đường bê tông đầu làng vỡ hết rồi, mong các bác cho người xuống xem giúp")]
    [InlineData("lookup | - | - | - | tra cuu pa-77x1q giup e")]
    [InlineData("spam | - | - | - | Chia sẻ tin này cho 5 người để gặp may mắn cả năm")]
    public void A_first_message_takes_the_path_a_person_would(string line)
    {
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = IntentCorpus.Evaluate(IntentCorpus.Parse(line), context, keys).Single();
        outcome.RightPath.ShouldBeTrue(outcome.Path);
    }

    [Theory]
    [InlineData("contact | correct | area=TUSON | phường là Từ Sơn cơ")]
    [InlineData("description | correct | area=VUNINH | nhầm, phường Vũ Ninh chứ không phải Kinh Bắc")]
    [InlineData("contact | correct | address=số 8 | à mà số 8 đường Lý Thái Tổ nhé, lúc nãy gõ nhầm")]
    [InlineData("fixed | fixed | - | xong rồi nhé, sáng nay có đội xuống làm")]
    [InlineData("description | cancel | - | thôi không làm nữa đâu, rắc rối quá")]
    [InlineData("confirm | back | - | quay lại tí")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        var (context, _) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }
}

public class AbuseInsideTheFlowTests
{
    [Theory]
    [InlineData("Description", "tụi mày toàn lũ bất tài")]
    [InlineData("Place", "bot ngu như bò")]
    [InlineData("Contact", "may la do sau bo")]
    public void An_insult_is_never_a_steps_answer(string step, string message)
    {
        var province = File.ReadAllText(Find("province.json"));
        var articles = File.ReadAllText(Find("articles.json"));
        var (context, _) = IntentCorpus.Context(province, articles);
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var before = FlowCorpus.StateAt(step.ToLowerInvariant());
        var result = ZaloBot.Domain.Conversations.ConversationEngine.Handle(before with { LastActivityAt = at },
            new ZaloBot.Domain.Conversations.TextInput(message, at), context);
        result.State.Step.ShouldBe(before.Step);
        result.State.Draft.ShouldBe(before.Draft);
    }

    private static string Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(file);
    }
}

public class PhotosSkippedThroughTheEngineTests
{
    [Theory]
    [InlineData("attachments | skip | - | thôi khỏi ảnh")]
    [InlineData("contact | cancel | - | thôi e ko muốn để lại sđt, bỏ đi")]
    [InlineData("fixed | fixed | - | đã có người sửa rồi, cảm ơn")]
    public void A_typed_answer_is_handled_as_meant(string line)
    {
        string Read(string file)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "corpus", "intents", file) is var candidate && File.Exists(candidate)) return File.ReadAllText(candidate);
            throw new FileNotFoundException(file);
        }
        var (context, _) = IntentCorpus.Context(Read("province.json"), Read("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.KeptAsData.ShouldBeFalse(outcome.What);
    }

    [Fact]
    public void Skipping_the_photos_elsewhere_is_not_skipping_that_step()
    {
        string Read(string file)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "corpus", "intents", file) is var candidate && File.Exists(candidate)) return File.ReadAllText(candidate);
            throw new FileNotFoundException(file);
        }
        var (context, _) = IntentCorpus.Context(Read("province.json"), Read("articles.json"));
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var result = ZaloBot.Domain.Conversations.ConversationEngine.Handle(FlowCorpus.StateAt("place") with { LastActivityAt = at },
            new ZaloBot.Domain.Conversations.TextInput("thôi khỏi ảnh", at), context);
        result.State.Step.ShouldBe(ZaloBot.Domain.Conversations.Step.Place);
        result.State.Draft.Address.ShouldBeNull();
    }
}

public class AddedToTheDescriptionTests
{
    [Theory]
    [InlineData("confirm | correct | description=hôm qua | thêm vào mô tả là từ hôm qua")]
    [InlineData("confirm | correct | description=3 hộ | bổ sung nội dung: có 3 hộ bị ảnh hưởng")]
    [InlineData("contact | correct | description=tu 7h | ghi them vao mo ta giup e la den tat tu 7h toi")]
    public void Words_added_join_the_description(string line)
    {
        string Read(string file)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "corpus", "intents", file) is var candidate && File.Exists(candidate)) return File.ReadAllText(candidate);
            throw new FileNotFoundException(file);
        }
        var (context, _) = IntentCorpus.Context(Read("province.json"), Read("articles.json"));
        var outcome = FlowCorpus.Evaluate(FlowCorpus.Parse(line), context).Single();
        outcome.Handled.ShouldBeTrue(outcome.What);
        outcome.What.ShouldContain("Đèn đường trước nhà");
    }
}
