using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Tickets;

/// <summary>
/// A ticket's public code, e.g. <c>PA-2611-7K3Q</c>: "PA" (phản ánh; "KN" khiếu nại, "TC" tố cáo, see
/// <see cref="TicketCodePrefix"/>), year and month, and four characters from an
/// alphabet without look-alikes (no 0/O, 1/I) so it can be read out over the phone and typed on a keypad.
/// Parsing forgives case, spaces and separators ("pa 2611 7k3q"), the typographic and non-breaking dashes of a pasted code too.
/// </summary>
public readonly partial record struct TicketCode
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int RandomLength = 4;

    private TicketCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static TicketCode Generate(DateOnly date, Func<int, int> nextRandom)
    {
        Span<char> random = stackalloc char[RandomLength];
        for (var i = 0; i < RandomLength; i++) random[i] = Alphabet[nextRandom(Alphabet.Length)];
        return new TicketCode($"PA-{date:yyMM}-{random}");
    }

    public static bool TryParse(string? text, out TicketCode code) => TryFind(text, out code, out _);

    /// <summary>Finds a code in a message and where it is (<paramref name="span"/>: start and length as typed).</summary>
    public static bool TryFind(string? text, out TicketCode code, out (int Start, int Length) span)
    {
        code = default;
        span = default;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        // Read out one character at a time ("P A 2 6 1 1 F X 2 K"), the spaces are no part of it.
        static string Joined(Group group) => string.Concat(group.Value.Where(c => !char.IsWhiteSpace(c)));
        var suffix = Joined(match.Groups["suffix"]).ToUpperInvariant();
        if (suffix.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal))) return false;
        code = new TicketCode($"{Joined(match.Groups["prefix"]).ToUpperInvariant()}-{Joined(match.Groups["month"])}-{suffix}");
        span = (match.Index, match.Length);
        return true;
    }

    /// <summary>
    /// Something typed like a code that is not one ("PA-7QK2M", "mã KN 123"): the citizen meant a code, so the answer is
    /// "no such code" rather than a new complaint.
    /// </summary>
    public static string? FindMistyped(string? text) =>
        text is null ? null : LooseCode().Match(text) is { Success: true } m ? m.Value.Trim() : null;

    // Lower case only with its dash ("pa-4tz81c"): "pa" alone is how citizens abbreviate "phản ánh".
    [GeneratedRegex(@"(?<![A-Za-z0-9])(PA|KN|TC)[\-_.]?(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{3,10}(?![A-Za-z0-9])|(?<![A-Za-z0-9])(PA|KN|TC)[\s\-_.]+\d[A-Za-z0-9\-]{2,10}|(?<![A-Za-z0-9])(pa|kn|tc|Pa|Kn|Tc)-(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-]{2,12}[A-Za-z0-9](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LooseCode();

    /// <summary>Finds a code anywhere in a message ("tra cứu PA-2611-7K3Q giúp tôi").</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<prefix>P ?A|K ?N|T ?C)[\s\-‐‑‒–—_./]*(?<month>\d(?: ?\d){3})[\s\-‐‑‒–—_./]*(?<suffix>[A-Za-z0-9](?: ?[A-Za-z0-9]){3})(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
