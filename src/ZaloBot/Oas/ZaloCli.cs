using ZaloBot.Operations;
using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// <c>dotnet run --project src/ZaloBot -- zalo …</c>:
/// <c>add-oa OA_ID "Name" [--agency CODE] [--fallback OA_ID]</c> connects another OA of the same Zalo app (its tokens
/// come from the console's "Kết nối OA", or from <c>set-refresh-token</c>);
/// <c>set-refresh-token [--oa OA_ID] TOKEN</c> is the operator's recovery when Zalo refused an OA's refresh token (the
/// configured OA when <c>--oa</c> is left out). The token is checked by redeeming it with Zalo (the only check there is;
/// it is single-use), and the new pair is stored; running replicas resume within seconds, without a restart.
/// </summary>
public static class ZaloCli
{
    private const string Usage = """
        usage: zalo add-oa OA_ID "Name" [--agency CODE] [--fallback OA_ID]
               zalo set-refresh-token [--oa OA_ID] REFRESH_TOKEN   (from the Zalo console: your app → Official Account → get a new token)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CommandOutput output, CancellationToken cancellationToken)
    {
        var (positional, flags) = Split(args.Skip(1));
        return positional.FirstOrDefault() switch
        {
            "add-oa" when positional.Count == 3 => await AddOaAsync(services, positional[1], positional[2], flags, output, cancellationToken),
            "set-refresh-token" when positional.Count == 2 && !string.IsNullOrWhiteSpace(positional[1]) =>
                await SetRefreshTokenAsync(services, flags.GetValueOrDefault("oa") ?? services.GetRequiredService<OaDirectory>().PrimaryOaId, positional[1].Trim(), output, cancellationToken),
            _ => await FailAsync(output, Usage),
        };
    }

    private static async Task<int> AddOaAsync(IServiceProvider services, string oaId, string name, Dictionary<string, string> flags, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!OaRules.IsValidId(oaId)) return await FailAsync(output, $"'{oaId}' is not an OA id: digits and letters, at most {OaRules.MaxIdLength} characters.");
        if (string.IsNullOrWhiteSpace(name) || name.Length > OaRules.MaxNameLength) return await FailAsync(output, $"The name is required, at most {OaRules.MaxNameLength} characters.");
        var settings = new OaSettings(name.Trim(), AgencyCode: flags.GetValueOrDefault("agency"), DefaultAgencyCode: flags.GetValueOrDefault("agency"),
            FallbackOaId: flags.GetValueOrDefault("fallback"));
        if (!await services.GetRequiredService<OaStore>().UpsertAsync(oaId, settings, cancellationToken))
            return await FailAsync(output, "The agency or fallback OA named does not exist; nothing was stored.");
        await output.Out.WriteLineAsync($"OA {oaId} ({name}) is connected. Give it tokens: the console's OA page (Kết nối OA), or `zalo set-refresh-token --oa {oaId} TOKEN`.");
        return 0;
    }

    private static async Task<int> SetRefreshTokenAsync(IServiceProvider services, string oaId, string token, CommandOutput output, CancellationToken cancellationToken)
    {
        try
        {
            var tokens = await services.GetRequiredService<ZaloTokenProvider>().ReplaceRefreshTokenAsync(oaId, token, cancellationToken);
            await output.Out.WriteLineAsync($"Zalo accepted the refresh token for OA {oaId}. New tokens stored; access token valid until {tokens.AccessExpiresAt:yyyy-MM-dd HH:mm} UTC. Sends resume within seconds.");
            return 0;
        }
        catch (ZaloRefreshRefusedException ex)
        {
            await output.Error.WriteLineAsync($"Zalo refused this refresh token; nothing was stored. Zalo answered: {ex.Answer}");
            return 1;
        }
        catch (ZaloTokenException ex)
        {
            await output.Error.WriteLineAsync($"Nothing was stored: {ex.Message}");
            return 1;
        }
    }

    private static (List<string> Positional, Dictionary<string, string> Flags) Split(IEnumerable<string> args)
    {
        var positional = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal)) positional.Add(arg);
            else if (e.MoveNext()) flags[arg[2..]] = e.Current;
        }
        return (positional, flags);
    }

    private static async Task<int> FailAsync(CommandOutput output, string message)
    {
        await output.Error.WriteLineAsync(message);
        return 2;
    }
}

/// <summary>The <c>zalo</c> command for the command line.</summary>
internal sealed class ZaloCliCommand : IAdminCommand
{
    public string Name => "zalo";

    public string Usage => "zalo set-refresh-token";

    public Task<int> RunAsync(IServiceProvider services, string[] args, CommandOutput output, CancellationToken cancellationToken) => ZaloCli.RunAsync(services, args, output, cancellationToken);
}
