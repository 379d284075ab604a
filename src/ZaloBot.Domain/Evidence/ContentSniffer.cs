namespace ZaloBot.Domain.Evidence;

/// <summary>What the first bytes of a file say it is: a MIME type and the kind of evidence it can be.</summary>
public sealed record SniffedContent(string ContentType, string Kind, string Extension);

/// <summary>The verdict on one download: accepted as what it is, or refused with the reason staff will read.</summary>
public sealed record ContentVerdict(SniffedContent? Content, string? Refusal)
{
    public bool Accepted => Content is not null;
}

/// <summary>
/// Recognises the formats citizens send through Zalo from their magic bytes, so that a link called photo.jpg that
/// serves an HTML page or a program is refused rather than kept as a "photo". Names and declared MIME types are
/// never trusted: only the bytes decide.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to see.</summary>
    public const int HeaderLength = 64;

    public static SniffedContent? Sniff(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, [0xFF, 0xD8, 0xFF])) return new("image/jpeg", "image", "jpg");
        if (StartsWith(head, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", "image", "png");
        if (StartsWith(head, "GIF87a"u8) || StartsWith(head, "GIF89a"u8)) return new("image/gif", "image", "gif");
        if (StartsWith(head, "RIFF"u8) && head.Length >= 12)
        {
            var form = head.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8)) return new("image/webp", "image", "webp");
            if (form.SequenceEqual("WAVE"u8)) return new("audio/wav", "audio", "wav");
            if (form.SequenceEqual("AVI "u8)) return new("video/x-msvideo", "video", "avi");
        }
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8)) return Iso(head.Slice(8, 4));
        if (StartsWith(head, [0x1A, 0x45, 0xDF, 0xA3])) return new("video/webm", "video", "webm");
        if (StartsWith(head, "#!AMR"u8)) return new("audio/amr", "audio", "amr");
        if (StartsWith(head, "OggS"u8)) return new("audio/ogg", "audio", "ogg");
        if (StartsWith(head, "ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0))
            return new("audio/mpeg", "audio", "mp3");
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0) return new("audio/aac", "audio", "aac");
        if (StartsWith(head, "%PDF-"u8)) return new("application/pdf", "file", "pdf");
        // Office documents (docx, xlsx) are zip containers; old ones (doc, xls) are OLE compound files.
        if (StartsWith(head, [(byte)'P', (byte)'K', 0x03, 0x04])) return new("application/zip", "file", "zip");
        if (StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return new("application/x-ole-storage", "file", "doc");
        return null;
    }

    /// <summary>
    /// Accepts the bytes when they are a format the declared kind may carry: an image must be an image, a video a
    /// video, a voice message audio; a file may be a document or any of those (people send photos as files).
    /// </summary>
    public static ContentVerdict Check(string declaredKind, ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return new(null, "empty: the link answered with no bytes");
        var sniffed = Sniff(head);
        if (sniffed is null)
            return new(null, LooksLikeMarkup(head)
                ? $"mislabelled: declared {declaredKind}, but the link served a web page, not a file"
                : $"unrecognised content: declared {declaredKind}, but the bytes are no image, video, audio or document format we keep");
        var fits = declaredKind switch
        {
            "image" => sniffed.Kind == "image",
            "video" => sniffed.Kind == "video",
            "audio" => sniffed.Kind == "audio" || sniffed.ContentType == "audio/mp4",
            _ => true,
        };
        return fits ? new(sniffed, null) : new(null, $"mislabelled: declared {declaredKind}, but the bytes are {sniffed.ContentType}");
    }

    private static SniffedContent Iso(ReadOnlySpan<byte> brand)
    {
        if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            return new("image/heic", "image", "heic");
        if (brand.SequenceEqual("avif"u8)) return new("image/avif", "image", "avif");
        if (brand.SequenceEqual("M4A "u8)) return new("audio/mp4", "audio", "m4a");
        if (brand.SequenceEqual("qt  "u8)) return new("video/quicktime", "video", "mov");
        if (brand.StartsWith("3g"u8)) return new("video/3gpp", "video", "3gp");
        return new("video/mp4", "video", "mp4");
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            return b == (byte)'<';
        }
        return false;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) => head.StartsWith(magic);
}
