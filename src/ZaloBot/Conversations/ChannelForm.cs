using System.Globalization;
using ZaloBot.Domain.Text;

namespace ZaloBot.Conversations;

/// <summary>
/// The checks every channel's form gets before it becomes a ticket (Open311 channels, the Mini App's form), so a field
/// that one channel refuses the other refuses too; each channel words its own answer.
/// </summary>
public static class ChannelForm
{
    /// <summary>Every field's name and values can be stored: one NUL or broken surrogate refuses the whole form.</summary>
    public static bool IsStorable(IFormCollection form)
    {
        foreach (var (field, values) in form)
            foreach (var value in values)
                if (!SafeText.IsSafe(value) || !SafeText.IsSafe(field)) return false;
        return true;
    }

    /// <summary>A place sent as two numbers: both must be there, in WGS84 degrees (the ranges refuse NaN as well).</summary>
    public static bool TryParsePlace(string? latitude, string? longitude, out double lat, out double lng)
    {
        lng = double.NaN;
        return double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out lat) && lat is >= -90 and <= 90
            && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out lng) && lng is >= -180 and <= 180;
    }
}
