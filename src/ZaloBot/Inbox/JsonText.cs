using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ZaloBot.Inbox;

/// <summary>
/// Reads JSON strings without ever throwing. <see cref="JsonElement.GetString"/> throws for an escaped lone surrogate
/// (<c>"\ud800"</c>), which is valid JSON text that any sender can put in any field — before this, such a body made the
/// webhook answer 500 before its signature was even checked. Here the lone surrogate is kept in the .NET string, so the
/// caller decides: refuse it (an identifier, see <see cref="ZaloBot.Domain.Text.SafeText.Check(string?)"/>) or clean it
/// (a citizen's words). Real senders produce them too: a JavaScript client that cuts a message in the middle of an emoji.
/// </summary>
public static class JsonText
{
    /// <summary>The string value of a JSON string element, lone surrogates kept.</summary>
    public static string Read(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    /// <summary>The name of a JSON property, lone surrogates kept.</summary>
    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Unescape(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property)));
        }
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> that does not throw when a sibling's name is an
    /// escaped lone surrogate (it throws while comparing names; found by the fuzzer: <c>"sender":{"\ud83d":1}</c>).
    /// Like it, the last of duplicate names wins.
    /// </summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            var found = false;
            value = default;
            foreach (var property in element.EnumerateObject())
            {
                if (!string.Equals(Name(property), name, StringComparison.Ordinal)) continue;
                value = property.Value;
                found = true;
            }
            return found;
        }
    }

    /// <summary>
    /// Decodes the escapes of a JSON string token (quotes optional). The token has already been validated by the JSON
    /// parser, so every escape is well-formed; only surrogate pairing is left unchecked, on purpose.
    /// </summary>
    public static string Unescape(string raw)
    {
        var span = raw.AsSpan();
        if (span.Length >= 2 && span[0] == '"' && span[^1] == '"') span = span[1..^1];
        var builder = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c != '\\' || i + 1 >= span.Length)
            {
                builder.Append(c);
                continue;
            }
            var escape = span[++i];
            switch (escape)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < span.Length
                              && ushort.TryParse(span.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(escape); break; // \" \\ \/
            }
        }
        return builder.ToString();
    }
}
