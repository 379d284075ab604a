using System.Globalization;
using System.Text.Json;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole;

/// <summary>One ticket on the map: its code, place, clock colour and the words of its popup.</summary>
public sealed record MapPoint(string Code, double Lat, double Lon, string Urgency, string Text);

/// <summary>
/// The map's data, drawn by the console's own script with Leaflet (vendored in Console/Assets with its licence): points
/// go in a data attribute (the page's policy allows no inline script), the tile server comes from configuration.
/// </summary>
public static class ConsoleMap
{
    /// <summary>Markers one map shows at most; clusters keep it readable, and a filter narrows it.</summary>
    public const int MaxPoints = 2000;

    public static MapPoint? Point(TicketView ticket, TicketClock? clock, Lookups lookups) =>
        ticket.Latitude is { } lat && ticket.Longitude is { } lon
            ? new MapPoint(ticket.Code, lat, lon, clock?.UrgencyName ?? "none",
                $"{ticket.Code} · {lookups.Category(ticket.CategoryCode)}" + (clock is null ? "" : $" · {clock.Label}: {clock.LeftText}"))
            : null;

    public static string Json(IEnumerable<MapPoint> points) =>
        JsonSerializer.Serialize(points.Select(p => new object[] { p.Code, Math.Round(p.Lat, 6), Math.Round(p.Lon, 6), p.Urgency, p.Text }));

    /// <summary>The configured centre as two numbers (the options' pattern guarantees the shape).</summary>
    public static (double Lat, double Lon) Centre(ConsoleOptions options)
    {
        var parts = options.MapCentre.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
