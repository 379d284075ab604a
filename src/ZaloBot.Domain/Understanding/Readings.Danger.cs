using System.Text.RegularExpressions;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

// Immediate danger beyond the table's words: what must not count (a telephone cable, a denial, a word's other sense), people trapped or in peril, and a danger told as over, feared or recurring.
public sealed partial class Understander
{
    // Cables that carry no power: "dây điện thoại" contains "dây điện" word for word.
    private static readonly string[] TelecomCablePhrases =
    [
        "dây điện thoại", "dây cáp", "cáp mạng", "cáp quang", "cáp viễn thông", "dây mạng", "dây internet", "dây cáp quang",
        "dây truyền hình", "cáp truyền hình", "dây wifi", "dây viễn thông",
    ];

    // "không phải cháy", "chẳng phải cháy": the danger is denied, not reported.
    private static readonly string[] DenialPhrases =
    [
        "không phải", "không phải là", "chẳng phải", "chả phải", "không có", "chả có", "chẳng có", "làm gì có", "không hề có",
        // "kêu lẹt xẹt nhưng chưa thấy tia lửa gì": not seen is not there.
        "chưa thấy", "không thấy", "chả thấy", "chẳng thấy", "chưa có", "chưa hề có",
    ];

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

    private static readonly string CrushedUnder = TextNormalizer.ToneLast("đè");

    // "trúng thầu", "trúng tuyển", "trúng cử", "trúng giải", "trúng số", "trúng thưởng".
    private static readonly HashSet<string> WonBy = ["thau", "tuyen", "cu", "giai", "so", "thuong"];

    private static readonly string Slid = TextNormalizer.ToneLast("lở");

    private static readonly string Fainted = TextNormalizer.ToneLast("ngất");

    private static readonly string Suffocated = TextNormalizer.ToneLast("ngạt");

    private static readonly HashSet<string> CutOff = ["dien", "nuoc", "mang", "ket", "noi"];

    private static readonly HashSet<string> Dumped = ["cat", "da", "dat", "rac", "xa", "vat", "phe", "tron", "bun", "soi", "gach", "ca", "be"];

    private static readonly HashSet<string> PlotWords =
        ["cho", "cua", "mua", "ban", "tach", "so", "do", "nay", "ay", "nha", "thua", "o", "mot", "cac", "nhung", "ben", "duoc", "giao", "cap", "kia", "tai", "ly", "thue", "goc"];

    // "no chua gui", "no nghieng": "nó" (it, him) doing something, not "nổ"; "de toi bao": "để", not "đè".
    private static readonly HashSet<string> AfterIt =
        ["chua", "da", "dang", "se", "van", "con", "cu", "cung", "lai", "hay", "moi", "bao", "noi", "gui", "chup", "lam", "nghieng", "nut", "sut", "khong", "ko", "k", "duoc", "can", "di", "ve", "bi", "vao", "o", "len", "xuong", "an", "hoc", "choi", "thay", "biet", "muon", "phai", "thi"];

    private static readonly HashSet<string> DebtAfter = ["tien", "thue", "phi", "cuoc", "xau", "dong", "nan"];

    private static readonly HashSet<string> DebtBefore = ["ghi", "nhan", "tra", "doi", "khoan", "mac", "chiu", "thieu", "vay"];

    // "de o kho": "để ở kho", left in the storeroom.
    private static readonly HashSet<string> AfterLet = ["toi", "em", "e", "minh", "chau", "bac", "tui", "no", "mai", "sau", "khi", "xem", "gui", "lam", "cho", "bao", "hom", "tu", "nghi", "o", "lai", "yen", "nguyen"];

    private static readonly string Exploded = TextNormalizer.ToneLast("nổ");

    private static readonly string Flame = TextNormalizer.ToneLast("lửa");

    // "lừa đảo", "lừa người khác", "lừa tiền": what follows cheating.
    private static readonly HashSet<string> Cheated = ["dao", "ng", "nguoi", "tien", "dan", "khach"];

    private static readonly string Pressed = TextNormalizer.ToneLast("đè");

    /// <summary>
    /// Words typed without marks that name a danger only in one sense: "chay au" is "chạy ẩu" (driving recklessly), not
    /// "cháy"; "lo dat cua bo me" is "lô đất" (a plot), not "lở đất". Returns how many words to set aside at
    /// <paramref name="i"/>, 0 when the danger sense stands.
    /// </summary>
    private static readonly HashSet<string> DrainageWorks = ["cong", "muong", "ranh", "ga", "nap"];

    private static int OtherSense(TokenizedText text, int i)
    {
        var word = text.Tokens[i];
        // Typed with its marks, "chạy" (running) and "nó" (it) say so themselves.
        if (word.Accented == Running || word.Accented == It) return 1;
        if (word.Text == "chay" && word.Accented != Burning && i + 1 < text.Count && Driving.Contains(text.Tokens[i + 1].Text)) return 1;
        // "phòng cháy chữa cháy" (fire prevention), "xe chữa cháy": no fire said.
        if (word.Text == "chay" && i > 0 && text.Tokens[i - 1].Text is "phong" or "chua") return 1;
        // "khói như cháy rừng": a likeness, not a fire.
        if (word.Text == "chay" && i > 0 && text.Tokens[i - 1].Text == "nhu") return 1;
        // "chuông báo cháy cứ tự kêu", "hệ thống báo cháy": the alarm, not the fire.
        if (word.Text == "chay" && i > 1 && text.Tokens[i - 1].Text == "bao" && text.Tokens[i - 2].Text is "chuong" or "thong" or "bi" or "coi" or "den") return 1;
        // "CHÁY HÀNG, giá sốc 99k, inbox ngay": sold out, in an advert's words; a shop on fire is told without them.
        if (word.Text == "chay" && i + 1 < text.Count && text.Tokens[i + 1].Text == "hang"
            && SellingCue.Matches(text.Window(0, text.Count)).Select(m => m.Value).Distinct().Count() >= 2) return 2;
        // "bị lừa 500k", "lừa người khác", "lừa đảo" typed plain: cheated, not fire ("lửa").
        if (word.Text == "lua" && word.Accented != Flame
            && (i > 0 && text.Tokens[i - 1].Text is "bi" || i + 1 < text.Count && Cheated.Contains(text.Tokens[i + 1].Text))) return 1;
        // "bếp nướng không khói" (smokeless), "không khỏi lo": no smoke said.
        if (word.Text == "khoi" && i > 0 && text.Tokens[i - 1].Text is "khong" or "ko") return 1;
        // "xe máy không ra được": a vehicle blocked in, not people trapped.
        if ((word.Text is "xe" or "oto" || word.Text == "may" && i > 0 && text.Tokens[i - 1].Text == "xe")
            && i + 2 < text.Count && text.Tokens[i + 1].Text is "khong" or "ko" or "k" && text.Tokens[i + 2].Text == "ra") return 3;
        // "cột điện do nhà nước làm sai vị trí": typed plain between words typed with their marks, "do" is "do" (by), not "đổ".
        if (word is { Text: "do", Accented: null } && i > 0 && i + 1 < text.Count && text.Tokens[i - 1].Accented is not null && text.Tokens[i + 1].Accented is not null) return 1;
        // "đúng là bọn ăn cướp": a name called, not a robbery.
        if (word.Text == "an" && i > 0 && i + 1 < text.Count && text.Tokens[i + 1].Text == "cuop" && text.Tokens[i - 1].Text is "bon" or "lu" or "do" or "thang" or "nhu" or "la") return 2;
        // "bằng tốt nghiệp có dấu đỏ để nộp": the red stamp, nothing fallen on anyone.
        if (word.Text == "do" && i > 0 && text.Tokens[i - 1].Text == "dau" && word.Accented is null or "đỏ") return 1;
        // "dùng tên người nhà để trúng thầu": winning a bid (or a post, a prize), nothing fallen on anyone — "để" typed
        // plain reads "de", as "đè" (crushing) does.
        if (word.Text == "de" && word.Accented != CrushedUnder && i + 2 < text.Count && text.Tokens[i + 1].Text == "trung"
            && WonBy.Contains(text.Tokens[i + 2].Text)) return 2;
        // "đổ cát đá chắn lối đi", "đổ trộm rác": dumping, not something falling.
        if (word.Text == "do" && i + 1 < text.Count && Dumped.Contains(text.Tokens[i + 1].Text)) return 1;
        // "bất động sản" (real estate) is not "bất động" (lying motionless); "ngắt điện" (power cut) is not "ngất".
        if (word.Text == "bat" && i + 2 < text.Count && text.Tokens[i + 1].Text == "dong" && text.Tokens[i + 2].Text == "san") return 2;
        if (word.Text == "ngat" && word.Accented != Fainted && word.Accented != Suffocated && i + 1 < text.Count && CutOff.Contains(text.Tokens[i + 1].Text)) return 1;
        // "đống phế thải cao ngất": towering, nobody fainted.
        if (word.Text == "ngat" && i > 0 && text.Tokens[i - 1].Text == "cao") return 1;
        // "xe cấp cứu còn khó ra": the ambulance's way blocked — a matter of parking, nobody being rescued.
        if (word.Text == "cap" && i > 0 && text.Tokens[i - 1].Text == "xe" && i + 1 < text.Count && text.Tokens[i + 1].Text == "cuu"
            && Enumerable.Range(i + 2, Math.Max(0, Math.Min(4, text.Count - i - 3))).Any(j => text.Tokens[j].Text is "kho"
                || text.Tokens[j].Text is "khong" or "ko" or "k" && text.Tokens[j + 1].Text is "ra" or "vao" or "qua" or "lot" or "duoc" or "di")) return 2;
        if (word.Text == "no" && word.Accented != Exploded && i + 1 < text.Count && AfterIt.Contains(text.Tokens[i + 1].Text)) return 1;
        // "nợ tiền điện", "ghi nhận nợ": a debt, not an explosion.
        if (word.Text == "no" && word.Accented != Exploded
            && (i + 1 < text.Count && DebtAfter.Contains(text.Tokens[i + 1].Text) || i > 0 && DebtBefore.Contains(text.Tokens[i - 1].Text))) return 1;
        if (word.Text == "de" && word.Accented != Pressed && i + 1 < text.Count && AfterLet.Contains(text.Tokens[i + 1].Text)) return 1;
        // "cống qua đường bị sập": drainage works caved in — a road to mend, nobody under it.
        if (word.Text == "sap" && Enumerable.Range(Math.Max(0, i - 4), Math.Min(4, i)).Any(j => DrainageWorks.Contains(text.Tokens[j].Text))) return 1;
        // "đập phá sửa nhà", "đập phá để xây lại": building work, not smashing up.
        if (word.Text == "dap" && i + 1 < text.Count && text.Tokens[i + 1].Text == "pha"
            && Enumerable.Range(i + 2, Math.Min(3, Math.Max(0, text.Count - i - 2))).Any(j => text.Tokens[j].Text is "sua" or "xay" or "cai")) return 2;
        if (word.Text == "lo" && word.Accented != Slid && i + 1 < text.Count && text.Tokens[i + 1].Text == "dat"
            // "thanh lý lô đất 120m2": sold, or measured, it is a plot.
            && (i > 0 && PlotWords.Contains(text.Tokens[i - 1].Text)
                || i + 2 < text.Count && (PlotWords.Contains(text.Tokens[i + 2].Text) || char.IsAsciiDigit(text.Tokens[i + 2].Text[0]))))
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

    // "dây điện … võng xuống thấp lắm, điện lực đã cắt điện đoạn đó từ hôm qua": the wire is dead, so no live wire.
    private static readonly Regex DeEnergised = new(
        @"\b(dien luc|evn|ho|ben dien|nganh dien) (\w+ ){0,2}(da|vua) (cat|ngat) dien\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// The power company has cut the wire off, and nothing else in the message is happening now: "… đang tóe lửa, điện
    /// lực vừa cắt điện khu bên cạnh" is still a live wire (the "vừa" of the cut itself is not read as now).
    /// </summary>
    private static bool CutOffByThePowerCompany(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return DeEnergised.IsMatch(n) && !DangerNow.IsMatch(DeEnergised.Replace(n, " "));
    }

    private static readonly Regex Trapped = new(
        @"\b(mac ket|bi ket|ket (giua|trong|tren|duoi|lai|o)|bi nhot|(khong|ko|k) (tu )?(ra|thoat ra|di ra|boi ra|chay ra) (duoc|dc)|(nguoi|ai|nan nhan) (van|con) (dang )?(o|nam|mac|ket) (ben )?duoi( do| day| ho| ong| gieng| cong| nuoc)?(?! (que|xuoi|lang|dong|thon|xa|huyen|nha|tang))|bi (de|vui) (ben )?duoi|khong thoat (ra )?duoc|chua ra duoc|(dung|treo) giua tang|ben trong thang may|trong thang may|leo len mai|len noc nha|tren mai nha)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex People = new(
        @"\b(nguoi|ong ba|ong cu|ba cu|cu gia|ong gia|ba gia|tre|tre em|tre con|chau be|em be|be|dua tre|dua be|dua nho|con nho|me con|hoc sinh|gia dinh|ca nha|benh nhan|cong nhan|\d+ (nguoi|ong|ba|chau|em)|(ba|ong|bo|me|vo|chong|con|chau) (toi|em|minh|tui|nha toi))\b",
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

    // Someone hurt or in peril now: fainted, badly injured, bleeding, poisoned, bitten by a rabid dog, fallen into a
    // drain or a river, about to jump. "Không đóng là bị đuổi", "bị đuổi cắn": chased off or after, not drowning.
    private static readonly Regex Hurt = new(
        @"\b(ngat xiu|ngat|bat tinh|bi thuong nang|thuong nang|chay mau (nhieu|khong cam|lenh lang)|co giat|kho tho|khong tho duoc|sui bot mep|(mieng|mom) (\w+ )?sui bot|(nam|nga) guc (xuong |ra )?(o|tai|giua|tren|ngay|trong)|ngo doc|uong nham|cho dai can|bi ran can|ran doc can)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex Falling = new(
        @"\b(roi xuong (cong|ho|gieng|song|ao|vuc|muong|kenh)|nga xuong (cong|ho|gieng|song|ao|muong)|duoi nuoc|(?<!\b(thi|la|se) )bi duoi(?! (viec|di|ra|khoi|hoc|theo|ve|can|danh|chem|dap))|doa nhay|doi nhay|dinh nhay|nhay cau|nhay lau|nhay song)\b",
        RegexOptions.CultureInvariant);

    // Fuel spilled on the road or a tanker overturned: fire at any spark.
    private static readonly Regex FuelSpilled = new(
        @"\b((xe bon(?! tron)|xe cho xang|xe cho dau|xe cho gas|xe cho ga)\b.{0,30}\b(lat|bi do|(?<!\b(dung|dau|bi) )do(?! (chan|chiem|ngang|tren|o|lai|giua|sat|kin|het|tran lan|bua)))|(xang|dau|gas) (chay|tran|do) (lenh lang|ra duong|khap))\b",
        RegexOptions.CultureInvariant);

    // "sợ có người ngã xuống sông": someone falling only feared, in both the risk and the fear below.
    private const string SomeoneMayFall = @"so (co )?(nguoi|dua|ai|tre con|tre|chau|em be|xe) (\w+ ){0,2}(nga|te|roi|chet|dam|lao|sup|lot)";

    // A risk told as a risk ("có nguy cơ", "sợ là") or a past event ("tuần trước có người ngất…") is a complaint, not
    // someone in peril now.
    private static readonly Regex OnlyARisk = new(
        @"\b(nguy co|co the se|so bi (\w+ ){0,2}(cuop|giat|trom|danh|dam|chem)|suyt (nua |thi )?|de bi|so rang|neu khong|lo rang|tuan truoc|(tuan|thang|nam|lan|hom) trc|thang truoc|nam ngoai|nam truoc|lan truoc|hom truoc|da tung|tung co|hom qua|" + SomeoneMayFall + @")\b",
        RegexOptions.CultureInvariant);

    // The danger is over ("tuần trước có cháy kho, giờ dập xong rồi", "cây đổ từ hôm bão", "may mà không ai bị sao",
    // "có mùi gas nhẹ nhưng giờ hết rồi") or only feared ("chưa đứt nhưng sợ có ngày rơi xuống") …
    private static readonly Regex DangerOver = new(
        @"\b(tuan truoc|thang truoc|(tuan|thang|nam|lan|hom) trc|nam ngoai|nam truoc|nam kia|hom thang \d+|may (\w+ ){0,3}(cuu|keo) (\w+ )?(kip|duoc)|lan truoc|hom truoc|hom kia|(sang ra|sang nay) (thi )?(da |lai )?(yen|binh thuong|on)( roi| lai| that)?|(den|toi) (toi|sang|trua|chieu|dem|khuya) (thi )?(tu )?(tat|het|tanh|yen|ngung)|tu hom bao|tu dot bao|tu tran bao|dap xong|da dap tat|dap tat roi|da tat roi|chay xong|het chay|thi het roi|het mui|het khoi|dap kip|(dap|tat|dung) kip (roi|thoi)|da (\w+ ){0,2}(don|don dep|khac phuc|xu ly xong|cua don|sua xong|noi lai)|da (\w+ ){0,2}(tiem phong|tiem vac ?xin|tiem uon van|di tiem)|cach day (\w+ ){0,2}(hom|ngay|tuan|thang|nam)|(da )?keo (di|ve) roi|keo (vao|ra) (le|ven|mep|bo) (\w+ ){0,2}roi|mat (het |sach |ca |luon )?(cai )?(giay to|giay chung nhan|so do|so hong)|lam lai (giay to|the|so|can cuoc|giay)|xin cap lai|may (ma|la|sao) (khong|ko|k|chua|chang) (\w+ ){0,3}(sao|chay|lan|chet|thuong|no|bi|ai)|(nhung|ma) (gio|bay gio|sang nay|nay) (thi )?(da )?het (roi|r)?|(duoc|xin|nhan) ho tro (gi|the nao|nhu the nao|khong|ko)|lam (giay to|thu tuc|ho so) (o dau|the nao|nhu the nao|gi)|(\w+ ){0,4}xu ly xong|(khong|ko|k) (ai|nguoi nao) (bi )?(sao|lam sao|bi thuong|viec gi)|hoa ra|thi ra la|ra xem thi|hom do|may (luc (do|day|ay) )?(khong|ko|k) (co )?ai|(co )?(phai|can) xin (giay )?phep|(khong|ko|k) (co )?chay (nha|nha cua|gi|j)|(de nghi|xin|yeu cau|mong) (\w+ ){0,3}xem xet lai|dap (duoc|dc) (roi|r)|(ra|den|xuong|toi) noi lai (day|duong day|dien)|(dien|nuoc) (da )?co lai (roi|r)|(gio|nay) (da |thi )?(on|on dinh|binh thuong) (roi|r|ca roi)|(gio|bay gio|nay) (thi )?(van )?(khong|ko|k) (sao|co gi)(?! (\w+ )?(duoc|dc|noi|ca))|dau thang|tu (hom|thang) (mung )?\d+|(cong an|canh sat|dan phong) (da )?(toi|den|xuong|ra) (\w+ ){0,2}(giai tan|giai quyet|xu ly|bat) (roi|r|xong)|(nhung|ma|gio|thi|da) (da )?(giai )?tan (het |ca )?(roi|r)\b|(tu )?(dap|tat) (duoc|dc)|(xem xet|truy cuu|lam ro|quy) trach nhiem|(co )?(duoc|dc) (tro cap|ho tro|den bu|boi thuong) (\w+ ){0,2}(khong|ko|k)|(thi|co) (duoc|dc) (\w+ ){0,3}(ho tro|tro cap|den bu|boi thuong) (\w+ ){0,3}(bao nhieu|nhung gi|gi|the nao|nhu the nao)|co che do (\w+ ){0,2}(ho tro|tro cap|den bu|boi thuong)|(co )?chinh sach (\w+ ){0,2}ho tro|(chinh sach|xin|de nghi|mong) (\w+ ){0,3}(gian no|khoanh no|vay (von )?lai (suat )?thap|cho vay lai)|dien tap|(khoa|dong) van (ga |gas |binh ga )?(roi|r)|(doc|xem|nghe|thay) (tin|bao|thoi su)|tren (bao|tivi|tv|facebook|fb|tiktok|youtube))\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex DangerFeared = new(
        @"\b(nguy co|co the se|so bi (\w+ ){0,2}(cuop|giat|trom|danh|dam|chem)|suyt (nua |thi )?|so (co )?(ngay|luc|hom|khi)|so (mua |gio |bao |mua bao |mua gio )(do|sap|roi|gay|dut)|so rang|lo rang|chua (dut|do|sap|chay|roi|gay|no|sat|lo|sut)\b.{0,20}\b(nhung|ma)|nho dau|nhon nhot|(keo|khong|ko|k) lai (chet|do|sap|roi|chay|no|dut|gay|chap)|keo (chet|do|sap|roi|chay|no|dut|gay)|(?<!\b(sat|sut) )lo (co|xay ra|ma|nhu) (\w+ ){0,3}(chay|no|chuyen|su co|tai nan|sap|do)|truoc khi (xay ra|co) (\w+ ){0,3}(chay|no|tai nan|su co|chet|chuyen)|chua (co |xay ra )?(chuyen|su co) gi (\w+ ){0,2}(nhung|ma)|(hien|hien tai|bay gio|gio) (thi )?(van )?(khong|chua|chang) (sao|co (gi|chuyen gi))|neu (co|xay ra|lo) (chay|no|su co|chuyen)|nhu sap (do|sap|roi|gay|dut)|(gio|mua|bao) (to |lon )?(la|thi) (lo|so)|(mua lu|lu ve|mua to|mua xuong|cu mua|moi khi mua|moi lan mua) (la|thi) (\w+ ){0,3}(cuon|troi|ngap|sat|lo)|" + SomeoneMayFall + @"|kieu nay (thi )?(co ngay|se|chac)|nghe (\w+ ){0,3}(bao|noi|don) (\w+ ){0,6}(sap|se|co the)|(khong|ko|k|chua) biet (co )?(that|dung) (khong|ko|k|hay khong)|co ngay (\w+ ){0,4}(sap|do|chet|roi|chay|no)|(so|lo) (no |bi )?(do|sap|gay|dut|roi|chap dien|chap|giat) (lam|qua|ghe)|so (\w+ ){0,5}(no )?(do|sap) (thi|la) (chet|nguy|khon)|(chua|khong|ko|k) biet (co )?nguy hiem|(khi nao|bao gio|luc nao) (thi )?(moi )?(co )?lenh so tan|co lenh so tan (chua|khong|ko|k)|chay no\b.{0,80}\b(de nghi|nho|yeu cau|mong) (\w+ ){0,3}kiem tra|(chet nguoi|co nguoi chet|nguoi chet) (roi )?moi|kieu gi (\w+ ){0,3}cung (do|sap|roi|gay|dut|chay|no))\b",
        RegexOptions.CultureInvariant);

    // … or keeps coming back ("khói đen đêm nào cũng thế, con tôi ho cả tuần, báo mãi chả ai xuống"): a nuisance to be
    // stopped, not an emergency to call in …
    private static readonly Regex DangerRecurring = new(
        @"\b(ca tuan|ca thang|ca nam|(?<!\b(sap|cua|mat|quay|gian|ban|kho|xe|day|lo) )hang ngay|hang dem|ngay dem|(toi|dem|ngay|sang|chieu) nao (\w+ ){0,6}cung|(cuop|giat|trom) (\w+ ){0,1}suot|dem nao cung|chieu nao cung|ngay nao cung|toi nao cung|bao mai|bao nhieu lan|may lan roi|lien tuc may|may (thang|tuan|nam) (roi|nay)|lau (roi|nay)|tu lau|tuan nao cung|thang nao cung|nam nao cung|som muon|(?<!\bhung )dao nay|thuong xuyen|dut diem|lan thu (\d+|hai|ba|bon|nam)|(thang|tuan|may hom|may ngay|may dem) nay (\w+ ){0,3}cu|nhieu (dem|dem lien|ngay|ngay lien|hom|tuan|thang|nam) (nay|qua|lien|roi)|moi (lan|khi|bua|dot) (\w+ ){1,3}(la|thi) (\w+ ){0,4}(roi thoi|lai thoi|mot chut|mot ti|ti|chut)|(cuop|giat|trom) (\w+ ){0,2}(may|nhieu) (vu|lan)|(dem|toi) (\w+ ){0,2}(hat|mo nhac|mo loa|nhau|karaoke|hat karaoke) (\w+ ){0,3}(toi|den|qua) \d+ ?(h|gio))\b",
        RegexOptions.CultureInvariant);

    // … or is someone burning rubbish, straw or tyres in the open: smoke and the smell of burning are a pollution
    // complaint unless the fire spreads or something else burns ("không phải đốt rác bình thường đâu" says it is not) …
    private static readonly Regex OpenBurning = new(
        @"(?<!\b(khong|ko|k|chang|chu khong) phai )(?<!\bnhu )\b(dot|don dot) (rac|rom|ra|lop|lop xe|do cu|phe lieu|rac thai|nhua|vo|day dien|day dong|day cap|cap dien|vo day)\b",
        RegexOptions.CultureInvariant);

    // Smoke or its smell drifting into the houses ("khói đen mùi khét lan vô nhà") is the nuisance, not the fire spreading.
    private static readonly Regex FireSpreading = new(
        @"\b((?<!\b(khoi|mui|khet|hoi|bui)( (?!lua\b|chay\b)\w+){0,3} )lan (sang|ra|vao|vo|toi|den)|ben sang|chay lan|bat lua|lam chay|chay (nha|xuong|kho|cho|rung|to|lon|lan)|boc chay|dam chay|chay sang)\b",
        RegexOptions.CultureInvariant);

    // … unless something is happening now or help is called for ("vừa", not the "vữa" of "mảng vữa" flaking off, nor
    // "vừa rồi có vụ …", lately there was one; "cứu", not the "cựu" of "cựu cán bộ", a former official, nor the "cấp cứu" a
    // patient was taken to or the "truy cứu" of responsibility sought, unless care is still needed: "cần (được) cấp cứu").
    private static readonly Regex DangerNow = new(
        @"\b((?<!\b(mang|lop|cuc|tang|trat|qua) )vua(?! roi (co|xay ra) (vu|tran|mot))|ngay bay gio|bay gio(?! (thi |no |da |cung )?(on|dung|het|xong|binh thuong|khong (sao|con)|ok|yen)\b)(?! (\w+ ){1,2}(nao cung|deu))|luc nay|hien gio|hien dang|ngay di|ngay lap tuc|(?<!\b(truy|(?<!\bcan (duoc )?)cap) )cuu(?! (hoa|kip|duoc|can bo|chien binh|giao vien|quan nhan|bo doi|thanh nien|sinh vien|hoc sinh|chu tich|bi thu|giam doc|nhan vien|cong nhan|dang vien|giang vien|truong|pho|thu truong))|(?<!\b(khong|ko|k|chang) (phai )?)gap|khan cap|nhanh len|mau len|dang (chay|boc|lan|troi|do|sat|lo|ngap|sap|nut|rung|no|toe|ro ri)|(?<!\b(nam ngoai|nam truoc|thang truoc|tuan truoc|lan truoc|hom truoc|da tung|tung) )co nguoi bi|(?<!\b(thuong xuyen|hay|luon|lien tuc) (bi )?)mac ket|bi thuong)\b",
        RegexOptions.CultureInvariant);

    // … or is thanked for ("xin cảm ơn đội cứu hộ đã cứu người bị kẹt trong lũ", "cam on dien luc da den sua day dien
    // bi dut kip thoi"): gratitude for help already given.
    private static readonly Regex ThankedFor = new(
        @"^(xin |chan thanh |rat |em |toi |chau |minh )?(cam on|biet on)\b.{0,160}\b(da|kip thoi|den kip|hom qua|toi qua|dem qua|sang nay)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex HelpGiven = new(@"\b((da|duoc|kip thoi) (\w+ ){0,1}cuu|cuu (ho|nan|thuong|song))\b", RegexOptions.CultureInvariant);

    // "mình muốn báo cái cột điện nghiêng thì gõ ntn", "muốn gửi phản ánh về … thì gửi ở đây được không": asked how to
    // report it, not reporting someone in peril now.
    private static readonly Regex AsksHowToReport = new(
        @"\b(muon|can|de|lam sao de|lam the nao de) (bao|gui|phan anh|kien nghi|bao cao) (\w+ ){0,8}(thi )?(go|gui|lam|bao|nhan|nhan tin) (nhu the nao|ntn|the nao|o dau|sao|duoc khong|dc khong|duoc ko|dc ko|o day|vao dau|cho ai)\b",
        RegexOptions.CultureInvariant);

    // "nhà máy xả khói đen vào ban đêm", "bãi rác bốc mùi, học sinh khó thở", "bờ mương sạt lở, không lấy được nước":
    // pollution, a stench and a field's channel are nuisances to stop, not emergencies — unless gas, fire or people
    // trapped are said.
    private static readonly Regex Nuisance = new(
        @"\b(xa khoi|khoi (\w+ ){0,2}tu (mot |cac |nhung |may |cai )?(khu cong nghiep|nha may|xuong|cong ty|lo)|boc mui|mui hoi|hoi thoi|mui thoi|ruoi nhang|(bo|mat) (muong|ruong|kenh muong)( \w+){0,3} sat lo|sat lo (bo )?(muong|ruong))\b",
        RegexOptions.CultureInvariant);

    // A smell in the kitchen is gas; a short circuit, a fire starting.
    private static readonly Regex NuisanceTurnedDanger = new(
        @"\b(ga|gas|khi doc|ngat|xiu|bat tinh|ngo doc|chay|no|bep|chap dien)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// A danger told as over, only feared or recurring with nothing said to happen now, or rubbish burnt in the open with
    /// no fire spreading: a complaint, not an emergency.
    /// </summary>
    internal static bool OverOrOnlyARisk(string raw)
    {
        var n = WithoutFearOfTheWire(TextNormalizer.Normalize(raw));
        // "KHẨN CẤP!!! bão sắp đổ bộ … chia sẻ ngay cho 10 nhóm để cứu người thân, ai không chia sẻ sẽ gặp xui": a chain
        // letter shouts danger to be passed on; it reports none, however urgent it sounds.
        if (IsChainLetter(n)) return true;
        if (Nuisance.IsMatch(n) && !NuisanceTurnedDanger.IsMatch(n) && !DangerNow.IsMatch(n)) return true;
        if (AsksHowToReport.IsMatch(n) && !DangerNow.IsMatch(n)) return true;
        // "khói đốt rơm … mù quá, vừa có 3 xe đâm liên hoàn, một người bị kẹt trong xe": the smoke is the cause, the people
        // caught are the danger.
        if (OpenBurning.IsMatch(n) && !FireSpreading.IsMatch(n) && !(People.IsMatch(n) && Trapped.IsMatch(n))) return true;
        // Thanked for, "cứu" is the help given ("đã cứu người", "đội cứu hộ"), not a cry for it.
        if (ThankedFor.IsMatch(n) && !DangerNow.IsMatch(HelpGiven.Replace(n, " "))) return true;
        // "đơn tôi gửi hôm 15 về vụ cột điện nghiêng đến giờ vẫn im re": a danger already reported, chased — unless it is
        // happening now.
        if (ChasesWhatWasSent(raw) && !DangerNow.IsMatch(n)) return true;
        return (DangerOver.IsMatch(n) || DangerFeared.IsMatch(n) || DangerRecurring.IsMatch(n)) && !DangerNow.IsMatch(n);
    }

    /// <summary>
    /// People in peril now, in words the table may lack: someone hurt (fainted, badly injured, poisoned, bitten by a
    /// rabid dog) is medical; someone fallen into water or a drain, or about to jump, is a rescue; fuel spilled from an
    /// overturned tanker is fire. A risk told as a risk is not.
    /// </summary>
    internal DangerKind PeopleInPeril(string raw)
    {
        var n = WithoutFearOfTheWire(TextNormalizer.Normalize(raw));
        if (OnlyARisk.IsMatch(n)) return DangerKind.None;
        var kind = DangerKind.None;
        if (People.IsMatch(n) && Hurt.IsMatch(n)) kind |= DangerKind.Medical;
        if (People.IsMatch(n) && Falling.IsMatch(n)) kind |= DangerKind.Rescue;
        if (FuelSpilled.IsMatch(n)) kind |= DangerKind.Fire;
        if (CryOfFire.IsMatch(n)) kind |= DangerKind.Fire;
        if (CryForHelp.IsMatch(n)) kind |= DangerKind.Rescue;
        if (PoleDown.IsMatch(n) || WireStillLive.IsMatch(n) || WireAtHeadHeight.IsMatch(n) && !TelecomWire.IsMatch(n)) kind |= DangerKind.Power;
        if (HeldForRansom.IsMatch(n)) kind |= DangerKind.Police;
        if (SmokeFromABuilding.IsMatch(n) || SmokeIndoors.IsMatch(n)) kind |= DangerKind.Fire;
        if (VictimInTheRoad.IsMatch(n)) kind |= DangerKind.Medical;
        if (Armed.IsMatch(n) && AtTheDoor.IsMatch(n)) kind |= DangerKind.Police;
        // A child or an old person lost since hours ago is for the police; near water, a rescue too. Named as a person
        // ("con tôi", "bố tôi", "bà cụ"): "con bò đi lạc" is a cow, and "tìm mãi không thấy" alone may be a paper.
        if (Lost.IsMatch(n)) kind |= NearWater.IsMatch(n) ? DangerKind.Police | DangerKind.Rescue : DangerKind.Police;
        return kind;
    }

    // "CHÁY", "chay roi!!!", "cháy cứu với": the cry alone, with nothing around it to say otherwise.
    private static readonly Regex CryOfFire = new(@"^((oi|troi oi|cuu|cuu voi|alo) )*chay( (roi|nha|oi|to|lon|cuu|cuu voi|voi|that|a|o day|day))*$", RegexOptions.CultureInvariant);

    // "cứu", "cuu voi", "cứu tôi với": a call for help alone, nothing around it to say what.
    private static readonly Regex CryForHelp = new(@"^((oi|troi oi|alo|co ai khong|ai do) )*cuu( (voi|toi|em|chau|con|tui|minh|nguoi|oi|giup|nhanh|nhanh len|gap|a|di))*$", RegexOptions.CultureInvariant);

    // "dây cáp rơi vắt ngang đường, dây còn điện": a wire down and still live, whatever kind of wire it was said to be.
    private static readonly Regex WireStillLive = new(@"\b(day|cap) (\w+ ){0,2}(van (con |dang )?co dien|(van )?con (dien|dang co dien))\b", RegexOptions.CultureInvariant);

    // "dây võng xuống sát đầu người", "dây điện lủng lẳng sát đất": a power line within reach of whoever passes.
    private static readonly Regex WireAtHeadHeight = new(
        @"\bday (dien )?(\w+ ){0,2}(dang |da )?(vong|chung|trung|lung lang)( xuong)?( thap)? (sat|ngang|cham) (dau|mat dat|dat|mat duong)\b", RegexOptions.CultureInvariant);

    // "dây võng xuống sát đầu người, đang mưa, sợ bị giật lắm": with a power line within reach the shock feared is the
    // danger now, not a risk told as one.
    private static string WithoutFearOfTheWire(string n) =>
        WireAtHeadHeight.IsMatch(n) && !TelecomWire.IsMatch(n) ? FearOfAShock.Replace(n, " ") : n;

    private static readonly Regex FearOfAShock = new(@"\bso (bi )?(giat|dien giat)( dien)?( (lam|qua|ghe))?\b", RegexOptions.CultureInvariant);

    // A telephone, internet or TV cable at head height is a nuisance to report, not a live wire.
    private static readonly Regex TelecomWire = new(@"\b(day|cap) (dien thoai|cap quang|quang|mang|internet|truyen hinh|viettel|vnpt|fpt)\b", RegexOptions.CultureInvariant);

    // "bị giữ lại đòi 50 triệu chuộc", "bắt cóc": someone held for ransom — for the police now, whatever else is asked.
    // Not "bắt chước" (to imitate), which reads "bat chuoc" without its marks.
    private static readonly Regex HeldForRansom = new(@"\b(bat coc|tien chuoc|doi (\w+ ){1,3}(tien )?chuoc|chuoc (nguoi|ve))\b", RegexOptions.CultureInvariant);

    // "cột điện đầu ngõ vừa gãy đổ xuống", "cột điện nghiêng đổ hẳn xuống lòng đường": a pole down, words between.
    private static readonly Regex PoleDown = new(@"\bcot dien (\w+ ){0,4}(gay|nghieng do|do (xuong|ra|hang|sap|nghieng|de|ngang|chan)|nga (xuong|ra)|sap xuong)\b", RegexOptions.CultureInvariant);

    // "khói đen kịt bốc ra từ tầng 2 nhà bên cạnh": smoke pouring out of a building, whatever it is called.
    private static readonly Regex SmokeFromABuilding = new(
        @"\bkhoi (\w+ ){0,3}(boc|toa|phut|tuon|cuon) (ra|len)? ?(\w+ ){0,2}(tu|o|trong) (\w+ ){0,1}(tang|nha|can ho|phong|cua so|kho|xuong|mai|chung cu|cua hang|quan)\b",
        RegexOptions.CultureInvariant);

    // "cầu thang khói mù mịt ko nhìn thấy gì": smoke filling the inside of a building.
    private static readonly Regex SmokeIndoors = new(
        @"\b(cau thang|hanh lang|tang (\d+|tren|duoi)|can ho|chung cu|khu tap the|trong nha) (\w+ ){0,3}khoi (mu mit|day dac|den kit|nghi ngut|bao trum|cuon cuon|um)\b",
        RegexOptions.CultureInvariant);

    // "đua xe đâm vào người đi bộ rồi nằm giữa đường": someone knocked down and lying there now.
    private static readonly Regex VictimInTheRoad = new(
        @"\b(dam|tong|can) (vao |phai |trung )?(nguoi|ba|ong|chau|em be|tre|hoc sinh|1 nguoi|mot nguoi)\b(\s\w+){0,6}\s(nam (giua duong|bat dong|im|song soai|ra duong|tren duong|gua)|bat tinh)\b",
        RegexOptions.CultureInvariant);

    // "có người cứ đập cửa nhà tôi đòi vào, tay cầm hung khí": an armed man at the door, now.
    private static readonly Regex Armed = new(@"\b(hung khi|cam (dao|kiem|ma tau|sung|tuyp|gay)|vung (dao|kiem|ma tau)|ma tau)\b", RegexOptions.CultureInvariant);

    private static readonly Regex AtTheDoor = new(@"\b(dap cua|pha cua|doi vao|xong vao|dang dung|doa giet|doi giet|doa chem|dang duoi)\b", RegexOptions.CultureInvariant);

    private static readonly Regex Lost = new(
        @"\b((con|chau) (toi|em|minh|tui|nha toi|nha em|trai|gai|\d+ tuoi)|(con|thang|cai) (be|nho|cu) nha|em be|be (trai|gai)|dua (nho|be|tre)|tre (em|con)|(bo|me|ong|ba) (toi|em|minh|tui|cu|noi|ngoai)|cu gia)\b(\s\w+){0,5}\s(di lac|bi lac|lac mat|mat tich|bo di dau|khong thay ve)\b",
        RegexOptions.CultureInvariant);

    private static readonly Regex NearWater = new(@"\b(song|ho|ao|kenh|muong|suoi|bien|dam|bo song|bo ho)\b", RegexOptions.CultureInvariant);
}
