using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace ZaloBot.Evidence;

/// <summary>What a stored photo tells staff: its size, where and when it was taken (EXIF), and a small preview.</summary>
public sealed record PhotoFacts(int? Width, int? Height, double? Latitude, double? Longitude, DateTimeOffset? TakenAt, byte[]? Thumbnail);

/// <summary>
/// Thumbnails and re-encoding with SkiaSharp (MIT; Google's Skia underneath), chosen over ImageSharp, whose current
/// versions need a paid licence for larger organisations, and over NetVips, whose native libvips build is LGPL.
/// Re-encoded images carry no metadata, so a thumbnail never leaks a photo's position.
/// </summary>
public static class EvidenceImages
{
    // A "photo" that decodes to more pixels than this is refused a thumbnail rather than allowed to exhaust memory.
    private const long MaxPixels = 80_000_000;

    /// <summary>Zalo's upload API takes JPEG or PNG up to 1 MB.</summary>
    public const int ZaloMaxUploadBytes = 1024 * 1024;

    public static PhotoFacts Inspect(byte[] bytes, int thumbnailSize)
    {
        var (lat, lon, taken) = ReadExif(bytes);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return new PhotoFacts(null, null, lat, lon, taken, null);
        var info = codec.Info;
        byte[]? thumbnail = null;
        if ((long)info.Width * info.Height <= MaxPixels)
        {
            using var bitmap = Decode(codec, thumbnailSize);
            if (bitmap is not null) thumbnail = EncodeJpeg(bitmap, thumbnailSize, 80);
        }
        return new PhotoFacts(info.Width, info.Height, lat, lon, taken, thumbnail);
    }

    /// <summary>
    /// A JPEG or PNG within Zalo's upload limit: the photo itself when it already fits, otherwise re-encoded as JPEG,
    /// smaller each round until it does. Null when the bytes are no image Skia can decode.
    /// </summary>
    public static (byte[] Bytes, string ContentType)? ForZaloUpload(byte[] bytes, string contentType)
    {
        if (bytes.Length <= ZaloMaxUploadBytes && contentType is "image/jpeg" or "image/png") return (bytes, contentType);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
        // Zalo shows photos at phone size: 1,600 pixels on the long side is plenty, and each round is smaller still.
        using var bitmap = Decode(codec, 1600);
        if (bitmap is null) return null;
        foreach (var (side, quality) in new[] { (1600, 85), (1280, 80), (1024, 75), (800, 70) })
        {
            var jpeg = EncodeJpeg(bitmap, side, quality);
            if (jpeg.Length <= ZaloMaxUploadBytes) return (jpeg, "image/jpeg");
        }
        return null;
    }

    private static (double? Lat, double? Lon, DateTimeOffset? Taken) ReadExif(byte[] bytes)
    {
        try
        {
            var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes, writable: false));
            var gps = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
            DateTimeOffset? taken = null;
            if (directories.OfType<ExifSubIfdDirectory>().FirstOrDefault() is { } exif && exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var at))
                taken = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), TimeSpan.FromHours(7)); // camera clocks in Vietnam
            return gps is { IsZero: false } g && Math.Abs(g.Latitude) <= 90 && Math.Abs(g.Longitude) <= 180
                ? (g.Latitude, g.Longitude, taken)
                : (null, null, taken);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            // A photo whose metadata is damaged is still evidence: keep it without the metadata.
            return (null, null, null);
        }
    }

    /// <summary>Decodes at the smallest scale the codec offers whose long side is still at least <paramref name="side"/>, upright.</summary>
    private static SKBitmap? Decode(SKCodec codec, int side)
    {
        // JPEG decoders scale by 1/2, 1/4 or 1/8 almost for free: take the smallest that still covers the side, so a
        // 12 MP photo is never decoded whole for a thumbnail, and the final resize is a small, cheap step.
        var size = codec.Info.Size;
        foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= side)
            {
                size = scaled;
                break;
            }
        }
        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            return null;
        }
        return Orient(bitmap, codec.EncodedOrigin);
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return bitmap;
        var swap = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using (var canvas = new SKCanvas(rotated))
        {
            switch (origin)
            {
                case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f); break;
                case SKEncodedOrigin.RightTop: canvas.Translate(rotated.Width, 0); canvas.RotateDegrees(90); break;
                case SKEncodedOrigin.LeftBottom: canvas.Translate(0, rotated.Height); canvas.RotateDegrees(270); break;
                case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, bitmap.Width / 2f, 0); break;
                case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
                default: break; // mirrored rotations are rare enough to show as stored
            }
            canvas.DrawBitmap(bitmap, 0, 0);
        }
        bitmap.Dispose();
        return rotated;
    }

    private static byte[] EncodeJpeg(SKBitmap bitmap, int maxSide, int quality)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var resized = scale < 1 ? bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)) : null;
        using var image = SKImage.FromBitmap(resized ?? bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return encoded.ToArray();
    }
}
