using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZaloBot.Domain.Tickets;
using ZaloBot.Fuzz;
using ZaloBot.Staff;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Fuzz;

/// <summary>
/// The short fuzz run of the test suite: a few thousand seeded hostile requests at the real service on real
/// PostgreSQL (in memory; the long run over real HTTP is <c>scripts/bench.sh fuzz</c>). A failure prints the seed
/// and case index that reproduce it; every such case becomes a named regression test (HostileInputTests).
/// </summary>
public class ShortFuzzTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData(20261125UL, 3_000)]
    public async Task Hostile_requests_never_get_a_5xx_and_valid_events_sent_alongside_are_all_stored(ulong seed, int count)
    {
        var client = await service.StartReadyAsync();
        var store = service.Services.GetRequiredService<StaffStore>();
        var admin = await store.CreateAsync("Fuzz admin", StaffRole.Admin, null, CancellationToken.None);
        var token = (await store.IssueTokenAsync(admin.Id, TimeSpan.FromDays(1), "fuzz", CancellationToken.None))!.Token;
        var target = new FuzzTarget(ServiceFactory.AppId, ServiceFactory.OaId, ServiceFactory.OaSecretKey, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var report = await FuzzRunner.RunAsync(client, new FuzzOptions(target, seed, count, Concurrency: 8, token));

        output.WriteLine(report.Summary(seed));
        report.Failures.ShouldBeEmpty(report.Summary(seed));
        report.ServerErrors.ShouldBe(0);
        report.ConnectionErrors.ShouldBe(0);
        report.ValidSent.ShouldBeGreaterThan(count / 20);
        report.ValidAcknowledged.ShouldBe(report.ValidSent);
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from inbox where dedupe_key = any(@keys)", new { keys = report.ValidDedupeKeys.ToArray() }))
            .ShouldBe(report.ValidSent);
    }
}
