using ZaloBot.Operations;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

/// <summary>`ZaloBot.dll probe &lt;url&gt;`, the container's HEALTHCHECK (the runtime image has no curl).</summary>
public class ProbeTests
{
    [Fact]
    public async Task Probe_exits_0_on_a_2xx_answer_and_1_on_an_error_status_or_no_answer()
    {
        await using var server = await SimulatorServer.StartAsync();

        (await Probe.RunAsync(server.BaseUrl + "/_control/calls")).ShouldBe(0);
        (await Probe.RunAsync(server.BaseUrl + "/no-such-endpoint")).ShouldBe(1);
        (await Probe.RunAsync("http://127.0.0.1:1/healthz")).ShouldBe(1);
        (await Probe.RunAsync("not a url")).ShouldBe(1);
    }
}
