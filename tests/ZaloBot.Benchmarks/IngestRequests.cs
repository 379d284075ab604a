using System.Globalization;
using System.Text;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Writes <c>count</c> distinct, correctly signed user_send_text events (unique msg_ids, Vietnamese text) as
/// "signature TAB body" lines for scripts/bench/ingest.lua, so every request is a real durable insert.
/// </summary>
public static class IngestRequests
{
    public static int Write(int count, string appId, string secret, string output)
    {
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < count; i++)
        {
            var timestamp = (start + i).ToString(CultureInfo.InvariantCulture);
            var user = 1000 + (i % 500);
            var body = $$$"""{"app_id":"{{{appId}}}","user_id_by_app":"u{{{user}}}","event_name":"user_send_text","timestamp":"{{{timestamp}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"bench-oa"},"message":{"text":"Đường Nguyễn Trãi bị ngập nước, đề nghị xử lý {{{i}}}","msg_id":"bench-{{{run}}}-{{{i}}}"}}""";
            writer.Write(WebhookSignature.Compute(appId, Encoding.UTF8.GetBytes(body), timestamp, secret));
            writer.Write('\t');
            writer.Write(body);
            writer.Write('\n');
        }
        Console.WriteLine($"wrote {count} signed events to {output}");
        return 0;
    }
}
