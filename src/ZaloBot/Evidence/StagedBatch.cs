namespace ZaloBot.Evidence;

/// <summary>
/// The photos one submission staged. They belong to the ticket once it is committed (<see cref="Keep"/>); a submission
/// that fails, is cancelled or turns out to be a repeat removes them on dispose, so nothing is left in the store with
/// nothing pointing at it.
/// </summary>
public sealed partial class StagedBatch(IEvidenceStore store, ILogger logger) : IAsyncDisposable
{
    private readonly List<string> _keys = [];
    private bool _kept;

    /// <summary>Stages one upload and returns the source to enqueue as the attachment's URL.</summary>
    public async Task<string> PutAsync(Stream content, string contentType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = await StagedUploads.PutAsync(store, content, contentType, now, cancellationToken);
        _keys.Add(StagedUploads.KeyOf(source)!);
        return source;
    }

    public void Keep() => _kept = true;

    public async ValueTask DisposeAsync()
    {
        if (_kept) return;
        foreach (var key in _keys)
        {
            try
            {
                // Not the request's token: a cancelled request is one of the reasons to clean up.
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogDiscardFailed(logger, ex, key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staged upload {StorageKey} of a submission that was not filed could not be removed")]
    private static partial void LogDiscardFailed(ILogger logger, Exception exception, string storageKey);
}
