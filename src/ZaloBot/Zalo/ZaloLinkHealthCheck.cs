using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZaloBot.Zalo;

/// <summary>
/// The Zalo link on /healthz. Reported as Degraded, not Unhealthy: the process is alive and must keep storing
/// webhooks (a liveness probe must not restart it), but operators need to see that citizens get no answers, and why.
/// </summary>
internal sealed class ZaloLinkHealthCheck(ZaloLink link) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (link.RefreshRefusedDetail is { } refused)
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Zalo refused the refresh token; sends are paused. Store a new one with `zalo set-refresh-token <token>`. Zalo said: {refused}"));
        if (link.DownSince is { } since)
            return Task.FromResult(HealthCheckResult.Degraded($"Zalo has not answered since {since:O}; probing."));
        return Task.FromResult(HealthCheckResult.Healthy("Zalo answers."));
    }
}
