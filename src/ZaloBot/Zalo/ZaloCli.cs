namespace ZaloBot.Zalo;

/// <summary>
/// <c>dotnet run --project src/ZaloBot -- zalo set-refresh-token TOKEN</c>: the operator's recovery when Zalo refused the
/// stored refresh token. The token is checked by redeeming it with Zalo (the only check there is; it is single-use),
/// and the new pair is stored; running replicas resume within seconds, without a restart.
/// </summary>
public static class ZaloCli
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 3 || args[1] != "set-refresh-token" || string.IsNullOrWhiteSpace(args[2]))
        {
            await Console.Error.WriteLineAsync("usage: zalo set-refresh-token REFRESH_TOKEN   (from the Zalo console: your app → Official Account → get a new token)");
            return 2;
        }
        try
        {
            var tokens = await services.GetRequiredService<ZaloTokenProvider>().ReplaceRefreshTokenAsync(args[2].Trim(), cancellationToken);
            await Console.Out.WriteLineAsync($"Zalo accepted the refresh token. New tokens stored; access token valid until {tokens.AccessExpiresAt:yyyy-MM-dd HH:mm} UTC. Sends resume within seconds.");
            return 0;
        }
        catch (ZaloRefreshRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"Zalo refused this refresh token; nothing was stored. Zalo answered: {ex.Answer}");
            return 1;
        }
        catch (ZaloTokenException ex)
        {
            await Console.Error.WriteLineAsync($"Could not reach Zalo to check the token; nothing was stored: {ex.Message}");
            return 1;
        }
    }
}
