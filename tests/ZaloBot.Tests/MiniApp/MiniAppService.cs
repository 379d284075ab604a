using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.MiniApp;

/// <summary>The service talking to the simulator over HTTP for the OA API and Zalo's Graph API alike.</summary>
public sealed class MiniAppService : OutboxService
{
    public const string Origin = "https://h5.zdn.vn";

    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "zalobot-miniapp-" + Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        With("Evidence:LocalPath", _evidence);
        With("MiniApp:GraphBaseUrl", Simulator.BaseUrl + "/graph");
        With("MiniApp:RequestsPerMinute", "1000");
    }

    protected override async ValueTask DisposeDependenciesAsync()
    {
        await base.DisposeDependenciesAsync();
        if (Directory.Exists(_evidence)) Directory.Delete(_evidence, recursive: true);
    }

    /// <summary>A Mini App session for an OA user, as the SDK's getAccessToken and getUserInfo give it.</summary>
    public HttpClient As(string oaUserId, string? claimedId = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Simulator.State.IssueMiniAppToken(oaUserId));
        client.DefaultRequestHeaders.Add("X-Zalo-User-Id", claimedId ?? oaUserId);
        return client;
    }
}
