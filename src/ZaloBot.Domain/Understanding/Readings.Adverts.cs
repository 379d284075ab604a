using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

// Adverts and insults by their shape: a contact word before a number and something sold; someone aimed at with contempt.
public sealed partial class Understander
{
    private static readonly Regex ContactThenNumber = new(
        @"\b(lh|l\.h|lien he|inbox|ib|ibx|zalo|zl|hotline|goi ngay|call|sdt|dt|alo)\b\W{0,3}(\+?84|0)\d([\s.]?\d){7,}",
        RegexOptions.CultureInvariant);

    private static readonly Regex Selling = new(
        @"\b(lai suat|vay von|vay tien|cho vay|giai ngan|gia re|gia chi|uu dai|giam gia|khuyen mai|ban gap|can ban|can mua|nhan lam|bao dau|bao ra|thanh ly|chinh chu|trao tay|thuong luong|\d+\s?k\b|\d+\s?(tr|trieu)\s?/)",
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

    // Whom an insult is aimed at: the bot, "mày", "các người", "bọn/lũ/tụi…", officials.
    private static readonly Regex Addressee = new(
        @"\b(may|mi|tui may|chung may|bon may|lu may|cac nguoi|may nguoi|cac ong|may ong|cac ba|may ba|tui bay|chung bay|bay|bot|con bot|cai bot|admin|ad|app|thang|lu|bon|dam|can bo|quan chuc|chinh quyen|tra loi|rep)\b",
        RegexOptions.CultureInvariant);

    // The shapes of contempt, whatever the insult word: "đồ …", "thằng/con …", "lũ/bọn …", "như …" at the end, curses,
    // "bot với chả biếc" (a name echoed to dismiss it; "bún với chả cá" is lunch).
    // Bare "ngu" without marks is as often "ngủ": "dân ngủ không được", "mất ngủ", "đi ngủ" are about sleep.
    private static readonly Regex Contempt = new(
        @"(\b\w+ voi cha (?!(ca|gio|lua|que|muc|tom|nem|bo|com)\b)\w+\b|\b(thang|lu|bon|tui|do) (\w+ ){0,2}(ngu|dot|dan don|dan dan|bat tai|an hai|an bam|vo dung|vo tich su|sau mot|sau bo|suc vat|rac ruoi|mat lon|khon nan|mat day|lao toet|hen ha|gian|dieu cang|nhu nhuoc|tham nhung|tham o)\b|\bnhu ((con|cai) )?(bo|cho|lon|heo|trau|khi|rua|cut|c|l|cc|cl|lon|buoi|hach|shit|ccc|\*+)(\W|$)|\b(bot|con bot|cai bot|app|cai app|cai may) (\w+ ){0,1}(vo dung|vo tich su|an hai|vo van|ngu)\b|\b(ngu|dan|dot|oc) (the|vay|qua|vl|vai|nhu)\b|\b(deo|dech|vl|vcl|vkl|dm|dmm|dcm|dkm|dit|clm|cmm|cc|cl|loz|bien di|cam mom|cam mieng|im mom|chet di|me may|cha may|bo may|oc cho|oc lon|nao ngan|dan don|(?<!\b(mat|khong|ko|k|chua|di|dang|de|giac|buon|ru) )ngu(?! (khong|ko|k|chang|duoc|dc|yen|ngon|nghi|trua|say|tiep)\b)|me kiep|chet het di|khon nan|mat day|suc vat|rac ruoi|an hai|vo dung|vo tich su|ton com|tich su gi|ngoi choi an luong)\b|\b(chi|chi gioi|chi biet|toan) (ngoi (\w+ ){0,2})?(an luong|an tien|an voi ngu|an bam|an hai)( (cua |cua nguoi )?dan)?( (thoi|chu|thi))?\b)",
        RegexOptions.CultureInvariant);

    // "hỏi gì cũng không trả lời", "nhắn mãi chẳng ai trả lời", "trả lời như vẹt": what the insult is about — the bot's own
    // answers — is no matter to file, nor a question asked.
    private static readonly Regex AboutTheBotsAnswers = new(
        @"\b(hoi|nhan|chat) (\w+ ){0,2}(gi|cai gi|cau nao|cai chi|chi|j|mai|hoai|ca tuan|bao nhieu lan|may lan|may tram lan)( \w+){0,2} (cung )?(khong|ko|k|chang|cha|hong|chua) (ai |duoc |dc )?(tra loi|rep|biet|hieu|duoc gi|dc gi)( duoc| dc)?( cau nao| gi)?\b|\btra loi (nhu (vet|may|cai may)|lung tung|linh tinh|khong lien quan|ko lien quan|vong vo|long vong)\b",
        RegexOptions.CultureInvariant);

    private const double PlainQuestion = 3;

    private static readonly Regex QuotedWords = new(@"[""“][^""“”]*[""”]", RegexOptions.CultureInvariant);

    private const int EpithetAlone = 4;

    // The epithets that insult whoever they are said to ("đồ gì đây" asks).
    private static readonly Regex InsultingEpithet = new(
        @"(^|[\s,.!])đồ (ngốc|khùng|điên|dở hơi|hâm|ngu|đần|dốt|vô dụng|khốn|mất dạy|láo|ăn hại|bỏ đi)(\W|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex CorruptWord = new(@"\b(tham nhung|tham o)\b", RegexOptions.CultureInvariant);

    // "đồ" as an epithet ("đồ vô dụng", "đồ khốn"), not goods ("đồ ăn", "đồ đạc").
    private static readonly Regex Epithet = new(@"(^|[\s,.!])đồ (?!ăn|uống|đạc|dùng|chơi|cũ|nghề|gỗ|điện|nhựa|hộp)\p{L}+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Insult words that are other words with their marks: "mất ngủ" is not "ngu", "người dân" not "đần", "to lớn" not "lợn";
    private static readonly Dictionary<string, string[]> InsultAccents = new()
    {
        ["ngu"] = ["ngu"], ["dan"] = ["đần"], ["dot"] = ["dốt"], ["oc"] = ["óc"], ["lon"] = ["lợn", "lồn"], ["cho"] = ["chó"],
        ["bo"] = ["bò"], ["cut"] = ["cút", "cứt"], ["hen"] = ["hèn"], ["bon"] = ["bọn"],
        // …and whom it is aimed at: "từ tháng 3" names no "thằng", "cái máy" is no "mày".
        ["thang"] = ["thằng"], ["may"] = ["mày"], ["lu"] = ["lũ"], ["dam"] = ["đám"],
    };

    private static readonly Dictionary<string, HashSet<string>> InsultAccentsToneLast =
        InsultAccents.ToDictionary(a => a.Key, a => a.Value.Select(TextNormalizer.ToneLast).ToHashSet());

    /// <summary>The message's words for reading contempt: a word typed with marks that make it another word is left out.</summary>
    private string InsultWords(string raw)
    {
        var tokens = Tokenize(raw).Tokens;
        return string.Join(' ', tokens.Select((t, i) =>
            t.Accented is { } typed && InsultAccentsToneLast.TryGetValue(t.Text, out var forms) && !forms.Contains(typed)
            && !(typed == SomeOf && i + 1 < tokens.Count && tokens[i + 1].Text is "nguoi" or "ong" or "ba" or "thang" or "dua" or "con" or "can")
                ? "_" : t.Text));
    }

    // "mấy người", "mấy ông" are whom an insult is aimed at; "mấy tháng", "mấy hôm" are not.
    private static readonly string SomeOf = TextNormalizer.ToneLast("mấy");

    /// <summary>
    /// Abuse by its shape when its words are not in the table: aimed at someone (the bot, "mày", "các người", officials)
    /// with a form of contempt ("đồ …", "lũ …", "như …", a curse), and no problem, complaint or place named.
    /// </summary>
    internal bool AbuseShape(string raw)
    {
        // "phân bón" is no "bọn": the words are read with their marks.
        var words = InsultWords(raw);
        // "ahihi đồ ngốc": an epithet said alone is aimed at whoever reads it.
        var epithetAlone = InsultingEpithet.IsMatch(raw) && Tokenize(raw).Count <= EpithetAlone;
        if (!epithetAlone && !Addressee.IsMatch(words)) return false;
        if (!(Contempt.IsMatch(words) || Epithet.IsMatch(raw))) return false;
        // "Toàn bọn tham nhũng ngồi mát ăn bát vàng" is an insult; "bọn cán bộ xã tham nhũng, bán đất công cho người nhà"
        // tells wrongdoing besides the word, and is a tố cáo — of someone: "cái bot vô dụng, đền bù thì ăn chặn hết rồi"
        // names no one it is told of, and vents.
        var told = CorruptWord.Replace(TextNormalizer.Normalize(raw), " ");
        if (DenouncesWrongdoing(told) && Official.IsMatch(told)) return false;
        // The insult's own words are not a problem ("vô tích sự" without diacritics holds "vo", read as "vỡ"); nor are the
        // words it quotes ("bot trả lời "cảm ơn bạn đã phản ánh", cảm ơn cái gì mà cảm ơn, vô dụng").
        var (scores, _, _) = Segment(Tokenize(AboutTheBotsAnswers.Replace(Contempt.Replace(InsultWords(QuotedWords.Replace(raw, " ")), " "), " ")));
        // Nor a plain question beside it ("Địt mẹ bot vô dụng. Nói tóm lại làm lại căn cước bị mất thì ra đâu làm, mất
        // bao nhiêu tiền"): the question is what is wanted.
        if (scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") >= IntentThreshold || scores.GetValueOrDefault("status") >= IntentThreshold
            || scores.GetValueOrDefault("question") >= PlainQuestion) return false;
        return ExtractPlace(raw, []).Address is null;
    }

    // "Chia sẻ tin nhắn này cho 10 người để nhận may mắn, nếu không sẽ gặp xui": a message to pass on to so many people,
    // with luck promised or misfortune threatened — a chain letter, however urgent or official it sounds.
    private static readonly Regex PassItOn = new(
        @"\b((chia se|chuyen tiep|share|forward)( ngay| lai| tiep)?( tin nay| tin nhan nay| bai nay)?|(gui|nhan)( lai| ngay)? (tin|tin nhan) nay) (cho )?(\w+ ){0,2}\d+ (nguoi|nhom|ban|group)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex LuckOrThreat = new(
        @"\b(gap xui|xui xeo|chuyen xui|gap may|may man|gap hoa|bi nguyen|mat loc|tin vui|phu ho|bi khoa|giu tai khoan|gap (chuyen )?(khong may|tai nan))\b", RegexOptions.CultureInvariant);

    // "chia sẻ là phước đức", "share đi để được may mắn": the sharing itself blessed.
    private static readonly Regex SharingBlessed = new(
        @"\b(chia se|share|chuyen tiep) (\w+ ){0,3}(la|se|thi|de) (duoc )?(phuoc duc|tich duc|co phuoc|duoc phuoc|gap may|may man|co hau)\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A chain letter, in normalised words: passed on to so many people with luck or a threat attached, or the sharing
    /// itself blessed.
    /// </summary>
    internal static bool IsChainLetter(string normalized) =>
        PassItOn.IsMatch(normalized) && LuckOrThreat.IsMatch(normalized) || SharingBlessed.IsMatch(normalized);

    private static readonly Regex SellingCue = new(
        @"\b(\d+ ?k|\d+ ?%|giam gia|giam \d+|khuyen mai|gia re|gia soc|uu dai|nhan (lam|thiet ke|thi cong|ship|order|cho vay|may|in|sua chua)|dang ky ngay|mua ngay|goi ngay|tai link|link (ben duoi|tai|o duoi)|san pham|khoa hoc|uy tin|chat luong cao|toan quoc|mien phi|tang kem|freeship|inbox|ib|ship|dat hang|lien he ngay|nhan tin ngay|tuyen (nhan vien|ctv|cong tac vien|lao dong|gap)|luong \d+|\d+ ?(tr|trieu) ?/ ?(thang|ngay)|lam viec tai nha|viec nhe luong cao|can ban|ban (nha|dat|xe|my pham|hang|do|can ho)|cho thue|phong tro|gia (thuong luong|sinh vien|tot|hat de|canh tranh)|ai (co nhu cau|can)|nhu cau|nhan (day|chay|dich vu|quang cao|thiet ke)|tang (like|follow)|quang cao|vay online|duyet \d+ ?phut|can tien gap|kiem tien|rut tien|hang auth|chinh hang|chinh chu|mat pho|ship tan noi|gia chi|(gia|chi) (con |tu )?\d+ ?(trieu|ty|ti|tr)|sim so|so dep|tu quy|giao tan (nha|noi)|ship cod|dat nen|trao tay|lo goc|sinh loi|hoa hong|\d+x+ ?(trieu|tr|ty|ti|k)|(chiet khau|ck) \d+|so (do|hong) (tung lo|rieng|chinh chu)|xem dat|bam (vao )?link|nhan ngay|chuyen tiep (\w+ ){0,3}cho \d+ nguoi|phi (van chuyen|ship|giao hang)|chi con \d+ (suat|slot|cho|ve)|\d{1,3}( \d{3})+ ?(d|dong|vnd)|chuyen cung cap|thiet ke (website|web|app)|(mong|rat mong|han hanh) (duoc )?hop tac|(sap|se) bi khoa|cap nhat (lai )?tai|de tranh bi (gian doan|khoa)|(xin gui|gui ve|ung ho (qua|ve|vao)) (\w+ ){0,2}(stk|so tai khoan)|lan toa yeu thuong|bao (dau|do) \d+|visa thang|khong (can )?chung minh tai chinh|hoi thao mien phi|thanh ly|thuong luong|bao tron goi|khong can cho doi|co nguoi nha (trong|o|tai) (phong|so|xa|phuong|huyen)|file apk|apk|link dinh kem|cai dat (ung dung|app) (\w+ ){0,2}moi|qua han (se )?bi (phat|khoa|thu hoi)|^chuyen tiep|khong can the chap|giai ngan (trong |ngay |nhanh )?(\d+|ngay|nhanh|trong ngay)|vay (von |tien )?nhanh|(khong|ko|k) (chuyen tiep|chuyen|share|chia se) (\w+ ){0,3}(se|thi) (gap|bi) (xui|van xui|van rui|tai hoa)|nhan (\w+ ){0,4}(ho tro|qua|tien) (\w+ ){0,5}tu chinh phu|(hay|nho) (gui|chuyen tiep|chia se|share) (\w+ ){0,2}cho (nguoi than|moi nguoi|tat ca|ban be|nguoi quen))\b|\b\d+ ?%",
        RegexOptions.CultureInvariant);

    // An offer that asks for a name, a bank account and a photo of an ID card ("nhắn họ tên + STK + ảnh CCCD để đăng ký
    // nhận"): what phishing collects — as good as two selling cues.
    private static readonly Regex HarvestsIdentity = new(
        @"\b((ho ten|anh cccd|anh can cuoc) (\w+ ){0,3}(stk|so tai khoan)|(stk|so tai khoan) (\w+ ){0,3}(anh cccd|anh can cuoc))\b", RegexOptions.CultureInvariant);

    private const int IdentityCues = 2;

    private static readonly Regex Victim = new(@"\b(bi lua|lua dao|bi mat|mat tien|mat trang|chiem doat)\b", RegexOptions.CultureInvariant);

    private const int ManyCues = 3;

    private static readonly Regex CallToAct = new(
        @"\b(lien he ngay|lien he (em|e|minh|chi|anh|a|c)|goi ngay|nhan tin ngay|dang ky ngay|mua ngay|dat hang|inbox|ib|chuyen khoan|tai link|bam (vao )?link|hotline|(lien he|lh) \d\w*|(mong|rat mong) (duoc )?hop tac|truy cap)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// An advert without a number: two or more different selling cues (a price, "giảm 70%", "khuyến mãi", "nhận thiết
    /// kế", "đăng ký ngay tại link") and nothing wrong named, asked or chased.
    /// </summary>
    internal bool SellsWithoutNumber(string raw, Dictionary<string, double> scores)
    {
        var n = TextNormalizer.Normalize(raw);
        var cues = SellingCue.Matches(n).Select(m => m.Value).Distinct().Count() + (HarvestsIdentity.IsMatch(n) ? IdentityCues : 0);
        // A citizen asking what a landlord must register ("có nhu cầu cho thuê phòng trọ thì cần làm gì") is asking —
        // unless the offer is told in full ("soi cầu chính xác 99%, vào nhóm VIP chỉ 500k/tháng, bao lô bao đề": "bao"
        // is read as "báo").
        if (cues < ManyCues + 1
            && scores.GetValueOrDefault("problem") + scores.GetValueOrDefault("complaint") + scores.GetValueOrDefault("status") >= IntentThreshold) return false;
        // The citizen who lost money to such an offer is the one complaining about it.
        if (Victim.IsMatch(n)) return false;
        // "… thu tiền người bán hàng rong mỗi ngày 50k không có biên lai": prices told of wrongdoing sell nothing.
        if (FiledByATrackRule(raw)) return false;
        // An offer may borrow a question's words ("chương trình … miễn phí chỉ cần chuyển khoản phí ship 150k liên hệ
        // ngay") — it takes more cues, one of them a call to act, to outweigh them ("có nhu cầu cho thuê phòng trọ thì
        // cần đăng ký gì" asks).
        return scores.GetValueOrDefault("question") >= IntentThreshold ? cues >= ManyCues && CallToAct.IsMatch(n) || cues > ManyCues : cues >= 2;
    }
}
