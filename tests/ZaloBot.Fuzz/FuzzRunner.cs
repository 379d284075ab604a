using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace ZaloBot.Fuzz;

public sealed record FuzzOptions(FuzzTarget Target, ulong Seed, int Count, int Concurrency, string? AdminToken, int FirstIndex = 0);

/// <summary>One answer worth a look: a 5xx, or a valid event that was not acknowledged.</summary>
public sealed record FuzzFailure(int Index, int? Status, string Request, string Answer);

public sealed class FuzzReport
{
    public ConcurrentDictionary<int, int> ByStatus { get; } = new();
    public ConcurrentDictionary<(string Kind, int Status), int> ByKind { get; } = new();
    public ConcurrentQueue<FuzzFailure> Failures { get; } = new();
    public ConcurrentBag<string> ValidDedupeKeys { get; } = new();
    internal int _sent, _connectionErrors, _notSendable, _validSent, _validAcknowledged;
    public int Sent => _sent;
    public int ConnectionErrors => _connectionErrors;
    /// <summary>Requests the client library itself refused to send (e.g. the in-memory test server rejects a NUL in a path).</summary>
    public int NotSendable => _notSendable;
    public int ValidSent => _validSent;
    public int ValidAcknowledged => _validAcknowledged;
    public TimeSpan Elapsed { get; internal set; }

    public int ServerErrors => ByStatus.Where(s => s.Key >= 500).Sum(s => s.Value);

    public string Summary(ulong seed)
    {
        var builder = new StringBuilder();
        builder.AppendLine($"fuzz seed {seed}: {Sent} requests in {Elapsed.TotalSeconds:F1} s ({Sent / Math.Max(Elapsed.TotalSeconds, 0.001):F0}/s)");
        builder.AppendLine("  by status: " + string.Join("  ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        foreach (var kind in ByKind.Keys.Select(k => k.Kind).Distinct().Order())
            builder.AppendLine($"  {kind,-17} " + string.Join("  ", ByKind.Where(k => k.Key.Kind == kind).OrderBy(k => k.Key.Status).Select(k => $"{k.Key.Status}: {k.Value}")));
        builder.AppendLine($"  answers >= 500: {ServerErrors}   connection errors: {ConnectionErrors}   not sendable by the client: {NotSendable}");
        builder.AppendLine($"  valid citizen events: {ValidAcknowledged} of {ValidSent} acknowledged 200");
        foreach (var failure in Failures.Take(20))
            builder.AppendLine($"  FAILURE case {failure.Index} (reproduce: seed {seed}, index {failure.Index}) -> {failure.Status?.ToString() ?? "no answer"} {failure.Answer}\n    {failure.Request}");
        return builder.ToString();
    }
}

/// <summary>Fires generated requests at a running service (real HTTP or the in-memory test server) and counts the answers.</summary>
public static class FuzzRunner
{
    public static async Task<FuzzReport> RunAsync(HttpClient client, FuzzOptions options, CancellationToken cancellationToken = default)
    {
        var report = new FuzzReport();
        var next = options.FirstIndex - 1;
        var end = options.FirstIndex + options.Count;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < end && !cancellationToken.IsCancellationRequested)
                await SendAsync(client, options, FuzzCases.Case(options.Target, options.Seed, index), index, report, cancellationToken);
        }));
        report.Elapsed = started.Elapsed;
        return report;
    }

    private static async Task SendAsync(HttpClient client, FuzzOptions options, FuzzRequest request, int index, FuzzReport report, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref report._sent);
        if (request.ValidDedupeKey is not null)
        {
            Interlocked.Increment(ref report._validSent);
            report.ValidDedupeKeys.Add(request.ValidDedupeKey);
        }
        HttpRequestMessage message;
        try
        {
            message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        }
        catch (UriFormatException)
        {
            Interlocked.Increment(ref report._notSendable);
            return;
        }
        using (message)
        {
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            if (request.Signature is not null) message.Headers.TryAddWithoutValidation("X-ZEvent-Signature", request.Signature);
            if (request.Authorised && options.AdminToken is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminToken);

            int status;
            string answer;
            try
            {
                using var response = await client.SendAsync(message, cancellationToken);
                status = (int)response.StatusCode;
                answer = status >= 500 || (request.ValidDedupeKey is not null && status != 200)
                    ? await response.Content.ReadAsStringAsync(cancellationToken)
                    : "";
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // Only the in-memory test server: it refuses to build a request whose path holds %00 (Kestrel answers 400).
                Interlocked.Increment(ref report._notSendable);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref report._connectionErrors);
                report.Failures.Enqueue(new FuzzFailure(index, null, request.ToString(), ex.GetType().Name + ": " + ex.Message));
                return;
            }

            report.ByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
            report.ByKind.AddOrUpdate((request.Kind, status), 1, (_, n) => n + 1);
            if (request.ValidDedupeKey is not null && status == 200) Interlocked.Increment(ref report._validAcknowledged);
            if (status >= 500 || (request.ValidDedupeKey is not null && status != 200))
                report.Failures.Enqueue(new FuzzFailure(index, status, request.ToString(), answer.Length > 500 ? answer[..500] : answer));
        }
    }
}
