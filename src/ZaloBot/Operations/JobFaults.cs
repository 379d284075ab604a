namespace ZaloBot.Operations;

/// <summary>
/// A seam for the fault suite. Every background loop calls <see cref="BeforeRun"/> at the start of each run, inside
/// its own error policy, so an exception thrown there is handled exactly as one from the work itself. The service
/// registers none (each call is a null check); the tests register one that throws what nobody planned for.
/// </summary>
public interface IJobFaults
{
    void BeforeRun(string job);
}

/// <summary>A background loop of the service that takes the fault seam (every one that runs more than once).</summary>
public interface IFaultInjectable
{
    string JobName { get; }

    /// <summary>False when its options switch the loop off: it never runs, so it cannot fail either.</summary>
    bool IsEnabled { get; }

    IJobFaults? Faults { get; set; }
}
