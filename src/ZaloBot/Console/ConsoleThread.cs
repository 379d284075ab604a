using System.Globalization;
using System.Text.Json;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole;

/// <param name="ThumbnailUrl">A stored photo's preview (evidence); <paramref name="Note"/> says why a file is not (yet) stored.</param>
public sealed record ThreadAttachment(string Type, string Url, string? Name, string? ThumbnailUrl = null, string? Note = null, string? Sha256 = null);

public sealed record ThreadEntry(long Id, DateTime At, string Kind, string KindText, string Who, string Css, bool IsPublic, string? Body, string? StatusChange, IReadOnlyList<ThreadAttachment> Attachments, int? Rating);

/// <summary>The ticket's thread as staff read it: who said what, public or internal, with photos and status changes.</summary>
public static class ConsoleThread
{
    public static async Task<IReadOnlyList<ThreadEntry>> LoadAsync(NpgsqlConnection connection, TicketView ticket, Lookups lookups, CancellationToken cancellationToken)
    {
        var events = await TicketQueries.ThreadAsync(connection, ticket.Id, cancellationToken);
        var staffIds = events.Where(e => e.ActorKind == "staff" && long.TryParse(e.ActorId, CultureInfo.InvariantCulture, out _))
            .Select(e => long.Parse(e.ActorId!, CultureInfo.InvariantCulture)).Distinct().ToArray();
        var names = staffIds.Length == 0 ? new Dictionary<long, string>() : (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "select id, name from staff where id = any(@staffIds)", new { staffIds }, cancellationToken: cancellationToken))).ToDictionary(r => r.Id, r => r.Name);
        return await EvidenceConsole.ApplyAsync(connection, ticket, events.Select(e => ToEntry(e, ticket, lookups, names)).ToList(), cancellationToken);
    }

    private static ThreadEntry ToEntry(TicketEventView e, TicketView ticket, Lookups lookups, Dictionary<long, string> names)
    {
        using var payload = JsonDocument.Parse(string.IsNullOrEmpty(e.Payload) ? "{}" : e.Payload);
        var root = payload.RootElement;
        var who = e.ActorKind switch
        {
            "citizen" => string.IsNullOrWhiteSpace(ticket.ContactName) ? "Công dân" : ticket.ContactName!,
            "staff" when e.Kind == "staff_reply_zalo" => "Cán bộ (công cụ chat của OA)",
            "staff" when long.TryParse(e.ActorId, CultureInfo.InvariantCulture, out var id) => names.GetValueOrDefault(id, $"Cán bộ #{id}"),
            "staff" => "Cán bộ",
            _ => "Hệ thống",
        };
        var css = e.Kind == "status_changed" ? "status" : e.ActorKind == "citizen" ? "citizen" : e.IsPublic ? "public" : "internal";
        string? change = null;
        if (e.Kind == "status_changed" && root.ValueKind == JsonValueKind.Object)
        {
            var from = Text(root, "from");
            var to = Text(root, "to");
            var agency = Text(root, "agency");
            change = $"{ConsoleTexts.Status(from ?? "")} → {ConsoleTexts.Status(to ?? "")}" + (agency is null ? "" : $" · {lookups.Agency(agency)}");
        }
        int? rating = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rating", out var r) && r.TryGetInt32(out var value) ? value : null;
        return new ThreadEntry(e.Id, e.At, e.Kind, ConsoleTexts.EventKind(e.Kind), who, css, e.IsPublic, e.Body, change, Attachments(root), rating);
    }

    private static List<ThreadAttachment> Attachments(JsonElement root)
    {
        var list = new List<ThreadAttachment>();
        if (root.ValueKind != JsonValueKind.Object) return list;
        var array = root.EnumerateObject().FirstOrDefault(p => p.NameEquals("attachments") || p.NameEquals("Attachments")).Value;
        if (array.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var url = Text(item, "url") ?? Text(item, "Url");
            // Only web links become links or images: nothing like javascript: reaches the page.
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) continue;
            list.Add(new ThreadAttachment(Text(item, "type") ?? Text(item, "Type") ?? "file", url, Text(item, "name") ?? Text(item, "Name")));
        }
        return list;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>"0912 *** 678": enough to recognise, not enough to call.</summary>
    public static string MaskPhone(string phone)
    {
        var display = ZaloBot.Domain.Contacts.VietnamesePhone.Display(phone);
        var digits = display.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length < 7 ? "***" : $"{digits[..4]} *** {digits[^3..]}";
    }

    public static string? MapLink(TicketView ticket) => ticket is { Latitude: { } lat, Longitude: { } lon }
        ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=18/{lat:0.######}/{lon:0.######}")
        : null;
}
