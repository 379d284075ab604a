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

    /// <summary>A button of any kind Zalo offers; <see cref="TextWithButtons"/> covers the common oa.query.show case.</summary>
    public static JsonObject QueryButton(string title, string payload, bool hidden = false) =>
        new() { ["title"] = title, ["type"] = hidden ? "oa.query.hide" : "oa.query.show", ["payload"] = payload };

    public static JsonObject UrlButton(string title, Uri url) =>
        new() { ["title"] = title, ["type"] = "oa.open.url", ["payload"] = new JsonObject { ["url"] = url.ToString() } };

    public static JsonObject PhoneButton(string title, string phoneCode) =>
        new() { ["title"] = title, ["type"] = "oa.open.phone", ["payload"] = new JsonObject { ["phone_code"] = phoneCode } };

    /// <summary>Text with explicit buttons (query, URL or phone), at most <see cref="MaxButtonsPerMessage"/>.</summary>
    public static JsonObject TextWithButtons(string text, IReadOnlyList<JsonObject> buttons)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buttons.Count, MaxButtonsPerMessage);
        return new JsonObject
        {
            ["text"] = text,
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["buttons"] = new JsonArray(buttons.Select(b => (JsonNode)b.DeepClone()).ToArray()) },
            },
        };
    }

    public sealed record ListElement(string Title, string? Subtitle, Uri? ImageUrl, string? QueryPayload);

    /// <summary>Zalo's list template (up to 5 elements); pressing an element sends its payload back like a button.</summary>
    public static JsonObject List(IReadOnlyList<ListElement> elements) => new()
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "list",
                ["elements"] = new JsonArray(elements.Take(MaxButtonsPerMessage).Select(e =>
                {
                    var element = new JsonObject { ["title"] = e.Title };
                    if (e.Subtitle is not null) element["subtitle"] = e.Subtitle;
                    if (e.ImageUrl is not null) element["image_url"] = e.ImageUrl.ToString();
                    if (e.QueryPayload is not null) element["default_action"] = new JsonObject { ["type"] = "oa.query.show", ["payload"] = e.QueryPayload };
                    return (JsonNode)element;
                }).ToArray()),
            },
        },
    };

    /// <summary>An image by URL, or by an attachment id from the upload endpoint.</summary>
    public static JsonObject Image(Uri? url = null, string? attachmentId = null, string? caption = null)
    {
        if (url is null == attachmentId is null) throw new ArgumentException("Give either an image URL or an attachment id.");
        var element = new JsonObject { ["media_type"] = "image" };
        if (url is not null) element["url"] = url.ToString();
        else element["attachment_id"] = attachmentId;
        var message = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["template_type"] = "media", ["elements"] = new JsonArray(element) },
            },
        };
        if (caption is not null) message["text"] = caption;
        return message;
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
