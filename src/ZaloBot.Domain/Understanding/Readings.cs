using System.Text.RegularExpressions;
using ZaloBot.Domain.Conversations;
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
            var otherSense = OtherSense(text, i);
            if (otherSense > 0)
            {
                for (var j = i; j < i + otherSense; j++) masked[j] = true;
                i += otherSense - 1;
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

    // "nhanh" and "qua" are left out: "cháy nhanh quá" is a fire spreading.
    private static readonly HashSet<string> Driving = ["au", "xe", "loan", "lang", "vuot", "tron", "theo", "bat", "doi"];
    private static readonly string Burning = TextNormalizer.ToneLast("cháy");
    private static readonly string Running = TextNormalizer.ToneLast("chạy");
    private static readonly string It = TextNormalizer.ToneLast("nó");
    private static readonly string Slid = TextNormalizer.ToneLast("lở");
    private static readonly string Fainted = TextNormalizer.ToneLast("ngất");
    private static readonly string Suffocated = TextNormalizer.ToneLast("ngạt");
    private static readonly HashSet<string> CutOff = ["dien", "nuoc", "mang", "ket", "noi"];
    private static readonly HashSet<string> Dumped = ["cat", "da", "dat", "rac", "xa", "vat", "phe", "tron", "bun", "soi", "gach", "ca", "be"];
    private static readonly HashSet<string> PlotWords = ["cho", "cua", "mua", "ban", "tach", "so", "do", "nay", "ay", "nha", "thua", "o"];
    // "no chua gui", "no nghieng": "nó" (it, him) doing something, not "nổ"; "de toi bao": "để", not "đè".
    private static readonly HashSet<string> AfterIt =
        ["chua", "da", "dang", "se", "van", "con", "cu", "cung", "lai", "hay", "moi", "bao", "noi", "gui", "chup", "lam", "nghieng", "nut", "sut", "khong", "ko", "k", "duoc", "can", "di", "ve", "bi", "vao", "o", "len", "xuong", "an", "hoc", "choi", "thay", "biet", "muon", "phai", "thi"];
    private static readonly HashSet<string> DebtAfter = ["tien", "thue", "phi", "cuoc", "xau", "dong", "nan"];
    private static readonly HashSet<string> DebtBefore = ["ghi", "nhan", "tra", "doi", "khoan", "mac", "chiu", "thieu", "vay"];
    private static readonly HashSet<string> AfterLet = ["toi", "em", "e", "minh", "chau", "bac", "tui", "no", "mai", "sau", "khi", "xem", "gui", "lam", "cho", "bao", "hom", "tu", "nghi"];
    private static readonly string Exploded = TextNormalizer.ToneLast("nổ");
    private static readonly string Pressed = TextNormalizer.ToneLast("đè");

    /// <summary>
    /// Words typed without marks that name a danger only in one sense: "chay au" is "chạy ẩu" (driving recklessly), not
    /// "cháy"; "lo dat cua bo me" is "lô đất" (a plot), not "lở đất". Returns how many words to set aside at
    /// <paramref name="i"/>, 0 when the danger sense stands.
    /// </summary>
    private static int OtherSense(TokenizedText text, int i)
    {
        var word = text.Tokens[i];
        // Typed with its marks, "chạy" (running) and "nó" (it) say so themselves.
        if (word.Accented == Running || word.Accented == It) return 1;
        if (word.Text == "chay" && word.Accented != Burning && i + 1 < text.Count && Driving.Contains(text.Tokens[i + 1].Text)) return 1;
        // "phòng cháy chữa cháy" (fire prevention), "xe chữa cháy": no fire said.
        if (word.Text == "chay" && i > 0 && text.Tokens[i - 1].Text is "phong" or "chua") return 1;
        // "CHÁY HÀNG, giá sốc 99k, inbox ngay": sold out, in an advert's words; a shop on fire is told without them.
        if (word.Text == "chay" && i + 1 < text.Count && text.Tokens[i + 1].Text == "hang"
            && SellingCue.Matches(text.Window(0, text.Count)).Select(m => m.Value).Distinct().Count() >= 2) return 2;
        // "bếp nướng không khói" (smokeless), "không khỏi lo": no smoke said.
        if (word.Text == "khoi" && i > 0 && text.Tokens[i - 1].Text is "khong" or "ko") return 1;
        // "xe máy không ra được": a vehicle blocked in, not people trapped.
        if ((word.Text is "xe" or "oto" || word.Text == "may" && i > 0 && text.Tokens[i - 1].Text == "xe")
            && i + 2 < text.Count && text.Tokens[i + 1].Text is "khong" or "ko" or "k" && text.Tokens[i + 2].Text == "ra") return 3;
        // "đổ cát đá chắn lối đi", "đổ trộm rác": dumping, not something falling.
        if (word.Text == "do" && i + 1 < text.Count && Dumped.Contains(text.Tokens[i + 1].Text)) return 1;
        // "bất động sản" (real estate) is not "bất động" (lying motionless); "ngắt điện" (power cut) is not "ngất".
        if (word.Text == "bat" && i + 2 < text.Count && text.Tokens[i + 1].Text == "dong" && text.Tokens[i + 2].Text == "san") return 2;
        if (word.Text == "ngat" && word.Accented != Fainted && word.Accented != Suffocated && i + 1 < text.Count && CutOff.Contains(text.Tokens[i + 1].Text)) return 1;
        if (word.Text == "no" && word.Accented != Exploded && i + 1 < text.Count && AfterIt.Contains(text.Tokens[i + 1].Text)) return 1;
        // "nợ tiền điện", "ghi nhận nợ": a debt, not an explosion.
        if (word.Text == "no" && word.Accented != Exploded
            && (i + 1 < text.Count && DebtAfter.Contains(text.Tokens[i + 1].Text) || i > 0 && DebtBefore.Contains(text.Tokens[i - 1].Text))) return 1;
        if (word.Text == "de" && word.Accented != Pressed && i + 1 < text.Count && AfterLet.Contains(text.Tokens[i + 1].Text)) return 1;
        if (word.Text == "lo" && word.Accented != Slid && i + 1 < text.Count && text.Tokens[i + 1].Text == "dat"
            && (i > 0 && PlotWords.Contains(text.Tokens[i - 1].Text) || i + 2 < text.Count && PlotWords.Contains(text.Tokens[i + 2].Text)))
            return 2;
        return 0;
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
        if (start == 0 || start >= text.Count) return false;
        // "xong rồi nhé, hôm qua có người xuống làm": fixed, then how — after a pause, with nothing wrong in it.
        var then = text.Tokens[start].Text is "nhung" or "ma" or "tuy"
            || text.Tokens.Skip(start).TakeWhile(t => !t.BreakBefore).All(t => t.Text is "nhe" or "nha" or "a" or "roi" or "ad" or "admin" or "ban")
               && text.Tokens.Skip(start).Any(t => t.BreakBefore);
        if (!then) return false;
        if (Score(text, _intents.GetValueOrDefault("problem") ?? []).Score > 0 && text.Tokens[start].Text is not ("nhung" or "ma" or "tuy")) return false;
        return Score(text, notFixed).Score == 0 && Score(text, Set(FlowAnswers.BrokeAgain)).Score == 0
            && !Enumerable.Range(start, text.Count - start).Any(i => text.Tokens[i].Text is "hong" or "chua" or "van");
    }

    // Words after "nhưng"/"mà" that keep talking about the same thing ("nhưng được 2 hôm lại tắt", "mà nó lại hỏng").
    private static readonly HashSet<string> SameThing =
        ["lai", "van", "chua", "duoc", "dc", "no", "cai", "it", "moi", "sau", "toi", "dem", "sang", "chieu", "hom", "tuan", "ngay", "thang", "lam", "sua", "cham", "hoi", "hon", "khong", "ko", "k", "bi", "hong", "tat"];

    // Connectors and time words between "fixed" and what is wrong now: "nhưng giờ", "mà bây giờ", "còn hôm nay".
    private static readonly HashSet<string> Lead = ["nhung", "ma", "con", "gio", "bay", "nay", "hom", "thi", "a", "oi", "ad", "admin", "ban", "e", "em"];

    /// <summary>
    /// "đèn sáng rồi nhưng giờ cống lại tắc", "ok rồi, mà giờ lại có đống rác đầu ngõ": the ticket is fixed and something
    /// else is wrong now — the words of the new problem (to offer for filing), or null. What follows the connector must
    /// name another thing before its fault ("cống lại tắc") or say something new is there ("lại có", "còn có"); "nhưng được
    /// 2 hôm lại tắt" and "mà nó lại hỏng" are the same thing broken again, and "nhưng vẫn…" is not fixed at all.
    /// </summary>
    public string? AnotherProblemAfterFixed(string raw)
    {
        var text = Tokenize(raw);
        var c = Enumerable.Range(1, Math.Max(0, text.Count - 1)).FirstOrDefault(i => text.Tokens[i].Text is "nhung" or "ma"
            || text.Tokens[i].BreakBefore && text.Tokens[i].Text is "con" or "gio" or "lai");
        if (c == 0 || !SaidFixed(raw[..text.Tokens[c].Start])) return null;
        var somethingNew = Enumerable.Range(c, Math.Min(4, text.Count - 1 - c)).Any(i =>
            text.Tokens[i].Text is "lai" or "con" && text.Tokens[i + 1].Text is "co" or "them");
        var first = c;
        while (first < text.Count && (Lead.Contains(text.Tokens[first].Text) || somethingNew && text.Tokens[first].Text is "lai" or "co" or "them")) first++;
        if (first >= text.Count) return null;
        var words = text.Tokens.Skip(first).Select(t => t.Text).ToList();
        if (!somethingNew && (SameThing.Contains(words[0]) || text.Tokens[first].IsNumber)) return null;
        if (words.Contains("van") || words.Contains("chua")) return null;
        var rest = raw[text.Tokens[first].Start..].Trim();
        var restText = Tokenize(rest);
        var problem = Score(restText, _intents.GetValueOrDefault("problem") ?? []).Score > 0 || Found(restText, Set(FlowAnswers.BrokeAgain));
        return (somethingNew || problem) && words.Count >= 2 ? rest : null;
    }

    /// <summary>The part before the connector answers "fixed": as the buttons' words do, or a thing named and "rồi"/"ok".</summary>
    private bool SaidFixed(string prefix)
    {
        if (AnswerToFixed(prefix) == FixedAnswer.Fixed) return true;
        var text = Tokenize(prefix);
        return text.Count is > 0 and <= 5 && text.Tokens[^1].Text is "roi" or "r" or "ok" or "xong" or "on"
            && !text.Tokens.Any(t => t.Text is "chua" or "van" or "khong" or "ko" or "hong" or "lai")
            && Score(text, Set(FlowAnswers.NotFixed)).Score == 0 && Score(text, _intents.GetValueOrDefault("problem") ?? []).Score == 0;
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
        for (var start = end; start > 0 && start >= end - 4; start--)
        {
            // Two or more words, which may end in a particle ("bỏ đi"): a lone "bỏ" is not enough.
            var length = Best(text, start, cancel).Length;
            if (length >= 2 && start + length - 1 >= end) return true;
        }
        return false;
    }

    // Words that lead from "quay lại" to the part it names: "quay lại phần địa chỉ", "lùi về bước nhập số điện thoại".
    private static readonly string[] NavigationWordList =
        ["phần", "mục", "chỗ", "bước", "đoạn", "gửi", "nhập", "ghi", "điền", "về", "cho", "muốn", "xin", "để", "ở", "lại", "sửa lại", "cần"];

    private Phrase[]? _navigation;
    private Phrase[] NavigationWords => _navigation ??= Compile(NavigationWordList.ToDictionary(p => p, _ => 1.0), fuzzy: false);

    /// <summary>
    /// Back to a named earlier step ("quay lại gửi ảnh", "cho quay lại phần địa chỉ", "lui ve buoc chon phuong"): a back
    /// word and a part of the draft, little else — that part is opened, as an edit of it, from any step.
    /// </summary>
    private DraftPart BackToPart(TokenizedText text)
    {
        if (!Found(text, Set(Answer.Back))) return DraftPart.None;
        var part = PartIn(text, 0, text.Count);
        if (part == DraftPart.None) return DraftPart.None;
        Phrase[][] sets = [Set(Answer.Back), Set(FlowAnswers.EditVerbs), NavigationWords, .. FlowAnswers.Parts.Select(p => Set(p.Set))];
        if (Uncovered(text, sets, Set(FlowAnswers.Fillers)) <= 1) return part;
        // "cho bác quay lại chỗ gửi ảnh, bác vừa tìm được cái ảnh rồi": the opening clause goes back to a part, the rest
        // is only why.
        var pause = text.FirstClauseBreak();
        if (pause == 0) return DraftPart.None;
        var opening = Tokenize(text.RawBefore(pause));
        var rest = Tokenize(text.RawFrom(pause));
        return Found(opening, Set(Answer.Back)) && PartIn(opening, 0, opening.Count) is var openingPart and not DraftPart.None
            && Uncovered(opening, sets, Set(FlowAnswers.Fillers)) <= 1
            && Score(rest, _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold ? openingPart : DraftPart.None;
    }

    // Words a person's name never holds, as typed at the contact step: "sửa mô tả…", "quay lại…", "sai địa chỉ".
    private static readonly Regex NotAName = new(
        @"\b(sua|sai|quay|mo ta|dia chi|noi dung|linh vuc|so dien thoai|hinh anh|phan anh|khieu nai|khong phai|nham roi|chu khong|(phuong|xa|ten duong|so nha) la)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A full name opening a text, its words capitalised ("Nguyễn Văn Ân, chữ Ân có dấu mũ" → "Nguyễn Văn Ân"); null for
    /// a single word or none, which replaces only the word it corrects.
    /// </summary>
    public string? LeadingFullName(string text)
    {
        var tokens = Tokenize(text).Tokens;
        var count = 0;
        while (count < tokens.Count && tokens[count].Capitalised && !tokens[count].IsNumber && (count == 0 || !tokens[count].BreakBefore)) count++;
        return count >= 2 && count <= 5 ? text[tokens[0].Start..tokens[count - 1].End] : null;
    }

    /// <summary>
    /// The person named inside a longer contact line ("Phòng HCNS công ty …, người liên hệ: chị Lê Thu Trang", "chú Hùng
    /// xe ôm đầu chợ, số chú là …"): capitalised words after a form of address or a label, else the only capitalised run
    /// of two words or more. Null when no run stands out, so nothing but a name is ever kept as one.
    /// </summary>
    public string? NameWithin(string written)
    {
        var text = Tokenize(written);
        var tokens = text.Tokens;
        var runs = new List<(int Start, int Count, bool Introduced)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Capitalised || tokens[i].IsNumber || (i > 0 && tokens[i - 1].Capitalised && !tokens[i].BreakBefore)) continue;
            var count = 1;
            while (i + count < tokens.Count && tokens[i + count].Capitalised && !tokens[i + count].IsNumber && !tokens[i + count].BreakBefore) count++;
            // Introduced by a form of address ("chị") or by one of the contact labels ending right before it ("người liên hệ:", "tên là").
            var start = i;
            var introduced = i > 0 && (Best(text, i - 1, _honorifics).Length == 1
                || Enumerable.Range(Math.Max(0, start - 4), Math.Min(start, 4)).Any(j => Best(text, j, _contactLabels).Length == start - j));
            if (count <= 4) runs.Add((i, count, introduced));
        }
        // Of several full names, the one opening the message ("Phạm Thu Trang - HR cty may Minh Phát - 0868…").
        var pick = runs.Where(r => r.Introduced).ToList() is { Count: 1 } introducedRuns ? introducedRuns[0]
            : runs.Where(r => r.Count >= 2).ToList() is { Count: > 0 } longRuns
                ? longRuns.Count == 1 ? longRuns[0] : longRuns.FirstOrDefault(r => r.Start == 0)
                : default;
        if (pick.Count == 0) return null;
        var name = written[tokens[pick.Start].Start..tokens[pick.Start + pick.Count - 1].End];
        return CanBeName(name) ? name : null;
    }

    /// <summary>
    /// "tên tôi là Nguyễn Văn Ân, có dấu mũ", "tên: Nguyễn Thị An", "người liên hệ là Phạm Thu Trang, không phải anh
    /// An", "tên người liên hệ đổi thành Nguyễn Thị Bích": the name said again near the opening of the message, after
    /// the word for it — at the summary, a correction of the name. Null when no full name follows that word closely
    /// or the message carries a number.
    /// </summary>
    public string? NameRestated(string written)
    {
        var text = Tokenize(written);
        if (text.Count < 3 || System.Text.RegularExpressions.Regex.IsMatch(written, @"\d{3}")) return null;
        var at = 0;
        // A few words of asking may come first: "à sửa giúp tên …", "cho đổi người liên hệ …".
        while (at < Math.Min(text.Count, 4) && text.Tokens[at].Text != "ten" && !(text.Tokens[at].Text == "lien" && at + 1 < text.Count && text.Tokens[at + 1].Text == "he")) at++;
        if (at >= Math.Min(text.Count, 4)) return null;
        at += text.Tokens[at].Text == "ten" ? 1 : 2;
        var skipped = 0;
        while (at < text.Count && !text.Tokens[at].Capitalised && skipped++ < 5 && NameFiller.Contains(text.Tokens[at].Text)) at++;
        if (at < text.Count && text.Tokens[at].Capitalised && LeadingFullName(text.RawFrom(at)) is { } name && CanBeName(name)) return name;
        // "tên không phải An đâu cháu, bác là Nguyễn Thị Lan": the name after a denial comes after "là".
        for (var i = at; i + 1 < text.Count && i < at + 8; i++)
            if (text.Tokens[i].Text == "la" && text.Tokens[i + 1].Capitalised && LeadingFullName(text.RawFrom(i + 1)) is { } said && said.Contains(' ') && CanBeName(said))
                return said;
        return null;
    }

    // Words between "tên"/"người liên hệ" and the name itself.
    private static readonly HashSet<string> NameFiller =
        ["toi", "em", "e", "bac", "chau", "minh", "tui", "cua", "la", "dung", "phai", "nguoi", "lien", "he", "doi", "sua", "thanh", "sang", "lai", "ghi", "giup", "ho", "day", "du"];

    /// <summary>What was written beside the phone can be a person's name: short, and none of the words of a command.</summary>
    public bool CanBeName(string written)
    {
        var n = TextNormalizer.Normalize(written);
        return n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7 && !NotAName.IsMatch(n);
    }

    /// <summary>
    /// What was written beside the phone at the contact step is the name itself: a Vietnamese full name has two to four
    /// words, one more for a form of address ("bà Nguyễn Thị Ngọc Ánh"); "bác già rồi không nghe máy được" is not one.
    /// (A correction may carry a remark after the name, so it is held to <see cref="CanBeName"/> only.)
    /// </summary>
    public bool CanBeContactName(string written) =>
        CanBeName(written) && TextNormalizer.Normalize(written).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;

    // Whom an insult is aimed at: the bot, "mày", "các người", "bọn/lũ/tụi…", officials.
    private static readonly Regex Addressee = new(
        @"\b(may|mi|tui may|chung may|bon may|lu may|cac nguoi|may nguoi|cac ong|may ong|cac ba|may ba|tui bay|chung bay|bay|bot|con bot|cai bot|admin|ad|app|thang|lu|bon|dam|can bo|quan chuc|chinh quyen|tra loi|rep)\b",
        RegexOptions.CultureInvariant);

    // The shapes of contempt, whatever the insult word: "đồ …", "thằng/con …", "lũ/bọn …", "như …" at the end, curses.
    private static readonly Regex Contempt = new(
        @"(\b(thang|lu|bon|tui|do) (\w+ ){0,2}(ngu|dot|dan don|dan dan|bat tai|an hai|an bam|vo dung|vo tich su|sau mot|sau bo|suc vat|rac ruoi|mat lon|khon nan|mat day|lao toet|hen ha|gian|dieu cang|nhu nhuoc)\b|\bnhu ((con|cai) )?(bo|cho|lon|heo|trau|khi|cut|c|l|cc|cl|lon|buoi|hach|shit|ccc|\*+)(\W|$)|\b(ngu|dan|dot|oc) (the|vay|qua|vl|vai|nhu)\b|\b(deo|dech|vl|vcl|vkl|dm|dmm|dcm|dkm|dit|clm|cmm|cc|cl|loz|bien di|cam mom|cam mieng|im mom|chet di|me may|cha may|bo may|oc cho|oc lon|nao ngan|dan don|ngu|me kiep|chet het di|chet het|khon nan|mat day|suc vat|rac ruoi|an hai|vo dung|vo tich su|ton com|tich su gi|ngoi choi an luong)\b)",
        RegexOptions.CultureInvariant);

    // "đồ" as an epithet ("đồ vô dụng", "đồ khốn"), not goods ("đồ ăn", "đồ đạc").
    private static readonly Regex Epithet = new(@"(^|[\s,.!])đồ (?!ăn|uống|đạc|dùng|chơi|cũ|nghề|gỗ|điện|nhựa|hộp)\p{L}+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Insult words that are other words with their marks: "mất ngủ" is not "ngu", "người dân" not "đần", "to lớn" not "lợn".
    private static readonly Dictionary<string, string[]> InsultAccents = new()
    {
        ["ngu"] = ["ngu"], ["dan"] = ["đần"], ["dot"] = ["dốt"], ["oc"] = ["óc"], ["lon"] = ["lợn", "lồn"], ["cho"] = ["chó"],
        ["bo"] = ["bò"], ["cut"] = ["cút", "cứt"], ["hen"] = ["hèn"],
    };

    private static readonly Dictionary<string, HashSet<string>> InsultAccentsToneLast =
        InsultAccents.ToDictionary(a => a.Key, a => a.Value.Select(TextNormalizer.ToneLast).ToHashSet());

    /// <summary>The message's words for reading contempt: a word typed with marks that make it another word is left out.</summary>
    private string InsultWords(string raw) =>
        string.Join(' ', Tokenize(raw).Tokens.Select(t =>
            t.Accented is { } typed && InsultAccentsToneLast.TryGetValue(t.Text, out var forms) && !forms.Contains(typed) ? "_" : t.Text));

    /// <summary>
    /// Abuse by its shape when its words are not in the table: aimed at someone (the bot, "mày", "các người", officials)
    /// with a form of contempt ("đồ …", "lũ …", "như …", a curse), and no problem, complaint or place named.
    /// </summary>
    internal bool AbuseShape(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        if (!Addressee.IsMatch(n)) return false;
        var words = InsultWords(raw);
        if (!(Contempt.IsMatch(words) || Epithet.IsMatch(raw))) return false;
        // The insult's own words are not a problem ("vô tích sự" without diacritics holds "vo", read as "vỡ").
        var (scores, _, _) = Segment(Tokenize(Contempt.Replace(words, " ")));
        if (scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") >= IntentThreshold || scores.GetValueOrDefault("status") >= IntentThreshold) return false;
        return ExtractPlace(raw, []).Address is null;
    }

    /// <summary>"nhà số 21", "ngõ 5", "đường Trần Phú": a text that opens with a place word is about the address.</summary>
    public bool OpensWithPlaceWord(string value)
    {
        var text = Tokenize(value);
        return text.Count > 1 && (NumberedAt(text, 0) || Best(text, 0, _place.Named).Length > 0 || (text.Tokens[0].Text == "nha" && NumberedAt(text, 1)));
    }

    /// <summary>
    /// A numbered place word with its number or name after it ("số 21", "ngõ 5A", "ngõ Văn Chương"): "số của con trai
    /// bác" is no address.
    /// </summary>
    private bool NumberedAt(TokenizedText text, int i)
    {
        var length = Best(text, i, _place.Numbered).Length;
        return length > 0 && i + length < text.Count && (char.IsDigit(text.Tokens[i + length].Text[0]) || text.Tokens[i + length].Capitalised);
    }

    /// <summary>
    /// The address with the part from <paramref name="to"/>'s place word on replaced ("số 12 đường Lý Thái Tổ" with
    /// "đường Trần Phú" is "số 12 đường Trần Phú"); the whole of <paramref name="to"/> when the address lacks that word.
    /// </summary>
    public string ReplaceFromMarker(string address, string to)
    {
        var typed = Tokenize(to);
        var text = Tokenize(address);
        if (typed.Count == 0) return to.Trim();
        // "nhà số 21": the house number, whatever it was called.
        var first = typed.Count > 2 && typed.Tokens[0].Text == "nha" && Best(typed, 1, _place.Numbered).Length > 0 ? 1 : 0;
        var marker = typed.Tokens[first].Text;
        // A numbered place alone ("số 21", "ngõ 5") replaces only that number: the street after it stays.
        var numberedOnly = typed.Count == first + 2 && typed.Tokens[first + 1].IsNumber;
        for (var i = 0; i < text.Count; i++)
        {
            if (text.Tokens[i].Text != marker) continue;
            if (!numberedOnly) return (address[..text.Tokens[i].Start] + to.Trim()).Trim();
            if (i + 1 < text.Count && text.Tokens[i + 1].IsNumber)
                return address[..text.Tokens[i].Start] + to.Trim() + address[text.Tokens[i + 1].End..];
        }
        return to.Trim();
    }

    private static readonly Regex Trapped = new(
        @"\b(mac ket|bi ket|ket (giua|trong|tren|duoi|lai|o)|bi nhot|(khong|ko|k) (tu )?(ra|thoat ra|di ra|boi ra|chay ra) (duoc|dc)|bi (de|vui) (ben )?duoi|khong thoat (ra )?duoc|chua ra duoc|(dung|treo) giua tang|ben trong thang may|trong thang may|leo len mai|len noc nha|tren mai nha)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex People = new(
        @"\b(nguoi|ong ba|ong cu|ba cu|cu gia|tre|tre em|tre con|chau be|em be|be|dua tre|dua be|dua nho|con nho|me con|hoc sinh|gia dinh|ca nha|benh nhan|cong nhan|\d+ (nguoi|ong|ba|chau|em)|(ba|ong|bo|me|vo|chong|con|chau) (toi|em|minh|tui|nha toi))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex NotTrapped = new(@"\b(ket xe|tac duong|ket cong|ket hang|ket tien|ket so|ket noi|ket qua|ket hon|tong ket|ket luan|doan ket)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// People trapped — in a lift, on a roof in a flood, under rubble ("thang máy kẹt giữa tầng có cháu bé trong đó",
    /// "2 ông bà già kẹt trên mái nhà không ra được"): stuck and people together, whatever the place. "Kẹt xe" is traffic.
    /// </summary>
    internal bool PeopleTrapped(string raw)
    {
        var n = NotTrapped.Replace(TextNormalizer.Normalize(raw), " ");
        return (Trapped.IsMatch(n) || FledUpstairs.IsMatch(n) && RisingWater.IsMatch(n)) && People.IsMatch(n);
    }

    // "tụi nó trèo lên gác rồi mà nước vẫn lên": people driven upstairs by the water are trapped by it.
    private static readonly Regex FledUpstairs = new(
        @"\b(treo|leo|tranh|don) (len|lan len) (gac|gac xep|tang (2|hai|tren|thuong)|noc nha|mai nha|mai)\b", RegexOptions.CultureInvariant);
    private static readonly Regex RisingWater = new(@"\b(ngap|nuoc lu|lu|nuoc (van |dang |cu )?(len|dang|dang len|dang cao))\b", RegexOptions.CultureInvariant);

    // Words that make a question word indefinite when a negation comes before them: "không có thông báo gì".
    private const int NegationReach = 4;

    /// <summary>
    /// Hints of a question under a negation are not a question: "không có thông báo gì" says nothing was announced,
    /// "ko thấy ai" that nobody came. Only hints (weight up to 1.5) lose their weight; "không biết … ở đâu" still asks.
    /// </summary>
    private void IndefiniteUnderNegation(TokenizedText text, Dictionary<string, double> scores)
    {
        var negations = _answers.GetValueOrDefault(Negation, []);
        var lastNegation = -NegationReach - 1;
        for (var i = 0; i < text.Count;)
        {
            if (Best(text, i, negations).Length == 1 && !(i + 1 < text.Count && Unknowing.Contains(text.Tokens[i + 1].Text))) lastNegation = i;
            var (length, weight, phrase) = Best(text, i, _allIntents);
            if (phrase is null)
            {
                i++;
                continue;
            }
            if (phrase.Intent == "question" && weight <= 1.5 && i > lastNegation && i - lastNegation <= NegationReach) scores["question"] -= weight;
            i += length;
        }
    }

    private static readonly HashSet<string> GoingTo = ["len", "den", "toi", "ra", "xuong", "di", "qua", "goi", "dien", "nhan", "van"];
    private static readonly HashSet<string> ThenWords = ["thi", "mai", "hoai", "may", "nhieu", "bao", "ca"];

    /// <summary>
    /// "lên hỏi thì bảo…", "gọi điện hỏi mãi": asking told as part of the story, not a question to the bot.
    /// </summary>
    private void AskingInTheStory(TokenizedText text, string?[] intentOf, Dictionary<string, double> scores)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.Tokens[i].Text != "hoi" || intentOf[i] != "question" || (i + 1 < text.Count && intentOf[i + 1] == "question")) continue;
            var told = (i > 0 && GoingTo.Contains(text.Tokens[i - 1].Text)) || (i + 1 < text.Count && ThenWords.Contains(text.Tokens[i + 1].Text));
            if (told && Best(text, i, _allIntents) is { Length: 1 } hint) scores["question"] -= hint.Weight;
        }
    }

    private static readonly HashSet<string> SupportTopic = ["sach", "goi", "duoc", "tien", "muc", "che", "do", "nhung", "cac", "nao"];

    /// <summary>
    /// "có chính sách hỗ trợ gì", "được hỗ trợ gì": support as the topic of a question, not a request for help with the
    /// bot. And a long message that names a problem and asks for guidance ("… mong được hướng dẫn gấp") is the problem.
    /// </summary>
    private void HelpThatIsNot(TokenizedText text, string?[] intentOf, Dictionary<string, double> scores)
    {
        if (scores.GetValueOrDefault("help") <= 0) return;
        for (var i = 1; i < text.Count; i++)
        {
            if (intentOf[i] != "help" || intentOf[i - 1] == "help" || text.Tokens[i].Text != "ho" || !SupportTopic.Contains(text.Tokens[i - 1].Text)) continue;
            if (Best(text, i, _allIntents) is { Length: > 0 } help && help.Phrase!.Intent == "help")
            {
                scores["help"] -= help.Weight;
                scores["question"] = scores.GetValueOrDefault("question") + help.Weight;
            }
        }
        if (text.Count >= LongMessage && scores.GetValueOrDefault("problem") > 0 && scores["help"] > 0)
        {
            scores["problem"] += scores["help"];
            scores["help"] = 0;
        }
    }

    /// <summary>Words from which a message is a story rather than a short request.</summary>
    private const int LongMessage = 15;

    /// <summary>
    /// Asking about the channel itself — who runs it ("trang này của ai", "máy hay người"), whether it costs anything,
    /// whether the citizen's data is kept safe, when it is served, how long an answer takes: information about the
    /// service, not a question for an article nor a complaint (see <see cref="ChannelQuestions"/>).
    /// </summary>
    private static void AboutTheChannel(string raw, Dictionary<string, double> scores)
    {
        var asked = ChannelQuestions.Of(raw);
        // Whether the channel is a scam is asked in a scam's words ("… của tỉnh thật không hay lừa đảo"): who runs the
        // channel is asked whatever problem words come with it, in a short message.
        // Whether the data is safe is asked with what the citizen fears ("tôi sợ người ta biết rồi gây khó dễ"): those
        // problem words are the fear, not a complaint.
        var identity = (asked == ChannelQuestion.Identity || asked == ChannelQuestion.Privacy && Fears.IsMatch(TextNormalizer.Normalize(raw)))
            && raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortIdentityQuestion;
        if (asked == ChannelQuestion.None || (scores.GetValueOrDefault("problem") >= IntentThreshold && !identity)) return;
        // "Tôi muốn tố cáo. Nhưng sợ bị trù dập, có giữ bí mật người tố cáo không?": the matter is wanted sent, and sending
        // it says how the sender is protected.
        if (asked == ChannelQuestion.Privacy && WantsToSendATrack.IsMatch(TextNormalizer.Normalize(raw))) return;
        // "phản ánh" in "bao lâu thì trả lời phản ánh" names what is asked about, not one to send.
        var strongest = Highest(scores, "info", "question", "status", "complaint", "help");
        if (identity) strongest = Math.Max(strongest, scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem"));
        scores["info"] = strongest + 2;
    }

    private const int ShortIdentityQuestion = 25;

    private static readonly Regex WantsToSendATrack = new(
        @"\b(toi|em|e|bac|chau|minh|tui|chung toi) (\w+ ){0,2}(muon|can|xin|dinh) (gui |lam |viet )?(don )?(to cao|khieu nai|to giac)\b", RegexOptions.CultureInvariant);

    private static readonly Regex Fears = new(@"\b(toi|em|e|minh|tui|chau|bac|con) (rat |cung |hoi |van )?so\b", RegexOptions.CultureInvariant);

    /// <summary>The channel's own identity is asked (see <see cref="AboutTheChannel"/>): no article answers that.</summary>
    public bool AsksWhoTheChannelIs(string raw) => ChannelQuestions.Of(raw) == ChannelQuestion.Identity;

    private static readonly Regex SendingHere = new(@"\b(gui|bao|bao cao|phan anh|nop|gui anh|gui hinh|nhan|nhan tin|dinh kem|kem theo)\b", RegexOptions.CultureInvariant);

    // "nhắn thế nào thì cán bộ mới đọc": how, then what the citizen wants to happen.
    private static readonly Regex HowThen = new(@"\b(the nao|lam sao|nhu nao|kieu gi|bang cach nao) (thi|de|moi)\b", RegexOptions.CultureInvariant);

    // "gửi video được không", "kèm file ghi âm được ko": whether the channel takes a kind of evidence.
    private static readonly Regex CanSendThis = new(
        @"\b(video|clip|file|tep|ghi am|anh|hinh|vi tri|dinh vi|tai lieu)\b.{0,25}\b(duoc|dc|đc)\s*(khong|ko|k|hong|khum)\W*(vay|v|a|ad|admin|ban|nhi)?\W*$",
        RegexOptions.CultureInvariant);
    private static readonly Regex HowOrWhere = new(@"\b(o dau|cho nao|lam sao|lam the nao|the nao|nhu the nao|nhu nao|kieu gi|bang cach nao|sao)\W*(vay|the|a|ad|admin|nhi|ha|day|nhe)?\W*$", RegexOptions.CultureInvariant);
    private static readonly Regex OtherPaper = new(@"\b(don|ho so|giay|thu tuc|khieu nai|to cao)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// How or where to send a complaint here ("gửi phản ánh ở đâu vậy", "muốn gửi phản ánh thì làm sao", "làm thế nào
    /// để báo cáo sự việc"), with nothing wrong named: help with this channel. A paper or procedure named ("nộp đơn
    /// khiếu nại ở đâu") is a question for the articles instead.
    /// </summary>
    private void HowToSendHere(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        if (scores.GetValueOrDefault("problem") > 0 || !SendingHere.IsMatch(n) || OtherPaper.IsMatch(n)
            || !(HowOrWhere.IsMatch(n) || HowThen.IsMatch(n) || n.StartsWith("lam the nao de ", StringComparison.Ordinal) || n.StartsWith("lam sao de ", StringComparison.Ordinal))) return;
        scores["help"] = scores.GetValueOrDefault("help") + scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("question") + 1;
    }

    // Chatter that only looks like a question or a chase: football fixtures, asking the bot how it is, a message sent here by mistake.
    private static readonly Regex SmallTalk = new(
        @"\b(da bong|bong da|ti so|tran (bong|dau bong)|world cup|aff cup|sea games|v league|ngoai hang anh|(ad|bot|ban|admin) (an com|co ny|co nguoi yeu|co vo|co chong|ngu|bao nhieu tuoi|may tuoi|lam gi do|dang lam gi|khoe khong)|troi dep (nhi|qua|ghe)|an com chua|tran \w+ (da|dau) (may|luc may) gio|(gui|nhan|go|an|bam) (tin )?nham (tin nhan|tin|nhom|so|cho|sang)|^(me|bo|vo|chong|ma|bo me|em yeu|anh yeu) oi)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "tối nay Việt Nam đá với Thái Lan mấy giờ", "hôm nay trời đẹp nhỉ ad ăn cơm chưa": small talk, not a question for the
    /// articles or a chase — kept with what is not understood, for operators to read, unless something wrong is named.
    /// </summary>
    private static bool SetAsideSmallTalk(string raw, Dictionary<string, double> scores)
    {
        if (!SmallTalk.IsMatch(TextNormalizer.Normalize(raw)) || scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") >= IntentThreshold) return false;
        foreach (var intent in new[] { "question", "status", "help", "info", "problem", "complaint" }) scores.Remove(intent);
        return true;
    }

    // How an official treats people, told as a wrong: rude, shouting, idle at the desk, nobody receiving.
    private static readonly Regex ConductWrong = new(
        @"\b(thai do (\w+ ){0,2}(kho chiu|coc|hach dich|te|kem|thieu ton trong|khinh)|gat gong|hoi gi cung gat|quat (\w+ ){0,2}(dan|nguoi|me|bo|ba|ong)|mang (dan|nguoi|me|bo|ba|ong)|coc loc|hach dich|luot (dien thoai|tiktok|facebook|fb)|choi (dien thoai|game)|xem tiktok|khong ai tiep|bo ve som|di muon ve som|ngoi choi|nat (dan|nguoi))\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "chị cán bộ ngồi bàn số 3 … thái độ rất khó chịu, hỏi gì cũng gắt", "cán bộ một cửa … lướt điện thoại xem tiktok":
    /// an official's conduct told as a wrong is a complaint about conduct, even where it ends like a question.
    /// </summary>
    private static void OfficialsConduct(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        if (!Official.IsMatch(n) || !ConductWrong.IsMatch(n)) return;
        scores["problem"] = Math.Max(scores.GetValueOrDefault("problem"), Highest(scores, "question", "status", "help", "info") + 1);
    }

    private static readonly Regex IWantToSend = new(
        @"\b((toi|em|e|bac|chau|minh|tui|chung toi|cong ty|doanh nghiep) (\w+ ){0,3}(muon|can|xin|dinh) |cho (toi|em|e|minh|bac|chau|tui) (duoc )?)(gui |lam |viet )?(mot |1 )?(cai |chut |viec )?(phan anh|kien nghi|don|don thu)\b",
        RegexOptions.CultureInvariant);
    private static readonly Regex AskingHow = new(@"\b(lam sao|the nao|nhu nao|o dau|vao dau|cho nao|kieu gi|cach nao|bang cach nao)\b", RegexOptions.CultureInvariant);
    private static readonly Regex UsingTheTool = new(
        @"\b(bam|an vao|nhan vao|thao tac|dung (dien thoai|zalo|app|cai nay)|bat dau tu dau|kem (file|anh|hinh|video|tep)|gui (anh|hinh|file|video)|cach dung|theo mau|co mau)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "Tôi muốn gửi phản ánh một việc, làm thế nào ạ", "Cho tôi kiến nghị một việc với chính quyền được không": someone
    /// who says they have something to send is best answered by starting it — unless they ask how to work the tool
    /// ("bấm vào đâu", "kèm file thế nào").
    /// </summary>
    private static void WantsToSendOne(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        // "muốn báo cái đường hỏng thì bấm vào đâu", "làm sao để gửi ảnh kèm phản ánh": how to work the tool is help,
        // whatever is named beside it.
        if (UsingTheTool.IsMatch(n) && AskingHow.IsMatch(n))
        {
            scores["help"] = Math.Max(scores.GetValueOrDefault("help"), scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem") + 0.5);
            return;
        }
        if (!IWantToSend.IsMatch(n) || UsingTheTool.IsMatch(n)) return;
        // "cho tôi gửi cái đơn": the paper named is the one to send, not one sent before and chased.
        scores["complaint"] = Math.Max(scores.GetValueOrDefault("complaint"), Highest(scores, "help", "question", "info", "status") + 0.5);
    }

    /// <summary>
    /// "gửi video được không", "kèm file ghi âm được ko": whether the channel takes a kind of evidence is help with the
    /// channel. Read after the question's own words are counted, which it outweighs.
    /// </summary>
    private static void CanSendThisHere(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        var sending = SendingHere.IsMatch(n) || n.StartsWith("kem ", StringComparison.Ordinal);
        if (scores.GetValueOrDefault("problem") > 0 || !sending || OtherPaper.IsMatch(n) || !CanSendThis.IsMatch(n)) return;
        scores["help"] = Math.Max(scores.GetValueOrDefault("help"), scores.GetValueOrDefault("question") + scores.GetValueOrDefault("complaint")) + 1;
    }

    private static readonly Regex SellingCue = new(
        @"\b(\d+ ?k|\d+ ?%|giam gia|giam \d+|khuyen mai|gia re|gia soc|uu dai|nhan (lam|thiet ke|thi cong|ship|order|cho vay|may|in|sua chua)|dang ky ngay|mua ngay|goi ngay|tai link|link (ben duoi|tai|o duoi)|san pham|khoa hoc|uy tin|chat luong cao|toan quoc|mien phi|tang kem|freeship|inbox|ib|ship|dat hang|lien he ngay|nhan tin ngay|tuyen (nhan vien|ctv|cong tac vien|lao dong|gap)|luong \d+|\d+ ?(tr|trieu) ?/ ?(thang|ngay)|lam viec tai nha|viec nhe luong cao|can ban|ban (nha|dat|xe|my pham|hang|do|can ho)|cho thue|phong tro|gia (thuong luong|sinh vien|tot|hat de|canh tranh)|ai (co nhu cau|can)|nhu cau|nhan (day|chay|dich vu|quang cao|thiet ke)|tang (like|follow)|quang cao|vay online|duyet \d+ ?phut|can tien gap|kiem tien|rut tien|hang auth|chinh hang|chinh chu|mat pho|ship tan noi|gia chi|(gia|chi) (con |tu )?\d+ ?(trieu|ty|ti|tr)|sim so|so dep|tu quy|giao tan (nha|noi)|ship cod|dat nen|trao tay|lo goc|sinh loi|hoa hong)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Victim = new(@"\b(bi lua|lua dao|bi mat|mat tien|mat trang|chiem doat)\b", RegexOptions.CultureInvariant);

    private static readonly Regex ThanksOpening = new(@"^(\W*(xin|em|toi|chau|minh|bac|da|vang|chan thanh|rat|that su|thanh that|biet roi|hieu roi|ok|duoc roi|vay)\W+)*(cam on|cam ong|thank|thanks|tks|camon)\b", RegexOptions.CultureInvariant);

    // "đường đã được sửa rồi, gia đình tôi xin cảm ơn các anh rất nhiều": the thanks closes the message instead.
    private static readonly Regex ThanksClosing = new(@"\b(cam on|cam ong|thank|thanks|tks)( \w+){0,5}$", RegexOptions.CultureInvariant);

    private static readonly Regex DoneAlready = new(
        @"\b(da (\w+ ){0,3}(xu ly|sua|giai quyet|khac phuc|don|lam|xuong|vao cuoc)|(rat |qua |that )?(huu ich|bo ich|de hieu)|do (hon|nhieu)|xong (roi|ngay)|het (ngap|roi)|sang (lai|roi))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex StillWrong = new(@"\b(nhung|ma (van|chua)|van con|van chua|chua (xong|het|sua)|lai (hong|bi)|tiep tuc)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// "Cảm ơn các đồng chí đã xử lý nhanh vụ ổ gà, đi lại đỡ hơn nhiều rồi": thanks for what was done names the problem
    /// only as what was fixed — thanks, not a new complaint, unless something is still wrong.
    /// </summary>
    /// <summary>
    /// "Tôi xin chân thành cảm ơn …", "… gia đình tôi xin cảm ơn các anh rất nhiều": the thanks opens the message after
    /// the words that lead up to it, or closes it.
    /// </summary>
    private static bool FramedByThanks(string raw) => TextNormalizer.Normalize(raw) is var n && (ThanksOpening.IsMatch(n) || ThanksClosing.IsMatch(n));

    private static void ThanksForWhatWasDone(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        // Thanks closing a question or a chase is politeness ("… đã có ai xuống kiểm tra chưa ạ? Em cảm ơn").
        if (!ThanksOpening.IsMatch(n) && (!ThanksClosing.IsMatch(n) || raw.Contains('?') || AskedWhetherDone.IsMatch(n) || NoAnswerYet.IsMatch(n)) || !DoneAlready.IsMatch(n) || StillWrong.IsMatch(n)) return;
        foreach (var intent in new[] { "problem", "complaint", "status", "question", "help", "info" }) scores.Remove(intent);
        scores["thanks"] = Math.Max(scores.GetValueOrDefault("thanks"), IntentThreshold);
    }

    private static readonly Regex EitherWay = new(
        @"\b(len|ra|den|toi|nop|lam|o)\b.{0,40}\bhay (la )?(phai |minh |toi |em |tu |la phai )?(ra|len|den|toi|nop|lam|o|chu nha|nho|di)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "… thì lên UBND phường hay ra phòng công chứng", "tôi tự lên phường hay chủ nhà làm cho": asking which of two ways
    /// is asking how, whatever the topic's problem words.
    /// </summary>
    // How a khiếu nại or tố cáo is brought, asked of a case that may never happen or of the law itself: "nếu tôi muốn tố
    // cáo cán bộ nhận hối lộ thì làm đơn thế nào", "khiếu nại với tố cáo khác nhau thế nào", "thời hạn khiếu nại là bao
    // lâu", "người tố cáo có được giữ bí mật không", "gửi khiếu nại qua zalo này có giá trị không".
    private static readonly Regex AboutBringingADispute = new(
        @"\b((khieu nai|to cao) (voi|va) (to cao|khieu nai) (\w+ ){0,3}(khac|phan biet)|(thoi han|thoi hieu) (\w+ ){0,2}(khieu nai|to cao)|(khieu nai|to cao|to giac|don) (\w+ ){0,6}co (gia tri|hieu luc|duoc (giu bi mat|giau ten|bao mat))|(nguoi to cao|danh tinh|ten nguoi (to cao|gui)) (\w+ ){0,4}(bi mat|bao mat|giau ten))\b",
        RegexOptions.CultureInvariant);

    // "nếu tôi không đồng ý với quyết định xử phạt thì thời hạn khiếu nại là bao lâu": a case supposed, not told.
    private static readonly Regex Supposed = new(@"\bneu (\w+ ){0,12}(muon |can |dinh )?(khieu nai|to cao|to giac|lam don|gui don)\b", RegexOptions.CultureInvariant);

    private static readonly Regex AskedPlainly = new(@"(\?|\b(khong|ko|k|nao|dau|bao lau|bao nhieu|gi|sao|the nao|ra sao|chua)( (a|ad|vay|nhi|the|nhe|ha|chau|em|ban))*\W*)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Asked how a dispute is brought, with no case told that the track rules read: a question for an answer, not a
    /// khiếu nại or tố cáo to file — the track words in it name what is asked about.
    /// </summary>
    /// <returns>Whether it was asked so (the wrongdoing named in it is then supposed, not told).</returns>
    private bool AsksHowADisputeIsBrought(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        if (!(raw.Contains('?') || AskedPlainly.IsMatch(n))) return false;
        if (!Supposed.IsMatch(n) && !(AboutBringingADispute.IsMatch(n) && !ContestsDecision(raw) && !DenouncesWrongdoing(raw))) return false;
        scores["question"] = Math.Max(scores.GetValueOrDefault("question"), scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem") + 1);
        return true;
    }

    private static void AsksWhichWay(string raw, Dictionary<string, double> scores)
    {
        if (EitherWay.IsMatch(TextNormalizer.Normalize(raw)) && scores.GetValueOrDefault("complaint") < IntentThreshold)
            scores["question"] = Math.Max(scores.GetValueOrDefault("question") + IntentThreshold, scores.GetValueOrDefault("problem") + 1);
    }

    // "…, như thế có đúng không", "thái độ như vậy có chấp nhận được ko": asked of a wrong just told, the question is
    // rhetorical — the citizen complains.
    private static readonly Regex Rhetorical = new(
        @"\b(nhu (the|vay)|the|vay|kieu do|kieu nay|lam vay|lam the|lam an kieu) (co |thi co |la )?(dung|chap nhan duoc|duoc phep|hop ly|binh thuong|coi duoc|nen|chuan muc) (khong|ko|k|hong|ha|a)\b",
        RegexOptions.CultureInvariant);

    private static void RhetoricalAboutAWrong(string raw, Dictionary<string, double> scores)
    {
        if (scores.GetValueOrDefault("problem") <= 0 || !Rhetorical.IsMatch(TextNormalizer.Normalize(raw))) return;
        scores["problem"] = Math.Max(scores["problem"], Math.Max(scores.GetValueOrDefault("question"), scores.GetValueOrDefault("help")) + 1);
    }

    // "… có được hỗ trợ gì không", "thì có được trợ cấp không": whether the citizen is entitled to something.
    // "trung tâm hành chính công thứ 7 có làm việc không": whether an office serves at a given time.
    private static readonly Regex AsksEntitlementOrHours = new(
        @"\bco (duoc|dc) (\w+ ){0,5}?(ho tro|tro cap|huong|mien|giam|boi thuong|den bu|goi)\b.{0,30}\b(khong|ko|k|hong)\b|\bco quyen (\w+ ){0,5}(khong|ko|k)\b|\b(duoc|dc) (\w+ ){0,3}(ho tro|tro cap|huong) (gi|nhung gi|nao)\b|\b(thu 7|thu bay|chu nhat|cuoi tuan|ngay le|buoi toi) (\w+ ){0,3}?(co )?(lam viec|mo cua|tiep dan|lam|nhan ho so) (khong|ko|k)\b|\b(co )?(lam viec|mo cua|tiep dan|nhan ho so) (\w+ ){0,2}(thu 7|thu bay|chu nhat|cuoi tuan|ngay le|buoi toi) (khong|ko|k)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Asking whether one is entitled to support, or whether an office serves on Saturday, is a question whatever hardship
    /// the citizen tells with it ("công ty cho nghỉ không lương 2 tháng, người lao động có được hỗ trợ gì không") — unless
    /// a decision is contested, or the message asks to send a complaint.
    /// </summary>
    private void AsksEntitlement(string raw, Dictionary<string, double> scores)
    {
        if (!AsksEntitlementOrHours.IsMatch(TextNormalizer.Normalize(raw)) || ContestsDecision(raw) || scores.GetValueOrDefault("complaint") >= IntentThreshold) return;
        scores["question"] = Math.Max(scores.GetValueOrDefault("question") + IntentThreshold, scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("help") + 1);
    }

    /// <summary>
    /// An advert without a number: two or more different selling cues (a price, "giảm 70%", "khuyến mãi", "nhận thiết
    /// kế", "đăng ký ngay tại link") and nothing wrong named, asked or chased.
    /// </summary>
    internal bool SellsWithoutNumber(string raw, Dictionary<string, double> scores)
    {
        // A citizen asking what a landlord must register ("có nhu cầu cho thuê phòng trọ thì cần làm gì") is asking.
        if (scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("status") >= IntentThreshold
            || scores.GetValueOrDefault("question") >= IntentThreshold) return false;
        // The citizen who lost money to such an offer is the one complaining about it.
        var n = TextNormalizer.Normalize(raw);
        if (Victim.IsMatch(n)) return false;
        var cues = SellingCue.Matches(n).Select(m => m.Value).Distinct().Count();
        return cues >= 2;
    }

    // Someone hurt or in peril now: fainted, badly injured, bleeding, poisoned, bitten by a rabid dog, fallen into a
    // drain or a river, about to jump.
    private static readonly Regex Hurt = new(
        @"\b(ngat xiu|ngat|bat tinh|bi thuong nang|thuong nang|chay mau (nhieu|khong cam|lenh lang)|co giat|kho tho|khong tho duoc|sui bot mep|ngo doc|uong nham|cho dai can|bi ran can|ran doc can)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Falling = new(
        @"\b(roi xuong (cong|ho|gieng|song|ao|vuc|muong|kenh)|nga xuong (cong|ho|gieng|song|ao|muong)|duoi nuoc|bi duoi(?! (viec|di|ra|khoi|hoc|theo|ve))|doa nhay|doi nhay|dinh nhay|nhay cau|nhay lau|nhay song)\b",
        RegexOptions.CultureInvariant);

    // Fuel spilled on the road or a tanker overturned: fire at any spark.
    private static readonly Regex FuelSpilled = new(
        @"\b((xe bon|xe cho xang|xe cho dau|xe cho gas|xe cho ga)\b.{0,30}\b(lat|do)|(xang|dau|gas) (chay|tran|do) (lenh lang|ra duong|khap))\b",
        RegexOptions.CultureInvariant);

    // A risk told as a risk ("có nguy cơ", "sợ là") or a past event ("tuần trước có người ngất…") is a complaint, not
    // someone in peril now.
    private static readonly Regex OnlyARisk = new(
        @"\b(nguy co|co the se|suyt (nua |thi )?|de bi|so rang|neu khong|lo rang|tuan truoc|thang truoc|nam ngoai|nam truoc|lan truoc|hom truoc|da tung|tung co|hom qua)\b",
        RegexOptions.CultureInvariant);

    // The danger is over ("tuần trước có cháy kho, giờ dập xong rồi", "cây đổ từ hôm bão") or only feared ("chưa đứt
    // nhưng sợ có ngày rơi xuống") …
    private static readonly Regex DangerOver = new(
        @"\b(tuan truoc|thang truoc|nam ngoai|nam truoc|lan truoc|hom truoc|hom kia|tu hom bao|tu dot bao|tu tran bao|dap xong|da dap tat|dap tat roi|da tat roi|chay xong|het chay|thi het roi|het mui|het khoi|dap kip|(dap|tat|dung) kip (roi|thoi)|da (\w+ ){0,2}(don|don dep|khac phuc|xu ly xong|cua don|sua xong|noi lai)|cach day (\w+ ){0,2}(hom|ngay|tuan|thang|nam)|(da )?keo (di|ve) roi|keo (vao|ra) (le|ven|mep|bo) (\w+ ){0,2}roi|mat (het |sach |ca )?giay to|lam lai (giay to|the|so|can cuoc|giay))\b",
        RegexOptions.CultureInvariant);
    private static readonly Regex DangerFeared = new(
        @"\b(nguy co|co the se|suyt (nua |thi )?|so (co )?(ngay|luc|hom|khi)|so (mua |gio |bao |mua bao |mua gio )(do|sap|roi|gay|dut)|so rang|lo rang|chua (dut|do|sap|chay|roi|gay|no|sat|lo|sut)\b.{0,20}\b(nhung|ma)|nho dau|nhon nhot|keo (chet|do|sap|roi|chay|no|dut|gay)|(?<!\b(sat|sut) )lo (co|xay ra|ma|nhu) (\w+ ){0,3}(chay|no|chuyen|su co|tai nan|sap|do)|truoc khi (xay ra|co) (\w+ ){0,3}(chay|no|tai nan|su co|chet)|neu (co|xay ra|lo) (chay|no|su co|chuyen))\b",
        RegexOptions.CultureInvariant);
    // … or keeps coming back ("khói đen đêm nào cũng thế, con tôi ho cả tuần, báo mãi chả ai xuống"): a nuisance to be
    // stopped, not an emergency to call in …
    private static readonly Regex DangerRecurring = new(
        @"\b(ca tuan|ca thang|hang ngay|hang dem|dem nao cung|chieu nao cung|ngay nao cung|toi nao cung|bao mai|bao nhieu lan|may lan roi|lien tuc may|may (thang|tuan|nam) (roi|nay)|lau (roi|nay)|tu lau|tuan nao cung|thang nao cung|nam nao cung|som muon|dao nay|thuong xuyen|lan thu (\d+|hai|ba|bon|nam))\b",
        RegexOptions.CultureInvariant);

    // … or is someone burning rubbish, straw or tyres in the open: smoke and the smell of burning are a pollution
    // complaint unless the fire spreads or something else burns …
    private static readonly Regex OpenBurning = new(
        @"\b(dot|don dot) (rac|rom|ra|lop|lop xe|do cu|phe lieu|rac thai|nhua|vo)\b",
        RegexOptions.CultureInvariant);
    private static readonly Regex FireSpreading = new(
        @"\b(lan (sang|ra|vao|toi)|ben sang|chay lan|bat lua|lam chay|chay (nha|xuong|kho|cho|rung|to|lon|lan)|boc chay|dam chay|chay sang)\b",
        RegexOptions.CultureInvariant);

    // … unless something is happening now or help is called for ("vừa", not the "vữa" of "mảng vữa" flaking off).
    private static readonly Regex DangerNow = new(
        @"\b((?<!\b(mang|lop|cuc|tang|trat|qua) )vua|ngay bay gio|bay gio(?! (thi |no |da |cung )?(on|dung|het|xong|binh thuong|khong (sao|con)|ok|yen)\b)(?! (\w+ ){1,2}(nao cung|deu))|luc nay|hien gio|hien dang|ngay di|ngay lap tuc|cuu(?! hoa)|(?<!\b(khong|ko|k|chang) (phai )?)gap|khan cap|nhanh len|mau len|dang (chay|boc|lan|troi|do|sat|lo|ngap|sap|nut|rung|no|toe|ro ri)|co nguoi bi|mac ket|bi thuong)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A danger told as over, only feared or recurring with nothing said to happen now, or rubbish burnt in the open with
    /// no fire spreading: a complaint, not an emergency.
    /// </summary>
    internal static bool OverOrOnlyARisk(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        if (OpenBurning.IsMatch(n) && !FireSpreading.IsMatch(n)) return true;
        return (DangerOver.IsMatch(n) || DangerFeared.IsMatch(n) || DangerRecurring.IsMatch(n)) && !DangerNow.IsMatch(n);
    }

    /// <summary>
    /// People in peril now, in words the table may lack: someone hurt (fainted, badly injured, poisoned, bitten by a
    /// rabid dog) is medical; someone fallen into water or a drain, or about to jump, is a rescue; fuel spilled from an
    /// overturned tanker is fire. A risk told as a risk is not.
    /// </summary>
    internal DangerKind PeopleInPeril(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        if (OnlyARisk.IsMatch(n)) return DangerKind.None;
        var kind = DangerKind.None;
        if (People.IsMatch(n) && Hurt.IsMatch(n)) kind |= DangerKind.Medical;
        if (People.IsMatch(n) && Falling.IsMatch(n)) kind |= DangerKind.Rescue;
        if (FuelSpilled.IsMatch(n)) kind |= DangerKind.Fire;
        if (CryOfFire.IsMatch(n)) kind |= DangerKind.Fire;
        if (CryForHelp.IsMatch(n)) kind |= DangerKind.Rescue;
        if (PoleDown.IsMatch(n)) kind |= DangerKind.Power;
        if (SmokeFromABuilding.IsMatch(n)) kind |= DangerKind.Fire;
        // A child or an old person lost since hours ago is for the police; near water, a rescue too. Named as a person
        // ("con tôi", "bố tôi", "bà cụ"): "con bò đi lạc" is a cow, and "tìm mãi không thấy" alone may be a paper.
        if (Lost.IsMatch(n)) kind |= NearWater.IsMatch(n) ? DangerKind.Police | DangerKind.Rescue : DangerKind.Police;
        return kind;
    }

    // "CHÁY", "chay roi!!!", "cháy cứu với": the cry alone, with nothing around it to say otherwise.
    private static readonly Regex CryOfFire = new(@"^((oi|troi oi|cuu|cuu voi|alo) )*chay( (roi|nha|oi|to|lon|cuu|cuu voi|voi|that|a|o day|day))*$", RegexOptions.CultureInvariant);

    // "cứu", "cuu voi", "cứu tôi với": a call for help alone, nothing around it to say what.
    private static readonly Regex CryForHelp = new(@"^((oi|troi oi|alo|co ai khong|ai do) )*cuu( (voi|toi|em|chau|con|tui|minh|nguoi|oi|giup|nhanh|nhanh len|gap|a|di))*$", RegexOptions.CultureInvariant);

    // "cột điện đầu ngõ vừa gãy đổ xuống", "cột điện nghiêng đổ hẳn xuống lòng đường": a pole down, words between.
    private static readonly Regex PoleDown = new(@"\bcot dien (\w+ ){0,4}(gay|nghieng do|do (xuong|ra|hang|sap|nghieng|de)|nga (xuong|ra)|sap xuong)\b", RegexOptions.CultureInvariant);

    // "khói đen kịt bốc ra từ tầng 2 nhà bên cạnh": smoke pouring out of a building, whatever it is called.
    private static readonly Regex SmokeFromABuilding = new(
        @"\bkhoi (\w+ ){0,3}(boc|toa|phut|tuon|cuon) (ra|len)? ?(\w+ ){0,2}(tu|o|trong) (\w+ ){0,1}(tang|nha|can ho|phong|cua so|kho|xuong|mai|chung cu|cua hang|quan)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Lost = new(
        @"\b((con|chau) (toi|em|minh|tui|nha toi|nha em|trai|gai|\d+ tuoi)|em be|be (trai|gai)|dua (nho|be|tre)|tre (em|con)|(bo|me|ong|ba) (toi|em|minh|tui|cu|noi|ngoai)|cu gia)\b(\s\w+){0,5}\s(di lac|bi lac|lac mat|mat tich|bo di dau|khong thay ve)\b",
        RegexOptions.CultureInvariant);
    private static readonly Regex NearWater = new(@"\b(song|ho|ao|kenh|muong|suoi|bien|dam|bo song|bo ho)\b", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> FixingVerbs = ["sua", "don", "giai", "khac", "thay", "xu", "thong", "vet", "hut", "lap", "dap", "cat", "chat", "nao", "thu"];
    private static readonly HashSet<string> NotYet = ["khong", "chua", "chang", "cha", "van", "dau", "moi"];

    /// <summary>
    /// "đã được giải quyết rồi", "có người đến dọn rồi": a fixing verb, said done ("rồi", "đã … xong"), nothing negated,
    /// nothing wrong named — fixed, in words the table lacks.
    /// </summary>
    private bool FixedInOtherWords(TokenizedText text)
    {
        var words = text.Tokens.Select(t => t.Text).ToList();
        if (words.Count < 2 || words.Any(NotYet.Contains) || !words.Any(FixingVerbs.Contains)) return false;
        var done = words[^1] is "roi" or "xong" || words.Contains("roi") || (words[0] == "da" && words.Contains("xong"));
        return done && Score(text, _intents.GetValueOrDefault("problem") ?? []).Score == 0;
    }

    /// <summary>
    /// "sáng nay đèn sáng rồi cảm ơn ạ", "rồi cháu ạ, đèn sáng rồi, bác cảm ơn các cháu": a "fixed" phrase among chatter
    /// and thanks, with nothing negated, broken again or wrong named — fixed. A lone "rồi" counts only as the answer's
    /// first word; thanks alone does not answer the question.
    /// </summary>
    private bool FixedAmongWords(TokenizedText text, Phrase[] fixedSet, Phrase[] notFixed)
    {
        if (text.Count > 30 || text.Tokens.Any(t => NotYet.Contains(t.Text))) return false;
        if (Score(text, notFixed).Score > 0 || Found(text, Set(FlowAnswers.BrokeAgain))
            || Score(text, _intents.GetValueOrDefault("problem") ?? []).Score > 0) return false;
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
    /// "làm qua loa, vẫn hỏng", "đâu có, vẫn tối thui": the problem is still there — not fixed, and said in the
    /// citizen's words. "vẫn" is what a person hears.
    /// </summary>
    private static bool StillThere(TokenizedText text) =>
        text.Count >= 3 && (text.Tokens.Take(text.Count - 1).Any(t => t.Text == "van" && (t.Accented is null || t.Accented == Still))
            || (" " + text.Window(0, text.Count) + " ").Contains(" qua loa ", StringComparison.Ordinal)
            || NobodyCame.IsMatch(text.Window(0, text.Count)));

    // "làm gì có ai đến đâu", "có thấy ai đến thay đâu": the rhetorical "nobody came" — nothing was done.
    private static readonly Regex NobodyCame = new(@"\blam gi co\b|\b(co|thay) ai\b.*\bdau\b|\bai\b.{0,30}\bdau ma\b", RegexOptions.CultureInvariant);

    private static readonly string Still = TextNormalizer.ToneLast("vẫn");
}
