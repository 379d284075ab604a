namespace ZaloBot.Conversations;

/// <summary>
/// Wakes this process's conversation processor as soon as the receiver has stored an event, so replies do not wait
/// for the next poll. Other replicas still find the event by polling.
/// </summary>
public sealed class ProcessorSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public void Dispose() => _semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
