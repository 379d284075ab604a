using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// The Zalo link on /healthz, with a line per connected OA. Reported as Degraded, not Unhealthy: the process is alive and
/// must keep storing webhooks (a liveness probe must not restart it), but operators need to see which OAs' citizens get
/// no answers, and why.
/// </summary>
internal sealed class ZaloLinkHealthCheck(ZaloLink link, OaDirectory oas, ZaloRateLimiters limiters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = link.RefusedOas;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        try
        {
            foreach (var oa in (await oas.AllAsync(cancellationToken)).Values.OrderBy(o => o.OaId, StringComparer.Ordinal))
            {
                data["oa:" + oa.OaId] = !oa.IsConnected ? "disconnected"
                    : refused.ContainsKey(oa.OaId) ? "refresh token refused; sends paused"
                    : $"sending, up to {limiters.For(oa.OaId).CurrentRate:0.#}/s";
            }
        }
        catch (Exception ex) when (Storage.StorageErrors.IsUnavailable(ex))
        {
            data["oas"] = "unknown: storage unavailable";
        }

        if (link.DownSince is { } since)
            return HealthCheckResult.Degraded($"Zalo has not answered since {since:O}; probing.", data: data);
        if (refused.Count > 0)
            return HealthCheckResult.Degraded(
                $"Zalo refused the refresh token of OA {string.Join(", ", refused.Keys)}; those OAs' sends are paused (the others go on). "
                + $"Store a new one with `zalo set-refresh-token --oa <id> <token>`. Zalo said: {refused.Values.First()}", data: data);
        return HealthCheckResult.Healthy("Zalo answers.", data);
    }
}
