using ZaloBot.Domain.Conversations;

namespace ZaloBot.Domain.Understanding;

// Signals read before any intent: immediate danger (the rules and a second opinion), abuse and adverts.
public sealed partial class Understander
{
    /// <summary>
    /// A second opinion that a first message tells of immediate danger (a trained model's "danger" label, when it is
    /// sure); null: the rules alone. It can add the emergency line where the rules' words fall short, never take one away.
    /// </summary>
    private Func<string, bool>? _danger;

    /// <summary>The same understander with <paramref name="danger"/> consulted where the rules find no danger in a first message.</summary>
    public Understander WithDangerOpinion(Func<string, bool> danger)
    {
        var copy = (Understander)MemberwiseClone();
        copy._danger = danger;
        return copy;
    }

    /// <summary>
    /// A second opinion that a message is an insult with nothing to report (a trained model's "abuse"); null: the rules
    /// alone. Asked only of a message the rules read nothing to act on in, so it can give the calm reply where the
    /// menu would be shown, never take a complaint away.
    /// </summary>
    private Func<string, bool>? _abuse;

    /// <summary>The same understander with <paramref name="abuse"/> consulted where a first message leads nowhere else.</summary>
    public Understander WithAbuseOpinion(Func<string, bool> abuse)
    {
        var copy = (Understander)MemberwiseClone();
        copy._abuse = abuse;
        return copy;
    }

    /// <summary>The second opinion reads an insult in a message the rules found no intent in.</summary>
    public bool AbuseOpinion(string raw, Meaning meaning) => meaning.Intent == MessageIntent.None && _abuse?.Invoke(raw) == true;

    /// <summary>
    /// A second opinion that doubts the danger the rules read in a first message (a trained model giving immediate danger
    /// a very low probability); null: the rules' danger stands.
    /// </summary>
    private Func<string, bool>? _dangerDoubt;

    /// <summary>The same understander with <paramref name="doubt"/> consulted where the rules read danger in a first message.</summary>
    public Understander WithDangerDoubt(Func<string, bool> doubt)
    {
        var copy = (Understander)MemberwiseClone();
        copy._dangerDoubt = doubt;
        return copy;
    }

    /// <summary>Whether the second opinion doubts the danger read in a first message; false without one.</summary>
    public bool DangerDoubted(string raw) => _dangerDoubt?.Invoke(raw) == true;

    /// <summary>
    /// Danger the rules' words fell short of but the second opinion is sure of: the kinds the danger words name, or a
    /// rescue (114 and 115) when none; still nothing for a danger told as over, feared or recurring.
    /// </summary>
    public DangerKind DangerOpinion(string raw)
    {
        // "tôi đang nhắn tin với ai vậy": asking who answers tells of no danger, however sure the model.
        if (_danger is null || OverOrOnlyARisk(raw) || ChannelQuestions.AsksWhoIsAnswering(raw) || !_danger(raw)) return DangerKind.None;
        var text = Tokenize(WithoutFalseDanger(raw));
        var kind = DangerKind.None;
        foreach (var (set, k) in FlowAnswers.Dangers)
            if (Score(text, Weighted(set)).Score >= 1) kind |= k;
        return kind == DangerKind.None ? DangerKind.Rescue : kind;
    }

    /// <summary>Words of immediate danger to life or property, and which kinds (so which numbers to call).</summary>
    public DangerKind Danger(string raw)
    {
        var plain = WithoutFalseDanger(raw);
        var text = Tokenize(plain);
        var kind = DangerKind.None;
        var total = 0.0;
        var cablesOnly = CablesWithoutPower(raw, plain) || CutOffByThePowerCompany(raw);
        foreach (var (set, k) in FlowAnswers.Dangers)
        {
            if (cablesOnly && k == DangerKind.Power) continue;
            var score = Score(text, Weighted(set)).Score;
            total += score;
            if (score >= 1) kind |= k;
        }
        var trapped = PeopleTrapped(plain);
        if (trapped)
        {
            total += IntentThreshold;
            kind |= DangerKind.Rescue;
        }
        var peril = PeopleInPeril(plain);
        if (peril != DangerKind.None)
        {
            total += IntentThreshold;
            kind |= peril;
        }
        // "Cứu với, nhà tôi mất điện 3 ngày rồi", "CỨU VỚI các anh ơi, cái loa phường …": a cry for help around a matter
        // that holds no danger is a way of speaking; with the fire, the wire or the water named, it is a call.
        if (!trapped && peril == DangerKind.None && Score(text, Cries).Score is var cry and > 0 && total - cry < 1
            && Understand(raw).Scores.GetValueOrDefault("problem") > 0) return DangerKind.None;
        return total >= IntentThreshold && !OverOrOnlyARisk(raw) && !DenouncedNotNow(raw) ? kind : DangerKind.None;
    }

    /// <summary>
    /// "bs trực cấp cứu đêm qua bảo phải đưa 2 triệu mới chuyển viện cho mẹ e": wrongdoing in office told, the danger words
    /// only where it happened ("trực cấp cứu" is a duty, not a cry) — a tố cáo, unless something is happening now.
    /// </summary>
    private bool DenouncedNotNow(string raw) =>
        DenouncesWrongdoing(raw) && !DangerNow.IsMatch(ZaloBot.Domain.Text.TextNormalizer.Normalize(raw).Replace("cap cuu", " ", StringComparison.Ordinal));

    private static readonly string[] CryPhrases = ["cứu với", "cứu tôi", "kêu cứu", "cứu giúp", "cứu vs", "cứu gấp", "cứu em", "cứu cháu", "cứu bác", "cứu tui"];

    private Phrase[]? _cries;

    private Phrase[] Cries => _cries ??= Compile(CryPhrases.ToDictionary(p => p, _ => 2.0), fuzzy: false);

    /// <summary>Insults with nothing to act on ("bot ngu như bò"): a calm reply, not a complaint.</summary>
    public double Abuse(string raw) => Math.Max(Score(Tokenize(raw), Weighted(FlowAnswers.Abuse)).Score, AbuseShape(raw) ? IntentThreshold : 0);

    /// <summary>
    /// An insult to answer calmly rather than a matter to act on: its shape (aimed at someone, contempt, and nothing
    /// wrong named once the insult's own words are set aside — "con bot vô dụng" holds "vo", read as "vỡ"), or the
    /// table's insult words outweighing every word of a problem or complaint.
    /// </summary>
    public bool IsAbuse(string raw)
    {
        if (AbuseShape(raw)) return true;
        var abuse = Score(Tokenize(raw), Weighted(FlowAnswers.Abuse)).Score;
        if (abuse < IntentThreshold) return false;
        // "bot ngu vl hỏi mãi ko hiểu. thôi nói thẳng, cán bộ địa chính xã tôi nhận 20 triệu …": the anger is at the bot,
        // the matter is a tố cáo to file.
        if (FiledByATrackRule(raw)) return false;
        // "đm cái ngõ 15 Minh Khai … đào lên rồi bỏ đấy cả tháng nay": the curse is at a place, which is the matter.
        if (ExtractPlace(raw, []).Address is not null) return false;
        var scores = Understand(raw).Scores;
        // "… 15 lao động, xin hỏi tỉnh có chính sách …": one insult-like word ("lao" read as "láo") in a plain question
        // is outweighed by the question too.
        return abuse >= scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("question");
    }

    private static readonly System.Text.RegularExpressions.Regex SpokenNumber = new(
        @"\b((khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin) ){8,}(khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // "mặt tiền" (frontage) reads as "mất tiền": only being fooled says so here.
    private static readonly System.Text.RegularExpressions.Regex FellForIt = new(@"\bbi (ho )?lua\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex GivenNumber = new(@"(\d[\s.]?){9,}|\b0\d{2,3}([\s.]?\d{2,3})?[\s.]?x{3}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex Link = new(
        @"https?://|www\.|bit\.ly|\b[a-z0-9-]+\.(com|net|xyz|top|site|online|vip|club|shop|info|link|live)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    // "đăng ký nhận tiền tại hotro-….site", "5 triệu đồng": what the link is for, and the sum said in words.
    private static readonly System.Text.RegularExpressions.Regex ActOnTheLink = new(@"\b(dang ky|cap nhat|truy cap|nhan)\b( \w+){0,4} tai\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex OfficialThreat = new(
        @"\b(lien quan (den|toi) (mot )?(vu an|duong day|vu lua dao)|phoi hop (dieu tra|xac minh)|(neu khong|khong thi|ko thi|k thi) (se )?bi (bat|khoi to|truy to|bat giam|phong toa))\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // "liên hệ ngay số …", "gọi lại gấp cho …": the number is to be called now.
    private static readonly System.Text.RegularExpressions.Regex CallNow = new(
        @"\b(lien he|goi|goi dien|nhan tin) (ngay|gap|lai|lai ngay|khan)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex SumOffered = new(@"\b\d+ ?(trieu|tr|nghin|ngan)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>An advert or spam ("nhận làm CCCD… LH Zalo 09…"): never offered for filing.</summary>
    public bool IsSpam(string raw)
    {
        if (AdvertShape(raw)) return true;
        var score = Score(Tokenize(raw), Weighted(FlowAnswers.Spam)).Score;
        var n = ZaloBot.Domain.Text.TextNormalizer.Normalize(raw);
        if (IsChainLetter(n)) return true;
        // A phone number (even one masked for posting, "0988.xxx.xxx") or a link (a bare "gov-hotro-vn.com" too) is what an
        // advert is for.
        // …or one read out ("gọi ngay không chín tám tám bảy sáu …"), as voice typing writes it.
        var link = Link.IsMatch(raw);
        if (!GivenNumber.IsMatch(raw) && !link && !SpokenNumber.IsMatch(n))
            // …and never the citizen who fell for one ("tôi bị lừa gửi số tài khoản qua đường link …"), nor one telling
            // of an official's deal ("cán bộ phường ký cho thuê ao công giá rẻ bèo, không đấu giá").
            return score >= 3 && !FellForIt.IsMatch(n) && !FiledByATrackRule(raw)
                || SellsWithoutNumber(raw, Segment(Tokenize(raw)).Scores);
        // Never the citizen who fell for it ("tôi bị lừa bấm vào link …, mất hết tiền").
        if (FellForIt.IsMatch(n) || Victim.IsMatch(n)) return false;
        // "Công an tỉnh thông báo: bạn có liên quan đến vụ án rửa tiền, liên hệ ngay số 0869xxx555 …": a threat with a number
        // to call now is a scam's, unless the citizen asks whether it is genuine or tells a matter a track files.
        if (OfficialThreat.IsMatch(n) && CallNow.IsMatch(n) && !ScamChecks.AsksIfGenuine(raw) && !FiledByATrackRule(raw)) return true;
        // "đăng ký nhận tiền tại link bit.ly/…" with an offer: a link to act on is an advert's, whatever official it names.
        if (link && (CallToAct.IsMatch(n) || ActOnTheLink.IsMatch(n)) && (SellingCue.IsMatch(n) || SumOffered.IsMatch(n))) return true;
        // With a number or a link and nothing wrong, asked or chased, one advertising word is enough: citizens give a
        // number with a problem, adverts with an offer.
        var (scores, _, _) = Segment(Tokenize(raw));
        var nothingElse = scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("status") == 0;
        // "… liên hệ 0968xxx giá ưu đãi": a selling word outside the table counts as one.
        var selling = SellingCue.IsMatch(n) ? 1 : 0;
        // A word read as a problem ("đo huyết áp" without marks is "đổ") does not outweigh an offer told in full.
        return Math.Max(score, selling) + 1 >= (nothingElse ? 2 : 3) || SellsWithoutNumber(raw, scores);
    }
}
