using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Understanding;

/// <summary>What a message typed inside the flow means before it may become the step's answer.</summary>
public enum FlowIntent
{
    None,
    Cancel,
    Back,
    Edit,
    Correction,
    Later,
    /// <summary>
    /// Yes to a step where nothing typed is stored, in words the rules could not read — the photos are sent ("đây em gửi
    /// luôn đây"), the summary is right ("bác đọc lại thấy đúng hết rồi, gửi đi cho bác"): the second opinion's alone.
    /// </summary>
    Agrees,

    /// <summary>
    /// Another matter told mid-flow in words the rules could not read as one ("à còn vụ nữa, ông trưởng thôn còn lấy tiền
    /// làm đường của dân, báo luôn được không"): the second opinion's alone; kept to be offered after this complaint.
    /// </summary>
    AnotherMatter,
}

/// <summary>A part of the draft a citizen names ("sửa địa chỉ", "sai số điện thoại rồi").</summary>
public enum DraftPart
{
    None,
    Category,
    Description,
    Place,
    Area,
    Attachments,
    Contact,
    Name,
    Phone,
}

/// <summary>
/// The reading of a message inside the flow. For a correction, <paramref name="From"/> is what was wrong (may be
/// null: "sai địa chỉ rồi, phải là số 21") and <paramref name="To"/> what it should be, both as the citizen typed them.
/// </summary>
/// <paramref name="Adds"/>: the words are added to the part ("thêm vào mô tả là từ hôm qua"), not put in its place.
/// <paramref name="Quoted"/>: both were quoted ("đổi "nguy hiểm" thành "khó khăn""): the words are swapped as written.
public sealed record FlowReading(FlowIntent Intent, DraftPart Part = DraftPart.None, string? From = null, string? To = null, bool Adds = false, bool Quoted = false)
{
    public static readonly FlowReading Nothing = new(FlowIntent.None);

    /// <summary>The words read, as typed: a correction may keep more of them than <see cref="To"/> holds.</summary>
    public string? Said { get; init; }

    // What was typed is no part of what was read: two readings of one meaning are equal.
    public bool Equals(FlowReading? other) =>
        other is not null && (Intent, Part, From, To, Adds, Quoted) == (other.Intent, other.Part, other.From, other.To, other.Adds, other.Quoted);

    public override int GetHashCode() => HashCode.Combine(Intent, Part, From, To, Adds, Quoted);
}

/// <summary>The citizen's answer to "is it fixed?" typed in words.</summary>
public enum FixedAnswer
{
    None,
    Fixed,
    NotFixed,
    /// <summary>"chưa sửa xong, vẫn còn ngập": not fixed, and what remains is already said.</summary>
    NotFixedSaid,
}

/// <summary>The answer sets the flow reading uses (the phrase table's "answers" section).</summary>
public static class FlowAnswers
{
    public const string Fillers = "flowFillers";
    public const string Later = "later";
    public const string BackReasons = "backReasons";
    public const string EditVerbs = "editVerbs";
    public const string Another = "anotherProblem";
    public const string Fixed = "fixed";
    public const string NotFixed = "notFixed";
    public const string NotCheckedYet = "notCheckedYet";
    public const string BrokeAgain = "brokeAgain";
    public const string Abuse = "abuse";
    public const string Spam = "spam";

    public static readonly IReadOnlyList<(string Set, DraftPart Part)> Parts =
    [
        ("partDescription", DraftPart.Description), ("partPlace", DraftPart.Place), ("partArea", DraftPart.Area),
        ("partContact", DraftPart.Contact), ("partName", DraftPart.Name), ("partPhone", DraftPart.Phone),
        ("partCategory", DraftPart.Category), ("partAttachments", DraftPart.Attachments),
    ];

    public static readonly IReadOnlyList<(string Set, DangerKind Kind)> Dangers =
    [
        ("dangerFire", DangerKind.Fire), ("dangerPower", DangerKind.Power), ("dangerPolice", DangerKind.Police),
        ("dangerMedical", DangerKind.Medical), ("dangerRescue", DangerKind.Rescue),
    ];
}

public sealed partial class Understander
{
    private Phrase[] Set(string name) => _answers.TryGetValue(name, out var phrases) ? phrases : [];

    /// <summary>
    /// Cancel, back, a correction, an edit of a named part, or "later / I don't know", read in natural phrasing
    /// ("thôi bỏ đi, để khi khác", "à nhầm, không phải đèn đường mà là cống", "cho sửa lại mô tả", "để tí e gửi sau").
    /// Step-specific sense (what "later" means at each step) is the engine's.
    /// </summary>
    public FlowReading ReadInFlow(string raw) => Read(KeptAsItWas().Replace(raw, "", 1)) with { Said = raw };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(thoi )?(huy|xoa) (luon|het|di|bo|giup|gium|dum|toan bo|tat ca|cai|don|phan anh|kien nghi)\b(?!.*\b(anh|hinh|sdt|so dien thoai|dia chi|mo ta|ten)\b)")]
    private static partial System.Text.RegularExpressions.Regex ClosingCancel();

    // "thôi hủy đi e ko muốn để lại sđt": only particles between the drop and why ("hủy luôn ảnh e ko muốn" drops the photo).
    [System.Text.RegularExpressions.GeneratedRegex(@"\bhuy (di|luon|het|bo)( (a|nha|nhe|giup|gium|dum|luon|di|thoi|roi|ad|nhen)){0,2} (e|em|toi|tui|minh|chau|bac|con|t) (ko|khong|k|chang|hong) (muon|can|thich|dam)\b")]
    private static partial System.Text.RegularExpressions.Regex PartOnlyInWhy();

    // "tên sđt như trên, nhưng nhà tôi là số 12A chứ ko phải 12": what stays as it was is no part of what changes.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)[^,.;]{0,30}?\b(như trên|nhu tren|như cũ|nhu cu|giữ nguyên|giu nguyen)\s*[,.]?\s*(nhưng|nhung|còn|mà)\s+(?=\S)")]
    private static partial System.Text.RegularExpressions.Regex KeptAsItWas();

    private FlowReading Read(string raw)
    {
        var text = Tokenize(raw);
        if (text.Count == 0) return FlowReading.Nothing;
        var fillers = Set(FlowAnswers.Fillers);
        if (CoveredBy(text, [Set(Answer.Cancel)], fillers)) return new FlowReading(FlowIntent.Cancel);
        // "thôi để hôm khác e gửi": said twice over, one word more does not make it data — unless it names a part
        // ("thôi bỏ ảnh đi" removes the photos).
        if (Score(text, Set(Answer.Cancel)).Score >= 2 && Uncovered(text, [Set(Answer.Cancel)], fillers) <= 1 && PartIn(text, 0, text.Count) == DraftPart.None)
            return new FlowReading(FlowIntent.Cancel);
        // "0987… gọi giờ hành chính, tên không cần đâu": a number given is never the complaint dropped.
        if (!PhoneGiven.IsMatch(raw) && (CancelAtBothEnds(text) || CancelWithAReason(text))) return new FlowReading(FlowIntent.Cancel);
        // "thôi ko cần để lại sđt đâu, hủy luôn cái đơn này": a closing clause that opens with "hủy" drops the whole matter,
        // whatever came before ("…, thôi khỏi" after a reason may give up only the step's part).
        if (!PhoneGiven.IsMatch(raw) && text.Clauses() is { Count: > 1 } said
            && ClosingCancel().IsMatch(ZaloBot.Domain.Text.TextNormalizer.Normalize(text.Clause(said[^1]))))
            return new FlowReading(FlowIntent.Cancel);
        // "thôi khỏi ảnh", "không cần ảnh đâu": the photos are skipped, not the complaint.
        if (PartIn(text, 0, text.Count) == DraftPart.Attachments && Found(text, Set(Answer.Cancel))
            && Uncovered(text, [Set(Answer.Cancel), Set(FlowAnswers.Later), Set("partAttachments")], fillers) == 0)
            return new FlowReading(FlowIntent.Later, DraftPart.Attachments);
        if (CoveredBy(text, [Set(Answer.Back)], fillers)) return new FlowReading(FlowIntent.Back);
        if (BackToPart(text) is var backTo and not DraftPart.None) return new FlowReading(FlowIntent.Edit, backTo);
        if (BackWithAReason(text, fillers)) return new FlowReading(FlowIntent.Back);
        if ((Correction(text) ?? CorrectionAfterAYes(text)) is { } correction)
        {
            if (AskedToEdit(correction.To, fillers) is var asked and not DraftPart.None) return new FlowReading(FlowIntent.Edit, asked);
            // "cho sửa lại phần tên với số điện thoại, đấy là số của con trai bác": an edit asked first, then only why.
            if (EditWithAReason(text, fillers) is var opened and not DraftPart.None && OnlyWhy(Tokenize(text.RawFrom(text.FirstClauseBreak()))))
                return new FlowReading(FlowIntent.Edit, opened);
            // "… chứ ko phải cái đèn, chọn lại lĩnh vực dc ko": a closing clause that asks to edit a part decides — and where
            // what was corrected is a number ("ảnh chụp trước số 14 chứ không phải số 12, sửa giúp em địa chỉ"), it says whose.
            if (text.Clauses() is { Count: > 1 } clauses && AskedToEdit(text.Clause(clauses[^1]), fillers) is var closing and not DraftPart.None
                && closing != correction.Part)
                return correction.To?.Any(char.IsAsciiDigit) == true ? correction with { Part = closing } : new FlowReading(FlowIntent.Edit, closing);
            return correction;
        }
        var part = PartIn(text, 0, text.Count);
        if (part != DraftPart.None && Found(text, Set(FlowAnswers.EditVerbs)) && Uncovered(text, [Set(FlowAnswers.EditVerbs), .. FlowAnswers.Parts.Select(p => Set(p.Set)), Set(Answer.Back)], fillers) <= 1)
            // "khoan gửi ảnh, cho tôi sửa địa chỉ đã": of two parts named in two clauses, the clause that asks decides.
            return text.Clauses().Count > 1 && ClauseByClause(text) is { Intent: FlowIntent.Edit } byClause ? byClause : new FlowReading(FlowIntent.Edit, part);
        if (EditWithAReason(text, fillers) is var reasoned and not DraftPart.None) return new FlowReading(FlowIntent.Edit, reasoned);
        // "Mai 0987123456" gives a name and a number: "mai" is tomorrow only when nothing is given with it — nor when it
        // ends a name ("Trần Thị Mai").
        if (Found(text, Set(FlowAnswers.Later)) && Uncovered(text, [Set(FlowAnswers.Later), .. FlowAnswers.Parts.Select(p => Set(p.Set))], fillers) <= 2
            && !PhoneGiven.IsMatch(raw) && !EndsAName(text))
            return new FlowReading(FlowIntent.Later);
        if (LaterWithAReason(text, fillers)) return new FlowReading(FlowIntent.Later, PartIn(text, 0, text.Count));
        if (DoesNotKnow(text) || LaterClosingAReason(text, fillers) || DoesNotKnowWhere(text)) return new FlowReading(FlowIntent.Later);
        if (ForgotToSay(text) is { } forgotten) return forgotten;
        return ClauseByClause(text);
    }

    private static readonly HashSet<string> Telling = ["noi", "ghi", "ke", "bao", "nhan", "viet", "dua"];
    private static readonly HashSet<string> AskingToAdd = ["them", "bo", "ghi", "nho", "nhe", "nha", "giup", "gium", "dum"];

    /// <summary>
    /// "à quên chưa nói đèn hỏng từ hôm mùng 3 tết đến giờ, thêm vào giúp bác với": what was forgotten is added — to the
    /// place when it tells one ("ngay cạnh cổng chợ Giầu"), else to the description; a closing clause asking to add it
    /// is no part of it.
    /// </summary>
    private FlowReading? ForgotToSay(TokenizedText text)
    {
        var at = Enumerable.Range(0, Math.Min(4, text.Count)).FirstOrDefault(i => text.Tokens[i].Text == "quen", -1);
        if (at < 0) return null;
        at++;
        if (at < text.Count && text.Tokens[at].Text is "chua" or "khong" or "mat") at++;
        if (at >= text.Count || !Telling.Contains(text.Tokens[at].Text)) return null;
        at++;
        while (at < text.Count && text.Tokens[at].Text is "la" or "them" or "ro" or "voi" or "cho" or "ban" or "chau" or "em" or "ad" or "mot" or "cai" or "y") at++;
        var end = text.Count - 1;
        if (text.Clauses() is { Count: > 1 } clauses && clauses[^1].Start > at && AskingToAdd.Contains(text.Tokens[clauses[^1].Start].Text))
            end = clauses[^1].Start - 1;
        if (end - at + 1 < 3) return null;
        var value = text.Span(at, end);
        var named = PartIn(text, at, end + 1);
        var part = PlaceNamedAfter.IsMatch(value) && named is not DraftPart.Description ? DraftPart.Place : DraftPart.Description;
        return new FlowReading(FlowIntent.Correction, part, null, value, Adds: true);
    }

    /// <summary>
    /// Words that say why and give no value a step could take: opened by "đấy/đó/vì/tại/do", no number, no name or place
    /// ("đấy là số của con trai bác"; not "đèn đường bị chập chờn cả đêm", which is the value).
    /// </summary>
    private static bool OnlyWhy(TokenizedText words) =>
        words.Count > 0 && words.Tokens[0].Text is "day" or "do" or "vi" or "tai" or "boi"
        && !words.Tokens.Any(t => t.IsNumber || char.IsDigit(t.Text[0])) && !words.Tokens.Skip(1).Any(t => t.Capitalised) && !PlaceNamedAfter.IsMatch(words.Raw);

    /// <summary>
    /// What a correction would put in place is itself a request to edit a part ("khoan cho sửa lại địa chỉ đã, nãy ghi
    /// nhầm"): that part is opened, and the request is not kept as its value.
    /// </summary>
    private DraftPart AskedToEdit(string? value, Phrase[] fillers)
    {
        if (value is null) return DraftPart.None;
        var text = Tokenize(value);
        var part = PartIn(text, 0, text.Count);
        return part != DraftPart.None && Found(text, Set(FlowAnswers.EditVerbs))
            && Uncovered(text, [Set(FlowAnswers.EditVerbs), .. FlowAnswers.Parts.Select(p => Set(p.Set)), Set(Answer.Back)], fillers) <= 1
            ? part : DraftPart.None;
    }

    /// <summary>
    /// "khoan gửi ảnh, cho sửa lại cái địa chỉ đã, ghi thiếu số ngõ", "để mai sáng ra chụp rồi gửi sau nhé, giờ bỏ qua":
    /// a message of several clauses where one clause on its own is a command and the others only talk around it — no
    /// problem named, no number given. The strongest command wins: an edit of a named part, then back or cancel (the
    /// later of the two), then later.
    /// A cancel of the editing ("thôi không sửa nữa") is not a cancel of the complaint.
    /// </summary>
    private FlowReading ClauseByClause(TokenizedText text)
    {
        var clauses = text.Clauses();
        if (clauses.Count is < 2 or > 5 || text.Count > 36 || PhoneGiven.IsMatch(text.Raw)) return FlowReading.Nothing;
        var problem = _intents.GetValueOrDefault("problem") ?? [];
        var complaint = _intents.GetValueOrDefault("complaint") ?? [];
        // "cho tôi phản ánh luôn cái đèn đường …": asking to complain names a matter as much as a fault does.
        bool NamesAMatter(TokenizedText words) => Score(words, problem).Score + Score(words, complaint).Score >= IntentThreshold;
        var readings = new List<(FlowReading Reading, int At)>();
        foreach (var clause in clauses)
        {
            var words = Tokenize(text.Clause(clause));
            var reading = ReadInFlow(words.Raw);
            if (reading.Intent == FlowIntent.Cancel && Found(words, Set(FlowAnswers.EditVerbs))) continue;
            // "ko có ghế ngồi" is a lack named, not "không có" said to a step: a clause of later is all words of later.
            var later = reading.Intent == FlowIntent.Later
                        && (DoesNotKnow(words) || Uncovered(words, [Set(FlowAnswers.Later), Set(Answer.Skip), .. FlowAnswers.Parts.Select(p => Set(p.Set))], Set(FlowAnswers.Fillers)) <= 1);
            if (later || reading.Intent is FlowIntent.Cancel or FlowIntent.Back || reading.Intent == FlowIntent.Edit && reading.Part != DraftPart.None)
                readings.Add((reading, clause.Start));
            // The other clauses only talk: no problem named, and nothing a step could take as its answer — a place
            // ("…, ở gần chợ Giàu"), a number, a name.
            else if (NamesAMatter(words) || PlaceNamedAfter.IsMatch(words.Raw)
                     || words.Tokens.Any(t => t.IsNumber) || words.Tokens.Skip(1).Any(t => t.Capitalised)) return FlowReading.Nothing;
        }
        if (readings.Count == 0) return FlowReading.Nothing;
        // "Later" is read from words a problem may also use ("không biết bao giờ mới sửa"): only where no problem is named.
        if (readings.All(r => r.Reading.Intent == FlowIntent.Later) && NamesAMatter(text)) return FlowReading.Nothing;
        // Of two edits the later one is the request ("khoan gửi ảnh, cho tôi sửa lại cái địa chỉ đã"); so of back and
        // cancel, the later is the decision ("thôi không sửa nữa, hủy luôn phản ánh này đi").
        return readings.OrderBy(r => r.Reading.Intent switch { FlowIntent.Edit => 0, FlowIntent.Back or FlowIntent.Cancel => 1, _ => 3 })
            .ThenByDescending(r => r.At).First().Reading;
    }

    /// <summary>
    /// "cho sửa lại phần mô tả, viết thiếu ý": the opening clause asks to edit a named part, the rest is only why —
    /// nothing wrong named, no number.
    /// </summary>
    private DraftPart EditWithAReason(TokenizedText text, Phrase[] fillers)
    {
        if (text.Count > 16 || PhoneGiven.IsMatch(text.Raw)) return DraftPart.None;
        var pause = text.FirstClauseBreak();
        if (pause == 0) return DraftPart.None;
        var opening = Tokenize(text.RawBefore(pause));
        var part = PartIn(opening, 0, opening.Count);
        // "Nội dung chính xác, đề nghị gửi": "chính" is not "chỉnh" — a yes is not an edit.
        if (part == DraftPart.None || Covers(opening, Set(Answer.Submit)) || !Found(opening, Set(FlowAnswers.EditVerbs))
            || Uncovered(opening, [Set(FlowAnswers.EditVerbs), .. FlowAnswers.Parts.Select(p => Set(p.Set))], fillers) > 1) return DraftPart.None;
        return Score(Tokenize(text.RawFrom(pause)), _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold ? part : DraftPart.None;
    }

    /// <summary>
    /// "tối quá chụp không rõ, bỏ qua", "chụp hổng thấy gì, để mai tui gửi sau": the last clause is wholly "skip" or
    /// "later", the clauses before only why — nothing wrong named, no number, no place.
    /// </summary>
    private bool LaterClosingAReason(TokenizedText text, Phrase[] fillers)
    {
        if (text.Count > 16 || PhoneGiven.IsMatch(text.Raw) || PlaceNamedAfter.IsMatch(text.Raw)) return false;
        var last = text.LastClauseBreak();
        if (last == 0) return false;
        var closing = Tokenize(text.RawFrom(last));
        if (!CoveredBy(closing, [Set(FlowAnswers.Later), Set(Answer.Skip)], fillers)) return false;
        return Score(Tokenize(text.RawBefore(last)), _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold;
    }

    /// <summary>Three or four capitalised words and nothing else: a full name, whatever its last word means on its own.</summary>
    private static bool EndsAName(TokenizedText text) =>
        text.Count is >= 3 and <= 4 && text.Tokens.All(t => t.Capitalised && !t.IsNumber);

    private static readonly HashSet<string> Knowing = ["biet", "bik", "bit", "ro", "nho"];
    private static readonly HashSet<string> Softeners = ["cung", "thi", "that", "thuc", "a", "da", "con", "ma"];
    private static readonly System.Text.RegularExpressions.Regex PlaceNamedAfter = new(
        @"\b(gần|gan|cạnh|canh|đối diện|doi dien|trước|truoc|sau|đầu|dau|cuối|cuoi|ở|o|tại|tai)\s+(\p{Lu}|\d|(chợ|cho|trường|truong|ngõ|ngo|ngách|ngach|đường|duong|số|so|thôn|thon|xóm|xom|cầu|cau|cổng|cong|cty|công ty|cong ty|quán|quan|hẻm|hem|kiệt|kiet|chùa|đình|nhà văn hóa|nha van hoa|khu|dãy|bãi|bai|trạm|tram|bến)\b)",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// "bác cũng không rõ là phường nào", "k biết thuộc phường nào nữa, gần ranh giới", "không nhớ số nhà": the citizen
    /// does not know what is asked — the step's "later". Not when a place is given after all ("không rõ số nhà, ở gần
    /// chợ Giàu"), a number is typed, or something wrong is named.
    /// </summary>
    /// <summary>
    /// "e ở trọ mới chuyển đến ko biết phường gì ad ơi": not knowing where, said anywhere in the message, is no answer to
    /// where — unless a number or a place is given after all.
    /// </summary>
    private bool DoesNotKnowWhere(TokenizedText text) =>
        text.Count <= 25 && NotKnowingWhere.IsMatch(ZaloBot.Domain.Text.TextNormalizer.Normalize(text.Raw)) && !PhoneGiven.IsMatch(text.Raw) && !PlaceNamedAfter.IsMatch(text.Raw)
        && Score(text, _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold;

    private static readonly System.Text.RegularExpressions.Regex NotKnowingWhere = new(
        @"\b(khong|ko|k|chang|cha|chua) (biet|ro|nho) (la |no |o )?(phuong|xa|dia chi|ten duong|so nha|khu vuc|o dau|cho nao)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private bool DoesNotKnow(TokenizedText text)
    {
        if (text.Count is < 2 or > 18 || PhoneGiven.IsMatch(text.Raw) || PlaceNamedAfter.IsMatch(text.Raw)) return false;
        var at = 0;
        while (at < text.Count - 2 && (Speakers.Contains(text.Tokens[at].Text) || Softeners.Contains(text.Tokens[at].Text))) at++;
        if (!NotYetWords.Contains(text.Tokens[at].Text) && text.Tokens[at].Text != "cha") return false;
        if (!Knowing.Contains(text.Tokens[at + 1].Text)) return false;
        // A lone weak word ("hồi xưa" read as "hôi") is no problem named.
        return Score(text, _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold;
    }

    /// <summary>
    /// "Được rồi cháu, gửi đi. Mà cho bác hỏi bao giờ có người xuống?", "Phải, gửi luôn nhé, nước bốc mùi lắm rồi": one
    /// clause is wholly one of <paramref name="answers"/> (a yes, "send it"), and no other clause holds back, changes or
    /// drops anything — a question asked after the yes does not take the yes back.
    /// </summary>
    public bool AgreesAmongClauses(string raw, params string[] answers)
    {
        var text = Tokenize(raw);
        if (text.Count is < 2 or > 40) return false;
        Phrase[] agreeing = [.. answers.SelectMany(Set)];
        if (AgreesAtTheOpening(text, agreeing)) return true;
        var clauses = text.Clauses();
        if (clauses.Count < 2) return false;
        var yes = false;
        foreach (var (start, end) in clauses)
        {
            var clause = Tokenize(text.Clause((start, end)));
            var asks = text.Raw[text.Tokens[end - 1].End..(end < text.Count ? text.Tokens[end].Start : text.Raw.Length)].Contains('?')
                       || AskedInWords.IsMatch(ZaloBot.Domain.Text.TextNormalizer.Normalize(clause.Raw));
            if (Covers(clause, agreeing)) yes = true;
            // "bác đọc lại thấy không sai chỗ nào": nothing wrong is no holding back.
            else if (SaysNothingIsWrong(clause)) continue;
            else if (!asks && Enumerable.Range(0, clause.Count).Any(i => HoldsBackAt(clause, i))) return false;
        }
        return yes;
    }

    private static bool SaysNothingIsWrong(TokenizedText clause) =>
        NothingWrong.IsMatch(clause.Window(0, clause.Count)) && !clause.Tokens.Any(t => t.Text is "nhung" or "sua" or "doi" or "them" or "chua" or "nham");

    private static readonly System.Text.RegularExpressions.Regex NothingWrong = new(
        @"\b((khong|ko|k|chang|hong) (thay |co |thay co )?(gi |cho nao |diem nao )?sai (cho nao|gi|dau|sot|ca|het)|(khong|ko|k) (co )?(gi|cho nao|diem nao) (bi )?sai)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // "có cần chụp ảnh không", "mà có mất phí gì không vậy", "bao lâu thì có người xuống": a clause asked without a
    // question mark; a lone "không" ("ừ gửi đi, à mà thôi không") is a refusal, not this.
    private static readonly System.Text.RegularExpressions.Regex AskedInWords = new(
        @"(^(\w+ ){0,4}co (\w+ ){1,8}(khong|ko|k|hong)|\b(bao lau|bao gio|o dau|the nao|lam sao|bao nhieu))( (a|ad|vay|nhi|ha|nhe|chau|em|ban|the))*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// "ừ đúng hết rồi đấy gửi luôn đi cho nhanh con đang đi đón cháu", "vâng cháu xác nhận thông tin trên là đúng, nhờ
    /// các chú xử lý sớm": the message opens with a yes of two words or more, and nothing after it holds back.
    /// </summary>
    /// <summary>
    /// "đúng rồi gửi đi em, mà em ghi thêm giúp chị là …": the opening clause is wholly a yes and "send it" — the
    /// sending said, not only "right" ("dạ đúng rồi ạ, nhưng …" agrees with what is there, and holds back) — and more
    /// follows after a pause.
    /// </summary>
    public bool OpensWithASend(string raw)
    {
        var text = Tokenize(raw);
        var pause = text.FirstClauseBreak();
        if (pause == 0) return false;
        var opening = Tokenize(text.RawBefore(pause));
        return Covers(opening, [.. Set(Answer.Yes), .. Set(Answer.Submit)]) && opening.Tokens.Any(t => t.Text == "gui");
    }

    private bool AgreesAtTheOpening(TokenizedText text, Phrase[] agreeing)
    {
        var fillers = Set(FlowAnswers.Fillers);
        int at = 0, agreed = 0;
        while (at < text.Count)
        {
            var yes = Best(text, at, agreeing).Length;
            var filler = yes == 0 ? Best(text, at, fillers).Length : 0;
            if (yes + filler == 0) break;
            agreed += yes;
            at += yes + filler;
        }
        if (agreed < 2 || at >= text.Count) return false;
        for (var i = at; i < text.Count; i++)
            if (HoldsBackAt(text, i)) return false;
        return true;
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> holds the sending back. Written with its marks, only the marked word
    /// does: "thềm" (doorstep) is not "thêm", "đúng" is not "dừng"; without marks it may be either, and holds back.
    /// </summary>
    /// <summary>
    /// "Nội dung đã chính xác, kính đề nghị quý cơ quan gửi đi ạ": a part named only to say it is right, and the sending
    /// asked for — a yes, not an edit of that part.
    /// </summary>
    public bool SaysItIsRightAndSends(string raw) =>
        ZaloBot.Domain.Text.TextNormalizer.Normalize(raw) is var n && Names(Answer.Submit, raw) && SaidRight.IsMatch(n) && !AddsOrChangesSomething(raw)
        && n.Split(' ').Contains("gui") && !n.Split(' ').Any(w => w is "nhung" or "sua" or "doi" or "muon" or "hon" or "chua");

    private static readonly System.Text.RegularExpressions.Regex SaidRight = new(
        @"(?<!\b(chua|khong|ko|k|chang) (\w+ )?)\b(chinh xac|dung (roi|het|ca|that)|on (roi|het|ca))\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// "đúng rồi, à mà thêm là …", "ok nhưng khoan, tên sai": a word that adds or changes something ("đọc lại", "xuống
    /// sửa" and "không ai xử lý" do not).
    /// </summary>
    public bool AddsOrChangesSomething(string raw) =>
        Tokenize(raw) is var text && Enumerable.Range(0, text.Count).Any(i => AddsOrChanges.Contains(text.Tokens[i].Text) && HoldsBackAt(text, i));

    // The holding-back words that add or change (the marks a word was typed with are checked as for those).
    private static readonly HashSet<string> AddsOrChanges = ["them", "nham", "sai", "khoan"];

    private static bool HoldsBackAt(TokenizedText text, int i) =>
        HoldsBack.Contains(text.Tokens[i].Text) && (text.Tokens[i].Accented is not { } marked || HoldsBackWritten.Contains(marked));

    // As the tokens keep a marked word: tone last, so "hủy" and "huỷ" are one.
    private static readonly HashSet<string> HoldsBackWritten =
        [.. new[] { "không", "chưa", "dừng", "nhầm", "sửa", "đổi", "thêm", "bỏ", "hủy", "thôi", "nhưng", "lại", "đâu" }.Select(ZaloBot.Domain.Text.TextNormalizer.ToneLast)];

    // Words that hold the sending back or change something: a negation, a change, a doubt.
    private static readonly HashSet<string> HoldsBack =
        ["khong", "ko", "k", "chua", "dung", "khoan", "sai", "nham", "sua", "doi", "them", "bo", "huy", "thoi", "nhung", "lai", "xem", "dau"];

    /// <summary>
    /// "dạ đúng rồi ạ, nhưng cháu ghi thêm giúp bà là …", "ok hết rồi, mà sửa số nhà là 21": a yes, then "but" and the
    /// correction — the correction is read from what follows the "but".
    /// </summary>
    private FlowReading? CorrectionAfterAYes(TokenizedText text)
    {
        // "đúng rồi, à mà thêm là …": the pause may come before the "à" that opens the "but".
        var but = Enumerable.Range(1, Math.Max(0, text.Count - 2)).FirstOrDefault(i => text.Tokens[i].Text is "nhung" or "ma"
            && (text.ClauseBreakBefore(i) || i > 1 && text.Tokens[i - 1].Text is "a" or "ah" or "o" && text.ClauseBreakBefore(i - 1)));
        // "tên đúng rồi nhưng muốn đổi số liên lạc", "đúng nhưng ghi thêm là …": a yes or a part said to be right, then
        // "but" — no pause needed.
        if (but == 0) but = Enumerable.Range(1, Math.Max(0, text.Count - 2)).FirstOrDefault(i => text.Tokens[i].Text == "nhung");
        if (but == 0) return AdditionAfterAYes(text);
        var opening = Tokenize(text.RawBefore(but));
        Phrase[] yes = [.. Set(Answer.Submit), .. Set(Answer.Yes)];
        var partSaidRight = PartIn(opening, 0, opening.Count) != DraftPart.None && Found(opening, yes)
            && Uncovered(opening, [yes, .. FlowAnswers.Parts.Select(p => Set(p.Set))], Set(FlowAnswers.Fillers)) == 0;
        if (!partSaidRight && !Covers(opening, yes)) return null;
        var from = but + 1;
        if (from < text.Count && text.Tokens[from].Text == "ma") from++;
        if (from >= text.Count) return null;
        var rest = Tokenize(text.RawFrom(from));
        if (Correction(rest) is { } correction) return correction;
        // "…, nhưng muốn đổi số liên lạc": an edit of a named part after the yes.
        var part = PartIn(rest, 0, rest.Count);
        return partSaidRight && part != DraftPart.None && Found(rest, Set(FlowAnswers.EditVerbs)) ? new FlowReading(FlowIntent.Edit, part) : null;
    }

    /// <summary>
    /// "Được rồi, thêm vào giúp tôi là mấy hôm nay còn có cả chó chạy ra đường nữa": a yes, a pause, and words to add —
    /// added, without the "but" a change would need.
    /// </summary>
    private FlowReading? AdditionAfterAYes(TokenizedText text)
    {
        var pause = text.FirstClauseBreak();
        if (pause == 0 || !Covers(Tokenize(text.RawBefore(pause)), [.. Set(Answer.Submit), .. Set(Answer.Yes)])) return null;
        return Correction(Tokenize(text.RawFrom(pause))) is { Adds: true } added ? added : null;
    }

    private static readonly System.Text.RegularExpressions.Regex PhoneGiven = new(@"\d[\d\s.]{7,}\d", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly HashSet<string> NotYetWords = ["chua", "khong", "ko", "k", "chang", "dang", "hong"];

    /// <summary>
    /// "chưa nghĩ ra viết gì, để sau", "đang ở ngoài đường, tí gửi": "later" closing the message after a pause, the
    /// clause before it only why (something not done or not possible yet, nothing wrong named). The closing clause
    /// decides, as a cancel said at the end does.
    /// </summary>
    private bool LaterWithAReason(TokenizedText text, Phrase[] fillers)
    {
        if (text.Count is < 3 or > 14) return false;
        var last = Enumerable.Range(1, text.Count - 1).LastOrDefault(i => text.Tokens[i].BreakBefore);
        // "tui hổng nhớ số nhà, để sau đi": the speaker may come first.
        var opening = Speakers.Contains(text.Tokens[0].Text) ? 1 : 0;
        if (last == 0 || last > 8 || !NotYetWords.Contains(text.Tokens[opening].Text)) return false;
        var closing = Tokenize(text.RawFrom(last));
        if (!CoveredBy(closing, [Set(FlowAnswers.Later)], fillers)) return false;
        var reason = Tokenize(text.RawBefore(last));
        return Score(reason, _intents.GetValueOrDefault("problem") ?? []).Score == 0;
    }

    private static readonly HashSet<string> Speakers = ["toi", "tui", "em", "e", "minh", "bac", "chau", "con", "anh", "chi", "t"];

    /// <summary>
    /// "quay lại, chọn nhầm lĩnh vực rồi", "thôi khỏi sửa, quay lại": back, with only why around it (a slip, "choose
    /// another", the speaker) and nothing wrong named.
    /// </summary>
    private bool BackWithAReason(TokenizedText text, Phrase[] fillers)
    {
        if (text.Count > 14 || !Found(text, Set(Answer.Back))) return false;
        // "thôi không sửa nữa, hủy luôn phản ánh này đi": a cancel said after it is no reason but the decision.
        if (text.Clauses() is { Count: > 1 } clauses && ReadInFlow(text.Clause(clauses[^1])).Intent == FlowIntent.Cancel) return false;
        // Wholly back and its reasons ("thôi khỏi sửa, quay lại": "sửa" is no fault here), or one word more and no fault.
        var left = Uncovered(text, [Set(Answer.Back), Set(FlowAnswers.BackReasons)], fillers);
        var nothingWrong = Score(text, _intents.GetValueOrDefault("problem") ?? []).Score == 0;
        return left == 0 || left == 1 && nothingWrong || nothingWrong && BackAtAnEdge(text, fillers) || StepNamedBack(text);
    }

    /// <summary>
    /// "quay lại bước trước cháu ơi, bác chưa xong cái ảnh", "từ từ lùi lại 1 bước đã": a step named with the going back
    /// is back whatever reason comes with it ("chưa xong" is no fault to report here).
    /// </summary>
    private bool StepNamedBack(TokenizedText text)
    {
        var back = Set(Answer.Back);
        for (var i = 0; i < text.Count; i++)
            if (Best(text, i, back).Length is var length and >= 3 && text.Tokens[i + length - 1].Text is "truoc" or "buoc") return true;
        return false;
    }

    /// <summary>
    /// Back said as a clause of its own at either end, the other clauses only why: "quên chưa gửi ảnh, quay lại",
    /// "trở lại đi, tôi chưa ghi địa chỉ đúng".
    /// </summary>
    private bool BackAtAnEdge(TokenizedText text, Phrase[] fillers)
    {
        var back = Set(Answer.Back);
        var opening = Best(text, 0, back).Length;
        if (opening > 0)
        {
            var end = opening;
            while (end < text.Count && !text.ClauseBreakBefore(end) && Best(text, end, fillers).Length == 1) end++;
            if (end < text.Count && text.ClauseBreakBefore(end)) return true;
        }
        for (var start = text.Count - 1; start > 0; start--)
        {
            if (!text.ClauseBreakBefore(start)) continue;
            var at = start;
            var length = Best(text, at, back).Length;
            if (length == 0) return false;
            at += length;
            while (at < text.Count && Best(text, at, fillers).Length == 1) at++;
            return at == text.Count;
        }
        return false;
    }

    /// <summary>
    /// "thôi đừng gửi nữa, người ta sửa đèn rồi", "bắt để sđt thì thôi không gửi nữa, sợ lộ thông tin": a cancel of three
    /// words or more anywhere in a short message (or two opening it), the rest only why — nothing wrong named.
    /// </summary>
    private bool CancelWithAReason(TokenizedText text)
    {
        if (text.Count > 24) return false;
        var cancel = Set(Answer.Cancel);
        // Two words will do when they open the message and a clause closes them, particles allowed before the pause:
        // "thôi khỏi, để tôi tự gọi phường", "khỏi gửi nữa nhé, tôi tự lên phường".
        // The speaker may come first: "tôi không muốn báo nữa, sợ bị làm phiền".
        var first = 0;
        while (first < text.Count - 1 && Speakers.Contains(text.Tokens[first].Text)) first++;
        // "thôi hủy đi em, …": "thôi" before "hủy" only softens it.
        if (first < text.Count - 1 && text.Tokens[first].Text == "thoi" && text.Tokens[first + 1].Text == "huy") first++;
        var opening = Best(text, first, cancel).Length;
        var fillers = Set(FlowAnswers.Fillers);
        var particles = Fillers(text);
        var closed = first + opening;
        while (closed < text.Count && !text.ClauseBreakBefore(closed) && (text.Tokens[closed].Text == "nua" || particles[closed] || Best(text, closed, fillers).Length == 1)) closed++;
        // "hủy" needs no second word: unlike "thôi" or "không", it means nothing but dropping.
        // "thôi hủy đi tui nói hoài mà có ai làm đâu": opening with "hủy đi/luôn", whatever grievance follows is why.
        // A part named only in why ("thôi hủy đi e ko muốn để lại sđt") is not what is dropped.
        if (opening >= 2 && text.Tokens[first].Text == "huy"
            && (PartIn(text, 0, text.Count) == DraftPart.None || PartOnlyInWhy().IsMatch(ZaloBot.Domain.Text.TextNormalizer.Normalize(text.Raw)))) return true;
        var openingCancel = (opening >= 2 || opening == 1 && text.Tokens[first].Text == "huy") && (closed == text.Count || text.ClauseBreakBefore(closed));
        if (!openingCancel && text.Count > 16) return false;
        // "hủy" said with what it drops ("hủy luôn cái đơn này đi") is a cancel wherever it stands, unless it names a part.
        var dropsIt = Enumerable.Range(0, text.Count).Any(i => text.Tokens[i].Text == "huy" && Best(text, i, cancel).Length >= 2) && PartIn(text, 0, text.Count) == DraftPart.None;
        if (!openingCancel && !dropsIt && !Enumerable.Range(0, text.Count).Any(i => Best(text, i, cancel).Length >= 3)) return false;
        var (scores, _, _) = Segment(text);
        return scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") < IntentThreshold;
    }

    private static readonly string[] SentWordList = ["gửi", "đã gửi", "vừa gửi", "gửi rồi", "đây", "tải", "đang tải", "tải lên", "up", "gửi lên", "đang gửi"];
    private Phrase[]? _sentWords;
    private Phrase[] SentWords => _sentWords ??= Compile(SentWordList.ToDictionary(p => p, _ => 1.0), fuzzy: false);

    /// <summary>
    /// "em gửi 2 ảnh chụp hiện trường rồi đó", "bác vừa gửi cái ảnh rồi đó cháu xem có được không": the photos are said
    /// to be sent (they may arrive after the words; they are kept at any step) — no "not yet" before the sending.
    /// </summary>
    public bool SaysPhotosSent(string raw)
    {
        var text = Tokenize(raw);
        if (text.Count > 16 || !Found(text, Set("partAttachments"))) return false;
        var sent = Enumerable.Range(0, text.Count).FirstOrDefault(i => Best(text, i, SentWords).Length > 0, -1);
        // A weak word ("rồi đó" read as a problem's) does not make it a problem named.
        return sent >= 0 && !Enumerable.Range(0, sent).Any(i => NotYetWords.Contains(text.Tokens[i].Text))
            && Score(text, _intents.GetValueOrDefault("problem") ?? []).Score < IntentThreshold;
    }

    /// <summary>
    /// "ko phải, e muốn báo cái cây sau nhà văn hóa nghiêng sắp đổ": a no, a pause, then the citizen's own matter — the
    /// words after the pause (null when the message is not shaped so).
    /// </summary>
    public string? AfterRefusal(string raw)
    {
        var text = Tokenize(raw);
        var no = Math.Max(Best(text, 0, Set(Answer.No)).Length, SequenceAt(text, 0, Nots));
        if (no == 0 || no >= text.Count - 2 || !text.Tokens[no].BreakBefore) return null;
        return raw[text.Tokens[no].Start..].Trim();
    }

    /// <summary>
    /// The part of the draft a short answer names ("địa chỉ", "sdt", "chỗ địa chỉ ấy"), for the edit choice; where an
    /// edit verb comes first, the part it governs ("chưa gửi ảnh đâu để tôi sửa số điện thoại trước": the phone, not
    /// the photos named on the way).
    /// </summary>
    public DraftPart PartNamed(string raw)
    {
        var text = Tokenize(raw);
        var verbs = Set(FlowAnswers.EditVerbs);
        for (var i = 0; i < text.Count; i++)
        {
            var verb = Best(text, i, verbs).Length;
            if (verb > 0 && PartIn(text, i + verb, Math.Min(text.Count, i + verb + 4)) is var governed and not DraftPart.None) return governed;
        }
        return PartIn(text, 0, text.Count);
    }

    /// <summary>The longest part's name starting at word <paramref name="i"/> ("địa chỉ", "số điện thoại"), or none.</summary>
    private (int Length, DraftPart Part) PartAt(TokenizedText text, int i)
    {
        (int Length, DraftPart Part) best = (0, DraftPart.None);
        // "hình như" (it seems) names no photo.
        if (text.Tokens[i].Text == "hinh" && i + 1 < text.Count && text.Tokens[i + 1].Text == "nhu") return best;
        foreach (var (set, part) in FlowAnswers.Parts)
            if (Best(text, i, Set(set)).Length is var length && length > best.Length) best = (length, part);
        return best;
    }

    private DraftPart PartIn(TokenizedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (PartNamedAt(text, i, to) is var part and not DraftPart.None) return part;
        return DraftPart.None;
    }

    /// <summary>The part whose name starts at word <paramref name="i"/> and ends before word <paramref name="to"/>, or none.</summary>
    private DraftPart PartNamedAt(TokenizedText text, int i, int to)
    {
        var best = PartAt(text, i);
        // "tầm 50m" typed plain is "about 50 m", not "tấm" (a photo).
        if (best is { Part: DraftPart.Attachments, Length: 1 } && text.Tokens[i].Text == "tam" && i + 1 < text.Count && text.Tokens[i + 1].IsNumber) return DraftPart.None;
        return best.Length > 0 && i + best.Length <= to ? best.Part : DraftPart.None;
    }

    /// <summary>
    /// The part named last before word <paramref name="to"/>: "Phần địa chỉ, họ tên thì đúng, riêng mô tả xin ghi lại là …"
    /// corrects the description — the parts said to be right come first.
    /// </summary>
    private DraftPart PartNearest(TokenizedText text, int to)
    {
        for (var i = to - 1; i >= 0; i--)
            if (PartNamedAt(text, i, to) is var part and not DraftPart.None) return part;
        return DraftPart.None;
    }

    /// <summary>A new problem typed in the middle of another ("à còn vụ rác ở đầu ngõ nữa"): a problem and a word saying "another".</summary>
    public bool IsAnotherProblem(string raw)
    {
        var text = Tokenize(raw);
        if (text.Count < 6 || !Found(text, Set(FlowAnswers.Another))) return false;
        var (scores, _, _) = Segment(text);
        return scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") >= IntentThreshold;
    }

    /// <summary>
    /// A second opinion on what a message typed at a step means where the rules read nothing in it (a trained model's
    /// cancel, back, edit or later, when it is sure); null: the rules alone.
    /// </summary>
    private Func<Step, string, FlowIntent>? _flowOpinion;

    /// <summary>The same understander with <paramref name="opinion"/> consulted where <see cref="ReadInFlow"/> reads nothing.</summary>
    public Understander WithFlowOpinion(Func<Step, string, FlowIntent> opinion)
    {
        var copy = (Understander)MemberwiseClone();
        copy._flowOpinion = opinion;
        return copy;
    }

    /// <summary>
    /// What the second opinion reads in a message typed at <paramref name="step"/>: a cancel, a back, a later, an edit
    /// of the part its words name (the list of parts when they name none), or yes at the photos or the summary. A
    /// correction only where the words say what it becomes: an address, or a name standing out after the name is named.
    /// </summary>
    private string? PlaceAfterARewritingLead(string raw)
    {
        var lead = PlaceRewritingLead().Match(raw);
        if (!lead.Success) return null;
        var rest = raw[lead.Length..];
        var clause = rest.Split([',', ';', '.'], 2)[0].Trim();
        return clause.Length >= 5 && (OpensWithPlaceWord(clause) || ExtractPlace(clause, []).Address is not null) ? clause : null;
    }

    /// <summary>"ghi lại giúp tôi là", "sửa thành": a verb of rewriting and what joins it to the words that follow.</summary>
    internal const string RewritingVerbLead = @"(ghi|sửa|sua|viết|viet)( lại| lai)?( giúp| giup| giùm| gium| hộ| ho)?( e| em| tôi| toi| mình| minh| bác| bac| cháu| chau| t)?( (là|la|thành|thanh)|:)";

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)\s*((à|a|ờ|o|mà|ma) )*" + RewritingVerbLead + " ")]
    private static partial System.Text.RegularExpressions.Regex PlaceRewritingLead();

    public FlowReading FlowOpinion(Step step, string raw) => _flowOpinion?.Invoke(step, raw) switch
    {
        FlowIntent.Cancel => new FlowReading(FlowIntent.Cancel),
        FlowIntent.Back => new FlowReading(FlowIntent.Back),
        FlowIntent.Later => new FlowReading(FlowIntent.Later),
        FlowIntent.Edit => new FlowReading(FlowIntent.Edit, PartNamed(raw)),
        // "ghi rõ giúp tôi: số 12 ngõ 5 đường Lý Thái Tổ, vì …": a correction the rules could not place, holding an
        // address, is the address corrected to it; any other correction the model cannot say what it becomes.
        // "mô tả chưa đúng, đèn không tắt hẳn mà đèn đường nhấp nháy cả đêm": the description named is what is corrected,
        // though "đường nhấp nháy" reads as a street — it is opened to be typed again.
        FlowIntent.Correction when PartNamed(raw) == DraftPart.Description => new FlowReading(FlowIntent.Edit, DraftPart.Description),
        // "ghi lại giúp tôi là đối diện nhà văn hóa khu 4, số nhà tôi không chắc": after a rewriting lead, its first
        // clause is the place told, not only the run the place reader picks out ("khu 4").
        FlowIntent.Correction when PlaceAfterARewritingLead(raw) is { } told => new FlowReading(FlowIntent.Correction, DraftPart.Place, null, told),
        FlowIntent.Correction when ExtractPlace(raw, []).Address is { } address => new FlowReading(FlowIntent.Correction, DraftPart.Place, null, Distinct(address)),
        // "Đề nghị sửa lại họ tên: Nguyễn Văn Ân (dấu ngã ở chữ Ân), không phải An ạ": the name named, the run that stands out.
        FlowIntent.Correction when PartNamed(raw) == DraftPart.Name && NameWithin(raw) is { } name => new FlowReading(FlowIntent.Correction, DraftPart.Name, null, name),
        // "sai chỗ rồi, đèn hỏng là ở trước cổng chùa cơ, không phải trước nhà" at the summary: what it becomes cannot be
        // told, so the part named is opened to be typed again (the list of parts when none is named) — never the summary
        // shown again as if nothing was said.
        FlowIntent.Correction when step is Step.Confirm or Step.EditChoice => new FlowReading(FlowIntent.Edit, PartNamed(raw)),
        // "a nham ko phai 1 tuan dau 2 tuan roi" before anything is described: a correction of nothing held (the engine
        // decides what that means there).
        FlowIntent.Correction when step == Step.Description => new FlowReading(FlowIntent.Correction),
        // "à mà cháu ơi bác nói lại cái đèn nó không tắt hẳn mà cứ chập chờn …" at the place step: a correction that names
        // a problem and no place tells the problem better — the engine adds it to the description held, never the address.
        FlowIntent.Correction when step == Step.Place && Understand(raw).Scores.GetValueOrDefault("problem") > 0
            => new FlowReading(FlowIntent.Correction, DraftPart.None, null, raw.Trim()),
        FlowIntent.Agrees when step is Step.Attachments or Step.Confirm => new FlowReading(FlowIntent.Agrees),
        FlowIntent.AnotherMatter => new FlowReading(FlowIntent.AnotherMatter),
        _ => FlowReading.Nothing,
    };

    // "số 12 ngõ 5 đường Lý Thái Tổ, số 12": a part of the place said again further on ("… cũng có số 12 khác") is said once.
    private static string Distinct(string address)
    {
        var parts = address.Split(", ");
        // Whole words: "số 1" is not said again inside "số 12".
        return string.Join(", ", parts.Where((part, i) => !parts.Take(i).Any(p => $" {p} ".Contains($" {part} ", StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>The message's words without politeness and particles, normalised: "Vũ Ninh ạ" → "vu ninh".</summary>
    public string ContentWords(string raw)
    {
        var text = Tokenize(raw);
        var fillers = Fillers(text);
        var flow = Set(FlowAnswers.Fillers);
        var words = new List<string>();
        for (var i = 0; i < text.Count; i++)
        {
            if (fillers[i] || (Best(text, i, flow).Length == 1 && !text.Tokens[i].IsNumber)) continue;
            words.Add(text.Tokens[i].Text);
        }
        return string.Join(' ', words);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Phrase[]> _weighted = new();

    /// <summary>A weighted set from the table's signals section (danger kinds, abuse, spam).</summary>
    private Phrase[] Weighted(string name) =>
        _weighted.GetOrAdd(name, n => Table.Signals.TryGetValue(n, out var weighted) ? Compile(weighted) : []);

    private bool Found(TokenizedText text, Phrase[] phrases)
    {
        for (var i = 0; i < text.Count; i++)
            if (Best(text, i, phrases).Length > 0) return true;
        return false;
    }

    /// <summary>Every word is one of the sets' phrases or a filler, and at least one phrase is there.</summary>
    private bool CoveredBy(TokenizedText text, Phrase[][] sets, Phrase[] extraFillers) => Uncovered(text, sets, extraFillers, out var matched) == 0 && matched;

    private int Uncovered(TokenizedText text, Phrase[][] sets, Phrase[] extraFillers) => Uncovered(text, sets, extraFillers, out _);

    private int Uncovered(TokenizedText text, Phrase[][] sets, Phrase[] extraFillers, out bool matched)
    {
        matched = false;
        var left = 0;
        for (var i = 0; i < text.Count;)
        {
            var length = sets.Max(s => Best(text, i, s).Length);
            if (length > 0)
            {
                matched = true;
                i += length;
                continue;
            }
            var filler = Math.Max(Best(text, i, _fillers).Length, Best(text, i, extraFillers).Length);
            if (filler == 0)
            {
                left++;
                filler = 1;
            }
            i += filler;
        }
        return left;
    }
}
