using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>
/// A citizen asking whether a message or call they received in an office's name is genuine ("tin nhắn tự xưng công an
/// bảo cài app qua link lạ, có phải thật không"): whatever article also fits, the first thing they need is how such
/// scams work and what to do.
/// </summary>
public static partial class ScamChecks
{
    // What reached them: a message, a call, a link, an app, a letter over Zalo.
    [GeneratedRegex(@"\b(tin nhan|nhan tin|cuoc goi|goi dien|goi toi|goi cho|goi bao|goi den|dien thoai|sms|email|mail|link|duong link|ung dung|app|giay moi|thu moi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    // And what it asked for or claimed: to install, to click, to pay, an account, someone speaking in an office's name.
    [GeneratedRegex(@"\b(" + Understander.SelfStylingWords + @"|cai (app|ung dung)|(bam|truy cap) (vao )?(link|duong link)|tai link|(se|sap) bi khoa|qua (duong )?link|link la|chuyen tien|chuyen khoan|chuyen \d+ ?(k|nghin|ngan|trieu|tr)|bam (phim|so) \d|trung thuong|nop (phi|phat|tien)|so tai khoan|stk|ma otp|otp|mat khau)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lure();

    // Asked whether it is real.
    [GeneratedRegex(@"\b(co phai (la )?(that|lua|gia|cua)|dung (khong|ko|k) hay (lai )?lua|(la |co )?that (khong|ko|k|hong|hay gia|hay lua dao|hay khong)|lua dao (khong|ko|k|hong|phai khong)|co (lien he|goi dien|goi|nhan tin|yeu cau|gui) (\w+ ){0,8}(khong|ko|k|hong)|co dung (khong|ko|k)|tin duoc (khong|ko|k)|co nen (cai|bam|lam theo|chuyen|tin)|hay la lua( dao)?|(that|dung|khong|ko) hay lua( dao)?|xac nhan (\w+ ){0,4}co phai|(co )?phai (la )?(can bo|nguoi|nhan vien|cong an) (\w+ ){0,3}(cua|ben|thuoc) (\w+ ){0,4}(khong|ko|k|hong))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksIfReal();

    // "tin nhắn này có phải của ủy ban thật không": about this channel, answered as such.
    [GeneratedRegex(@"\b(kenh|trang|zalo|oa) nay\b|\btin nhan nay co phai (la )?(cua|ben|kenh|trang)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThisChannel();

    public static bool AsksIfGenuine(string raw)
    {
        var n = TextNormalizer.Normalize(raw);
        return Contact().IsMatch(n) && Lure().IsMatch(n) && AsksIfReal().IsMatch(n) && !ThisChannel().IsMatch(n);
    }
}
