using SkiaSharp;
using ZaloBot.Simulator;

namespace ZaloBot.Evidence;

/// <summary>
/// In simulator mode, the chat page's "sample photo" is served by the built-in fake Zalo (there is no outside network
/// to fetch one from), so the whole evidence path — download, hash, thumbnail — runs under scripts/run.sh.
/// </summary>
public static class SimulatorSamplePhoto
{
    public const string Name = "sample.jpg";

    public static void Register(SimulatorMedia media) => media.Put(Name, new MediaFile(Draw(), "image/jpeg"));

    /// <summary>A flooded street, roughly: sky, houses, a road under water.</summary>
    public static byte[] Draw(int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { IsAntialias = true };
            canvas.Clear(new SKColor(0xB3, 0xD9, 0xF2));
            paint.Color = new SKColor(0xC8, 0x9F, 0x7A);
            for (var x = 20; x < width; x += 150) canvas.DrawRect(x, height * 0.25f, 110, height * 0.35f, paint);
            paint.Color = new SKColor(0x55, 0x55, 0x55);
            canvas.DrawRect(0, height * 0.6f, width, height * 0.4f, paint);
            paint.Color = new SKColor(0x5A, 0x7D, 0x9A, 0xC0);
            canvas.DrawOval(width / 2f, height * 0.8f, width * 0.45f, height * 0.12f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
