using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>One message in a simulated chat, either direction, as the chat page shows it.</summary>
public sealed record ChatEntry(long Seq, string UserId, string Direction, DateTimeOffset At, JsonNode Content, string? MessageId);

/// <summary>Everything the fake Zalo platform remembers: tokens, messages, and counts of calls.</summary>
public sealed class SimulatorState
{
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly Lock _tokenGate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new();
    private readonly HashSet<string> _consumedRefreshTokens = [];
    private readonly ConcurrentQueue<ChatEntry> _chat = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private long _seq;

    public SimulatorState(TimeProvider time, IOptions<SimulatorOptions> options)
    {
        _time = time;
        _options = options.Value;
        Faults = new FaultPlan(time);
    }

    public FaultPlan Faults { get; }

    public int Calls(string endpoint) => _calls.GetValueOrDefault(endpoint);

    public IReadOnlyDictionary<string, int> AllCalls => _calls;

    public void CountCall(string endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public bool IsValidAccessToken(string? token) =>
        token is not null && _accessTokens.TryGetValue(token, out var expires) && expires > _time.GetUtcNow();

    /// <summary>Invalidates every access token, as when Zalo expires them early.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>
    /// Single-use refresh, as Zalo does: the presented token is consumed and a new pair issued; null when it is not valid.
    /// Issued refresh tokens carry an HMAC, so a restarted simulator still honours the latest one the service stored.
    /// </summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn)? Refresh(string refreshToken)
    {
        lock (_tokenGate)
        {
            var genuine = refreshToken == _options.InitialRefreshToken || IsIssuedBySimulator(refreshToken);
            if (!genuine || !_consumedRefreshTokens.Add(refreshToken)) return null;
            var access = "sim-access-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
            var nonce = RandomNumberGenerator.GetHexString(16, lowercase: true);
            var refresh = $"sim-refresh-{nonce}.{Mac(nonce)}";
            _accessTokens[access] = _time.GetUtcNow() + _options.AccessTokenLifetime;
            return (access, refresh, _options.AccessTokenLifetime);
        }
    }

    private bool IsIssuedBySimulator(string token)
    {
        const string prefix = "sim-refresh-";
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (!token.StartsWith(prefix, StringComparison.Ordinal) || dot < 0) return false;
        var nonce = token[prefix.Length..dot];
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token[(dot + 1)..]), System.Text.Encoding.ASCII.GetBytes(Mac(nonce)));
    }

    private string Mac(string nonce) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.AppSecret), System.Text.Encoding.UTF8.GetBytes(nonce)));

    public ChatEntry Record(string userId, string direction, JsonNode content, string? messageId = null)
    {
        var entry = new ChatEntry(Interlocked.Increment(ref _seq), userId, direction, _time.GetUtcNow(), content, messageId);
        _chat.Enqueue(entry);
        return entry;
    }

    public IReadOnlyList<ChatEntry> Chat(string? userId = null, long after = 0) =>
        _chat.Where(e => (userId is null || e.UserId == userId) && e.Seq > after).OrderBy(e => e.Seq).ToList();

    /// <summary>Messages the OA sent to a user, in the order Zalo accepted them.</summary>
    public IReadOnlyList<ChatEntry> SentTo(string userId) => Chat(userId).Where(e => e.Direction == "oa").ToList();
}
