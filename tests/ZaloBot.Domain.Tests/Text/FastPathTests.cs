using System.Globalization;
using System.Text;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tracks;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Text;

/// <summary>
/// The engine's fast paths (normalising a character at a time, the one-slip comparison, remembered readings) must give
/// exactly what the slow ones gave: these compare them with the definitions they replace.
/// </summary>
public class FastPathTests
{
    /// <summary>The normalisation as first written: ICU's decomposition of the whole string, marks dropped, case folded.</summary>
    private static string ByWholeDecomposition(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var folded = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (!char.IsLetterOrDigit(folded))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && builder.Length > 0) builder.Append(' ');
            pendingSpace = false;
            builder.Append(folded);
        }
        return builder.ToString();
    }

    [Fact]
    public void Normalising_a_character_at_a_time_equals_decomposing_the_whole_text_for_every_character()
    {
        var differ = new List<string>();
        for (var c = 1; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c) || c == 0xFFFE) continue;
            var ch = (char)c;
            foreach (var text in new[] { $"x{ch}y", $"{ch}\u0301{ch}", $"a\u0323{ch}\u0302b", $" {ch} 1" })
                if (TextNormalizer.Normalize(text) != ByWholeDecomposition(text)) differ.Add($"U+{c:X4}");
        }
        differ.Distinct().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Nắp cống trước cổng trường bị vỡ, nguy hiểm!")]
    [InlineData("Ho\u0302\u0300 Chi\u0301 Minh")]
    [InlineData("Đường 🌧 ngập")]
    public void Long_texts_and_texts_with_emoji_normalise_as_before(string text)
    {
        TextNormalizer.Normalize(text).ShouldBe(ByWholeDecomposition(text));
        var longText = string.Concat(Enumerable.Repeat(text + " ", 60));
        TextNormalizer.Normalize(longText).ShouldBe(ByWholeDecomposition(longText));
        // Hangul syllables decompose into three letters each: more than the buffer first taken.
        var hangul = string.Concat(Enumerable.Range(0, 400).Select(i => (char)(0xAC00 + i * 37 % 11172)));
        TextNormalizer.Normalize(hangul).ShouldBe(ByWholeDecomposition(hangul));
    }

    [Fact]
    public void A_lone_surrogate_is_refused_as_before() =>
        Should.Throw<ArgumentException>(() => TextNormalizer.Normalize("ngập \uD83D"));

    [Fact]
    public void One_slip_is_what_the_edit_distance_says_for_every_pair_of_short_words()
    {
        var words = new List<string> { "" };
        var last = new List<string> { "" };
        for (var length = 1; length <= 5; length++)
        {
            last = last.SelectMany(w => "abc".Select(c => w + c)).ToList();
            words.AddRange(last);
        }
        foreach (var a in words)
            foreach (var b in words)
                if (Fuzzy.WithinOneSlip(a, b) != (Fuzzy.Distance(a, b, 1) <= 1)) throw new ShouldAssertException($"'{a}' '{b}'");
    }

    [Theory]
    [InlineData("quay lai", "quay lia", 1)]
    [InlineData("phan anh", "phananh", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    public void The_edit_distance_in_three_rows_is_the_distance(string a, string b, int distance) => Fuzzy.Distance(a, b).ShouldBe(distance);

    [Fact]
    public void Two_phrase_tables_read_the_same_message_each_their_own_way()
    {
        // The tokenizer remembers the last texts a thread read: per table, since abbreviations differ.
        var operators = new Understander(PhraseTable.BuiltIn().Merge(PhraseTable.Parse("""{ "abbreviations": { "pakn": "phản ánh" } }""")));
        const string typed = "pakn";
        for (var i = 0; i < 3; i++)
        {
            Understander.Default.Understand(typed).Intent.ShouldBe(MessageIntent.None);
            operators.Understand(typed).Intent.ShouldBe(MessageIntent.Complaint);
        }
    }

    [Fact]
    public void Remembered_keywords_and_texts_match_as_when_read_afresh()
    {
        KeywordMatcher.Count("nhà bên cạnh cháy to", ["cháy", "khói"]).ShouldBe(1);
        KeywordMatcher.Count("xe chạy nhanh quá", ["cháy", "khói"]).ShouldBe(0);
        KeywordMatcher.Count("nhà bên cạnh cháy to", ["cháy", "nhà bên"]).ShouldBe(2);
        KeywordMatcher.First("khói bốc lên", ["cháy", "khói"]).ShouldBe("khói");
    }

    [Fact]
    public void A_ward_is_found_by_its_name_every_time()
    {
        AreaOption[] areas = [new("KB", "Phường Kinh Bắc"), new("VN", "Phường Vũ Ninh")];
        for (var i = 0; i < 2; i++)
        {
            Understander.Default.ExtractPlace("đường Lý Thái Tổ, phường Kinh Bắc", areas).AreaCode.ShouldBe("KB");
            Understander.Default.ExtractPlace("ngõ 5 Vũ Ninh", areas).AreaCode.ShouldBe("VN");
        }
    }
}
