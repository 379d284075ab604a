using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>What a citizen asks about the channel itself, rather than about a procedure an article answers.</summary>
public enum ChannelQuestion
{
    None,
    /// <summary>Who runs it, whether it is official: "trang này của ai", "có phải kênh của ủy ban không".</summary>
    Identity,
    /// <summary>"gửi ở đây có mất phí không".</summary>
    Cost,
    /// <summary>"thông tin của tôi có được bảo mật không", "có lộ tên tôi không".</summary>
    Privacy,
    /// <summary>"thứ 7 có tiếp nhận không", "ngoài giờ hành chính có ai đọc không".</summary>
    Hours,
    /// <summary>"bao lâu thì có người trả lời" — before anything is sent; after, it is chasing.</summary>
    ResponseTime,
}

/// <summary>
/// Questions about the channel, read on the folded text. Each wants the channel (or sending through it) named or
/// implied and a question's shape, so a complaint about fees at a market or a leak at an office stays a complaint.
/// </summary>
public static partial class ChannelQuestions
{
    [GeneratedRegex(@"\b(kenh|trang|bot|fanpage|page|zalo nay|o day|ben minh|ben ban|cac ban|ad|admin|oa|oa nay|dich vu nay|gui phan anh|phan anh|gui kien nghi|nhan tin|tin nhan|gui|ai dang nhan|ai tra loi|dang nhan voi|dang chat voi|noi chuyen voi|chat voi|tong dai|nhan vao day|vao day|nhan o day|nhan vo day|gui vo day|ban (la|co phai)( la)? (nguoi|bot|robot|may|ai|cua))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelWord();

    // "cái này của ai vậy", "cái zalo ni …", "đây có phải ủy ban tỉnh không": the thing written to, named first.
    [GeneratedRegex(@"^(\w+ ){0,3}(cai|ben|kenh|trang|zalo|cai zalo|tin nhan) (nay|ni)\b|^(\w+ ){0,3}day (la|co phai)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThisChannelFirst();

    [GeneratedRegex(@"\b(xu ly|giai quyet|tham quyen|phu trach|thu ly)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhoseMatter();

    [GeneratedRegex(@"\b(khong|ko|k|hong|chua|khum|ha|a|nhi|the nao|sao|gi|nao|dau|may gio|may h|bao gio|bao lau)\W*(vay|v|the|a|ha|nhi|day|ad|admin|ban)?\W*$|\?|^(cho (hoi|minh hoi|toi hoi|em hoi)\W+)?ai\b|\b(co|duoc)\b.{0,30}\b(khong|ko|k|hong)\b|^(\w+ ){0,3}(may gio|bao gio|khi nao|luc nao|bao lau)\b|^(\w+ ){0,6}(cho|xin) (\w+ )?hoi\b|\bai co quyen (xem|doc|biet)\b|\bluu (giu |tru |lai )?(trong )?bao lau\b|\b(khong|ko|k|hong|chua) hay\b", RegexOptions.CultureInvariant)]
    private static partial Regex AskedShape();

    [GeneratedRegex(@"\b(cua ai|la ai|chinh thuc|co that|that khong|that hay|gia mao|lua dao khong|co phai (la )?(cua|kenh|trang|ben|tong dai)|cua co quan nao|cua (ubnd|uy ban|so|tinh|phuong) (nao|khong)|may hay nguoi|nguoi hay may|nguoi that|tu dong|nguoi may|robot|do ai lam|ai lam ra|ai tao ra|ai lap ra|ai quan ly|ai phu trach|do co quan nao|co quan nao quan ly|cua ai lap|cua tinh that|hay lua dao|co gia tri phap ly|may tra loi|tra loi tu dong|(cua|thuoc) (\w+ ){1,3}hay (cua|thuoc|la) \w+|co (nguoi|ng) that|may tu tra loi|(nguoi|ai|can bo)\b.{0,30}\bhay (la |chi la |toan )?(may|robot|bot)|(do|cua) (don vi|co quan) nao (quan ly|van hanh|lap|lam|phu trach)|co phai (la )?do (ubnd|uy ban|tinh|so|nha nuoc|chinh quyen|co quan)|(day|nay) la (kenh|trang|cai|zalo|tai khoan) gi|kenh (nay )?(la )?(de )?lam gi|co phai (la )?(uy ban|ubnd|nha nuoc|chinh quyen)( \w+)? (khong|ko|k|hong|that|a|ha)|cua nha nuoc (that|a|ha|khong|ko|k|hong)|" + WhoAnswersWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityWords();

    // "tôi đang nhắn tin với ai vậy", "m là bot à", "đang nói chuyện với cán bộ hay máy", "ai trả lời đây".
    private const string WhoAnswersWords =
        @"(nhan tin|nhan|noi chuyen|chat) voi ai|(la|phai la|co phai|co phai la) (bot|robot|nguoi that|may (a|ha|khong|ko|k|hay|tu dong|tra loi))|(can bo|nguoi) hay (la )?(may|bot|robot)|^ai (dang )?(tra loi|rep|truc|nhan tin)( (day|vay|v|do|the|a|nhi|ha))?$";

    [GeneratedRegex(@"\b(" + WhoAnswersWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhoAnswers();

    /// <summary>
    /// Only whether a person or a machine is answering, asked in a few words: what no model should read otherwise (an
    /// insult, a chase, a danger).
    /// </summary>
    public static bool AsksWhoIsAnswering(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortQuestion && WhoAnswers().IsMatch(n);
    }

    private const int ShortQuestion = 16;

    // Beyond this the message is a story, whatever question it ends with.
    private const int LongQuestion = 200;

    // "cái này có phải của ubnd tỉnh ko hay giả mạo": "this", the very thing being written to, asked whether it is real.
    [GeneratedRegex(@"^(\w+ ){0,2}(cai|tai khoan|trang|ben|nick|acc) nay\b.{0,60}\b(gia mao|lua dao|chinh thuc|co that|that khong|that hay|gia hay that)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThisIsGenuine();

    // "kênh này có liên quan gì tới cổng dịch vụ công không": this channel against another one the citizen knows.
    [GeneratedRegex(@"\b(kenh|trang|zalo|oa|fanpage|page|tai khoan|ben) nay\b.{0,20}\b(lien quan|thuoc|khac gi|giong|chung voi|noi voi|ket noi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BesideAnotherChannel();

    [GeneratedRegex(@"\b(mat phi|ton phi|co phi|thu phi|le phi|phi gi|mat tien|ton tien|mien phi|free|tru tien|bi tru)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CostWords();

    [GeneratedRegex(@"\b(bao mat|giu bi mat|lo (ten|thong tin|danh tinh|so dien thoai|sdt)|bi lo|an danh|giau ten|ai (doc|xem|biet) duoc|thong tin ca nhan|du lieu ca nhan|biet ai gui|biet toi gui|giu kin|co biet ten|biet ten toi|biet la toi|(nhung )?ai duoc (xem|doc|biet)|lo ra ngoai|luu (lai |giu |tru )?(trong )?(bao lau|den bao gio|may nam|o dau)|xoa (di |het |bo )?(tin nhan|thong tin|du lieu|lich su)|khong (ghi|de|can) ten|(so dien thoai|sdt|thong tin|du lieu|cccd|can cuoc|ten tuoi)\b.{0,40}\b(bi dung|dung de|dung vao|su dung|ban cho|cung cap cho|an toan|lay di|luu giu))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PrivacyWords();

    [GeneratedRegex(@"\b(ngoai gio|gio hanh chinh|thu 7|thu bay|chu nhat|cuoi tuan|ban dem|buoi toi|nua dem|ngay le|ngay tet|24/7|24 ?h|24/24|may gio|may h|gio nao|luc nao|ca dem|dem khuya|truc dem|ban toi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HoursWords();

    [GeneratedRegex(@"\b(tiep nhan|lam viec|truc|doc|tra loi|nhan|rep|xem|hoat dong|gui duoc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ServingVerb();

    // "mấy giờ thì nghỉ" asks when the channel closes only when the channel is named: "hát cả đêm không cho ai nghỉ" is noise.
    [GeneratedRegex(@"\b(nghi|dong cua|mo cua)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingVerb();

    [GeneratedRegex(@"\bco ai (doc|xem|nghe|tra loi|rep)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneReads();

    [GeneratedRegex(@"\b(bao lau|may ngay|bao nhieu ngay|khi nao|bao gio|mat bao lau)\b.{0,40}\b(tra loi|phan hoi|xu ly|giai quyet|co ket qua|co nguoi)\b|\b(tra loi|phan hoi|xu ly|giai quyet)\b.{0,30}\b(bao lau|may ngay|bao nhieu ngay|mat bao lau)\b|\b(co )?phai (cho|doi) (co )?lau (khong|ko|k|hong)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResponseTimeWords();

    // Something already sent makes "how long" a chase of it: "gửi 2 tuần rồi bao lâu nữa mới trả lời".
    [GeneratedRegex(@"\b(da gui|gui roi|gui tu|gui hom (truoc|kia|qua|bua)|gui lau|hom truoc|tuan truoc|thang truoc|lau roi|bao lau nua|nua moi|ma|cua toi|cua minh|cua em|cua tui|cua chau|don cua|gui \d+|\d+ (hom|ngay|tuan|thang) (roi|nay)|van im|van chua)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlreadySent();

    // An office's opening hours are a procedure's article ("một cửa làm việc thứ bảy không"), not the channel's.
    [GeneratedRegex(@"\b(mot cua|trung tam|hanh chinh cong|uy ban|ubnd|phuong|xa|co quan|bo phan|van phong|cong an|benh vien|truong)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficeWords();

    [GeneratedRegex(@"\b(toi|minh|em|e|tui|chau|bac|con)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SelfWord();

    public static ChannelQuestion Of(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        if (n.Length == 0 || n.Length > LongQuestion) return ChannelQuestion.None;
        // "cái này có phải của phường xử lý không": "this" is then the citizen's matter, whose office is asked.
        var channel = ChannelWord().IsMatch(n) || ThisChannelFirst().IsMatch(n) && !WhoseMatter().IsMatch(n);
        // "của ai", "máy hay người", "bao lâu", "mấy ngày" are questions by themselves; the rest want a question's shape.
        if (channel && IdentityWords().IsMatch(n)) return ChannelQuestion.Identity;
        // Asked, not told: "tài khoản này lừa đảo tôi 5 triệu" reports a scam.
        var asked = AskedShape().IsMatch(n) || raw.Contains('?');
        if ((ThisIsGenuine().IsMatch(n) || BesideAnotherChannel().IsMatch(n)) && asked) return ChannelQuestion.Identity;
        // "thứ 7 nhắn bao giờ mới có người trả lời": when the channel is served answers it.
        if (ResponseTimeWords().IsMatch(n) && !AlreadySent().IsMatch(n))
        {
            if (!HoursWords().IsMatch(n)) return ChannelQuestion.ResponseTime;
            if (!OfficeWords().IsMatch(n)) return ChannelQuestion.Hours;
        }
        // The folded text has lost its question mark; a long question carries its asking there ("… biết không? Tôi sợ …").
        if (!asked) return ChannelQuestion.None;
        if (channel && CostWords().IsMatch(n)) return ChannelQuestion.Cost;
        // "bi mat" unaccented is as often "bị mất" (lost) as "bí mật" (secret): only the accented word or "giữ bí mật" counts.
        var secret = raw.Contains("bí mật", StringComparison.OrdinalIgnoreCase);
        if ((PrivacyWords().IsMatch(n) || secret) && (channel || SelfWord().IsMatch(n))) return ChannelQuestion.Privacy;
        if (HoursWords().IsMatch(n) && (ServingVerb().IsMatch(n) || channel && ClosingVerb().IsMatch(n)) && !OfficeWords().IsMatch(n) && !ResponseTimeWords().IsMatch(n)) return ChannelQuestion.Hours;
        // "nhắn vào đây thì có ai đọc rồi gọi lại không": whether anyone is behind it, at any hour.
        if (channel && SomeoneReads().IsMatch(n) && !AlreadySent().IsMatch(n)) return ChannelQuestion.Identity;
        return ChannelQuestion.None;
    }
}
