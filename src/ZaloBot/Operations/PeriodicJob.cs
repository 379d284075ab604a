using Prometheus;
using ZaloBot.Storage;

namespace ZaloBot.Operations;

/// <summary>
/// The one way a periodic job runs: on a <see cref="PeriodicTimer"/> driven by <see cref="TimeProvider"/>, only once
/// the migrations are applied, and with one error policy — any exception from a run is logged and counted
/// (zalobot_job_runs_total{outcome="failed"}), the job backs off (it skips 1, 3, 7 … up to 31 ticks after repeated
/// failures) and tries again. A job never ends the host: with .NET's default, an exception escaping a background
/// service stops the whole process, webhooks included.
/// </summary>
public abstract partial class PeriodicJob(MigrationState migrations, TimeProvider time, ILogger logger) : BackgroundService, IFaultInjectable
{
    private static readonly Counter Runs = Metrics.CreateCounter("zalobot_job_runs_total", "Runs of periodic jobs, by job and outcome (ok, failed).", "job", "outcome");

    /// <summary>The most ticks skipped after repeated failures.</summary>
    public const int MaxSkippedTicks = 31;

    /// <summary>The job's name in logs and metrics.</summary>
    public abstract string JobName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Runs once at start as well as on every tick (gauges, housekeeping that should not wait an interval).</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>A job switched off by its options does not start at all.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One run. Throwing is allowed: the base logs, counts and backs off.</summary>
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    public bool IsEnabled => Enabled;

    public IJobFaults? Faults { get; set; }

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        using var timer = new PeriodicTimer(Interval, time);
        var failures = 0;
        var skip = 0;
        if (RunsAtStart) (failures, skip) = await RunAsync(failures, stoppingToken);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                (failures, skip) = await RunAsync(failures, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<(int Failures, int Skip)> RunAsync(int failures, CancellationToken stoppingToken)
    {
        if (!migrations.IsApplied) return (failures, 0);
        try
        {
            Faults?.BeforeRun(JobName);
            await TickAsync(stoppingToken);
            Runs.WithLabels(JobName, "ok").Inc();
            return (0, 0);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return (failures, 0);
        }
        catch (Exception ex)
        {
            Runs.WithLabels(JobName, "failed").Inc();
            failures++;
            var skip = Math.Min((1 << Math.Min(failures - 1, 5)) - 1, MaxSkippedTicks);
            // A database outage is reported by /readyz and the hot paths: one line without the stack is enough.
            if (StorageErrors.IsUnavailable(ex)) LogUnavailable(logger, JobName, failures, skip, ex.Message);
            else LogFailed(logger, ex, JobName, failures, skip);
            return (failures, skip);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not reach storage (failure {Failures}; skipping {Skip} ticks): {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string job, int failures, int skip, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed (failure {Failures}; skipping {Skip} ticks); it keeps running")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, int failures, int skip);
}
