using ZaloBot.Domain.Conversations;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Conversations;

/// <summary>Translates a Zalo webhook event into what the conversation engine understands, or null when it concerns no conversation.</summary>
public static class CitizenInputs
{
    public static ConversationInput? From(ZaloEvent zaloEvent) => zaloEvent switch
    {
        UserMessageEvent m => FromMessage(m),
        FollowEvent { IsFollow: true } f => new FollowInput(f.Source, f.Timestamp),
        FollowEvent f => new UnfollowInput(f.Timestamp),
        UserSubmitInfoEvent info => new UserInfoInput(info.Name, info.Phone, info.Address, info.Timestamp),
        _ => null,
    };

    private static ConversationInput FromMessage(UserMessageEvent m)
    {
        var kind = m.EventName[(m.EventName.LastIndexOf('_') + 1)..];
        switch (kind)
        {
            case "text":
                return new TextInput(m.Text ?? "", m.Timestamp);
            case "image":
                var urls = m.Attachments.Where(a => a.Url is not null).Select(a => a.Url!).ToList();
                return urls.Count > 0 ? new ImagesInput(urls, m.Text, m.Timestamp) : new UnsupportedInput(kind, m.Timestamp);
            case "file":
                return m.Attachments.FirstOrDefault(a => a.Url is not null) is { } file
                    ? new FileInput(file.Url!, file.Name, file.Size, m.Timestamp)
                    : new UnsupportedInput(kind, m.Timestamp);
            // Kept as files, without transcoding (README, "Evidence"): the evidence downloader checks what the bytes are.
            case "video" or "audio":
                return m.Attachments.FirstOrDefault(a => a.Url is not null) is { } media
                    ? new FileInput(media.Url!, media.Name, media.Size, m.Timestamp, kind)
                    : new UnsupportedInput(kind, m.Timestamp);
            case "location":
                return m.Attachments.FirstOrDefault(a => a.Latitude is not null && a.Longitude is not null) is { } place
                    ? new LocationInput(place.Latitude!.Value, place.Longitude!.Value, place.Description, m.Timestamp)
                    : new UnsupportedInput(kind, m.Timestamp);
            case "card":
                return new UnsupportedInput("business_card", m.Timestamp);
            default:
                return new UnsupportedInput(kind, m.Timestamp);
        }
    }
}
