using Prometheus;

namespace ZaloBot.Zalo;

/// <summary>
/// This replica's view of its link to Zalo, shared by the dispatcher, the token provider and /healthz: which OAs' refresh
/// tokens Zalo refused (only an operator can fix that; the other OAs keep sending), and whether Zalo is answering at all
/// (one API host serves every OA, so that part is shared). While Zalo is down
/// the dispatcher sends one probe at a time instead of letting every message burn attempts, and the moment a probe
/// gets through the backlog goes out, oldest first.
/// </summary>
public sealed class ZaloLink(TimeProvider time)
{
    private static readonly Gauge RefusedGauge = Metrics.CreateGauge("zalobot_zalo_refresh_token_refused", "1 while Zalo refuses an OA's stored refresh token: that OA's sends are paused until an operator stores a new one.", "oa");
    private static readonly Gauge DownGauge = Metrics.CreateGauge("zalobot_zalo_link_down", "1 while Zalo is not answering and the dispatcher is probing.");

    /// <summary>Consecutive failures of Zalo itself (5xx, no answer) after which the link counts as down.</summary>
    public const int FailuresToDown = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private int _consecutiveFailures;
    private bool _down;
    private DateTimeOffset _downSince;
    private DateTimeOffset _nextProbeAt;

    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Zalo's answer when it refused this OA's refresh token; null while the OA's token works.</summary>
    public string? RefreshRefusedDetail(string oaId)
    {
        lock (_gate) return _refused.GetValueOrDefault(oaId);
    }

    /// <summary>The OAs whose sends are paused, with Zalo's answer.</summary>
    public IReadOnlyDictionary<string, string> RefusedOas
    {
        get { lock (_gate) return new Dictionary<string, string>(_refused, StringComparer.Ordinal); }
    }

    public bool IsDown
    {
        get { lock (_gate) return _down; }
    }

    public DateTimeOffset? DownSince
    {
        get { lock (_gate) return _down ? _downSince : null; }
    }

    /// <summary>Records Zalo's refusal of the refresh token; true the first time, so each replica logs it once.</summary>
    public bool MarkRefreshRefused(string oaId, string detail)
    {
        lock (_gate)
        {
            var first = !_refused.ContainsKey(oaId);
            _refused[oaId] = detail;
            RefusedGauge.WithLabels(oaId).Set(1);
            return first;
        }
    }

    public void ClearRefreshRefused(string oaId)
    {
        lock (_gate) _refused.Remove(oaId);
        RefusedGauge.WithLabels(oaId).Set(0);
    }

    /// <summary>Zalo answered (whatever it said about the message): the link works.</summary>
    public void OnAnswer()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _down = false;
        }
        DownGauge.Set(0);
    }

    /// <summary>Zalo did not answer usefully (5xx, timeout, connection refused).</summary>
    public void OnFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_down || _consecutiveFailures < FailuresToDown) return;
            _down = true;
            _downSince = time.GetUtcNow();
            _nextProbeAt = _downSince + ProbeInterval;
        }
        DownGauge.Set(1);
    }

    /// <summary>How many sends may start now: all of <paramref name="wanted"/> while the link is up, one probe per interval while it is down.</summary>
    public int Permit(int wanted)
    {
        lock (_gate)
        {
            if (!_down || wanted == 0) return wanted;
            var now = time.GetUtcNow();
            if (now < _nextProbeAt) return 0;
            _nextProbeAt = now + ProbeInterval;
            return 1;
        }
    }

    /// <summary>How long until a probe may go, when the link is down.</summary>
    public TimeSpan UntilNextProbe()
    {
        lock (_gate)
        {
            if (!_down) return TimeSpan.Zero;
            var wait = _nextProbeAt - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }
}
