using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// Rules for chasing: something sent before and no answer yet is status, unless it was sent elsewhere or the
/// request itself is stuck there, which is a complaint here.
/// </summary>
public sealed partial class Understander
{
    private static readonly HashSet<string> WaitingWords = ["van", "chua", "co", "thay", "ai", "khong", "ko", "k", "tra", "loi", "xu", "ly", "giai", "quyet", "phan", "hoi", "gi", "het", "ca"];

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
        if (problemNamed) return;
        var n = TextNormalizer.Normalize(raw);
        // "vẫn chưa có ai trả lời à": a few words that only wait for an answer chase one, though what was sent goes unsaid.
        var onlyWaiting = n.Split(' ').Length <= ShortChase && NoAnswerYet.IsMatch(n) && scores.GetValueOrDefault("complaint") == 0;
        if (!onlyWaiting && !SentThenWaiting.IsMatch(n)) return;
        scores["status"] = scores.GetValueOrDefault("status") + 2.5 + scores.GetValueOrDefault("complaint");
    }

    private const int ShortChase = 8;

    // "tui báo hôm bữa", "phản ánh lần trước", "đã phản ánh vụ … từ thứ 2": something reported here before.
    private static readonly Regex EarlierReport = new(
        @"\b(hom truoc|tuan truoc|thang truoc|hom bua|bua truoc|hom kia|hom te)\b(\s+\S+){0,4}?\s+(bao|phan anh|gui|nhan|nhan tin|kien nghi)\b|\b(bao|phan anh|gui|kien nghi|nhan tin|to cao|khieu nai)\b(\s+\S+){0,6}?\s+(hom bua|hom truoc|hom kia|bua truoc|lan truoc|tuan truoc|thang truoc|tu thu (hai|ba|tu|nam|sau|bay|\d)|tu hom (qua|kia|truoc|bua)|tu tuan truoc|tu thang truoc|tu dau (tuan|thang)|hom te|bua te)\b|\b(phan anh|kien nghi|don|to cao|khieu nai) (lan truoc|hom bua|hom truoc|tuan truoc|thang truoc)\b",
        RegexOptions.CultureInvariant);

    // "đã gửi phản ánh", "phản ánh 3 lần rồi", "gửi tuần trước r": something was sent before, whenever that was.
    private static readonly Regex SentBefore = new(
        @"\b(da|tung)\s+(gui|bao|phan anh|kien nghi|khieu nai|nhan tin)\b|\b(toi|em|minh|tui|chau) co (gui|goi|bao|phan anh|kien nghi|nhan bao|nhan tin|nhan)\b|\b(hom truoc|tuan truoc|thang truoc|may bua truoc|bua truoc|hom bua|hom te|may hom truoc)\b(\s+\S+){0,3}?\s+(gui|goi|bao|phan anh|nhan tin|nhan bao|nhan|kien nghi)\b|\b(gui|nop|bao) tu (thang \d+|dau thang|cuoi thang|dau nam)\b|\b(gui|bao|phan anh|kien nghi|khieu nai)\b(\s+\S+){0,4}?\s+(roi|r|\d+ lan|may lan|nhieu lan|hoi (dau|giua|cuoi) (thang|tuan|nam)|hom truoc|tuan truoc|thang truoc)\b|\b(gui|phan anh|kien nghi|khieu nai|de nghi)\b(\s+\S+){0,8}?\s+(tu|hoi) (hom truoc|tuan truoc|thang truoc|dau thang|dau tuan|dau nam|cuoi thang|thang \d+)\b|\b(don|phan anh|kien nghi|thu) (cua )?(toi|em|e|minh|tui|chau|bac|t) (da )?(gui|nop|bao)\b",
        RegexOptions.CultureInvariant);

    // ... and nobody has answered it: the reply is what is missing ("chưa nhận được phản hồi", "chưa thấy gì"), not the
    // repair ("vẫn chưa sửa" is the problem again, a complaint).
    private static readonly Regex NoAnswerYet = new(
        @"\b(chua|khong|ko|k|chang)\s+((thay|nhan duoc|nhan|duoc|co)\s+)*(ai\s+|bat ky\s+|bat cu\s+|mot\s+)?(phan hoi|tra loi|hoi am|gi|j|ai lien he|ai goi|thong bao|ket qua|quyet dinh)\b|\b(im luon|im re|im bat|im lim|bat vo am tin)\b|\b(chuyen|gui) (den|toi) dau\b|\btien do\b|\bduoc chuyen (den|toi|cho) (\w+ ){0,3}chua\b|\btinh hinh (xu ly|giai quyet)\b|\b(lam mat|mat|quen|that lac) (ma|ma so|ma phan anh)\b|\b(den|toi) dau roi\b|\b(nhan duoc|nhan|xem) chua\b|\bco nhan duoc (khong|ko|chua)\b|\b(chua|khong|ko|hong) thay (ai )?((toi|den|xuong|ra) )?(xu ly|giai quyet|dong tinh|lam gi|sua|hoi am|tra loi|phan hoi)\b|\b(bao|hua|hen) (la )?(se )?xuong\b.{0,30}\b(van )?chua thay\b",
        RegexOptions.CultureInvariant);

    // Reported to someone else ("báo phường rồi", "báo công ty"): the matter is unsolved there, a complaint here.
    private static readonly Regex ReportedElsewhere = new(
        @"\b(bao|phan anh|gui|kien nghi|trinh bao|nop|dang ky) ((\w+ ){0,3}(len|voi|cho|qua|toi|den) |len |voi |cho |qua )?(phuong|xa|thon|to dan pho|to truong|truong thon|cong an|ubnd|uy ban|chu nha|chu tro|cong ty|cty|ban quan ly|bql|dien luc|cap nuoc|nha mang|tram|so|phong|trung tam|benh vien)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "cái vụ rác tui báo hôm bữa tới đâu rồi": asking how far something reported here before has gone. The matter it
    /// names is what is chased, not a new complaint — unless it was reported to someone else, which is why it is here.
    /// </summary>
    private static void ChasesAnEarlierReport(string raw, Dictionary<string, double> scores, List<(string Intent, string Words, double Weight)> found)
    {
        var n = TextNormalizer.Normalize(raw);
        // "… nhắn qua đây, bên mình bảo sẽ chuyển cho phường": passed on from here is still chased here.
        if (ReportedElsewhere.IsMatch(n) && !SentThroughHere.IsMatch(n))
        {
            // "đã gửi danh sách lên trạm y tế phường, 2 tuần không thấy phản hồi": the silence there is the complaint here —
            // unless what was sent is what this channel takes (an đơn, a phản ánh), which the citizen may be chasing.
            if (!ThisChannelsOwn.IsMatch(n) && (NoAnswerYet.IsMatch(n) || NothingSeen.IsMatch(n)))
                scores["complaint"] = Math.Max(scores.GetValueOrDefault("complaint"), scores.GetValueOrDefault("status") - scores.GetValueOrDefault("problem") + 0.5);
            return;
        }
        var chased = (found.Any(f => f.Intent == "status" && f.Weight >= ProgressAsked) || AskedWhetherDone.IsMatch(n)) && EarlierReport.IsMatch(n)
            || ChasesWhatWasSent(raw);
        if (!chased) return;
        // "… giờ em muốn hỏi đã có ai xuống kiểm tra chưa": asked, it is still a chase.
        scores["status"] = Math.Max(scores.GetValueOrDefault("status"), Math.Max(scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("problem"), scores.GetValueOrDefault("question")) + 0.5);
    }

    private static readonly Regex SentThroughHere = new(@"\b(qua day|o day|kenh nay|zalo nay|qua zalo|ben minh bao|ben ban|trang nay)\b", RegexOptions.CultureInvariant);

    private static readonly Regex NothingSeen = new(@"\b(chua|khong|ko|k) thay\b", RegexOptions.CultureInvariant);

    // "có ai xử lý cái vụ … chưa": whether anyone has acted yet, the "chưa" a few words on.
    private static readonly Regex AskedWhetherDone = new(@"\b(co ai|da ai|ai da) (\w+ ){0,2}(xu ly|giai quyet|sua|xem|lam|toi|xuong)\b.{0,60}\bchua\b|\bhoi (lai )?lan thu (\d+|hai|ba|bon)\b|\btra loi (di|dum|giup|gium) (chu|di|nhe)?", RegexOptions.CultureInvariant);

    /// <summary>The strongest of <paramref name="intents"/>' scores: what a rule must outweigh to decide.</summary>
    private static double Highest(Dictionary<string, double> scores, params string[] intents) => intents.Max(scores.GetValueOrDefault);

    /// <summary>"Tuần trước tôi có gửi đơn về việc …, đến giờ chưa thấy ai trả lời": something sent before and no answer yet.</summary>
    private static bool ChasesWhatWasSent(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return SentBefore.IsMatch(n) && NoAnswerYet.IsMatch(n);
    }

    /// <summary>A status phrase from this weight on asks how far something went ("tới đâu rồi", "xử lý chưa", "tiến độ").</summary>
    private const double ProgressAsked = 2.5;

    private static readonly Regex DossierLodged = new(@"\b(nop|lam|gui)\b.{0,40}\bho so\b|\bho so\b.{0,60}\b(nop|lam)\b", RegexOptions.CultureInvariant);
    private static readonly Regex StillNoResult = new(
        @"\b(chua|khong|ko|k)\s+(thay\s+|co\s+|duoc\s+)?(ai\s+)?(phan hoi|tra loi|tra|ket qua|nhan duoc|duyet|giai quyet|xu ly|co|hoi am)\b|\bqua han\b",
        RegexOptions.CultureInvariant);
    private static readonly Regex ThisChannelsOwn = new(@"\b(phan anh|kien nghi|khieu nai|to cao|tin nhan|don|o day|kenh|bot|zalo|ad|admin)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// "hồ sơ xin chấp thuận nộp 3 tuần chưa thấy phản hồi": a dossier lodged with an agency and no result is a complaint
    /// about the administration's delay, not chasing something sent here — unless the message names what this channel
    /// takes (a phản ánh, an đơn, a message, a code), which is what the citizen chases.
    /// </summary>
    private static void DossierStillWaiting(string raw, Dictionary<string, double> scores)
    {
        if (scores.GetValueOrDefault("status") <= 0) return;
        var n = TextNormalizer.Normalize(raw);
        if (!DossierLodged.IsMatch(n) || !StillNoResult.IsMatch(n) || ThisChannelsOwn.IsMatch(n)) return;
        scores["problem"] = Math.Max(scores.GetValueOrDefault("problem"), scores["status"] + scores.GetValueOrDefault("complaint") + 0.5);
    }

    private static readonly Regex RefusedAgainAndAgain = new(
        @"\b(bi (tra ve|tra lai|bac|tu choi|tra) (\w+ ){0,2}(\d+|hai|ba|nhieu|may) lan|lan nao cung (bao|bi|tra|noi|hen)|(lam|nop|xin|di lai|len|hoi) (hoai|mai|may lan|nhieu lan|\d+ lan) (ma |van |roi )?(khong|ko|k|hong|chang|chua) (duoc|xong|co)|di lai (\d+|nhieu|may|bao nhieu) lan|(\d+|hai|ba|nhieu|may) lan (deu|cung|van) (bi )?(tra ve|tra lai|bac|tu choi)|chay di chay lai (\d+|nhieu|may) lan)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// "sao hồ sơ … bị trả về 2 lần", "làm hoài hổng được, nhờ hướng dẫn giải quyết": a request refused or stuck again and
    /// again is a complaint about the administration, even when asked as a question or a plea for guidance.
    /// </summary>
    private static void RefusedRepeatedly(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        if (!RefusedAgainAndAgain.IsMatch(n) || ThisChannelsOwn.IsMatch(n)) return;
        scores["problem"] = Math.Max(scores.GetValueOrDefault("problem"), Highest(scores, "question", "status", "help") + 1);
    }
}
