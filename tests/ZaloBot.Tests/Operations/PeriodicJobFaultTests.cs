using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Operations;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

/// <summary>Throws, in every loop, an exception nobody planned for on its first run; later runs go through.</summary>
public sealed class FirstRunFaults : IJobFaults
{
    private readonly ConcurrentDictionary<string, int> _runs = new();

    public int Runs(string job) => _runs.GetValueOrDefault(job);

    public void BeforeRun(string job)
    {
        if (_runs.AddOrUpdate(job, 1, (_, n) => n + 1) == 1)
            throw new InvalidOperationException($"An exception no job expects, in {job}.");
    }
}

/// <summary>The real service on a fake clock, with the fault seam handed to every background loop as the host starts.</summary>
public sealed class FaultyJobsService : ServiceFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FirstRunFaults Faults { get; } = new();

    public FaultyJobsService() => WithServices(s =>
    {
        s.AddSingleton<TimeProvider>(Clock);
        // First among the hosted services, so every loop has the seam before its first run.
        s.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => new FaultWiring(sp, Faults)));
    });

    private sealed class FaultWiring(IServiceProvider services, IJobFaults faults) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var loop in services.GetServices<IHostedService>().OfType<IFaultInjectable>()) loop.Faults = faults;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// With .NET's default, an exception escaping a background service stops the host, webhooks included. Every loop of
/// the service (the periodic jobs on <see cref="PeriodicJob"/>, the inbox processor, the outbox dispatcher, the
/// evidence downloader) handles one: each throws on its first run, keeps running, and the service keeps answering.
/// </summary>
public class PeriodicJobFaultTests(FaultyJobsService service) : IClassFixture<FaultyJobsService>
{
    /// <summary>Run once at start-up, not on a clock: a failed migration should stop a replica rather than serve without a schema.</summary>
    private static readonly string[] RunOnce = ["MigrationHostedService", "WarmUpService", "Idle"];

    [Fact]
    public async Task Every_loop_survives_an_unexpected_exception_and_the_service_keeps_answering_webhooks()
    {
        var client = await service.StartReadyAsync();
        var loops = service.Services.GetServices<IHostedService>().OfType<IFaultInjectable>().Where(l => l.IsEnabled).ToList();
        loops.Count.ShouldBeGreaterThanOrEqualTo(8, "the periodic jobs, the inbox processor, the outbox dispatcher and the evidence downloader");

        // A citizen writes while the loops fail: the webhook is stored and, once the processor runs again, answered.
        var user = "fault-" + Guid.NewGuid().ToString("N")[..8];
        var response = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "Xin chào", user + "-1", service.Clock.GetUtcNow().ToUnixTimeMilliseconds())));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each clock step is a tick for every job (the longest interval is a day); a job that failed once runs again on the next.
        await Eventually.TrueAsync(() =>
        {
            service.Clock.Advance(TimeSpan.FromDays(1));
            return Task.FromResult(loops.All(l => service.Faults.Runs(l.JobName) >= 2));
        }, "every loop to have failed once and run again: " + string.Join(", ", loops.Select(l => l.JobName)));

        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).ShouldNotBeEmpty();
        var second = await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, "Gửi phản ánh", user + "-2", service.Clock.GetUtcNow().ToUnixTimeMilliseconds())));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Every_background_loop_of_the_service_takes_the_fault_seam_or_runs_once()
    {
        var loops = typeof(PeriodicJob).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(BackgroundService).IsAssignableFrom(t))
            .ToList();

        loops.ShouldNotBeEmpty();
        loops.Where(t => !typeof(IFaultInjectable).IsAssignableFrom(t) && !RunOnce.Contains(t.Name)).Select(t => t.Name).ShouldBeEmpty();
        loops.Count(t => typeof(PeriodicJob).IsAssignableFrom(t)).ShouldBeGreaterThanOrEqualTo(7);
    }
}
