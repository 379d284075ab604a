using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Places;

/// <summary>One entry of the province's own list of places: a ward (by its area code), a street or a landmark, with a point.</summary>
public sealed record Place(string Kind, string Name, string? AreaCode, double Latitude, double Longitude);

/// <summary>Where a typed place was found, and how precisely: a street or landmark, or only its ward.</summary>
public sealed record GeocodedPlace(double Latitude, double Longitude, string Precision, string Name);

/// <summary>
/// Geocoding against the province's own list, no outside service: what a citizen typed ("so 12 duong ly thai to, p kinh
/// bac") is matched, without case or diacritics and on whole words, against street and landmark names, then ward
/// names; the ticket's ward (chosen in the conversation) narrows a street that several wards share. A street named in
/// more than one ward with nothing to tell them apart is not guessed: the ward's point is used instead, or nothing.
/// </summary>
public sealed class Gazetteer
{
    public const string Street = "street";
    public const string Ward = "ward";
    public const string Landmark = "landmark";

    /// <summary>Words that only say what kind of place follows: "đường Lý Thái Tổ" is "Lý Thái Tổ".</summary>
    private static readonly string[] KindWords = ["phuong", "xa", "thi tran", "duong", "pho", "ngo", "ngach", "hem", "kiet", "p", "d", "tt"];

    private readonly IReadOnlyList<(Place Place, string Key)> _streets;
    private readonly IReadOnlyList<(Place Place, string Key)> _wards;

    public Gazetteer(IEnumerable<Place> places)
    {
        var keyed = places.Select(p => (Place: p, Key: Key(p.Name))).Where(p => p.Key.Length >= 3).ToList();
        // Longest names first: "Trần Hưng Đạo" before a shorter name it contains.
        _streets = keyed.Where(p => p.Place.Kind is Street or Landmark).OrderByDescending(p => p.Key.Length).ToList();
        _wards = keyed.Where(p => p.Place.Kind == Ward).OrderByDescending(p => p.Key.Length).ToList();
    }

    public static readonly Gazetteer Empty = new([]);

    public int Count => _streets.Count + _wards.Count;

    public GeocodedPlace? Locate(string? typed, string? areaCode)
    {
        var text = $" {TextNormalizer.Normalize(typed)} ";
        var ward = _wards.FirstOrDefault(w => areaCode is not null && w.Place.AreaCode == areaCode).Place
            ?? Single(_wards.Where(w => Contains(text, w.Key)).Select(w => w.Place));

        if (text.Trim().Length > 0)
        {
            var streets = _streets.Where(s => Contains(text, s.Key)).ToList();
            if (streets.Count > 0)
            {
                // The longest name that matched, in the ticket's (or the typed) ward when it is known.
                var longest = streets.Where(s => s.Key.Length == streets[0].Key.Length).Select(s => s.Place).ToList();
                var street = ward is null ? Single(longest) : longest.FirstOrDefault(s => s.AreaCode == ward.AreaCode) ?? Single(longest.Where(s => s.AreaCode is null));
                if (street is not null) return new(street.Latitude, street.Longitude, street.Kind == Landmark ? Landmark : Street, street.Name);
            }
        }
        return ward is null ? null : new(ward.Latitude, ward.Longitude, Ward, ward.Name);
    }

    /// <summary>The name as matched: no case, no diacritics, no leading kind word ("Phường Kinh Bắc" → "kinh bac").</summary>
    public static string Key(string name)
    {
        var key = TextNormalizer.Normalize(name);
        foreach (var word in KindWords)
            if (key.StartsWith(word + " ", StringComparison.Ordinal)) return key[(word.Length + 1)..];
        return key;
    }

    private static bool Contains(string paddedText, string key) => paddedText.Contains($" {key} ", StringComparison.Ordinal);

    private static Place? Single(IEnumerable<Place> places)
    {
        using var e = places.GetEnumerator();
        if (!e.MoveNext()) return null;
        var first = e.Current;
        return e.MoveNext() ? null : first;
    }
}
