using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Oas;
using ZaloBot.Operations;
using ZaloBot.Tests.Oas;

namespace ZaloBot.Tests.Operations;

/// <summary>
/// The operators' command-line commands as a shell runs them (the dispatcher's registered commands, the real database,
/// the simulator as Zalo): exit codes, what they print, and that nothing is stored when they refuse.
/// </summary>
public class AdminCommandTests(TwoOaService service) : IClassFixture<TwoOaService>
{
    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        await service.StartReadyAsync();
        var command = service.Services.GetServices<IAdminCommand>().Single(c => c.Name == args[0]);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await command.RunAsync(service.Services, args, new CommandOutput(output, error), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Zalo_add_oa_refuses_a_bad_id_or_an_unknown_agency_and_then_connects_the_oa()
    {
        (await RunAsync("zalo")).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("usage: zalo add-oa"));
        (await RunAsync("zalo", "add-oa", "ward oa!", "Phường Kinh Bắc")).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("is not an OA id"));
        (await RunAsync("zalo", "add-oa", "cli-oa", "Phường Kinh Bắc", "--agency", "NOPE")).ShouldSatisfyAllConditions(
            r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("nothing was stored"));
        (await service.Services.GetRequiredService<OaDirectory>().FindAsync("cli-oa", CancellationToken.None)).ShouldBeNull();

        var added = await RunAsync("zalo", "add-oa", "cli-oa", "Phường Kinh Bắc", "--agency", "UBND-KB");

        added.Exit.ShouldBe(0, added.Error);
        added.Out.ShouldContain("zalo set-refresh-token --oa cli-oa");
        (await service.Services.GetRequiredService<OaDirectory>().FindAsync("cli-oa", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Zalo_set_refresh_token_stores_what_zalo_accepts_and_never_prints_a_token()
    {
        (await RunAsync("zalo", "add-oa", TwoOaService.WardOa, "Phường Kinh Bắc", "--agency", "UBND-KB")).Exit.ShouldBe(0);

        var refused = await RunAsync("zalo", "set-refresh-token", "--oa", TwoOaService.WardOa, "not-a-token-zalo-issued");
        refused.Exit.ShouldBe(1);
        refused.Error.ShouldContain("Zalo refused this refresh token; nothing was stored");

        var accepted = await RunAsync("zalo", "set-refresh-token", "--oa", TwoOaService.WardOa, TwoOaService.WardRefreshToken);
        accepted.Exit.ShouldBe(0, accepted.Error);
        accepted.Out.ShouldContain($"Zalo accepted the refresh token for OA {TwoOaService.WardOa}");
        (accepted.Out + accepted.Error).ShouldNotContain(TwoOaService.WardRefreshToken);
    }

    [Fact]
    public async Task Staff_add_prints_a_token_once_and_staff_console_gives_a_password_link()
    {
        (await RunAsync("staff", "add", "--name", "Nguyễn An", "--role", "mayor")).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("--role"));
        (await RunAsync("staff", "enrol", "--id", "x")).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("usage: staff enrol"));

        var added = await RunAsync("staff", "add", "--name", "Nguyễn An", "--role", "admin");
        added.Exit.ShouldBe(0, added.Error);
        var id = System.Text.RegularExpressions.Regex.Match(added.Out, @"Staff #(\d+)").Groups[1].Value;
        added.Out.ShouldContain("Bearer token");

        var link = await RunAsync("staff", "console", "--id", id, "--login", "an.nguyen" + id);
        link.Exit.ShouldBe(0, link.Error);
        link.Out.ShouldContain("/console/");
        (await RunAsync("staff", "console", "--id", "999999")).ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(1), r => r.Error.ShouldContain("No active staff #999999"));
    }
}
