using System.Globalization;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Conversations;

public enum GlobalCommand
{
    None,
    Cancel,
    Back,
    Help,
    Menu,
    StartOver,
}

/// <summary>
/// What a citizen's words mean, matched on normalised text (no case, diacritics or extra spaces) and tolerant of a
/// slip in longer phrases. Only a whole message is a command: "hủy" inside a description is just a word.
/// </summary>
public static class Intents
{
    private static readonly string[] CancelWords = ["huy", "huyy", "huy bo", "huy phan anh", "thoi", "cancel", "dung lai", "khong gui nua"];
    private static readonly string[] BackWords = ["quay lai", "tro lai", "back", "lui lai", "quay ve"];
    private static readonly string[] HelpWords = ["huong dan", "tro giup", "help", "giup toi", "giup do"];
    private static readonly string[] MenuWords = ["menu", "trang chu", "trang chinh", "ve menu", "danh muc"];
    private static readonly string[] StartOverWords = ["lam lai", "bat dau lai", "lam lai tu dau", "restart"];

    private static readonly string[] GreetingWords = ["xin chao", "chao", "chao ban", "chao ad", "hello", "hi", "alo", "start", "bat dau", "xin chao ad"];
    private static readonly string[] NewComplaintWords = ["gui phan anh", "phan anh", "kien nghi", "gui kien nghi", "gui phan anh kien nghi", "toi muon phan anh"];
    private static readonly string[] LookupWords = ["tra cuu", "kiem tra", "xem phan anh"];
    private static readonly string[] InfoWords = ["thong tin", "gioi thieu"];
    private static readonly string[] DoneWords = ["xong", "da xong", "tiep", "tiep tuc", "het", "hoan tat", "roi", "du roi"];
    private static readonly string[] SkipWords = ["bo qua", "khong co", "khong", "ko", "k", "skip", "khong can"];
    private static readonly string[] SubmitWords = ["gui", "gui di", "xac nhan", "dong y", "ok", "dung", "gui phan anh"];
    private static readonly string[] EditWords = ["sua", "chinh sua", "sua lai"];
    private static readonly string[] ResumeWords = ["tiep tuc", "tiep", "tiep tuc gui"];
    private static readonly string[] AfreshWords = ["lam moi", "moi", "gui moi", "tao moi"];
    private static readonly string[] UseContactWords = ["dung thong tin nay", "dung", "dong y", "ok", "dung roi", "chinh xac"];
    private static readonly string[] ClearAttachmentWords = ["xoa anh", "xoa het anh", "xoa tep"];

    public static GlobalCommand Global(string n) =>
        Any(n, CancelWords) ? GlobalCommand.Cancel
        : Any(n, BackWords) ? GlobalCommand.Back
        : Any(n, HelpWords) ? GlobalCommand.Help
        : Any(n, MenuWords) ? GlobalCommand.Menu
        : Any(n, StartOverWords) ? GlobalCommand.StartOver
        : GlobalCommand.None;

    public static bool IsGreeting(string n) => Any(n, GreetingWords);
    public static bool IsNewComplaint(string n) => Any(n, NewComplaintWords) || Number(n) == 1;
    public static bool IsLookup(string n) => Any(n, LookupWords) || Number(n) == 2;
    public static bool IsInfo(string n) => Any(n, InfoWords) || Number(n) == 3;
    public static bool IsHelpChoice(string n) => Number(n) == 4;
    public static bool IsDone(string n) => Any(n, DoneWords);
    public static bool IsSkip(string n) => Any(n, SkipWords);
    public static bool IsSubmit(string n) => Any(n, SubmitWords);
    public static bool IsEdit(string n) => Any(n, EditWords);
    public static bool IsResume(string n) => Any(n, ResumeWords);
    public static bool IsAfresh(string n) => Any(n, AfreshWords);
    public static bool IsUseContact(string n) => Any(n, UseContactWords);
    public static bool IsClearAttachments(string n) => Any(n, ClearAttachmentWords);

    /// <summary>"đánh giá PA-… 5" (the rating buttons' payload, or typed): the 1–5 rating, else null.</summary>
    public static int? Rating(string n)
    {
        if (!n.StartsWith("danh gia ", StringComparison.Ordinal)) return null;
        var last = n[^1];
        return n.Length > 10 && last is >= '1' and <= '5' && n[^2] == ' ' ? last - '0' : null;
    }

    /// <summary>"tra cứu …": a lookup request, with or without a code after it.</summary>
    public static bool StartsWithLookup(string n) => n == "tra cuu" || n.StartsWith("tra cuu ", StringComparison.Ordinal);

    /// <summary>"3", "số 3", "3." → 3.</summary>
    public static int? Number(string n)
    {
        var digits = n.StartsWith("so ", StringComparison.Ordinal) ? n[3..] : n;
        return digits.Length is > 0 and <= 2 && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;
    }

    private static bool Any(string n, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (Fuzzy.SameWords(n, phrase)) return true;
        }
        return false;
    }
}
