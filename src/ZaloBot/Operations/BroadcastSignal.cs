namespace ZaloBot.Operations;

/// <summary>
/// Wakes every worker waiting in this process (each may own different work), remembering a notification that came
/// while a worker was busy: a worker notes <see cref="Generation"/> before looking for work and waits only if nothing
/// was notified since.
/// </summary>
public abstract class BroadcastSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Notify()
    {
        // Generation first: a waiter that checks it after this line returns at once; one that checked before holds
        // the completion source completed below.
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits until a notification after <paramref name="seen"/>, or the timeout; true when notified.</summary>
    public async Task<bool> WaitAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        if (Generation != seen) return true;
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
