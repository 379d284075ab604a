using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ZaloBot.Simulator;

/// <summary>
/// One message in a simulated chat, either direction, as the chat page shows it. <paramref name="Channel"/> says how an
/// OA message came: reply (free, to an inbound message), cs (proactive, by user id), template_uid or template_phone (ZBS).
/// </summary>
/// <paramref name="OaId"/> is the OA the message went to or came from.
public sealed record ChatEntry(long Seq, string UserId, string Direction, DateTimeOffset At, JsonNode Content, string? MessageId, string? Channel = null, string? QuotaType = null,
    string? OaId = null);

/// <summary>A citizen's message to the OA, which the OA may answer by its id.</summary>
internal sealed class InboundMessage(string userId, DateTimeOffset at)
{
    public string UserId { get; } = userId;
    public DateTimeOffset At { get; } = at;
    public int RepliesUsed { get; set; }
}

/// <summary>Everything the fake Zalo platform remembers: tokens, messages, and counts of calls.</summary>
public sealed class SimulatorState
{
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly Lock _tokenGate = new();
    private readonly ConcurrentDictionary<string, (string OaId, DateTimeOffset Expires)> _accessTokens = new();
    private readonly ConcurrentDictionary<string, (string OaId, string Challenge)> _authorisationCodes = new();
    private readonly HashSet<string> _consumedRefreshTokens = [];
    private readonly ConcurrentQueue<ChatEntry> _chat = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, InboundMessage> _inbound = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInteraction = new();
    private readonly ConcurrentDictionary<string, bool> _unreachableByTemplate = new();
    private readonly Lock _rateGate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentSends = new(StringComparer.Ordinal);
    private long _seq;

    public SimulatorState(TimeProvider time, IOptions<SimulatorOptions> options)
    {
        _time = time;
        _options = options.Value;
        Faults = new FaultPlan(time);
        LatencyMs = _options.LatencyMs;
        MaxMessagesPerSecond = _options.MaxMessagesPerSecond;
    }

    public FaultPlan Faults { get; }

    private long _unreachableUntilTicks;

    /// <summary>True while an outage set by <see cref="SetOutage"/> lasts: every Zalo endpoint drops its connections.</summary>
    public bool IsUnreachable => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _unreachableUntilTicks);

    public void SetOutage(TimeSpan duration) => Interlocked.Exchange(ref _unreachableUntilTicks, _time.GetUtcNow().Add(duration).UtcTicks);

    /// <summary>How long each API call takes to answer; changeable while running (tests, benchmarks).</summary>
    public int LatencyMs { get; set; }

    /// <summary>Calls per second before -32; null for no limit. Changeable while running.</summary>
    public int? MaxMessagesPerSecond { get; set; }

    public TimeSpan MessagingWindow => _options.MessagingWindow;

    public int Calls(string endpoint) => _calls.GetValueOrDefault(endpoint);

    public IReadOnlyDictionary<string, int> AllCalls => _calls;

    public void CountCall(string endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public bool IsValidAccessToken(string? token) => OaOf(token) is not null;

    /// <summary>The OA a valid access token acts for; null when the token is unknown or expired.</summary>
    public string? OaOf(string? token) =>
        token is not null && _accessTokens.TryGetValue(token, out var issued) && issued.Expires > _time.GetUtcNow() ? issued.OaId : null;

    /// <summary>Every OA this simulator plays, the main one first.</summary>
    public IReadOnlyList<(string OaId, string Name)> Oas =>
        [(_options.OaId, "OA " + _options.OaId), .. _options.OtherOas.Select(o => (o.OaId, string.IsNullOrEmpty(o.Name) ? "OA " + o.OaId : o.Name))];

    /// <summary>The id a person has on an OA: Zalo scopes user ids to the OA, so the same person differs on each.</summary>
    public string UserIdOn(string? oaId, string person) => oaId is null || oaId == _options.OaId ? person : $"{person}-{oaId}";

    /// <summary>Invalidates every access token, as when Zalo expires them early.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _miniAppTokens = new(StringComparer.Ordinal);

    /// <summary>A Mini App user's access token, as the SDK's getAccessToken would give it; Graph's /me answers for it.</summary>
    public string IssueMiniAppToken(string userId)
    {
        var token = "mini-" + System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        _miniAppTokens[token] = userId;
        return token;
    }

    /// <summary>The OA user id whose Mini App session the token is, or null.</summary>
    public string? MiniAppUser(string? token) => token is not null && _miniAppTokens.TryGetValue(token, out var user) ? user : null;

    /// <summary>
    /// Single-use refresh, as Zalo does: the presented token is consumed and a new pair issued; null when it is not valid.
    /// Issued refresh tokens carry an HMAC, so a restarted simulator still honours the latest one the service stored.
    /// </summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn)? Refresh(string refreshToken)
    {
        lock (_tokenGate)
        {
            var oaId = refreshToken == _options.InitialRefreshToken ? _options.OaId
                : _options.OtherOas.FirstOrDefault(o => o.InitialRefreshToken.Length > 0 && o.InitialRefreshToken == refreshToken)?.OaId
                ?? IssuedFor(refreshToken);
            if (oaId is null || !_consumedRefreshTokens.Add(refreshToken)) return null;
            return Issue(oaId);
        }
    }

    /// <summary>OAuth v4 authorisation of one OA: the code the authorisation page sends back, bound to the PKCE challenge.</summary>
    public string Authorise(string oaId, string codeChallenge)
    {
        var code = "sim-code-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        _authorisationCodes[code] = (oaId, codeChallenge);
        return code;
    }

    /// <summary>Redeems an authorisation code once, when the verifier's S256 hash is the challenge.</summary>
    public (string AccessToken, string RefreshToken, TimeSpan ExpiresIn)? ExchangeCode(string code, string codeVerifier)
    {
        if (!_authorisationCodes.TryRemove(code, out var issued)) return null;
        var challenge = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(codeVerifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (challenge != issued.Challenge) return null;
        lock (_tokenGate) return Issue(issued.OaId);
    }

    private (string AccessToken, string RefreshToken, TimeSpan ExpiresIn) Issue(string oaId)
    {
        var access = "sim-access-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var nonce = oaId + "~" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var refresh = $"sim-refresh-{nonce}.{Mac(nonce)}";
        _accessTokens[access] = (oaId, _time.GetUtcNow() + _options.AccessTokenLifetime);
        return (access, refresh, _options.AccessTokenLifetime);
    }

    /// <summary>The OA a refresh token this simulator issued belongs to; null when it did not issue it.</summary>
    private string? IssuedFor(string token)
    {
        const string prefix = "sim-refresh-";
        var dot = token.LastIndexOf('.');
        if (!token.StartsWith(prefix, StringComparison.Ordinal) || dot < prefix.Length) return null;
        var nonce = token[prefix.Length..dot];
        var tilde = nonce.IndexOf('~', StringComparison.Ordinal);
        // Tokens issued before the simulator played several OAs carry no OA: they are the main OA's.
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token[(dot + 1)..]), System.Text.Encoding.ASCII.GetBytes(Mac(nonce)))
            ? tilde > 0 ? nonce[..tilde] : _options.OaId : null;
    }

    private string Mac(string nonce) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.AppSecret), System.Text.Encoding.UTF8.GetBytes(nonce)));

    public ChatEntry Record(string userId, string direction, JsonNode content, string? messageId = null, string? channel = null, string? quotaType = null, string? oaId = null)
    {
        var now = _time.GetUtcNow();
        if (direction == "user")
        {
            _lastInteraction[userId] = now;
            if (messageId is not null) _inbound[messageId] = new InboundMessage(userId, now);
        }
        var entry = new ChatEntry(Interlocked.Increment(ref _seq), userId, direction, now, content, messageId, channel, quotaType, oaId ?? _options.OaId);
        _chat.Enqueue(entry);
        return entry;
    }

    /// <summary>Makes the simulator know a citizen's message that reached the service without passing through it (tests).</summary>
    public void RegisterInbound(string userId, string messageId, DateTimeOffset? at = null)
    {
        var when = at ?? _time.GetUtcNow();
        _inbound[messageId] = new InboundMessage(userId, when);
        SetLastInteraction(userId, when);
    }

    public void SetLastInteraction(string userId, DateTimeOffset at) => _lastInteraction[userId] = at;

    /// <summary>When the user last interacted; users never seen count as just now when the options say so.</summary>
    public DateTimeOffset? LastInteraction(string userId) =>
        _lastInteraction.TryGetValue(userId, out var at) ? at : _options.UnknownUsersInWindow ? _time.GetUtcNow() : null;

    /// <summary>
    /// A reply to an inbound message: its user and the quota that pays (free "reply" for the first few within 48 h,
    /// "sub_quota" after); null when Zalo would not know the message id.
    /// </summary>
    public (string UserId, DateTimeOffset InboundAt, string QuotaType)? TakeReply(string messageId)
    {
        if (!_inbound.TryGetValue(messageId, out var inbound)) return null;
        lock (inbound)
        {
            inbound.RepliesUsed++;
            var free = inbound.RepliesUsed <= _options.FreeRepliesPerMessage && _time.GetUtcNow() - inbound.At < TimeSpan.FromHours(48);
            return (inbound.UserId, inbound.At, free ? "reply" : "sub_quota");
        }
    }

    /// <summary>Makes template messages by user id fail for this user, so delivery must fall back to the phone.</summary>
    public void MakeUnreachableByTemplate(string userId) => _unreachableByTemplate[userId] = true;

    public bool IsUnreachableByTemplate(string userId) => _unreachableByTemplate.ContainsKey(userId);

    /// <summary>Counts a send against the OA's per-second limit (Zalo's -32 is per OA); false when Zalo would answer -32.</summary>
    public bool TryAcquireSend(string? oaId = null)
    {
        if (MaxMessagesPerSecond is not { } limit) return true;
        lock (_rateGate)
        {
            var now = _time.GetUtcNow();
            var key = oaId ?? _options.OaId;
            if (!_recentSends.TryGetValue(key, out var recent)) _recentSends[key] = recent = new Queue<DateTimeOffset>();
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(1)) recent.Dequeue();
            if (recent.Count >= limit) return false;
            recent.Enqueue(now);
            return true;
        }
    }

    public IReadOnlyList<ChatEntry> Chat(string? userId = null, long after = 0) =>
        _chat.Where(e => (userId is null || e.UserId == userId) && e.Seq > after).OrderBy(e => e.Seq).ToList();

    /// <summary>Messages the OA sent to a user, in the order Zalo accepted them.</summary>
    public IReadOnlyList<ChatEntry> SentTo(string userId) => Chat(userId).Where(e => e.Direction == "oa").ToList();
}
