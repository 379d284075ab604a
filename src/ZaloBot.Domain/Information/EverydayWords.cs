using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Information;

/// <summary>
/// The everyday words citizens ask with, and the words of the procedure they mean — "bìa đỏ" is the land title
/// ("sổ đỏ"), "lấy vợ" is "kết hôn", "khai sanh" is "khai sinh". An editor's keywords name the procedure; a question
/// names the life event. The question is matched with both.
/// </summary>
public static partial class EverydayWords
{
    private static readonly (Regex Said, string Meant)[] Table =
    [
        (new(@"\bbia (do|hong)\b"), "so do giay chung nhan quyen su dung dat"),
        // "cuoi" typed plain is as often "cuối" (last): only in the phrases of a wedding, or typed "cưới".
        (new(@"\b(lay vo|lay chong|ket ban doi|dam cuoi|ho so cuoi|giay cuoi|to chuc cuoi)\b"), "dang ky ket hon"),
        (new(@"\bsanh\b"), "sinh"),
        (new(@"\bbang (xe may|xe|o to|oto|moto)\b"), "bang lai giay phep lai xe"),
        (new(@"\b(cat|tach|xoa) khau\b"), "ho khau thuong tru"),
        (new(@"\b(them|len|nang|do them) (\d+ |mot |hai |ba )?tang\b|\bxay (lai|them)\b"), "xin phep xay giay phep xay dung"),
        (new(@"\b(mat viec|nghi viec|nghi khong luong|cat giam gio lam|giam gio lam|hoc nghe|dao tao nghe)\b"), "ho tro nguoi lao dong"),
        // "thành lập công ty nhỏ" is founding one, not the support for those that exist.
        (new(@"\b(startup|khoi nghiep|doanh nghiep sieu nho|(?<!\b(thanh lap|lap|mo) )(cty|cong ty|doanh nghiep|dn) (e |em |toi |minh )?nho)\b"), "ho tro doanh nghiep nho va vua"),
        (new(@"\b(chi nhanh|cty tnhh|cong ty tnhh|len (cty|cong ty))\b"), "thanh lap doanh nghiep"),
        (new(@"\btach (\w+ ){0,4}dat\b"), "tach thua"),
        (new(@"\b(sua chua nha|thay mai|lop mai|xay (tuong rao|hang rao|cong rao|bo rao))\b|\bxay (\w+ ){1,8}(co )?(can |phai )?xin phep\b"), "xin phep xay giay phep xay dung"),
        (new(@"\bho tro (\w+ )?(von|vay von)\b"), "ho tro doanh nghiep vay von uu dai"),
    ];

    private static readonly Regex Wedding = new(@"\bcưới\b", RegexOptions.IgnoreCase);

    /// <summary><paramref name="normalized"/> (of <paramref name="written"/>) with what its everyday words mean appended.</summary>
    public static string Expand(string normalized, string written)
    {
        var meant = Table.Where(e => e.Said.IsMatch(normalized)).Select(e => e.Meant)
            .Concat(Wedding.IsMatch(written.Normalize(System.Text.NormalizationForm.FormC)) ? ["dang ky ket hon"] : []).Distinct().ToList();
        return meant.Count == 0 ? normalized : normalized + " " + string.Join(' ', meant);
    }
}
