using System.Diagnostics;
using Serilog.Context;

namespace ZaloBot.Operations;

/// <summary>
/// Every request carries a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane, otherwise the
/// trace id. It is echoed back, stamped on every log line of the request and stored with the inbox event,
/// so one complaint can be followed from webhook to reply.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    private const string ItemKey = "ZaloBot.CorrelationId";
    private const int MaxLength = 64;

    public static string? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var value) ? value as string : null;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var id = http.Request.Headers[HeaderName].ToString();
        if (!IsSane(id))
            id = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

        http.Items[ItemKey] = id;
        http.Response.Headers[HeaderName] = id;
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(http);
        }
    });

    private static bool IsSane(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
