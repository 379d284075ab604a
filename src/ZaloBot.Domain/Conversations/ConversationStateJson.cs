using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// The state's JSON written by the compiler rather than discovered by reflection at run time: every citizen's turn reads
/// and writes it, and a new replica would otherwise build the serializer's metadata on its first turns. The shape is
/// exactly the reflection serializer's with default options (the stored states and the tests rely on it).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ConversationStateJson : JsonSerializerContext;
