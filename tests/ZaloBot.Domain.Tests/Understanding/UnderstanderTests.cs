using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

public class UnderstanderTests
{
    private static readonly Understander U = Understander.Default;

    [Theory]
    [InlineData("ko co anh", Answer.Skip)]
    [InlineData("k", Answer.Skip)]
    [InlineData("xong roi nhe", Answer.Done)]
    [InlineData("ok gửi đi", Answer.Submit)]
    [InlineData("quay lại nhé", Answer.Back)]
    [InlineData("thôi hủy đi", Answer.Cancel)]
    public void Short_answers_allow_particles_and_abbreviations(string typed, string answer) => U.Is(answer, typed).ShouldBeTrue();

    [Theory]
    [InlineData("ok gửi đi nhưng sửa địa chỉ", Answer.Submit)]
    [InlineData("đừng gửi", Answer.Submit)]
    [InlineData("huy chuyen xe buyt", Answer.Cancel)]
    public void A_word_outside_the_answer_makes_it_not_that_answer(string typed, string answer) => U.Is(answer, typed).ShouldBeFalse();

    [Theory]
    [InlineData("phan anh", MessageIntent.Complaint)]
    [InlineData("phn anh", MessageIntent.Complaint)]
    [InlineData("đơn của tôi giải quyết chưa", MessageIntent.Status)]
    [InlineData("thu tuc lam giay khai sinh ntn vay ad", MessageIntent.Question)]
    [InlineData("có ai ở đó không", MessageIntent.Greeting)]
    [InlineData("cam on ad nhieu", MessageIntent.Thanks)]
    [InlineData("gửi phản ánh như thế nào", MessageIntent.Help)]
    [InlineData("asdfgh", MessageIntent.None)]
    [InlineData("???", MessageIntent.None)]
    public void Whole_messages_are_understood(string typed, MessageIntent intent) => U.Understand(typed).Intent.ShouldBe(intent);

    [Fact]
    public void Hong_is_broken_and_only_hong_with_its_circumflex_is_the_southern_no()
    {
        // "hông" (Southern "không") must not swallow "hỏng"/"hong" (broken), the commonest complaint word.
        U.Explain("đèn hỏng rồi").ShouldContain(p => p.Intent == "problem" && p.Words == "hong");
        U.Explain("den hong roi").ShouldContain(p => p.Intent == "problem" && p.Words == "hong");
        U.Explain("có bị phạt không").ShouldNotContain(p => p.Intent == "problem");
        U.Understand("co ai truc hông").Intent.ShouldNotBe(MessageIntent.Complaint);
    }

    [Theory]
    [InlineData("con sinh ở bệnh viện tỉnh thì khai sinh ở phường nào", MessageIntent.Question)]
    [InlineData("sang tên sổ đỏ mất bao lâu vậy ạ", MessageIntent.Question)]
    [InlineData("cho chau hoi thu tuc nhap khau cho vo o dau", MessageIntent.Question)]
    [InlineData("khu vuc p tu son bi mat nuoc 3 ngay nay ko ai thong bao gi", MessageIntent.Complaint)]
    public void A_question_is_known_by_its_last_question_word_unless_a_negation_makes_it_indefinite(string typed, MessageIntent intent) =>
        U.Understand(typed).Intent.ShouldBe(intent);

    [Theory]
    [InlineData("phan anh hom bua cua toi co ai xem chua", MessageIntent.Status)]
    [InlineData("cái vụ đèn đường em báo hôm trước đã có ai xử lý chưa ạ", MessageIntent.Status)]
    [InlineData("lam can cuoc cho con hen 15 ngay ma gio 1 thang van chua co", MessageIntent.Complaint)]
    public void Asking_whether_something_happened_yet_chases_what_was_sent(string typed, MessageIntent intent) =>
        U.Understand(typed).Intent.ShouldBe(intent);

    [Fact]
    public void Diacritics_typed_on_short_words_are_respected()
    {
        // "đó" (that) is not "đổ" (fallen); without diacritics "do" could be either.
        U.Explain("có ai ở đó không").ShouldNotContain(p => p.Intent == "problem");
        U.Explain("cay do").ShouldContain(p => p.Intent == "problem");
    }

    [Fact]
    public void The_greeting_and_preamble_are_not_part_of_the_description()
    {
        U.Understand("Xin chào, tôi muốn phản ánh về việc đèn đường ngõ nhà tôi hỏng cả tuần nay rồi").Description
            .ShouldBe("Đèn đường ngõ nhà tôi hỏng cả tuần nay rồi");
    }

    [Theory]
    [InlineData("Nắp hố ga trước số 17 đường Trần Hưng Đạo bị vỡ", "số 17 đường Trần Hưng Đạo", null)]
    [InlineData("nhà số 5 ngõ 3 Ngô Gia Tự, Kinh Bắc bị ngập", "nhà số 5 ngõ 3 Ngô Gia Tự, Kinh Bắc", "KINHBAC")]
    [InlineData("duong nguyen trai bi ngap", "duong nguyen trai", null)]
    [InlineData("hàng xóm nuôi chó thả rông", null, null)]
    [InlineData("ở p Vũ Ninh đường ngập sâu", null, "VUNINH")]
    [InlineData("đường bị ngập sâu", null, null)]
    [InlineData("trước cổng trường bị vỡ nắp cống", null, null)]
    // Where in the village: the thing before "đầu xóm" is the place, the verb after it no village's name.
    [InlineData("xưởng gỗ đầu xóm chạy máy cưa từ 5h sáng", "xưởng gỗ đầu xóm", null)]
    [InlineData("quán karaoke đầu ngõ hát đến 1h sáng", "quán karaoke đầu ngõ", null)]
    [InlineData("cot dien dau thon Dong dang chay", "thon Dong", null)]
    [InlineData("mương thủy lợi đầu xóm Bàu bị bồi lấp cả tháng nay", "mương thủy lợi đầu xóm Bàu", null)]
    [InlineData("tui lo cay dau hem nha tui nghieng qua", "cay dau hem", null)]
    // In an apartment tower: a tower's or level's code, and a floor, are where — but not a floor being built.
    [InlineData("tòa C mất nước từ sáng đến giờ ban quản lý không thông báo", "tòa C", null)]
    [InlineData("hầm B2 xe máy để tràn ra lối thoát hiểm", "hầm B2", null)]
    [InlineData("Tầng 9 có nhà nuôi 3 con chó sủa suốt đêm", "Tầng 9", null)]
    [InlineData("nha hang xom xay them tang 4 trai phep lan sang dat nha toi", null, null)]
    [InlineData("hộ kinh doanh tầng 1 chiếm hết vỉa hè và sảnh", "tầng 1", null)]
    [InlineData("HẦM XE NGẬP NƯỚC CẢ TUẦN KHÔNG AI BƠM", null, null)]
    [InlineData("thang máy tòa HH3 hỏng 1 tuần rồi", "tòa HH3", null)]
    [InlineData("đề nghị xử lý số 0399 xxx 302 gọi lừa người già", null, null)]
    [InlineData("chính quyền số cơ đấy, số 0 tròn trĩnh", null, null)]
    // The ward is the name said with its prefix; the same name before it is a landmark's.
    [InlineData("ở khu chợ Vũ Ninh phường Vũ Ninh rác đổ bừa", null, "VUNINH")]
    public void Places_are_taken_from_the_text(string text, string? address, string? area)
    {
        var place = U.ExtractPlace(text, Fixtures.AllAreas);
        (place.Address, place.AreaCode).ShouldBe((address, area));
    }

    [Fact]
    public void An_operator_file_adds_and_removes_phrases()
    {
        var operatorFile = PhraseTable.Parse("""
            { "intents": { "complaint": { "bức xúc quá": 4, "phản ánh": 0 } }, "answers": { "yes": ["chuẩn luôn", "-ok"] } }
            """);
        var u = new Understander(PhraseTable.BuiltIn().Merge(operatorFile));
        u.Understand("bức xúc quá").Intent.ShouldBe(MessageIntent.Complaint);
        u.Explain("phản ánh").ShouldNotContain(p => p.Words == "phan anh" && p.Intent == "complaint");
        u.Is(Answer.Yes, "chuẩn luôn").ShouldBeTrue();
        u.Is(Answer.Yes, "ok").ShouldBeFalse();
    }

    [Fact]
    public void The_built_in_table_parses_and_names_every_answer_the_engine_uses()
    {
        var table = PhraseTable.BuiltIn();
        foreach (var answer in typeof(Answer).GetFields().Select(f => (string)f.GetValue(null)!))
            table.Answers.ShouldContainKey(answer);
    }

    [Fact]
    public void No_dialect_word_the_table_rewrites_is_a_word_of_its_own_phrases()
    {
        // Phrases are read with the same abbreviations as messages: a marked word mapped to another ("mô" → "đâu")
        // would silently turn the table's own "mô tả" into "đâu tả".
        var table = PhraseTable.BuiltIn();
        var marked = table.Abbreviations.Keys.Where(k => k.Replace('đ', 'd') != ZaloBot.Domain.Text.TextNormalizer.Normalize(k)).ToHashSet();
        var phraseWords = table.Intents.Values.SelectMany(p => p.Keys)
            .Concat(table.Signals.Values.SelectMany(p => p.Keys))
            .Concat(table.Answers.Values.SelectMany(p => p))
            .Concat(table.Categories.Values.SelectMany(p => p.Keys))
            .SelectMany(p => p.ToLowerInvariant().Split([' ', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();
        marked.Where(k => phraseWords.Contains(k) && TextNormalizer(table.Abbreviations[k]) != TextNormalizer(k)).ShouldBeEmpty();
    }

    private static string TextNormalizer(string word) => ZaloBot.Domain.Text.TextNormalizer.Normalize(word);
}

internal static class Fixtures
{
    public static readonly AreaOption[] AllAreas =
    [
        new("KINHBAC", "Phường Kinh Bắc"), new("VOCUONG", "Phường Võ Cường"), new("VUNINH", "Phường Vũ Ninh"),
        new("TUSON", "Phường Từ Sơn"), new("QUEVO", "Phường Quế Võ"),
    ];
}
