using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

// "Is it fixed?" answered in the citizen's own words: fixed but something else, fixed in other words, still there.
public sealed partial class Understander
{
    /// <summary>
    /// "sửa rồi nhưng chậm quá", "đã sửa mà làm lâu": fixed, with a remark on how — unless the rest says something
    /// remains or broke again ("đã sửa nhưng vẫn còn ngập").
    /// </summary>
    private bool FixedBut(TokenizedText text, Phrase[] fixedSet, Phrase[] notFixed)
    {
        var start = Best(text, 0, fixedSet).Length;
        if (start == 0 || start >= text.Count) return false;
        // "rồi ạ nhưng mà bóng mới hơi mờ": the "but" may follow a particle.
        while (start < text.Count - 1 && text.Tokens[start].Text is "a" or "nhe" or "nha" or "ad" or "admin" && !text.Tokens[start].BreakBefore
               && text.Tokens[start + 1].Text is "nhung" or "tuy") start++;
        // "xong rồi nhé, hôm qua có người xuống làm": fixed, then how — after a pause, with nothing wrong in it.
        var then = text.Tokens[start].Text is "nhung" or "ma" or "tuy"
            || text.Tokens.Skip(start).TakeWhile(t => !t.BreakBefore).All(t => t.Text is "nhe" or "nha" or "a" or "roi" or "ad" or "admin" or "ban")
               && text.Tokens.Skip(start).Any(t => t.BreakBefore);
        if (!then) return false;
        if (Score(text, _intents.GetValueOrDefault("problem") ?? []).Score > 0 && text.Tokens[start].Text is not ("nhung" or "ma" or "tuy")) return false;
        // "sáng rồi nhưng chập chờn": what follows the "but" is a fault of the thing itself, not a remark on the work
        // ("nhưng mà chậm quá, mất 2 tuần").
        var said = start + 1;
        while (said < text.Count && Lead.Contains(text.Tokens[said].Text)) said++;
        if (text.Tokens[start].Text is "nhung" or "ma" or "tuy" && FaultRightAfter(text, said)) return false;
        return Score(text, notFixed).Score == 0 && Score(text, Set(FlowAnswers.BrokeAgain)).Score == 0
            && !Enumerable.Range(start, text.Count - start).Any(i => text.Tokens[i].Text is "hong" or "chua" or "van");
    }

    /// <summary>
    /// "sáng rồi nhưng chập chờn": a fault said right after the "but", of the thing itself — not a remark on the work
    /// ("nhưng mà chậm quá") nor another thing named first ("nhưng cái vỉa hè cũng vỡ", a new problem).
    /// </summary>
    private bool FaultRightAfter(TokenizedText text, int at) =>
        at < text.Count && !WorkRemarks.Contains(text.Tokens[at].Text) && Best(text, at, _intents.GetValueOrDefault("problem") ?? []).Length > 0;

    // How the work went, not what is still wrong: "chậm", "lâu", "muộn", "mất 2 tuần", "trễ".
    private static readonly HashSet<string> WorkRemarks = ["cham", "lau", "muon", "mat", "tre", "hoi", "lam"];

    // Words after "nhưng"/"mà" that keep talking about the same thing ("nhưng được 2 hôm lại tắt", "mà nó lại hỏng").
    private static readonly HashSet<string> SameThing =
        ["lai", "van", "chua", "duoc", "dc", "no", "cai", "it", "moi", "sau", "toi", "dem", "sang", "chieu", "hom", "tuan", "ngay", "thang", "lam", "sua", "cham", "hoi", "hon", "khong", "ko", "k", "bi", "hong", "tat"];

    // Connectors and time words between "fixed" and what is wrong now: "nhưng giờ", "mà bây giờ", "còn hôm nay".
    private static readonly HashSet<string> Lead = ["nhung", "ma", "con", "gio", "bay", "nay", "hom", "thi", "a", "oi", "ad", "admin", "ban", "e", "em", "cu"];

    private static readonly Regex LeftByTheRepair = new(
        @"\b(luc|khi|trong luc|hom|tho|cong nhan|xe cau|ho) (\w+ ){0,3}(sua|lam|thay)\b.{0,40}\b(lam|de|danh) (vo|roi|do|hong|nut|bay|vang|lun|sut|gay)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "đèn sáng rồi nhưng giờ cống lại tắc", "ok rồi, mà giờ lại có đống rác đầu ngõ": the ticket is fixed and something
    /// else is wrong now — the words of the new problem (to offer for filing), or null. What follows the connector must
    /// name another thing before its fault ("cống lại tắc") or say something new is there ("lại có", "còn có"); "nhưng được
    /// 2 hôm lại tắt" and "mà nó lại hỏng" are the same thing broken again, and "nhưng vẫn…" is not fixed at all.
    /// </summary>
    public string? AnotherProblemAfterFixed(string raw)
    {
        var text = Tokenize(raw);
        // "xong rồi. tiện thể báo luôn …", "ok rồi, ngoài ra …": the other matter announced as such.
        var c = Enumerable.Range(1, Math.Max(0, text.Count - 1)).FirstOrDefault(i => text.Tokens[i].Text is "nhung" or "ma"
            || text.Tokens[i].BreakBefore && (text.Tokens[i].Text is "con" or "gio" or "lai" || ByTheWay(text, i) > 0));
        if (c == 0 || !SaidFixed(raw[..text.Tokens[c].Start])) return null;
        var somethingNew = Enumerable.Range(c, Math.Min(4, text.Count - 1 - c)).Any(i =>
            text.Tokens[i].Text is "lai" or "con" && text.Tokens[i + 1].Text is "co" or "them");
        var announced = ByTheWay(text, c);
        var first = c + announced;
        while (first < text.Count && (Lead.Contains(text.Tokens[first].Text) || somethingNew && text.Tokens[first].Text is "lai" or "co" or "them")) first++;
        // What is announced as another matter is one, whatever thing it names first.
        if (announced > 0) somethingNew = true;
        if (first >= text.Count) return null;
        var words = text.Tokens.Skip(first).Select(t => t.Text).ToList();
        // "mà giờ cái nắp cống ngay cạnh lại bị vỡ": the classifier stands before the thing named.
        var thing = words[0] == "cai" && words.Count > 1 ? words[1] : words[0];
        if (!somethingNew && (SameThing.Contains(thing) || text.Tokens[first].IsNumber)) return null;
        var rest = raw[text.Tokens[first].Start..].Trim();
        // "nhưng vẫn chưa sáng" says the fix is not done; "nhưng lúc sửa xe cẩu làm vỡ gạch vỉa hè chưa ai dọn" tells a mess
        // the repair left, which is another matter whatever is still not done about it.
        if ((words.Contains("van") || words.Contains("chua")) && !LeftByTheRepair.IsMatch(TextNormalizer.Normalize(rest))) return null;
        var restText = Tokenize(rest);
        var problem = Score(restText, _intents.GetValueOrDefault("problem") ?? []).Score > 0 || Found(restText, Set(FlowAnswers.BrokeAgain));
        return (somethingNew || problem) && words.Count >= 2 ? rest : null;
    }

    /// <summary>
    /// How many words at <paramref name="at"/> announce another matter ("tiện thể báo luôn", "nhân tiện", "ngoài ra",
    /// "thêm việc nữa là"); 0 when none do.
    /// </summary>
    private static int ByTheWay(TokenizedText text, int at)
    {
        var words = text.Tokens.Skip(at).Take(5).Select(t => t.Text).ToArray();
        var n = words switch
        {
            ["tien", "the", ..] or ["nhan", "tien", ..] or ["ngoai", "ra", ..] or ["tien", "day", ..] => 2,
            _ => 0,
        };
        if (n == 0) return 0;
        // "… báo luôn", "… cho hỏi", "… nói thêm": the telling verb after it is part of the announcement.
        while (n < words.Length && words[n] is "bao" or "luon" or "noi" or "them" or "la" or "cho" or "hoi" or "phan" or "anh" or "e" or "em" or "toi" or "minh" or "chau") n++;
        return n;
    }

    /// <summary>The part before the connector answers "fixed": as the buttons' words do, or a thing named and "rồi"/"ok".</summary>
    private bool SaidFixed(string prefix)
    {
        if (AnswerToFixed(prefix) == FixedAnswer.Fixed) return true;
        // "đèn sáng rồi cảm ơn các anh, mà …": the thanks after the answer is not part of it.
        if (ThanksAfter().Match(prefix) is { Success: true, Index: > 0 } thanks && thanks.Index < prefix.Length) return SaidFixed(prefix[..thanks.Index]);
        var text = Tokenize(prefix);
        return text.Count is > 0 and <= 5 && text.Tokens[^1].Text is "roi" or "r" or "ok" or "xong" or "on"
            && !text.Tokens.Any(t => t.Text is "chua" or "van" or "khong" or "ko" or "hong" or "lai")
            && Score(text, Set(FlowAnswers.NotFixed)).Score == 0 && Score(text, _intents.GetValueOrDefault("problem") ?? []).Score == 0;
    }

    private static readonly HashSet<string> FixingVerbs = ["sua", "don", "giai", "khac", "thay", "xu", "thong", "vet", "hut", "lap", "dap", "cat", "chat", "nao", "thu"];

    private static readonly HashSet<string> NotYet = ["khong", "chua", "chang", "cha", "van", "dau", "moi"];

    private static readonly string Every = TextNormalizer.ToneLast("mọi");

    // "cảm ơn mọi người": "mọi" (every) reads "moi" without its marks, like the "mới" of "mới sửa được một nửa".
    private static bool SaysNotYet(TokenizedText text, int i) =>
        NotYet.Contains(text.Tokens[i].Text)
        && !(text.Tokens[i].Text == "moi" && (text.Tokens[i].Accented == Every
                                            || i + 1 < text.Count && text.Tokens[i + 1].Text is "nguoi" or "nha" or "thu" or "khi" or "luc"));

    /// <summary>
    /// "đã được giải quyết rồi", "có người đến dọn rồi": a fixing verb, said done ("rồi", "đã … xong"), nothing negated,
    /// nothing wrong named — fixed, in words the table lacks.
    /// </summary>
    private bool FixedInOtherWords(TokenizedText text)
    {
        var words = text.Tokens.Select(t => t.Text).ToList();
        // "thay mới", "bóng mới": new, not the "mới" of "mới sửa được một nửa".
        // "sửa chữa" holds no "chưa".
        if (words.Count < 2 || words.Where((w, i) => NotYet.Contains(w) && !(w == "moi" && i > 0 && (FixingVerbs.Contains(words[i - 1]) || words[i - 1] is "bong" or "den"))
                                                     && !(w == "chua" && i > 0 && words[i - 1] == "sua")).Any()
            || !words.Any(FixingVerbs.Contains)) return false;
        // "Tôi xác nhận đèn đã được thay mới …": done, said in the passive.
        var done = words[^1] is "roi" or "xong" || words.Contains("roi") || (words[0] == "da" && words.Contains("xong"))
            || Enumerable.Range(0, words.Count - 2).Any(i => words[i] == "da" && words[i + 1] == "duoc" && FixingVerbs.Contains(words[i + 2]));
        return done && !ProblemBesideThanks(text);
    }

    /// <summary>
    /// "sáng nay đèn sáng rồi cảm ơn ạ", "rồi cháu ạ, đèn sáng rồi, bác cảm ơn các cháu": a "fixed" phrase among chatter
    /// and thanks, with nothing negated, broken again or wrong named — fixed. A lone "rồi" counts only as the answer's
    /// first word; thanks alone does not answer the question.
    /// </summary>
    // A longer story may tell of something else gone wrong; this long, a grateful account still reads as one answer.
    private const int FixedAmongWordsAtMost = 45;

    private bool FixedAmongWords(TokenizedText text, Phrase[] fixedSet, Phrase[] notFixed)
    {
        if (text.Count > FixedAmongWordsAtMost || Enumerable.Range(0, text.Count).Any(i => SaysNotYet(text, i))) return false;
        if (Score(text, notFixed).Score > 0 || Found(text, Set(FlowAnswers.BrokeAgain)) || ProblemBesideThanks(text)) return false;
        for (var i = 0; i < text.Count; i++)
        {
            var length = Best(text, i, fixedSet).Length;
            if (length == 0) continue;
            var first = text.Tokens[i].Text;
            if (length >= 2 ? !(first is "cam" or "can" or "xac") : i == 0 && first is "roi" or "r" || first is "xong" or "on") return true;
        }
        return false;
    }

    /// <summary>
    /// A problem named outside the thanks: "cam on nhieu" typed plain holds "on", which is also "ồn" (noisy).
    /// </summary>
    private bool ProblemBesideThanks(TokenizedText text)
    {
        var thanks = _intents.GetValueOrDefault("thanks") ?? [];
        var words = new List<string>();
        for (var i = 0; i < text.Count;)
        {
            var length = Best(text, i, thanks).Length;
            if (length > 0)
            {
                words.Add(",");
                i += length;
                continue;
            }
            // "làm gì đó" typed plain: "gì đó" (something), not "đổ" (fallen).
            var something = text.Tokens[i] is { Text: "do", Accented: null } && i > 0 && text.Tokens[i - 1].Text == "gi";
            words.Add(something ? "," : text.Raw[text.Tokens[i].Start..text.Tokens[i].End]);
            i++;
        }
        return Score(Tokenize(string.Join(' ', words)), _intents.GetValueOrDefault("problem") ?? []).Score > 0;
    }

    /// <summary>
    /// "đỡ hơn rồi nhưng chưa hẳn", "có người đến rồi mà chưa sửa xong", "sáng rồi nhưng chập chờn": whatever came
    /// before, the clause after the "but" says it is not done: a phrase of two words or more ("chưa hẳn", "chưa xong"),
    /// so "nhưng chưa kịp báo" is not one, or a fault said right after it.
    /// </summary>
    private bool NotYetAfterBut(TokenizedText text, Phrase[] notFixed)
    {
        for (var i = 0; i < text.Count - 1; i++)
        {
            if (text.Tokens[i].Text is not ("nhung" or "ma")) continue;
            var at = i + 1;
            while (at < text.Count - 1 && Lead.Contains(text.Tokens[at].Text) && text.Tokens[at].Text is not ("nhung" or "ma")) at++;
            if (Best(text, at, notFixed).Length >= 2) return true;
            if (FaultRightAfter(text, at)) return true;
            // "… nhưng cứ 10h đêm là tắt phụt, …, chưa gọi là xong được": said not done further on.
            if (NotDoneYet.IsMatch(text.Window(at, text.Count - at))) return true;
        }
        return false;
    }

    private static readonly Regex NotDoneYet = new(@"\bchua (\w+ ){0,3}(xong|het han|khoi han|dut diem)\b|\bchua on\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// "làm qua loa, vẫn hỏng", "đâu có, vẫn tối thui": the problem is still there — not fixed, and said in the
    /// citizen's words. "vẫn" is what a person hears.
    /// </summary>
    private static bool StillThere(TokenizedText text) =>
        text.Count >= 3 && (text.Tokens.Take(text.Count - 1).Any(t => t.Text == "van" && (t.Accented is null || t.Accented == Still))
            || (" " + text.Window(0, text.Count) + " ").Contains(" qua loa ", StringComparison.Ordinal)
            || NobodyCame.IsMatch(text.Window(0, text.Count)));

    // "làm gì có ai đến đâu", "có thấy ai đến thay đâu": the rhetorical "nobody came" — nothing was done.
    // "sửa kiểu gì mà đèn cứ nhấp nháy", "làm ăn thế nào mà …": the work itself is what is wrong — nothing was mended;
    // "có người đến nhưng chỉ nhìn rồi về": looked at, not mended.
    private static readonly Regex NobodyCame = new(@"\blam gi co\b|\b(co|thay) ai\b.*\bdau\b|\bai\b.{0,30}\bdau ma\b|\b(sua|lam|lam an) (kieu|the|the nao|cai kieu) (gi|nao) ma\b|\bchi (nhin|xem|ngo|khao sat|chup anh|chup hinh|ghi chep|do dac)( \w+){0,3} (roi|xong) (ve|di)\b", RegexOptions.CultureInvariant);

    private static readonly string Still = TextNormalizer.ToneLast("vẫn");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)[\s,.]+(cảm ơn|cám ơn|cam on|thanks|thank you|tks)\b")]
    private static partial System.Text.RegularExpressions.Regex ThanksAfter();
}
