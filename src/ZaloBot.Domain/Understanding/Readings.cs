using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// Rules a person applies beyond matching words: a word under a negation means its opposite, a telephone cable is not
/// a power wire, "fixed, but…" is fixed, an advert has the shape of one. Small on purpose; each says why it exists.
/// </summary>
public sealed partial class Understander
{
    // Cables that carry no power: "dây điện thoại" contains "dây điện" word for word.
    private static readonly string[] TelecomCablePhrases =
    [
        "dây điện thoại", "dây cáp", "cáp mạng", "cáp quang", "cáp viễn thông", "dây mạng", "dây internet", "dây cáp quang",
        "dây truyền hình", "cáp truyền hình", "dây wifi", "dây viễn thông",
    ];

    // "không phải cháy", "chẳng phải cháy": the danger is denied, not reported.
    private static readonly string[] DenialPhrases = ["không phải", "không phải là", "chẳng phải", "chả phải", "không có"];

    // Words between a negation and the help word it denies: "không ai hướng dẫn", "chẳng được hướng dẫn".
    private static readonly HashSet<string> NegationGap = ["ai", "duoc", "dc", "cho", "chi", "ho", "he", "thay", "nguoi", "can", "bo"];

    // After a negation these ask for help rather than deny it: "không biết cách gửi", "chưa rõ thủ tục".
    private static readonly HashSet<string> Unknowing = ["biet", "ro", "hieu", "bit"];

    private Phrase[]? _telecom;
    private Phrase[]? _denials;
    private Phrase[]? _allDangers;

    private Phrase[] TelecomCables => _telecom ??= Compile(TelecomCablePhrases.ToDictionary(p => p, _ => 1.0), fuzzy: false);
    private Phrase[] Denials => _denials ??= Compile(DenialPhrases.ToDictionary(p => p, _ => 1.0), fuzzy: false);

    // One array for the life of the table: the matcher indexes each phrase array once, by reference.
    private Phrase[] AllDangers => _allDangers ??= FlowAnswers.Dangers.SelectMany(d => Weighted(d.Set)).ToArray();

    /// <summary>
    /// The message without what must not count as danger: telephone and network cables (so "dây điện thoại võng thấp"
    /// is not a live wire) and a danger word right after a denial ("không phải cháy mà là khói bếp").
    /// </summary>
    internal string WithoutFalseDanger(string raw)
    {
        var text = Tokenize(raw);
        var masked = new bool[text.Count];
        var dangers = AllDangers;
        for (var i = 0; i < text.Count; i++)
        {
            var cable = Best(text, i, TelecomCables).Length;
            if (cable > 0)
            {
                for (var j = i; j < i + cable; j++) masked[j] = true;
                i += cable - 1;
                continue;
            }
            var denial = Best(text, i, Denials).Length;
            if (denial > 0 && i + denial < text.Count && Best(text, i + denial, dangers).Length is var danger and > 0)
            {
                for (var j = i; j < i + denial + danger; j++) masked[j] = true;
                i += denial + danger - 1;
            }
        }
        if (!masked.Contains(true)) return raw;
        var chars = raw.ToCharArray();
        for (var i = 0; i < text.Count; i++)
            if (masked[i])
                for (var c = text.Tokens[i].Start; c < text.Tokens[i].End; c++) chars[c] = ' ';
        return new string(chars);
    }

    /// <summary>
    /// A telephone or network cable named and no power left once it is masked: "võng thấp ngang đầu người" then
    /// describes that cable, so the power company's words do not apply.
    /// </summary>
    internal bool CablesWithoutPower(string raw, string plain) =>
        !ReferenceEquals(raw, plain) && Tokenize(raw).Tokens.Any(t => t.Text is "cap" or "mang" or "thoai" or "internet" or "wifi" or "hinh" or "thong")
        && !Tokenize(plain).Tokens.Any(t => t.Text == "dien");

    /// <summary>
    /// A help word under a negation is a complaint about not being helped: "không hướng dẫn gì cả", "chẳng ai chỉ
    /// cho", unlike "không biết cách gửi" (which asks for help).
    /// </summary>
    private bool HelpDenied(TokenizedText text, string?[] intentOf)
    {
        var negations = _answers.GetValueOrDefault(Negation, []);
        for (var i = 0; i < text.Count; i++)
        {
            if (intentOf[i] != "help" || (i > 0 && intentOf[i - 1] == "help")) continue;
            for (var back = 1; back <= 2 && i - back >= 0; back++)
            {
                var at = i - back;
                if (back == 2 && !NegationGap.Contains(text.Tokens[i - 1].Text)) break;
                if (Best(text, at, negations).Length == 1 && !Unknowing.Contains(text.Tokens[at + 1].Text)) return true;
            }
        }
        return false;
    }

    /// <summary>Moves the help score to the problem when the help is denied (see <see cref="HelpDenied"/>).</summary>
    private void DenyHelp(TokenizedText text, string?[] intentOf, Dictionary<string, double> scores)
    {
        if (scores.GetValueOrDefault("help") <= 0 || !HelpDenied(text, intentOf)) return;
        scores["problem"] = scores.GetValueOrDefault("problem") + scores["help"];
        scores["help"] = 0;
    }

    /// <summary>
    /// "sửa rồi nhưng chậm quá", "đã sửa mà làm lâu": fixed, with a remark on how — unless the rest says something
    /// remains or broke again ("đã sửa nhưng vẫn còn ngập").
    /// </summary>
    private bool FixedBut(TokenizedText text, Phrase[] fixedSet, Phrase[] notFixed)
    {
        var start = Best(text, 0, fixedSet).Length;
        if (start == 0 || start >= text.Count || text.Tokens[start].Text is not ("nhung" or "ma" or "tuy")) return false;
        return Score(text, notFixed).Score == 0 && Score(text, Set(FlowAnswers.BrokeAgain)).Score == 0
            && !Enumerable.Range(start, text.Count - start).Any(i => text.Tokens[i].Text is "hong" or "chua" or "van");
    }

    private static readonly Regex ContactThenNumber = new(
        @"\b(lh|l\.h|lien he|inbox|ib|ibx|zalo|zl|hotline|goi ngay|call|sdt|dt)\b\W{0,3}(\+?84|0)\d([\s.]?\d){7,}",
        RegexOptions.CultureInvariant);

    private static readonly Regex Selling = new(
        @"\b(lai suat|vay von|vay tien|cho vay|giai ngan|gia re|gia chi|uu dai|giam gia|khuyen mai|ban gap|can ban|can mua|nhan lam|bao dau|bao ra|\d+\s?k\b|\d+\s?(tr|trieu)\s?/)",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// An advert's shape: a contact word right before a phone number ("LH 09…", "inbox zalo 08…") and something sold
    /// (a price, "lãi suất", "vay", an advertising word). Citizens give a number with a problem, not after "LH".
    /// </summary>
    internal bool AdvertShape(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return ContactThenNumber.IsMatch(n) && (Selling.IsMatch(n) || Score(Tokenize(raw), Weighted(FlowAnswers.Spam)).Score >= 1);
    }

    private static readonly Regex Disagrees = new(
        @"\b((khong|ko|k|hong|chua) (dong y|chap nhan|dung|thoa dang|cong bang|hop ly|phuc)|xem xet lai|vo ly|bat cong|sai quy dinh|oan)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Decision = new(
        @"\b(quyet dinh|tu choi|xu phat|bi phat|phat (toi|em|minh|nha)|cat (tro cap|che do|ho ngheo)|thu hoi|den bu|boi thuong|cuong che|thao do|bat (toi|em|minh|nha))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex AboutMe = new(@"\b(toi|em|minh|chung toi|nha toi|me toi|bo toi|gia dinh toi|cty toi|cong ty toi)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// A khiếu nại described without the word: the citizen contests a decision, a fine, a refusal or compensation that
    /// concerns them ("hồ sơ của tôi bị từ chối, tôi không đồng ý", "đền bù cho nhà tôi không thỏa đáng").
    /// </summary>
    public bool ContestsDecision(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return Disagrees.IsMatch(n) && Decision.IsMatch(n) && AboutMe.IsMatch(n);
    }

    private static readonly HashSet<string> WaitingWords = ["van", "chua", "thay", "ai", "khong", "ko", "k", "tra", "loi", "xu", "ly", "giai", "quyet", "phan", "hoi", "gi", "het", "ca"];

    private static readonly Regex SentThenWaiting = new(
        @"\b(gui|nop)\b.{0,40}\b(don|phan anh|kien nghi|y kien|thu|roi)\b.{0,60}\b(chua|ko|khong|k)\s+(thay\s+)?(ai\s+)?(tra loi|phan hoi|hoi am|xu ly|giai quyet|lien lac|bao lai)",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Status chasing phrased as a complaint: something sent ("gửi đơn", "gửi phản ánh rồi") and no answer yet ("sao
    /// vẫn chưa thấy trả lời") with nothing wrong named is asking about what was sent, not a new complaint.
    /// </summary>
    private void ChaseWhatWasSent(string raw, Dictionary<string, double> scores, List<(string Intent, string Words, double Weight)> found)
    {
        // "vẫn chưa" is a problem phrase, but here it only says the answer has not come.
        var problemNamed = found.Any(f => f.Intent == "problem" && !f.Words.Split(' ').All(WaitingWords.Contains));
        if (problemNamed || !SentThenWaiting.IsMatch(TextNormalizer.Normalize(raw))) return;
        scores["status"] = scores.GetValueOrDefault("status") + 2.5 + scores.GetValueOrDefault("complaint");
    }

    /// <summary>
    /// A cancel said at both ends, whatever the reason between ("dừng lại, tôi không muốn cung cấp thông tin, hủy phản
    /// ánh này đi"): the closing words (two or more, so not a lone "bỏ") decide, the middle is only the why.
    /// </summary>
    private bool CancelAtBothEnds(TokenizedText text)
    {
        var cancel = Set(Answer.Cancel);
        if (text.Count < 5 || Best(text, 0, cancel).Length == 0) return false;
        var fillers = Fillers(text);
        var flow = Set(FlowAnswers.Fillers);
        var end = text.Count - 1;
        while (end > 0 && (fillers[end] || Best(text, end, flow).Length == 1)) end--;
        for (var start = end - 1; start > 0 && start >= end - 4; start--)
            if (Best(text, start, cancel).Length >= end - start + 1) return true;
        return false;
    }
}
