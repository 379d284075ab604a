namespace ZaloBot.Evidence;

/// <summary>Where evidence bytes live. Keys are opaque paths made by the service ("2026/11/42-3f…a1.jpg").</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the file; the stream is read to its end. Writing the same key again replaces it.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when the key holds nothing.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a missing key is not an error (deletes are retried by the sweeper).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
