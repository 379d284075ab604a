namespace ZaloBot.Domain.Tickets;

/// <summary>
/// A ticket's code says what it is: <c>PA-</c> a phản ánh, kiến nghị; <c>KN-</c> a khiếu nại; <c>TC-</c> a tố cáo. The
/// caller reserves one code per message (as <c>PA-</c>); the track chosen at submission picks the prefix, and the
/// random part stays, so a reservation checked for all three prefixes is unique whichever is used.
/// </summary>
public static class TicketCodePrefix
{
    public static readonly IReadOnlyList<string> All = ["PA", "KN", "TC"];

    public static string For(string? track) => track switch
    {
        Tracks.TicketTracks.KhieuNai => "KN",
        Tracks.TicketTracks.ToCao => "TC",
        _ => "PA",
    };

    /// <summary>"PA-2611-7K3Q" as a khiếu nại: "KN-2611-7K3Q".</summary>
    public static string Apply(string code, string? track) =>
        code.Length > 3 && code[2] == '-' ? For(track) + code[2..] : code;

    /// <summary>The same code under every prefix, to check a reservation is free under all of them.</summary>
    public static IReadOnlyList<string> Variants(string code) => All.Select(p => Apply(code, null) is var c && c.Length > 3 ? p + c[2..] : c).ToList();
}
