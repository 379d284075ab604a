using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace ZaloBot.Open311;

/// <summary>One GeoReport v2 object: its fields in the spec's order, by the spec's names. A nested list is a list of objects.</summary>
public sealed class Open311Object(string xmlName) : List<KeyValuePair<string, object?>>
{
    public string XmlName { get; } = xmlName;

    public Open311Object Set(string name, object? value)
    {
        Add(new(name, value));
        return this;
    }
}

/// <summary>A list of objects under the spec's XML root (services, service_requests, errors); in JSON a bare array.</summary>
public sealed record Open311List(string XmlRoot, IReadOnlyList<Open311Object> Items);

/// <summary>
/// Writes GeoReport v2 JSON and XML by hand: the spec's field names are snake_case and its XML has fixed element
/// names, neither of which a serializer's defaults give. UTF-8 with the XML declaration, as the spec requires.
/// </summary>
public static class Open311Format
{
    public const string Json = "json";
    public const string Xml = "xml";

    public static bool IsKnown(string? format) => format is Json or Xml;

    public static IResult Result(Open311List list, string format, int statusCode = StatusCodes.Status200OK) =>
        format == Xml
            ? Results.Text(WriteXml(list), "text/xml; charset=utf-8", Encoding.UTF8, statusCode)
            : Results.Text(WriteJson(list), "application/json; charset=utf-8", Encoding.UTF8, statusCode);

    /// <summary>One object at the top level (a service definition): a JSON object, or an XML document rooted at the object's name.</summary>
    public static IResult OneObject(Open311Object item, string format)
    {
        if (format == Xml)
        {
            var builder = new StringBuilder();
            using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), new XmlWriterSettings { Encoding = Encoding.UTF8 }))
            {
                writer.WriteStartDocument();
                WriteXmlObject(writer, item);
                writer.WriteEndDocument();
            }
            return Results.Text(builder.ToString(), "text/xml; charset=utf-8", Encoding.UTF8);
        }
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJsonObject(writer, item);
        return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The spec's error shape: a list of {code, description}, with the HTTP status the same code.</summary>
    public static IResult Error(string? format, int statusCode, string description) =>
        Result(new Open311List("errors", [new Open311Object("error").Set("code", statusCode).Set("description", description)]),
            IsKnown(format) ? format! : Json, statusCode);

    public static string WriteJson(Open311List list)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var item in list.Items) WriteJsonObject(writer, item);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteJsonObject(Utf8JsonWriter writer, Open311Object item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d: writer.WriteNumberValue(d); break;
                case DateTimeOffset t: writer.WriteStringValue(Timestamp(t)); break;
                case IEnumerable<Open311Object> children:
                    writer.WriteStartArray();
                    foreach (var child in children) WriteJsonObject(writer, child);
                    writer.WriteEndArray();
                    break;
                default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
        writer.WriteEndObject();
    }

    public static string WriteXml(Open311List list)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(list.XmlRoot);
            foreach (var item in list.Items) WriteXmlObject(writer, item);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return builder.ToString();
    }

    private static void WriteXmlObject(XmlWriter writer, Open311Object item)
    {
        writer.WriteStartElement(item.XmlName);
        foreach (var (name, value) in item)
        {
            writer.WriteStartElement(name);
            switch (value)
            {
                case null: break;
                case bool b: writer.WriteString(b ? "true" : "false"); break;
                case DateTimeOffset t: writer.WriteString(Timestamp(t)); break;
                case double d: writer.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case IEnumerable<Open311Object> children:
                    foreach (var child in children) WriteXmlObject(writer, child);
                    break;
                default: writer.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>W3C date-time in Vietnam's offset, as people here read it (the spec allows any offset).</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>The declaration must say UTF-8; a plain StringWriter would make it say UTF-16.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
