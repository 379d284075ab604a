using System.Text.RegularExpressions;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

// A name among the words of a contact line or a correction.
public sealed partial class Understander
{
    // Words a person's name never holds, as typed at the contact step: "sửa mô tả…", "quay lại…", "sai địa chỉ".
    private static readonly Regex NotAName = new(
        @"\b(sua|sai|quay|mo ta|dia chi|noi dung|linh vuc|so dien thoai|hinh anh|phan anh|khieu nai|khong phai|nham roi|chu khong|(phuong|xa|ten duong|so nha) la|so (cu|nay|do|zalo)|zalo|giau ten|an danh|xin phep|(khong|ko|k) (muon|cho|de|can|co|biet)|gio hanh chinh|nghe may|theo so|goi (lai|sau|truoc))\b",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// A full name opening a text, its words capitalised ("Nguyễn Văn Ân, chữ Ân có dấu mũ" → "Nguyễn Văn Ân"); null for
    /// a single word or none, which replaces only the word it corrects.
    /// </summary>
    public string? LeadingFullName(string text)
    {
        var tokens = Tokenize(text).Tokens;
        var count = 0;
        while (count < tokens.Count && tokens[count].Capitalised && !tokens[count].IsNumber && (count == 0 || !tokens[count].BreakBefore)) count++;
        return count >= 2 && count <= 5 ? text[tokens[0].Start..tokens[count - 1].End] : null;
    }

    /// <summary>
    /// The person named inside a longer contact line ("Phòng HCNS công ty …, người liên hệ: chị Lê Thu Trang", "chú Hùng
    /// xe ôm đầu chợ, số chú là …"): capitalised words after a form of address (kept) or a label, else the only
    /// capitalised run of two words or more. Null when no run stands out, so nothing but a name is ever kept as one.
    /// </summary>
    public string? NameWithin(string written)
    {
        var text = Tokenize(written);
        var tokens = text.Tokens;
        var runs = new List<(int Start, int Count, bool Introduced)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Capitalised || tokens[i].IsNumber || (i > 0 && tokens[i - 1].Capitalised && !tokens[i].BreakBefore)) continue;
            var count = 1;
            while (i + count < tokens.Count && tokens[i + count].Capitalised && !tokens[i + count].IsNumber && !tokens[i + count].BreakBefore) count++;
            // Introduced by a form of address ("chị") or by one of the contact labels ending right before it ("người liên hệ:", "tên là").
            var start = i;
            // "con trai bác, Nguyễn Văn Hùng": a pause between them, and the word is no form of address for the name.
            var addressed = i > 0 && !tokens[i].BreakBefore && Best(text, i - 1, _honorifics).Length == 1 && IsFormOfAddress(written[tokens[i - 1].Start..tokens[i - 1].End]);
            var introduced = addressed || Enumerable.Range(Math.Max(0, start - 4), Math.Min(start, 4)).Any(j => Best(text, j, _contactLabels).Length == start - j);
            // The form of address is kept with the name, as PersonName keeps it: "chị Lê Thu Trang".
            if (count <= 4) runs.Add(addressed ? (i - 1, count + 1, true) : (i, count, introduced));
        }
        // Of several full names, the one opening the message ("Phạm Thu Trang - HR cty may Minh Phát - 0868…").
        var pick = runs.Where(r => r.Introduced).ToList() is { Count: 1 } introducedRuns ? introducedRuns[0]
            : runs.Where(r => r.Count >= 2).ToList() is { Count: > 0 } longRuns
                ? longRuns.Count == 1 ? longRuns[0] : longRuns.FirstOrDefault(r => r.Start == 0)
                : default;
        if (pick.Count == 0) return null;
        var name = WrittenOut(written[tokens[pick.Start].Start..tokens[pick.Start + pick.Count - 1].End]);
        return CanBeName(name) ? name : null;
    }

    /// <summary>
    /// "tên tôi là Nguyễn Văn Ân, có dấu mũ", "tên: Nguyễn Thị An", "người liên hệ là Phạm Thu Trang, không phải anh
    /// An", "tên người liên hệ đổi thành Nguyễn Thị Bích": the name said again near the opening of the message, after
    /// the word for it — at the summary, a correction of the name. Null when no full name follows that word closely
    /// or the message carries a number.
    /// </summary>
    public string? NameRestated(string written)
    {
        var text = Tokenize(written);
        if (text.Count < 3 || System.Text.RegularExpressions.Regex.IsMatch(written, @"\d{3}")) return null;
        var at = 0;
        // A few words of asking may come first: "à sửa giúp tên …", "cho đổi người liên hệ …".
        while (at < Math.Min(text.Count, 4) && text.Tokens[at].Text != "ten" && !(text.Tokens[at].Text == "lien" && at + 1 < text.Count && text.Tokens[at + 1].Text == "he")) at++;
        if (at >= Math.Min(text.Count, 4)) return null;
        at += text.Tokens[at].Text == "ten" ? 1 : 2;
        var skipped = 0;
        while (at < text.Count && !text.Tokens[at].Capitalised && skipped++ < 5 && NameFiller.Contains(text.Tokens[at].Text)) at++;
        if (at < text.Count && text.Tokens[at].Capitalised && LeadingFullName(text.RawFrom(at)) is { } name && CanBeName(name)) return name;
        // "tên không phải An đâu cháu, bác là Nguyễn Thị Lan": the name after a denial comes after "là".
        for (var i = at; i + 1 < text.Count && i < at + 8; i++)
            if (text.Tokens[i].Text == "la" && text.Tokens[i + 1].Capitalised && LeadingFullName(text.RawFrom(i + 1)) is { } said && said.Contains(' ') && CanBeName(said))
                return said;
        return null;
    }

    // Words between "tên"/"người liên hệ" and the name itself.
    private static readonly HashSet<string> NameFiller =
        ["toi", "em", "e", "bac", "chau", "minh", "tui", "cua", "la", "dung", "phai", "nguoi", "lien", "he", "doi", "sua", "thanh", "sang", "lai", "ghi", "giup", "ho", "day", "du"];

    /// <summary>What was written beside the phone can be a person's name: short, and none of the words of a command.</summary>
    public bool CanBeName(string written)
    {
        var n = TextNormalizer.Normalize(written);
        return n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7 && !NotAName.IsMatch(n);
    }

    /// <summary>
    /// What was written beside the phone at the contact step is the name itself: a Vietnamese full name has two to four
    /// words, one more for a form of address ("bà Nguyễn Thị Ngọc Ánh"); "bác già rồi không nghe máy được" is not one.
    /// (A correction may carry a remark after the name, so it is held to <see cref="CanBeName"/> only.)
    /// </summary>
    public bool CanBeContactName(string written) =>
        CanBeName(written) && TextNormalizer.Normalize(written).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;

    // Particles closing a contact line ("tên cháu là Mai ạ", "hung nhe"), never the end of a name as typed in lower case.
    // "Trần Thị Hoa cháu nhé": the listener addressed after the name ("cháu", "con") is no part of it — unless capitalised.
    private static readonly HashSet<string> TrailingParticles = ["a", "nhe", "nha", "nhen", "day", "ad", "admin", "ah", "ak", "vay", "chau", "con", "oi"];

    /// <summary>The last word of the name: particles typed after it are dropped, a capitalised word never is.</summary>
    private static int LastBeforeParticles(TokenizedText text, int first)
    {
        var last = text.Count - 1;
        while (last > first && !text.Tokens[last].Capitalised && TrailingParticles.Contains(text.Tokens[last].Text)) last--;
        return last;
    }

    /// <summary>
    /// "người liên hệ giúp cháu là chị trang", "cua chau chau la nguyen thi mai a": in a line typed without capitals, the
    /// few words after its last "là" are the name — if they can be one. Null otherwise.
    /// </summary>
    public string? NameAfterTheLastIs(string? written)
    {
        if (written is null) return null;
        var text = Tokenize(written);
        var at = Enumerable.Range(0, text.Count).LastOrDefault(i => text.Tokens[i].Text == "la", -1);
        if (at < 0 || at == text.Count - 1) return null;
        var last = LastBeforeParticles(text, at + 1);
        if (last - at > 4 || Enumerable.Range(at + 1, last - at).Any(i => text.Tokens[i].IsNumber)) return null;
        var name = written[text.Tokens[at + 1].Start..text.Tokens[last].End];
        return CanBeContactName(name) ? name : null;
    }
}
