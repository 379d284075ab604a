namespace ZaloBot.Operations;

/// <summary>
/// <c>ZaloBot.dll probe http://127.0.0.1:8080/healthz</c>: exits 0 when the URL answers 2xx. The container's
/// HEALTHCHECK uses it because the runtime image has no curl; it runs before the host is built, so it costs little.
/// </summary>
public static class Probe
{
    public static async Task<int> RunAsync(string url)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"probe {url}: {ex.Message}");
            return 1;
        }
    }
}
