using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ZaloBot.Tests.Evidence;

/// <summary>Real files of the kinds citizens send, made here: photos (with and without a GPS position), video, voice, documents.</summary>
public static class TestFiles
{
    /// <summary>A JPEG photo of the given size; noisy, so its bytes grow with its size as real photos' do.</summary>
    public static byte[] Jpeg(int width = 800, int height = 600, int seed = 1, int quality = 85)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(seed);
        var pixels = new SKColor[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)(i % 256));
        bitmap.Pixels = pixels;
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width = 64, int height = 64)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG with an EXIF APP1 segment holding a GPS position (north-east, as in Vietnam): what a phone camera writes.
    /// </summary>
    public static byte[] JpegWithGps(double latitude, double longitude)
    {
        var jpeg = Jpeg(320, 240);
        var tiff = new byte[128];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        // IFD0: one entry, the pointer to the GPS IFD at offset 26.
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);
        Entry(tiff, 10, 0x8825, 4, 1, 26);
        // GPS IFD at 26: four entries, rationals from offset 80.
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(26), 4);
        Entry(tiff, 28, 0x0001, 2, 2, (uint)'N' << 24);
        Entry(tiff, 40, 0x0002, 5, 3, 80);
        Entry(tiff, 52, 0x0003, 2, 2, (uint)'E' << 24);
        Entry(tiff, 64, 0x0004, 5, 3, 104);
        Dms(tiff, 80, latitude);
        Dms(tiff, 104, longitude);

        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
    }

    private static void Dms(byte[] tiff, int at, double value)
    {
        var degrees = Math.Floor(value);
        var minutes = Math.Floor((value - degrees) * 60);
        var seconds = ((value - degrees) * 60 - minutes) * 60;
        uint[] parts = [(uint)degrees, 1, (uint)minutes, 1, (uint)Math.Round(seconds * 10000), 10000];
        for (var i = 0; i < parts.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + i * 4), parts[i]);
    }

    /// <summary>The start of an MP4 (an ftyp box), followed by filler: the downloader keeps video without decoding it.</summary>
    public static byte[] Mp4(int size = 4096) => Box("ftyp", "isom\0\0\u0002\0isomiso2mp41", size);

    /// <summary>An AMR voice message, as Zalo's voice notes are stored.</summary>
    public static byte[] Amr(int size = 2048)
    {
        var bytes = new byte[size];
        "#!AMR\n"u8.CopyTo(bytes);
        new Random(3).NextBytes(bytes.AsSpan(6));
        return bytes;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    private static byte[] Box(string type, string body, int size)
    {
        var bytes = new byte[size];
        var header = Encoding.Latin1.GetBytes(type + body);
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(header.Length + 4));
        header.CopyTo(bytes, 4);
        new Random(2).NextBytes(bytes.AsSpan(4 + header.Length));
        return bytes;
    }
}
