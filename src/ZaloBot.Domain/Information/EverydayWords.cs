using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Information;

/// <summary>
/// The everyday words citizens ask with, and the words of the procedure they mean — "bìa đỏ" is the land title
/// ("sổ đỏ"), "lấy vợ" is "kết hôn", "khai sanh" is "khai sinh". An editor's keywords name the procedure; a question
/// names the life event. The question is matched with both.
/// </summary>
public static partial class EverydayWords
{
    // Spellings of the same word, written over in place so the procedure's phrase stands whole: "khai sanh" is
    // "khai sinh", "đăng kí" is "đăng ký", "kcn" is "khu công nghiệp". "bắt đầu từ đâu" is no investment ("đầu tư").
    private static readonly (Regex Said, string Meant)[] Spellings =
    [
        (new(@"\bsanh\b"), "sinh"),
        (new(@"\bdang ki\b"), "dang ky"),
        (new(@"\bkcn\b"), "khu cong nghiep"),
        (new(@"(?<=\btien )cho cap\b|\bcho cap(?= (nguoi|xa hoi|that nghiep|gia|khuyet|ho ngheo)\b)"), "tro cap"),
        (new(@"\bbat dau tu\b"), "bat dau"),
        (new(@"\b(dki|dky)\b"), "dang ky"),
        (new(@"\bho kd\b"), "ho kinh doanh"),
        // A vehicle's registration paper ("cà vẹt") and handing a vehicle over are not the land title's "sang tên" nor the
        // driving licence.
        (new(@"\b(giay )?dang ky xe( may| o to| oto)?\b|\bca ?vet\b"), "cavet xe"),
        (new(@"(?<=\b(xe|o to|oto|moto)\b.*)(?<!\b(dat|so do|so hong|nha)\b.*)\bsang ten\b(?!.*\b(dat|so do|so hong|nha)\b)"), "doi chu"),
    ];

    private static readonly (Regex Said, string Meant)[] Table =
    [
        (new(@"\bbia (do|hong)\b"), "so do giay chung nhan quyen su dung dat"),
        // "cuoi" typed plain is as often "cuối" (last): only in the phrases of a wedding, or typed "cưới".
        (new(@"\b(lay vo|lay chong|ket ban doi|dam cuoi|ho so cuoi|giay cuoi|to chuc cuoi|(sap|muon|chuan bi|dinh|se) cuoi (vo|chong))\b"), "dang ky ket hon"),
        (new(@"\bbang (xe may|xe|o to|oto|moto)\b"), "bang lai giay phep lai xe"),
        (new(@"\b(cat|tach|xoa) khau\b"), "ho khau thuong tru"),
        (new(@"\b(them|len|nang|do them) (\d+ |mot |hai |ba )?tang\b|\bxay (lai|them)\b"), "xin phep xay giay phep xay dung"),
        (new(@"\b(mat viec|nghi viec|nghi khong luong|cat giam gio lam|giam gio lam|hoc nghe|dao tao nghe)\b"), "ho tro nguoi lao dong"),
        // "thành lập công ty nhỏ" is founding one, not the support for those that exist.
        (new(@"\b(startup|khoi nghiep|doanh nghiep sieu nho|(?<!\b(thanh lap|lap|mo) )(cty|cong ty|doanh nghiep|dn) (e |em |toi |minh )?nho)\b"), "ho tro doanh nghiep nho va vua"),
        (new(@"\b(chi nhanh|cty tnhh|cong ty tnhh|len (cty|cong ty))\b"), "thanh lap doanh nghiep"),
        (new(@"\btach (\w+ ){0,4}dat\b"), "tach thua"),
        (new(@"\b(sua chua nha|thay mai|lop mai|xay (tuong rao|hang rao|cong rao|bo rao))\b|\bxay (\w+ ){1,8}(co )?(can |phai )?xin phep\b"), "xin phep xay giay phep xay dung"),
        (new(@"\bho tro (\w+ )?(von|vay von)\b|\b(goi vay|vay von|vay uu dai)\b(?! (sinh vien|di hoc|hoc))"), "ho tro doanh nghiep vay von uu dai"),
        // "làm giấy cho con", "làm giấy tờ cho cháu": a newborn's papers are its birth registration.
        // "làm giấy cho con mảnh đất" gives the child land, not a birth certificate.
        (new(@"\b(lam|xin|dang ky) giay( to)? (cho|khai) (con|chau|be)\b(?! (\w+ ){0,2}(manh|dat|nha|xe|tien|thua|ruong))"), "dang ky khai sinh"),
        // "thẻ cũ bị mất thì làm lại ở đâu": the card an adult carries everywhere is the citizen's identity card.
        // "làm lại thế nào" is no card ("thế").
        (new(@"\b(the (cu )?(bi )?(mat|hong|het han)|mat (cai )?the(?! nao)|lam (lai )?(cai )?the moi)\b"), "the can cuoc"),
        (new(@"\bnop (\w+ ){0,2}(online|qua mang|truc tuyen)\b|\b(lam|nop) (\w+ ){0,2}tren mang\b"), "nop online"),
        (new(@"\bbang (a|a1|a2|b|b1|b2|c|d|e|fc)\b|\bthi bang\b"), "bang lai giay phep lai xe"),
        (new(@"\b(dong dau|dau do|chung nhan chu ky|xac nhan chu ky|ky xac nhan|sao y)\b"), "chung thuc"),
        (new(@"\b(sua|lop|thay|lam) (lai )?mai( ton| nha)?\b|\blat (lai )?nen\b|\bco noi\b"), "xin phep xay giay phep xay dung"),
        // A dispute over a boundary or the land-use plan is not the certificate's procedure: not mapped.
        (new(@"\btach (\w+ ){0,4}thua\b|\blam so (do|hong)?\b"), "quyen su dung dat"),
        // Benefits named by who gets them, or by the old person's "tiền già".
        (new(@"\b(liet|tan tat|tan phe|mu loa|cam diec|thuong binh|liet si|tien gia|tien tuat|chat doc da cam|me don than)\b"), "tro cap xa hoi"),
        // "ưu tiên cho người cao tuổi" is priority, not money.
        (new(@"(?<!\buu )\btien (cho )?(nguoi gia|nguoi cao tuoi|cac cu)\b|\b(giam|mien) (tien hoc|hoc phi)\b"), "tro cap xa hoi hoc phi"),
        // "chủ trọ bảo phải khai báo ở với phường", "cho thuê phòng trọ … phải báo với ai": residence declared.
        (new(@"\bkhai bao (o|tam tru|luu tru|cu tru)\b|\bcho thue (\w+ ){0,2}(phong )?tro\b(?=.*\bbao\b)|\bnhap (ten|khau) (\w+ ){0,2}(so|ho)\b"), "dang ky tam tru ho khau"),
        (new(@"\bchia (\w+ ){0,3}(dat|ruong|vuon|manh)\b"), "tach thua quyen su dung dat"),
        // Land or a house inherited is put in the heirs' names.
        (new(@"\bthua ke\b(?=.*\b(dat|so do|so hong|nha)\b)|\b(dat|so do|so hong)\b(?=.*\bthua ke\b)"), "sang ten quyen su dung dat"),
        (new(@"\bthe (gan )?chip\b"), "the can cuoc"),
        (new(@"\bthe kham (benh|chua benh)\b"), "the bao hiem y te"),
        (new(@"\b(uy quyen|dung ten thay|(rut|linh|nhan) (\w+ ){0,3}thay)\b"), "chung thuc chu ky"),
        (new(@"\bhoi (o |cho )?lim\b"), "hoi lim le hoi"),
        // "hộ chiếu" is a passport, not an afternoon.
        (new(@"\b(trua|(?<!\bho )chieu|thu bay|chu nhat) (\w+ ){0,2}(nghi|lam viec|lam)\b|\bhen truoc\b|\bmay gio (mo cua|lam viec|dong cua|nghi)\b"), "gio lam viec mot cua"),
        // A house or a harvest lost to a storm, asked what support there is: the social support the commune pays.
        (new(@"\b(bi|do|vi|sau|mua) (con |tran )?(bao|lu|lut|lu quet|thien tai|ret|mua da|loc|sat lo)\b(?=.*\bho tro\b)"), "tro cap xa hoi"),
    ];

    private static readonly Regex Wedding = new(@"\bcưới\b", RegexOptions.IgnoreCase);

    /// <summary><paramref name="normalized"/> with its spellings written as the procedure's phrases write them.</summary>
    public static string Spelled(string normalized)
    {
        foreach (var (said, meant) in Spellings) normalized = said.Replace(normalized, meant);
        return normalized;
    }

    /// <summary>The procedure's words that the everyday words of <paramref name="spelled"/> (of <paramref name="written"/>) mean.</summary>
    public static IReadOnlyList<string> Meant(string spelled, string written) =>
        Table.Where(e => e.Said.IsMatch(spelled)).Select(e => e.Meant)
            .Concat(Wedding.IsMatch(written.Normalize(System.Text.NormalizationForm.FormC)) ? ["dang ky ket hon"] : []).Distinct().ToList();
}
