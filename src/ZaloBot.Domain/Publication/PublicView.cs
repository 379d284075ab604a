using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Publication;

/// <summary>What a category lets the public see of its tickets (categories.publication).</summary>
public enum PublicationPolicy
{
    /// <summary>Nothing: not listed, not found by id (conduct of civil servants, complaints that name people).</summary>
    Never,
    /// <summary>The question in short, the answer, dates and the ward; no street address, no location.</summary>
    Ward,
    /// <summary>As <see cref="Ward"/>, plus the address as given and the location rounded to about 100 m.</summary>
    Public,
}

/// <summary>
/// The one place that decides what of a ticket leaves the building. Whatever the caller passes, the output never
/// holds the citizen's name, phone, Zalo id, internal notes or attachments: only the fields built here exist.
/// </summary>
public static partial class PublicView
{
    public const int ShortTextLength = 280;

    public static bool TryParsePolicy(string? name, out PublicationPolicy policy)
    {
        switch (name)
        {
            case "public": policy = PublicationPolicy.Public; return true;
            case "ward": policy = PublicationPolicy.Ward; return true;
            case "never": policy = PublicationPolicy.Never; return true;
            default: policy = PublicationPolicy.Never; return false;
        }
    }

    public static string ToName(this PublicationPolicy policy) => policy switch
    {
        PublicationPolicy.Public => "public",
        PublicationPolicy.Ward => "ward",
        _ => "never",
    };

    /// <summary>The citizen's own choice wins over the category's default; a category that forbids it wins over both.</summary>
    public static bool IsPublished(PublicationPolicy policy, bool? citizenChoice, bool categoryDefault) =>
        policy != PublicationPolicy.Never && (citizenChoice ?? categoryDefault);

    /// <summary>Open311 knows two statuses; the detail goes in status_notes.</summary>
    public static string Open311Status(TicketStatus status) => status.IsAnswered() ? "closed" : "open";

    /// <summary>The address as published: the ward for <see cref="PublicationPolicy.Ward"/>, the given address (scrubbed) and ward for public.</summary>
    public static string? Address(PublicationPolicy policy, string? address, string? wardName, string? contactName) => policy switch
    {
        PublicationPolicy.Public when !string.IsNullOrWhiteSpace(address) =>
            Scrub(address, contactName) + (wardName is null || address.Contains(wardName, StringComparison.OrdinalIgnoreCase) ? "" : ", " + wardName),
        PublicationPolicy.Public or PublicationPolicy.Ward => wardName,
        _ => null,
    };

    /// <summary>About 110 m of latitude: enough to find the street, not the house.</summary>
    public static double? Coordinate(PublicationPolicy policy, double? value) =>
        policy == PublicationPolicy.Public && value is { } v ? Math.Round(v, 3) : null;

    /// <summary>
    /// Free text as published: phone numbers, e-mail addresses and the citizen's own name removed, whitespace
    /// collapsed, cut at a word near <paramref name="max"/> characters.
    /// </summary>
    public static string ShortText(string? text, string? contactName, int max = ShortTextLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var scrubbed = Scrub(text, contactName);
        var collapsed = Whitespace().Replace(scrubbed, " ").Trim();
        if (collapsed.Length <= max) return collapsed;
        var cut = collapsed.LastIndexOf(' ', max - 1);
        return collapsed[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }

    public const string Removed = "***";

    private static string Scrub(string text, string? contactName)
    {
        var result = Email().Replace(Phone().Replace(text, Removed), Removed);
        if (!string.IsNullOrWhiteSpace(contactName) && contactName.Trim().Length >= 2)
        {
            // The whole name only: single words ("Nguyễn", "Lý") are also street names, and erasing them would garble answers.
            result = Regex.Replace(result, Regex.Escape(contactName.Trim()), Removed, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return result;
    }

    // Vietnamese mobiles and landlines as typed (0xxx…, 84xxx…, +84 xxx…, with spaces, dots or dashes); dates
    // ("15-12-2026") and amounts ("1.000.000") do not start with 0 or 84, so they stay.
    [GeneratedRegex(@"(?<![\p{L}\d])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\p{L}\d])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
