namespace ZaloBot.Oas;

/// <summary>What an OA id and name may be: Zalo's OA ids are digit strings; letters are allowed for test and simulator OAs.</summary>
public static class OaRules
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;

    public static bool IsValidId(string? oaId) =>
        !string.IsNullOrEmpty(oaId) && oaId.Length <= MaxIdLength && oaId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
