using ZaloBot.Simulator;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// In Simulator mode, the other OAs the built-in fake Zalo plays (<c>Simulator:OtherOas</c>) are connected at start with
/// their first refresh token, as an operator would with `zalo add-oa` and `set-refresh-token`: the chat page and the
/// delivery benchmark can then use several OAs at once. Existing rows are left alone.
/// </summary>
public sealed class SimulatedOasSeed(IOptions<ZaloOptions> zalo, IOptions<SimulatorOptions> simulator) : IStartupSeed
{
    public async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (zalo.Value.Mode != ZaloMode.Simulator) return;
        foreach (var oa in simulator.Value.OtherOas.Where(o => OaRules.IsValidId(o.OaId)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into zalo_oas (oa_id, name, refresh_token) values (@OaId, @name, nullif(@InitialRefreshToken, ''))
                on conflict (oa_id) do nothing
                """, new { oa.OaId, name = string.IsNullOrEmpty(oa.Name) ? "OA " + oa.OaId : oa.Name, oa.InitialRefreshToken }, cancellationToken: cancellationToken));
        }
    }
}
