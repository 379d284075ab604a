namespace ZaloBot.Domain.Understanding;

// Who the contact is, said right after the name: "chị Hằng kế toán", "Trần Thị Hồng, phòng hành chính nhân sự",
// "bác Hòa xóm Chùa", "Bà Nguyễn Thị Lan (mẹ An)". Staff calling a business or a village back ask for the person by it.
public sealed partial class Understander
{
    // The first words of a role, a department or where in the village the person is known. A word not in this list
    // ends the name and nothing after it is kept, so a remark ("gọi giờ hành chính nhé") never becomes a role.
    private static readonly string[] RoleOpeners =
    [
        "phong", "ban", "bo phan", "ke toan", "thu quy", "thu ky", "to truong", "to pho", "truong", "pho", "giam doc",
        "quan ly", "bao ve", "nhan vien", "can bo", "chu tich", "bi thu", "chu nha", "chu tro", "chu quan", "cong ty",
        "hcns", "hr", "thon", "xom", "khu", "to", "ap", "doi", "me", "bo", "vo", "chong", "con gai", "con trai", "con dau",
        "con re", "chau gai", "chau trai", "chau noi", "chau ngoai", "em gai", "em trai", "anh trai", "chi gai",
    ];

    // Words that end a role as typed: the number's label, "là", a call to ring, a closing particle.
    private static readonly HashSet<string> RoleEnds =
        ["la", "sdt", "dt", "goi", "lien", "lh", "nhe", "nha", "nhen", "a", "day", "oi", "ad", "vi", "nhung"];

    private const int LongestRole = 7;

    /// <summary>
    /// The name with the role said right after it in the contact line ("chị Hằng (kế toán)"); the name alone when what
    /// follows is the number, a remark, or nothing.
    /// </summary>
    public string WithRole(string raw, string name)
    {
        var at = raw.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return name;
        var tail = raw[(at + name.Length)..];
        var opened = tail.TrimStart();
        if (opened.StartsWith('(') && opened.IndexOf(')') is var close and > 1)
        {
            var inside = opened[1..close].Trim();
            return inside.Length > 0 && !inside.Any(char.IsAsciiDigit) && inside.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= LongestRole
                ? $"{name} ({inside})" : name;
        }
        var text = Tokenize(tail);
        var count = 0;
        while (count < text.Count && (count == 0 || !text.Tokens[count].BreakBefore) && !EndsTheRole(text, count)) count++;
        while (count > 0 && TrailingParticles.Contains(text.Tokens[count - 1].Text)) count--;
        if (count == 0 || count > LongestRole || !OpensARole(text, count)) return name;
        // "Trần Thị Hoa 0987…, con gái bác An": after the number comes a remark, not the role.
        if (tail[..text.Tokens[0].Start].Any(char.IsAsciiDigit)) return name;
        var role = tail[text.Tokens[0].Start..text.Tokens[count - 1].End];
        return CanBeName(role) ? $"{name} ({role})" : name;
    }

    private static bool EndsTheRole(TokenizedText text, int i)
    {
        var token = text.Tokens[i];
        // A phone's first group ("09 7654…", "0904…"); "tổ dân phố số 3" keeps its short number, and its "số" with it.
        if (token.IsNumber) return PhoneGroup(token);
        if (token.Text == "so") return i + 1 >= text.Count || !text.Tokens[i + 1].IsNumber || PhoneGroup(text.Tokens[i + 1]);
        // "điện thoại" ends it; "chú Hùng điện lực" does not.
        if (token.Text == "dien") return i + 1 < text.Count && text.Tokens[i + 1].Text == "thoai";
        return RoleEnds.Contains(token.Text);
    }

    private static bool PhoneGroup(Token number) => number.Text[0] == '0' || number.Text.Length >= 4;

    private static bool OpensARole(TokenizedText text, int count)
    {
        var first = text.Tokens[0].Text;
        var two = count >= 2 ? first + " " + text.Tokens[1].Text : first;
        return RoleOpeners.Any(opener => opener == first || opener == two);
    }
}
