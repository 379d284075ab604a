using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using ZaloBot.Domain.Text;

namespace ZaloBot.Inbox;

/// <summary>
/// The natural key under which a redelivered event collides with its first delivery: Zalo's message id where the
/// event has one, otherwise a hash of the event's canonical JSON (properties sorted, whitespace dropped), so a
/// redelivery that re-serialises the same event still matches.
/// </summary>
public static class EventDedupeKey
{
    public static string For(ZaloEvent zaloEvent, JsonElement root) =>
        zaloEvent.MessageId is { Length: > 0 } msgId
            ? $"{zaloEvent.EventName}:{msgId}"
            : "sha256:" + CanonicalHash(root);

    public static string CanonicalHash(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, root);
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                // JsonText/SafeText: a name or value with an escaped lone surrogate cannot be read or re-written as is
                // (it threw, and the webhook answered 500); it is hashed with U+FFFD in its place instead.
                foreach (var property in element.EnumerateObject().Select(p => (Name: JsonText.Name(p), p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(SafeText.HasLoneSurrogate(property.Name) ? SafeText.Clean(property.Name) : property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String when JsonText.Read(element) is var text && SafeText.HasLoneSurrogate(text):
                writer.WriteStringValue(SafeText.Clean(text));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
