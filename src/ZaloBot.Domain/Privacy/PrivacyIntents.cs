using ZaloBot.Domain.Contacts;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Privacy;

/// <summary>The kinds of rights requests a citizen can start in the chat (privacy_requests.kind).</summary>
public static class RequestKinds
{
    public const string Access = "access";
    public const string Correct = "correct";
    public const string Delete = "delete";
    public const string Withdraw = "withdraw";

    public static readonly IReadOnlyList<string> All = [Access, Correct, Delete, Withdraw];

    public static string Title(string kind) => kind switch
    {
        Access => "xem dữ liệu",
        Correct => "sửa dữ liệu",
        Delete => "xoá dữ liệu",
        Withdraw => "rút lại đồng ý",
        _ => kind,
    };
}

public sealed record PrivacyRequestText(string Kind, string? Phone, bool PhoneMissing = false);

/// <summary>
/// Whole messages that exercise a right: "dữ liệu của tôi", "sửa số điện thoại 0912…", "xóa dữ liệu của tôi",
/// "rút lại đồng ý". Matched without case or diacritics; a description that merely mentions data is not a request.
/// </summary>
public static class PrivacyIntents
{
    private static readonly System.Buffers.SearchValues<char> PhoneStart = System.Buffers.SearchValues.Create("+0123456789");

    public static PrivacyRequestText? Request(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        if (n is "du lieu cua toi" or "xem du lieu cua toi" or "du lieu ca nhan cua toi") return new(RequestKinds.Access, null);
        if (n is "xoa du lieu cua toi" or "xoa du lieu ca nhan cua toi" or "xoa du lieu") return new(RequestKinds.Delete, null);
        if (n is "rut lai dong y" or "rut dong y" or "toi rut lai dong y") return new(RequestKinds.Withdraw, null);
        if (n.StartsWith("sua so dien thoai", StringComparison.Ordinal) || n.StartsWith("sua sdt", StringComparison.Ordinal)
            || n.StartsWith("doi so dien thoai", StringComparison.Ordinal))
        {
            var start = raw.AsSpan().IndexOfAny(PhoneStart);
            var digits = start < 0 ? "" : raw[start..].Trim();
            return VietnamesePhone.TryNormalize(digits, out var phone) ? new(RequestKinds.Correct, phone) : new(RequestKinds.Correct, null, PhoneMissing: true);
        }
        return null;
    }

    /// <summary>"Không đồng ý", "không muốn cung cấp": refusing what the case needs (answered with the other channels).</summary>
    public static bool RefusesToProvide(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return n is "khong dong y" or "toi khong dong y" or "khong muon cung cap" or "toi khong muon cung cap" or "khong cung cap"
            or "khong muon cung cap thong tin" or "khong cung cap thong tin";
    }

    /// <summary>A message that talks about sending an ID card (a photo of it is not needed and should not be sent).</summary>
    public static bool MentionsIdCard(string raw)
    {
        var n = " " + TextNormalizer.Normalize(raw) + " ";
        return n.Contains(" cccd ", StringComparison.Ordinal) || n.Contains(" cmnd ", StringComparison.Ordinal)
            || n.Contains(" can cuoc", StringComparison.Ordinal) || n.Contains(" chung minh nhan dan", StringComparison.Ordinal);
    }
}
