using System.Text.RegularExpressions;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// Rules a person applies beyond matching words: a word under a negation means its opposite, a question asked inside
/// a story is still the story, thanks for what was done is not a complaint. Small on purpose; each says why it exists.
/// Their kin live beside them: danger (Readings.Danger.cs), "is it fixed?" (Readings.Fixed.cs), names
/// (Readings.Names.cs), adverts and insults (Readings.Adverts.cs), tracks and chasing.
/// </summary>
public sealed partial class Understander
{
    // Words between a negation and the help word it denies: "không ai hướng dẫn", "chẳng được hướng dẫn".
    private static readonly HashSet<string> NegationGap = ["ai", "duoc", "dc", "cho", "chi", "ho", "he", "thay", "nguoi", "can", "bo"];

    // After a negation these ask for help rather than deny it: "không biết cách gửi", "chưa rõ thủ tục".
    private static readonly HashSet<string> Unknowing = ["biet", "ro", "hieu", "bit"];

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

    /// <summary>
    /// "số 12 Lý Thái Tổ, à không, số 21", "ngõ 5 à nhầm ngõ 7 Nguyễn Du": an address corrected within the message it
    /// is given in — what follows the slip replaces what it names in what came before. Null when nothing is corrected.
    /// </summary>
    public string? SelfCorrectedAddress(string answer)
    {
        var slip = AddressSlip().Match(answer);
        if (!slip.Success || slip.Index == 0) return null;
        var before = answer[..slip.Index].Trim().TrimEnd(',', '.', ';').Trim();
        var after = answer[(slip.Index + slip.Length)..].Trim().TrimEnd('.', '!').Trim();
        if (before.Length == 0 || after.Length == 0) return null;
        if (IsHouseNumberAlone(after)) return ReplaceNumber(before, after);
        return OpensWithPlaceWord(after) ? ReplaceFromMarker(before, after) : null;
    }

    // "à không", "ơ nhầm", ", lộn": a slip owned up to in the middle of an answer ("ngõ không tên" is no slip).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:,?\s*\b(?:à|a|ơ|ah)\s+(?:không|ko|k|nhầm|nham|lộn|lon)|,\s*(?:nhầm|nham|lộn|lon))\b(?:\s+(?:phải|phai|là|la))?[\s,:]*")]
    private static partial System.Text.RegularExpressions.Regex AddressSlip();

    /// <summary>
    /// "1, a nham, 3 nha", "không gửi... à nhầm, đúng rồi, gửi đi", "Chưa... à xin lỗi, sáng đèn rồi ạ": an answer taken
    /// back after a pause and given again — what follows the last slip; null when there is none.
    /// </summary>
    public static string? AfterASlip(string answer)
    {
        var slips = AnswerSlip().Matches(answer);
        if (slips.Count == 0) return null;
        var last = slips[^1];
        var after = answer[(last.Index + last.Length)..].Trim();
        return last.Index > 0 && after.Length > 0 ? after : null;
    }

    // A pause before it, and an "à" before it or a pause after it, make "nhầm" a slip owned up to rather than a word of
    // the answer ("bấm nhầm phường", "số điện thoại, nhầm số rồi").
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:,|\.{2,}|…)\s*(?:(?:à|a|ơ|o|ah|ấy|ay|ấy chết|ay chet)\s+(?:xin lỗi|xin loi|nhầm|nham|lộn|lon|khoan)\b[\s,.!:]*|(?:xin lỗi|xin loi|nhầm|nham|lộn|lon|khoan)\s*[,.!:]+\s*)")]
    private static partial System.Text.RegularExpressions.Regex AnswerSlip();

    /// <summary>"21", "số 21", "số nhà 14", "nhà số 14": only a house number, which replaces the number in an address.</summary>
    public static bool IsHouseNumberAlone(string text) => HouseNumberAlone().IsMatch(TextNormalizer.Normalize(text));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:so nha |nha so |so )?\d+$")]
    private static partial System.Text.RegularExpressions.Regex HouseNumberAlone();

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

    // "Xin chào, tôi là Trần Thị Hoa, cán bộ văn phòng công ty may …": who is writing, by full name, and nothing asked yet.
    private static readonly Regex SelfIntroduction = new(
        @"^\W*(?i:(?:(?:xin\s+)?ch[àa]o\w*[^,.!?\n]{0,20}[,.!?]+\s*)?(?:t[ôo]i|em|e|m[ìi]nh|ch[áa]u|tui|con)\s+(?:t[êe]n\s+)?l[àa])\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A citizen who only says who they are (a name, perhaps a post) has not yet said what they want: greeted back and
    /// asked, not offered a complaint whose words are their own introduction.
    /// </summary>
    private static bool OnlyIntroducesThemself(string raw, Dictionary<string, double> scores) =>
        SelfIntroduction.IsMatch(raw.Normalize(System.Text.NormalizationForm.FormC))
        && new[] { "problem", "complaint", "question", "status", "help", "info" }.All(i => scores.GetValueOrDefault(i) == 0);

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

    // Sent lately, besides the ways a chase says it was sent: "vừa gửi", "cái phản ánh lúc sáng", "mấy cái gửi trước đó".
    private static readonly Regex SentLately = new(
        @"\b(da gui|gui (\w+ ){0,2}roi|vua gui|gui (luc|hom|tu|hoi|truoc)|(phan anh|don|kien nghi|cai) (luc sang|hom qua|hom truoc|hoi sang|sang nay)|truoc do)\b",
        RegexOptions.CultureInvariant);

    // …and wanting to change it: add to it, correct it, withdraw it or see it again.
    private static readonly Regex ChangeWhatWasSent = new(
        @"\b(muon|can|de|xin|co the|co|cho (toi|em|e|minh|bac|chau|tui) )\s*(\w+ ){0,2}(sua|sua lai|doi|thay doi|them|bo sung|gui them|huy|rut|rut lai|xoa|xem lai|coi lai)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex AskedIfOrHow = new(
        @"\b(lam sao|lam the nao|the nao|nhu the nao|ntn|lam rang|the mo|kieu gi|cach nao|(duoc|dc) (khong|ko|k|hong|hok)|khong thay (nut|cho)|(khong|ko|k) biet bam|hay mat)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "Gửi phản ánh rồi mà muốn sửa lại số điện thoại thì có được không", "muốn gửi thêm ảnh cho cái phản ánh lúc sáng
    /// mà không thấy nút", "làm sao để hủy cái phản ánh đã gửi": asking how to add to, correct, withdraw or see again what
    /// was sent is help with the channel — the help says how — not a new complaint nor a chase.
    /// </summary>
    private static void ChangesWhatWasSent(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        if (!(SentBefore.IsMatch(n) || SentLately.IsMatch(n)) || !ChangeWhatWasSent.IsMatch(n) || !AskedIfOrHow.IsMatch(n)) return;
        var otherwise = Math.Max(Highest(scores, "question", "status", "info"), scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem"));
        scores["help"] = Math.Max(scores.GetValueOrDefault("help"), otherwise + 0.5);
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
    // "nếu thấy cán bộ xã nhận phong bì thì báo ở đâu": where to report it, asked of a case supposed.
    private static readonly Regex Supposed = new(@"\bneu (\w+ ){0,12}(muon |can |dinh )?(khieu nai|to cao|to giac|lam don|gui don)\b|\bneu (thay|gap|biet|phat hien|co) (\w+ ){1,12}thi (\w+ ){0,2}(bao|phan anh|gui|trinh bao|bao cao|lien he|goi|to cao|to giac) (\w+ ){0,2}(o dau|cho ai|the nao|nhu nao|ntn|bang cach nao|dau)\b", RegexOptions.CultureInvariant);

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
}
