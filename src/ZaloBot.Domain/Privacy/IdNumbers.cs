using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Privacy;

/// <summary>
/// Vietnamese citizen ID numbers in free text: the 12-digit căn cước (CCCD) and the old 9-digit CMND, also typed in
/// groups ("001 203 012 345"). They are not needed to handle a complaint, so stored text and logs keep only the last
/// three digits. Phone numbers (10 digits, or 9 after +84) are left to the phone rules.
/// </summary>
public static partial class IdNumbers
{
    public static bool Contains(string? text) => text is not null && IdLike().IsMatch(text);

    /// <summary>The text with each ID number replaced by stars and its last three digits.</summary>
    public static string Mask(string text) => IdLike().Replace(text, m =>
    {
        var digits = m.Value.Count(char.IsAsciiDigit);
        return new string('*', digits - 3) + new string(m.Value.Where(char.IsAsciiDigit).ToArray())[^3..];
    });

    [GeneratedRegex(@"(?<![\d.\-])(?<!(?:\+?84)[\s.\-]?)(?:\d{12}|\d{3}[ .\-]\d{3}[ .\-]\d{3}[ .\-]\d{3}|\d{9}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\d]|[.\-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IdLike();
}
