using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZaloBot.Inbox;
using ZaloBot.Operations;
using ZaloBot.Storage;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

/// <summary>A job whose every run throws something nobody planned for.</summary>
public sealed class ThrowingJob(MigrationState migrations, TimeProvider time, ILogger<ThrowingJob> logger) : PeriodicJob(migrations, time, logger)
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public override string JobName => "throwing-test-job";

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(20);

    protected override Task TickAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        throw new InvalidOperationException("An exception no job expects.");
    }
}

public sealed class ThrowingJobService : ServiceFactory
{
    public ThrowingJobService() => WithServices(s =>
    {
        s.AddSingleton<ThrowingJob>();
        s.AddHostedService(sp => sp.GetRequiredService<ThrowingJob>());
    });
}

/// <summary>
/// With .NET's default, an exception escaping a background service stops the host, webhooks included. Every periodic
/// job runs on <see cref="PeriodicJob"/>, whose one error policy keeps the service up: shown with a job that throws on
/// every run while citizens keep writing.
/// </summary>
public class PeriodicJobFaultTests(ThrowingJobService service) : IClassFixture<ThrowingJobService>
{
    [Fact]
    public async Task A_job_that_throws_on_every_run_keeps_running_and_the_service_keeps_answering_webhooks()
    {
        var client = await service.StartReadyAsync();
        var job = service.Services.GetRequiredService<ThrowingJob>();
        // Backing off, it still runs again after failing (it skips 1, 3, 7 … ticks, never stops).
        await Eventually.TrueAsync(() => Task.FromResult(job.Runs >= 4), "the throwing job to have failed several times");

        var user = "fault-" + Guid.NewGuid().ToString("N")[..8];
        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "Xin chào", user + "-1")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).ShouldNotBeEmpty();

        service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Every_background_loop_of_the_service_is_a_periodic_job_or_one_of_the_named_exceptions()
    {
        // The pipeline's workers wake on signals and have their own retry rules (per message, per event), and the
        // migration and the start-up warm-up run once. Everything else that runs on a clock shares the one policy.
        string[] ownLoops = ["InboxProcessor", "OutboxDispatcher", "EvidenceDownloader", "MigrationHostedService", "WarmUpService", "Idle"];
        var loops = typeof(PeriodicJob).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(BackgroundService).IsAssignableFrom(t))
            .ToList();

        loops.ShouldNotBeEmpty();
        loops.Where(t => !typeof(PeriodicJob).IsAssignableFrom(t) && !ownLoops.Contains(t.Name)).Select(t => t.Name).ShouldBeEmpty();
        loops.Count(t => typeof(PeriodicJob).IsAssignableFrom(t)).ShouldBeGreaterThanOrEqualTo(7);
    }
}
