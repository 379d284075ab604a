using Microsoft.Extensions.Logging.Abstractions;
using ZaloBot.Evidence;

namespace ZaloBot.Tests.Evidence;

/// <summary>Photos staged by a submission on a real store on disk: kept once filed, removed when it was not.</summary>
public sealed class StagedBatchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zalobot-staged-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(LocalEvidenceStore Store, string[] Keys)> StageTwoAsync(bool keep)
    {
        var store = new LocalEvidenceStore(_root);
        var sources = new List<string>();
        await using (var batch = new StagedBatch(store, NullLogger.Instance))
        {
            foreach (var bytes in new[] { "ảnh 1"u8.ToArray(), "ảnh 2"u8.ToArray() })
                sources.Add(await batch.PutAsync(new MemoryStream(bytes), "image/jpeg", DateTimeOffset.UtcNow, CancellationToken.None));
            if (keep) batch.Keep();
        }
        return (store, sources.Select(s => StagedUploads.KeyOf(s)!).ToArray());
    }

    [Fact]
    public async Task A_submission_that_was_not_filed_leaves_no_staged_photo_behind()
    {
        var (store, keys) = await StageTwoAsync(keep: false);

        keys.Length.ShouldBe(2);
        foreach (var key in keys) (await store.OpenAsync(key, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_filed_submission_keeps_its_staged_photos_for_the_downloader()
    {
        var (store, keys) = await StageTwoAsync(keep: true);

        foreach (var key in keys)
        {
            await using var kept = await store.OpenAsync(key, CancellationToken.None);
            kept.ShouldNotBeNull();
        }
    }
}
