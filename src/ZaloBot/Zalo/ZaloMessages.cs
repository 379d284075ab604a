using System.Text.Json.Nodes;

namespace ZaloBot.Zalo;

/// <summary>
/// Builders for Zalo's "message" object (the part of a send request after "recipient"), as the outbox stores it.
/// Shapes follow Zalo's OA API v3 consultation messages.
/// </summary>
public static class ZaloMessages
{
    /// <summary>Zalo shows at most this many buttons under one message; longer lists continue in a follow-up.</summary>
    public const int MaxButtonsPerMessage = 5;

    public const string ContinuationText = "Hoặc chọn:";

    public static JsonObject Text(string text) => new() { ["text"] = text };

    /// <summary>Text with buttons whose payload comes back as the user's visible message (oa.query.show).</summary>
    public static IReadOnlyList<JsonObject> TextWithButtons(string text, IReadOnlyList<(string Title, string Payload)> buttons)
    {
        if (buttons.Count == 0) return [Text(text)];
        return buttons.Chunk(MaxButtonsPerMessage)
            .Select((chunk, i) => new JsonObject
            {
                ["text"] = i == 0 ? text : ContinuationText,
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject
                    {
                        ["buttons"] = new JsonArray(chunk.Select(b => (JsonNode)new JsonObject
                        {
                            ["title"] = b.Title,
                            ["type"] = "oa.query.show",
                            ["payload"] = b.Payload,
                        }).ToArray()),
                    },
                },
            })
            .ToList();
    }

    /// <summary>Zalo's request-user-info form; the user's answer arrives as a user_submit_info event.</summary>
    public static JsonObject RequestUserInfo(string title, string subtitle, string? imageUrl = null) => new()
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "request_user_info",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["title"] = title,
                    ["subtitle"] = subtitle,
                    ["image_url"] = imageUrl ?? "",
                }),
            },
        },
    };
}
