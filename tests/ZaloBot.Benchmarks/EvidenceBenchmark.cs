using System.Diagnostics;
using System.Security.Cryptography;
using SkiaSharp;
using ZaloBot.Evidence;

namespace ZaloBot.Benchmarks;

/// <summary>
/// What keeping a citizen's photo costs on this machine: thumbnail and EXIF reading, re-encoding for Zalo's 1 MB upload
/// limit, hashing, and writing/reading the stores. Prints figures; asserts nothing.
/// </summary>
public static class EvidenceBenchmark
{
    public static async Task<int> RunAsync(string? s3Endpoint, int runs)
    {
        foreach (var (name, width, height) in new[] { ("2 MP photo (1600x1200)", 1600, 1200), ("12 MP photo (4000x3000)", 4000, 3000) })
        {
            var photo = Photo(width, height);
            var inspect = Time(runs, () => EvidenceImages.Inspect(photo, 320));
            // Declared as WebP so the photo is always re-encoded, as any photo over 1 MB or not JPEG/PNG is.
            var upload = Time(Math.Max(3, runs / 4), () => EvidenceImages.ForZaloUpload(photo, "image/webp"));
            var hash = Time(runs, () => SHA256.HashData(photo));
            var forZalo = EvidenceImages.ForZaloUpload(photo, "image/webp")!.Value.Bytes.Length;
            Console.WriteLine($"{name,-26} {photo.Length / 1024,6:N0} KiB  thumbnail+EXIF p50 {inspect.P50,6:N1} ms  p95 {inspect.P95,6:N1} ms" +
                              $"   re-encode for Zalo p50 {upload.P50,6:N1} ms ({forZalo / 1024:N0} KiB)   SHA-256 p50 {hash.P50,5:N2} ms");
        }

        var file = new byte[1024 * 1024];
        Random.Shared.NextBytes(file);
        var directory = Path.Combine(Path.GetTempPath(), "zalobot-bench-evidence-" + Guid.NewGuid().ToString("N"));
        try
        {
            await StoreAsync("local directory", new LocalEvidenceStore(directory), file, runs);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        if (!string.IsNullOrEmpty(s3Endpoint))
        {
            var bucket = "bench-" + Guid.NewGuid().ToString("N")[..12];
            var options = new S3EvidenceOptions { ServiceUrl = s3Endpoint, Bucket = bucket, AccessKey = "S3RVER", SecretKey = "S3RVER" };
            using var s3 = S3EvidenceStore.CreateClient(options);
            await s3.PutBucketAsync(bucket);
            await StoreAsync($"S3-compatible ({s3Endpoint})", new S3EvidenceStore(s3, bucket, "evidence/"), file, runs);
        }
        return 0;
    }

    private static async Task StoreAsync(string name, IEvidenceStore store, byte[] file, int runs)
    {
        var keys = Enumerable.Range(0, runs).Select(i => $"2026/11/1/{i}-bench.bin").ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var key in keys) await store.PutAsync(key, new MemoryStream(file), "application/octet-stream", CancellationToken.None);
        var write = clock.Elapsed;
        clock.Restart();
        foreach (var key in keys)
        {
            await using var stream = await store.OpenAsync(key, CancellationToken.None);
            await stream!.CopyToAsync(Stream.Null);
        }
        var read = clock.Elapsed;
        foreach (var key in keys) await store.DeleteAsync(key, CancellationToken.None);
        Console.WriteLine($"{name,-40} 1 MiB files, one at a time: write {runs / write.TotalSeconds,7:N1} files/s   read {runs / read.TotalSeconds,7:N1} files/s");
    }

    /// <summary>A photo-like image: gradients and noise, so JPEG sizes are realistic.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(42);
        var pixels = new SKColor[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)random.Next(96, 160));
        bitmap.Pixels = pixels;
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    private static (double P50, double P95) Time(int runs, Action action)
    {
        action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)]);
    }
}
