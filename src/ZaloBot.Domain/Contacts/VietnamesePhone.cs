namespace ZaloBot.Domain.Contacts;

/// <summary>
/// Vietnamese mobile numbers as citizens type them (0912 345 678, 0912.345.678, +84 912345678, 84912345678)
/// normalised to E.164 (+84912345678). Mobile prefixes since the 2018 renumbering start with 3, 5, 7, 8 or 9. A
/// contact to call back may also be a landline (<see cref="TryNormalizeCallable"/>).
/// </summary>
public static class VietnamesePhone
{
    /// <summary>A mobile number (the only kind Zalo's template messages reach): see the class summary.</summary>
    public static bool TryNormalize(string? text, out string e164) => TryNormalize(text, landline: false, out e164);

    /// <summary>
    /// A number a citizen can be called back on: a mobile, or a landline since the 2017 renumbering (0 + a 2- or 3-digit
    /// area code starting with 2 + the subscriber number, 11 digits: 0222 3825 416 in Bắc Ninh, 024 3856 1120 in Hà Nội).
    /// </summary>
    public static bool TryNormalizeCallable(string? text, out string e164) => TryNormalize(text, landline: true, out e164);

    /// <summary>A mobile number in E.164: the kind a Zalo template can be sent to by phone.</summary>
    public static bool IsMobile(string? e164) =>
        e164 is { Length: 12 } && e164.StartsWith("+84", StringComparison.Ordinal) && e164[3] is '3' or '5' or '7' or '8' or '9';

    private static bool TryNormalize(string? text, bool landline, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(text)) return false;

        Span<char> digits = stackalloc char[16];
        var count = 0;
        var trimmed = text.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return false;
                digits[count++] = c;
            }
            else if (c == '+' && i == 0) { }
            // "0,975,888,111": digits grouped with commas as with dots.
            else if (c is not (' ' or '.' or ',' or '-' or '(' or ')')) return false;
        }

        ReadOnlySpan<char> national = digits[..count];
        if (landline && (national.StartsWith("02") && national.Length == 11 || national.StartsWith("842") && national.Length == 12))
        {
            e164 = "+84" + national[(national[0] == '0' ? 1 : 2)..].ToString();
            return true;
        }
        if (national.StartsWith("84") && national.Length == 11) national = national[2..];
        else if (national.StartsWith("0") && national.Length == 10) national = national[1..];
        else return false;

        if (national.Length != 9 || national[0] is not ('3' or '5' or '7' or '8' or '9')) return false;
        e164 = "+84" + national.ToString();
        return true;
    }

    /// <summary>How the number is shown back to a citizen: the familiar 0xxx xxx xxx form.</summary>
    public static string Display(string e164) =>
        e164.StartsWith("+84", StringComparison.Ordinal) && e164.Length is 12 or 13
            ? $"0{e164[3..6]} {e164[6..9]} {e164[9..]}"
            : e164;
}
