using System.Globalization;
using System.Text.Json;
using ZaloBot.Domain.Places;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole;

/// <summary>One ticket on the map: its code, place, clock colour and the words of its popup; <paramref name="Estimated"/> when geocoded from the typed place.</summary>
public sealed record MapPoint(string Code, double Lat, double Lon, string Urgency, string Text, bool Estimated = false);

/// <summary>
/// The map's data, drawn by the console's own script with Leaflet (vendored in Console/Assets with its licence): points
/// go in a data attribute (the page's policy allows no inline script), the tile server comes from configuration.
/// </summary>
public static class ConsoleMap
{
    /// <summary>Markers one map shows at most; clusters keep it readable, and a filter narrows it.</summary>
    public const int MaxPoints = 2000;

    public static MapPoint? Point(TicketView ticket, TicketClock? clock, Lookups lookups)
    {
        var text = $"{ticket.Code} · {lookups.Category(ticket.CategoryCode)}" + (clock is null ? "" : $" · {clock.Label}: {clock.LeftText}");
        if (ticket.Latitude is { } lat && ticket.Longitude is { } lon) return new MapPoint(ticket.Code, lat, lon, clock?.UrgencyName ?? "none", text);
        return Geocode(ticket, lookups) is { } place
            ? new MapPoint(ticket.Code, place.Latitude, place.Longitude, clock?.UrgencyName ?? "none", $"{text} · {Estimate(place)}", Estimated: true)
            : null;
    }

    /// <summary>
    /// The typed place (and the ward chosen in the conversation) found in the province's own list, for a ticket without a
    /// shared location. Never for a tố cáo: where a denouncer points is as much theirs to protect as where they stood.
    /// </summary>
    public static GeocodedPlace? Geocode(TicketView ticket, Lookups lookups) =>
        ticket.Latitude is null && ticket.Track != TicketTracks.ToCao ? lookups.Gazetteer.Locate(ticket.Address, ticket.AreaCode) : null;

    /// <summary>How a geocoded point is labelled: never mistaken for a location the citizen shared.</summary>
    public static string Estimate(GeocodedPlace place) => place.Precision == Gazetteer.Ward
        ? $"vị trí ước tính: trung tâm {place.Name}"
        : $"vị trí ước tính theo địa chỉ: {place.Name}";

    public static string Json(IEnumerable<MapPoint> points) =>
        JsonSerializer.Serialize(points.Select(p => new object[] { p.Code, Math.Round(p.Lat, 6), Math.Round(p.Lon, 6), p.Urgency, p.Text, p.Estimated }));

    /// <summary>The configured centre as two numbers (the options' pattern guarantees the shape).</summary>
    public static (double Lat, double Lon) Centre(ConsoleOptions options)
    {
        var parts = options.MapCentre.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
