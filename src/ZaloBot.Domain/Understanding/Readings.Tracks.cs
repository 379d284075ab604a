using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// Rules for the tracks a citizen's words put a matter on: a contested decision (khiếu nại) and wrongdoing in
/// office (tố cáo), told without the words.
/// </summary>
public sealed partial class Understander
{
    private static readonly Regex Disagrees = new(
        @"\b((khong|ko|k|hong|chua) (dong y|chap nhan|dung|thoa dang|cong bang|hop ly|phuc)|xem xet lai|vo ly|bat cong|sai quy dinh|oan|khoi phuc lai|de nghi (\w+ ){0,2}(giai thich|khoi phuc|huy bo|huy quyet dinh|xem xet)|phan doi|khong dong tinh|(khong|ko|k|chua) nhat tri|yeu cau xem lai|(vay|v|the|nhu vay|nhu the) la (sai|sao|the nao)|yeu cau (\w+ ){0,2}tra loi|(xin|de nghi|mong) (\w+ ){0,3}xem lai|(toi|em|minh|tui) thay (la )?sai|yeu cau giai thich|de nghi xet lai|chu (khong|ko|k) phai (cua |la )?(nha |cua )?(toi|em|minh|tui)|(de|muon|phai|the nao|sao) (di )?kien(?! nghi)|di kien(?! nghi)|sao (lai )?bat (\w+ ){0,2}(dong|nop|chiu) (tien )?phat|(khong|ko|k|chang|cha) he|(ma|thi) (\w+ ){1,8}la the nao|(khong|ko|k|chang) chiu|(vay|v|the|nhu vay|nhu the) (co )?(dung|hop ly|dung luat|dung quy dinh) (khong|ko|k)|qua thap|qua re|re mat|thap hon (gia )?thi truong|tinh (sai|nham|thua)|ma tinh thanh|dieu chinh lai|lam kho (dan|nguoi dan|toi)|bat dan chiu|quyen loi (cho|cua) (toi|em|gia dinh|chung toi)|(tai sao|sao) (\w+ ){0,8}bi (tra|tu choi|bac|phat|thu hoi|cat|loai)|(nhu the|nhu vay|the|vay) la sai|nho (\w+ ){0,2}xem (xet )?lai|cham lai|phuc khao|de nghi (\w+ ){0,2}lam ro|(ma|nhung) (khong|ko|k|chua) (co |he co )?(quyet dinh|van ban|thong bao|giai thich|ly do) (nao|gi))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Decision = new(
        @"\b(quyet dinh|tu choi|xu phat|bi phat|phat (toi|em|minh|nha)|cat (tien )?(tro cap|che do|ho ngheo|ho tro|luong huu)|thu hoi|den bu|boi thuong|cuong che|thao do|bat (toi|em|minh|nha|chau)(?! (phai )?(dung |ngoi )?(cho|doi|di lai|quay lai|ve|len|xuong|xep hang))|bi loai|loai khoi|khong duoc (xet|duyet|nhan|huong|cap)|bi tra (lai )?ho so|(tra|bac) (lai |ve )?ho so|cat (\w+ )?(ho tro|tro cap|che do|ho ngheo|ho can ngheo|ten)|bi tra (ve|lai)|bi bac|bi (\w+ ){0,3}(tam giu|giam|giu xe|giu bang)|bi (\w+ ){1,3}(phat|xu phat|thu hoi|cuong che|tu choi)|(lap bien ban )?phat \d+|bien ban phat|(khong|ko|k) du dieu kien|lay dat|(do|tinh) thieu|(dua|loai|gach) (\w+ ){0,4}(ra )?khoi danh sach|tai dinh cu|giai phong mat bang|an dinh thue|bi tinh (thue|phi|tien)|ma tinh thanh \d|(phai|bat) nop them (\d|tien)|bi cat(?! (dien|nuoc|mang|song|internet))|tich thu|phan (sang|ve|vao) truong|(khong|ko|k) (tinh|cong) (\w+ ){0,2}diem|cham (sai|thieu))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex AboutMe = new(@"\b(toi|em|e|minh|chau|bac|tui|tao|tau|t|chung toi|nha toi|me toi|bo toi|gia dinh toi|cty toi|cong ty toi)\b", RegexOptions.CultureInvariant);

    // The citizen as the one who speaks, not as the one a decision is about ("tôi thấy", "theo tôi", "tôi đề nghị"),
    // and someone else named through the citizen ("hàng xóm tôi", "bạn của tôi").
    private static readonly Regex MeAsSpeakerOrOthers = new(
        @"\b(((toi|em|e|minh|chau|bac|tui|chung toi) (thay|nghi|cho rang|de nghi|kien nghi|xin|muon|mong|thiet nghi|(khong|ko|k|chua) (dong y|chap nhan|phuc)|rat buc xuc|buc xuc))|theo (toi|em|minh)|(hang xom|ban|nguoi quen|ho hang|dong nghiep|nha ben canh|ben canh nha) (cua )?(toi|em|e|minh|chau|tui))\b",
        RegexOptions.CultureInvariant);

    // Someone else the decision may be about: a neighbour, other households, "bà bán rau", "ông ấy".
    private static readonly Regex Others = new(
        @"\b(hang xom|nha ben canh|ho ben canh|nguoi dan|ho dan|cac ho|mot so ho|nhieu ho|ba con|nguoi ban|ba ban|ong ban|chi ban|co ban|nguoi ta|anh ay|chi ay|ong ay|ba ay|co ay|chu ay|ho ay|ban toi|ban cua toi|nguoi khac|(gia dinh|nha|ho) (ong|ba|anh|chi|co|chu|bac) [a-z]+)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex NamedPerson = new(@"\b(ông|bà|anh|chị|cô|chú|bác|hộ|nhà|gia đình) [A-ZĐ]\p{Ll}*", RegexOptions.CultureInvariant);

    /// <summary>
    /// A khiếu nại described without the word: the citizen contests a decision, a fine, a refusal or compensation that
    /// concerns them ("hồ sơ của tôi bị từ chối, tôi không đồng ý", "đền bù cho nhà tôi không thỏa đáng"). A decision
    /// about someone else ("phường phạt bà bán rau, tôi thấy không công bằng", "hàng xóm tôi bị thu hồi đất") is not the
    /// citizen's khiếu nại — only the person it concerns may bring one: with someone else named, the citizen's own stake
    /// must be said apart from their own opinion ("nhà tôi", "phạt tôi").
    /// </summary>
    public bool ContestsDecision(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        // A fine demanded by people calling themselves inspectors is no decision to contest: they are no authority.
        if (SelfStyled.IsMatch(n) || OfficialsDoubted(raw, n)) return false;
        if (!Disagrees.IsMatch(n) || !Decision.IsMatch(n) || !AboutMe.IsMatch(n) || AskedInTheAbstract.IsMatch(n)) return false;
        var aboutOthers = Others.IsMatch(n) || NamedPerson.IsMatch(raw);
        return !aboutOthers || AboutMe.IsMatch(MeAsSpeakerOrOthers.Replace(n, " "));
    }

    // "nếu tôi không đồng ý với quyết định xử phạt thì thời hạn khiếu nại là bao nhiêu ngày ạ?", "khiếu nại với tố cáo
    // khác nhau thế nào, em bị phạt oan thì gọi là gì": the law asked about, in the abstract — a question, not a matter
    // to file, whatever decision or wrongdoing it names.
    private static readonly Regex AskedInTheAbstract = new(
        @"(\b(neu|gia su|truong hop|lo nhu) (toi|em|e|minh|chau|bac|tui|nguoi dan|dan|ai|nha toi|gia dinh toi|thay|gap|phat hien)\b.*\b(thi|co)\b.*(\?|\b(bao nhieu( ngay)?|bao lau|the nao|nhu nao|duoc khong|dc khong|duoc ko|dc ko|khong|ko|gi|ai|dau)( (a|vay|ad|nhi|ha|nhe))?\W*$))|\b(khac nhau (the nao|nhu nao|o dau|cho nao|ra sao)|phan biet (\w+ ){0,3}(khieu nai|to cao)|goi la gi)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Official = new(
        @"\b(can bo|cong chuc|vien chuc|chu tich|pho chu tich|bi thu|truong thon|truong ap|truong ban|truong khu pho|to truong|truong phong|pho phong|giam doc|pho giam doc|ke toan|thu quy|dia chinh|cong an|canh sat|csgt|thanh tra|kiem lam|hai quan|thue vu|quan ly thi truong|doi truong|lanh dao|thu truong|hieu truong|truong tram|uy ban|ubnd|quan chuc|chinh quyen|xa doi|truong cong an|cong an xa|cong an phuong|van phong|mot cua|trat tu|doi trat tu|thanh tra giao thong|canh sat giao thong|cong an giao thong|nguoi (trong|cua|ben) (phuong|xa|uy ban|ubnd|huyen|tinh)|y ta|bac si|bs|dieu duong|giao vien|co giao|thay giao|hieu pho|nhan vien y te|can bo y te)\b",
        RegexOptions.CultureInvariant);

    // Wrongdoing in office: money taken or diverted, records falsified, power used for oneself or one's family.
    private static readonly Regex Wrongdoing = new(
        @"\b(nhan tien|nhan phong bi|phong bi|(dem |mang |tuon )?ban ra ngoai|(dem|mang|tuon) (\w+ ){0,2}ban lai|mien phi\b.{0,80}\bban lai|hoi lo|an chan|an bot|bot xen|xa xeo|bien thu|tham o|tham nhung|khai khong|nang khong|(lay|an|huong|bo tui|an bot) (\w+ ){0,2}(phan |khoan |tien )?chenh( lech)?|ke khong|ky khong|(chi|cap|phat) (\w+ ){0,4}cho (nhung )?(nguoi da chet|nguoi chet|nguoi da mat|nguoi da chuyen di)|lam gia|gia mao|lam sai lech ho so|loi dung (chuc vu|quyen han|chuc quyen|vi tri)|lam dung (chuc vu|quyen han|chuc quyen)|lam quyen|ban (dat cong|trai phep dat|dat cua (xa|thon|phuong))|chiem (dat cong|doat)|chia dat cong|thu sai|thu trai phep|thu trai quy dinh|thu them tien|thu qua quy dinh|thu tien (trai phep|sai|ngoai quy dinh)|thu (them )?(cac )?khoan (ngoai|trai|sai) quy dinh|voi tien|voi vinh|doi (\w+ ){0,5}(tien|\d+ ?k\b|\d+ ?(nghin|trieu|tr)\b)|(dua|cho|dem) nguoi nha (\w+ ){0,2}vao danh sach|(rut|lay|tieu|muon|dung) (het )?tien (cua )?quy|uu ai (cho )?(nguoi nha|nguoi than|ho hang|con chau)|(giao|chia|cap|ban) .{0,40}\b(cho )?(nguoi nha|nguoi than|em vo|anh vo|em ruot|con ruot|ho hang)\b|bo tui|rut ruot|tu loi|tien (di dau|di mo|bien dau|mat dau|vao tui ai)|khong cong khai (thu chi|tien|so sach)|thu tien .{0,40}\b(roi|ma) (khong|ko|chua) (lam|tra|lam gi)|moc ngoac|bao ke|hop thuc hoa|(phai|bat) (dua|chi|nop) (\w+ ){0,2}\d+ ?(k|nghin|trieu|tr)\b.{0,30}\bmoi\b|(xay|cap|giao) (\w+ ){0,3}tren dat cong|thong dong|(nguoi nha|em ho|anh ho|chi ho|con|chau|ho hang|em vo|anh vo|con re|ban than) (cua )?(ong |ba )?(pho chu tich|chu tich|bi thu|truong thon|truong phong|giam doc|can bo|cong an)|bao che|(duoc|nhan) (\w+ ){0,3}(chi tien|dut tien|cho tien|bo tien|dua tien)|(xin|lay|nhan|doi|boi duong|bo duong|lot tay) (\w+ ){0,2}\d+ ?(k|nghin|ngan|trieu|tr)\b|(thu|nop|dong|dua) tien .{0,60}\b(khong|ko|k) (co |dua |viet |xuat )?(bien lai|hoa don|phieu thu)|(bat |phai )?nop (\w+ ){0,3}\d+ ?(k|nghin|ngan|trieu|tr)\b.{0,60}\b(khong|ko|k) (co |dua |viet |xuat )?(bien lai|hoa don|phieu thu)|thu (\w+ ){0,4}\d+ ?(k|nghin|ngan|trieu|tr)\b.{0,60}\b(khong|ko|k) (co |dua |viet |xuat )?(bien lai|hoa don|phieu thu)|phi (lam nhanh|boi duong|bo duong|chay)|tien (lam nhanh|chay|lot tay)|(dua|chi|nop|bo|lot|dut|dui|giui) (\w+ ){0,3}\d+( ?- ?\d+)? ?(k|nghin|ngan|trieu|tr|lit|cu)?\b.{0,30}\b(thi|moi|la) (\w+ ){0,2}(cho qua|khong lap bien ban|khong phat|bo qua|lam luon|lam ngay|lam nhanh|lam truoc|duoc lam truoc|xong ngay|khong phai cho)|cau ket|moc noi|tiep tay|(ba con|ho hang|nguoi nha|quen biet|chau|con|vo|chong) (voi|cua) (\w+ ){0,3}(can bo|chu tich|pho chu tich|truong thon|bi thu|to truong|truong ban|dia chinh)\b.{0,80}\b(danh sach|co ten|tro cap|ho ngheo|can ngheo|ho tro|duoc (cap|giao|xet|chia))|(danh sach|ds|co ten|tro cap|ho ngheo|can ngheo|duoc (cap|giao|xet|chia)).{0,120}\b(ba con|ho hang|nguoi nha|quen biet) (voi |cua )?(\w+ ){0,3}(can bo|chu tich|pho chu tich|truong thon|bi thu|to truong|truong ban|dia chinh)|theo quan he|(cap|lam) (\w+ ){0,4}(so do|giay chung nhan|so hong) (\w+ ){0,4}tren dat (cong|ao|cua thon|cua xa)|dat cong .{0,60}\b(nha quen|nguoi quen|quen biet|nguoi nha|nguoi than|ho hang)|(khong|ko|k) (qua |to chuc |co )?dau gia)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Quoted = new(@"[""“”‘’]", RegexOptions.CultureInvariant);

    /// <summary>Words of speaking in an office's name: "tự xưng", "xưng là", "giả danh", "mạo danh" (normalised).</summary>
    internal const string SelfStylingWords = "tu xung|xung la|xung danh|gia danh|mao danh";

    private static readonly Regex Impersonating = new(@"\b(" + SelfStylingWords + @"|gia lam)( la)?( \w+){0,5}", RegexOptions.CultureInvariant);

    // "mấy người mặc áo giống cán bộ quản lý thị trường … nghi là giả mạo": the officials themselves are doubted, so
    // what they did is a matter for the police, not an official's wrongdoing or decision. "giả mạo hồ sơ" alone is
    // falsification by an official and stays.
    private static readonly Regex FakeOfficials = new(
        @"\b(nghi (la |rang )?(bon |nguoi |ho |may )?(gia mao|gia danh|mao danh|lua dao)|giong (nhu )?(can bo|cong an|quan ly thi truong|thanh tra)|gia (danh|mao|lam) (can bo|cong an|quan ly thi truong|thanh tra))\b",
        RegexOptions.CultureInvariant);

    // "công an giả" (a fake policeman) is read with its marks: "cán bộ già" is an old official, "gia đình" a family.
    private static readonly Regex FakeOfficialsMarked = new(@"\b(công an|cán bộ|thanh tra|quản lý thị trường) giả\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // Calling oneself an official ("xưng là cán bộ kiểm tra PCCC"); "tham gia làm đường" is no "giả làm".
    private static readonly Regex SelfStyled = new(@"\b(" + SelfStylingWords + @")\b", RegexOptions.CultureInvariant);

    private static bool OfficialsDoubted(string raw, string normalized) => FakeOfficials.IsMatch(normalized) || FakeOfficialsMarked.IsMatch(raw);

    private static readonly Regex AddressedToStaff = new(@"^((da|vang|xin) )?(thua|kinh gui|kinh thua|chao) (cac |quy )?can bo\b|\b(cac )?can bo oi\b",
        RegexOptions.CultureInvariant);

    /// <summary>Wrongdoing that is in office by itself: nobody but an official can take a bribe or embezzle.</summary>
    private static readonly Regex WrongdoingInOffice = new(
        @"\b(nhan hoi lo|an hoi lo|nghiem thu (khong|ao)|chong lung|(chi )?co (1|mot) nha thau|gia trung thau (gan |xap xi )?bang|thong thau|quan ve|dan xep (goi )?thau|(muon|lam|cho|de) nhanh (thi|phai) (\w+ ){0,2}(boi duong|bo duong|lot tay|chi|dua|gui)|tham o|tham nhung|bien thu|an chan|rut ruot|(dua|chi|nop|dong) tien (thi |moi |thi moi )(duoc|co ten)|de .?lo.? (cho )?(vao|duoc|co ten)|chay (vao )?danh sach|danh sach .{0,80}\b(nguoi da chet|nguoi chet|da chet|da mat|khong o dia phuong|ko o dia phuong|khong co that|ho ao|nguoi ao)|loi dung (chuc vu|quyen han|chuc quyen)|lam dung (chuc vu|quyen han|chuc quyen)|lam quyen)\b",
        RegexOptions.CultureInvariant);

    // "ăn tiền thuế của dân" is the insult of a taxpayer, not a bribe; "từ 75 được nhận tiền" is an entitlement.
    private static readonly Regex NotWrongdoing = new(@"\b(an tien thue|tien thue cua dan|nhan tien ho tro|nhan tien tro cap|nhan tien den bu|duoc nhan tien)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// A tố cáo described without the word: an official (cán bộ, chủ tịch xã, trưởng thôn, công an…) and wrongdoing in
    /// office (nhận tiền, phong bì, ăn chặn, khai khống, làm giả, lợi dụng chức vụ, bán đất công, thu sai, ưu ái
    /// người nhà…), or wrongdoing only an official can commit (tham ô, nhận hối lộ). Rudeness or slowness alone is
    /// a complaint about conduct, not a tố cáo.
    /// </summary>
    public bool DenouncesWrongdoing(string raw)
    {
        // Quotes around a word ("bồi dưỡng") are how citizens point at a euphemism, not a break in the sentence.
        var n = NotWrongdoing.Replace(TextNormalizer.Normalize(Quoted.Replace(raw, "")), " ");
        // "đợi tiền" (waiting for the money) is not "đòi tiền" (demanding it); without diacritics both read "doi".
        if (raw.Contains("đợi", StringComparison.OrdinalIgnoreCase)) n = Regex.Replace(n, @"\bdoi\b", "waiting");
        // "gọi điện xưng là cán bộ bảo hiểm xã hội bảo chuyển 12 triệu": a scammer in an official's name is no official.
        n = Impersonating.Replace(n, " ");
        // "dạ thưa cán bộ, …", "cán bộ ơi": the official addressed is whoever reads the message, not the one it is about.
        // ("cán bộ a Hùng" is not addressed: without marks "a" is as often "anh", the official named.)
        n = AddressedToStaff.Replace(n, " ");
        if (OfficialsDoubted(raw, n)) return false;
        return WrongdoingInOffice.IsMatch(n) || (Official.IsMatch(n) && Wrongdoing.IsMatch(n));
    }
}
