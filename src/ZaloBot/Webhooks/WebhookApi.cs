using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Conversations;
using ZaloBot.Domain.Text;
using ZaloBot.Inbox;
using ZaloBot.Operations;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Webhooks;

public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/zalo", ReceiveAsync)
            .WithTags("Webhooks")
            .WithName("ReceiveZaloEvent")
            .WithSummary("Receives one Zalo OA webhook event")
            .WithDescription("Verifies X-ZEvent-Signature over the exact body bytes, stores the event in the inbox " +
                             "(deduplicated by message id or event hash) and answers 200 only once it is durable.")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public sealed record WebhookAck(string Status, string DedupeKey);

    internal static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http,
        InboxWriter inbox,
        ProcessorSignal processor,
        MigrationState migrations,
        IOptions<ZaloOptions> zaloOptions,
        ZaloBot.Oas.OaDirectory oas,
        IOptions<WebhookOptions> webhookOptions,
        TimeProvider time,
        ILogger<InboxWriter> logger,
        CancellationToken cancellationToken)
    {
        var zalo = zaloOptions.Value;
        var limit = webhookOptions.Value.MaxBodyBytes;

        if (!http.Request.Headers.TryGetValue(WebhookSignature.HeaderName, out var signatureHeader))
            return Reject("unauthorized", StatusCodes.Status401Unauthorized, "Missing signature", $"The {WebhookSignature.HeaderName} header is required.");

        var body = await RawBody.ReadAsync(http.Request, limit, cancellationToken);
        using var _ = body;
        if (body.TooLarge)
            return Reject("too_large", StatusCodes.Status413PayloadTooLarge, "Body too large", $"Webhook bodies are limited to {limit} bytes.");

        // Stored as text and hashed as bytes: both need the exact bytes to be valid UTF-8.
        if (!System.Text.Unicode.Utf8.IsValid(body.Memory.Span))
            return Reject("bad_request", StatusCodes.Status400BadRequest, "Malformed body", "The body is not valid UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException)
        {
            return Reject("bad_request", StatusCodes.Status400BadRequest, "Malformed body", "The body is not valid UTF-8 JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (!ZaloEventParser.TryReadEnvelope(root, out var envelope, out var envelopeError))
                return Reject("bad_request", StatusCodes.Status400BadRequest, "Not a Zalo event", envelopeError);

            if (!WebhookSignature.Verify(signatureHeader.ToString(), envelope.AppId, body.Memory.Span, envelope.RawTimestamp, zalo.OaSecretKey!)
                && !await SignedWithOaKeyAsync(signatureHeader.ToString(), envelope, root, body.Memory, oas, migrations, cancellationToken))
                return Reject("unauthorized", StatusCodes.Status401Unauthorized, "Bad signature", "The signature does not match the body.");

            // Checked after the signature so the answer reveals nothing about our app id to a forger.
            if (!string.Equals(envelope.AppId, zalo.AppId, StringComparison.Ordinal))
                return Reject("unauthorized", StatusCodes.Status401Unauthorized, "Unknown app", "The event is not for this app.");

            var now = time.GetUtcNow();
            if (zalo.SignatureMaxAge is { } maxAge && (now - envelope.Timestamp).Duration() > maxAge)
                return Reject("stale", StatusCodes.Status401Unauthorized, "Stale event", $"The event timestamp is outside the accepted window of {maxAge}.");

            if (!migrations.IsApplied)
                return Unavailable(http, "The database schema is not ready yet.");

            var zaloEvent = ZaloEventParser.Parse(root, envelope);
            // Refused before it joins a group-commit batch: a value PostgreSQL cannot store must fail this event only.
            if (ZaloEventParser.FindInvalidId(zaloEvent) is { } invalidId)
            {
                logger.LogWarning("Refused a signed {EventName} event with an unstorable identifier: {Problem}", SafeText.Clean(envelope.EventName), invalidId);
                return Reject("invalid_id", StatusCodes.Status400BadRequest, "Malformed event", invalidId);
            }
            if (zaloEvent is UnknownEvent)
                logger.LogInformation("Storing unmodelled Zalo event {EventName}", envelope.EventName);

            // Every OA linked to the app posts here. An OA this deployment does not serve still gets its 200 (or Zalo
            // would unsubscribe the whole app), but its event is parked for admins instead of answered with the wrong token.
            var oaId = zaloEvent.OaId ?? oas.PrimaryOaId;
            ZaloBot.Oas.ZaloOa? oa;
            try
            {
                oa = await oas.FindAsync(oaId, cancellationToken);
            }
            catch (Exception ex) when (StorageErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                return Unavailable(http, "The event could not be stored; retry later.");
            }
            var unconnected = oa is not { IsConnected: true };

            var entry = new InboxEntry(
                DedupeKey: EventDedupeKey.For(zaloEvent, root),
                EventName: zaloEvent.EventName,
                AppId: zaloEvent.AppId,
                UserId: zaloEvent.UserId,
                MsgId: zaloEvent.MessageId,
                EventTime: zaloEvent.Timestamp,
                ReceivedAt: now,
                CorrelationId: CorrelationId.Of(http),
                Payload: Encoding.UTF8.GetString(body.Memory.Span))
            {
                OaId = oaId,
                ParkedReason = unconnected ? UnconnectedOaReason + oaId : null,
            };

            bool stored;
            try
            {
                stored = await inbox.TryAddAsync(entry, cancellationToken);
            }
            catch (InboxEntryRejectedException ex)
            {
                // PostgreSQL refused this event's own values (its batch neighbours were stored without it): a retry
                // would be refused again, so 400 rather than 503.
                logger.LogWarning("Inbox refused {EventName} {DedupeKey}: SQLSTATE {SqlState}", entry.EventName, entry.DedupeKey, ex.SqlState);
                return Reject("refused_by_storage", StatusCodes.Status400BadRequest, "Malformed event", "The event holds a value that cannot be stored.");
            }
            catch (Exception ex) when ((StorageErrors.IsUnavailable(ex) || ex is InboxOverloadedException) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Inbox write failed; answering 503 so Zalo retries {EventName}", entry.EventName);
                return Unavailable(http, "The event could not be stored; retry later.");
            }

            WebhookMetrics.Count(!stored ? "duplicate" : unconnected ? "unconnected_oa" : "stored");
            if (stored && unconnected) logger.LogWarning("Parked a {EventName} event for OA {OaId}, which is not connected", entry.EventName, oaId);
            if (stored && !unconnected) processor.Notify();
            if (!stored)
                logger.LogInformation("Duplicate delivery of {EventName} {DedupeKey} acknowledged", entry.EventName, entry.DedupeKey);
            return TypedResults.Ok(new WebhookAck(stored ? "stored" : "duplicate", entry.DedupeKey));
        }
    }

    /// <summary>How a parked event for an OA this deployment does not serve is marked (inbox.last_error), followed by the OA's id.</summary>
    public const string UnconnectedOaReason = "OA not connected: ";

    /// <summary>
    /// Whether the event is signed with its OA's own key: integrations disagree on whether the webhook key is per app or
    /// per OA (docs/zalo-platform.md), so an OA may carry its own, tried when the app's key does not match.
    /// </summary>
    private static async Task<bool> SignedWithOaKeyAsync(string signature, ZaloEnvelope envelope, JsonElement root, ReadOnlyMemory<byte> body,
        ZaloBot.Oas.OaDirectory oas, MigrationState migrations, CancellationToken cancellationToken)
    {
        if (!migrations.IsApplied) return false;
        var oaId = ZaloEventParser.OaIdOf(envelope.EventName, root, ZaloEventParser.Str(root, "sender", "id"), ZaloEventParser.Str(root, "recipient", "id"));
        if (oaId is null) return false;
        try
        {
            return await oas.FindAsync(oaId, cancellationToken) is { WebhookSecretKey: { Length: > 0 } key }
                && WebhookSignature.Verify(signature, envelope.AppId, body.Span, envelope.RawTimestamp, key);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            return false;
        }
    }

    private static ProblemHttpResult Reject(string outcome, int status, string title, string detail)
    {
        WebhookMetrics.Count(outcome);
        return TypedResults.Problem(title: title, detail: detail, statusCode: status);
    }

    private static ProblemHttpResult Unavailable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "5";
        return Reject("unavailable", StatusCodes.Status503ServiceUnavailable, "Storage unavailable", detail);
    }

    /// <summary>The request body read into a pooled buffer, stopping one byte past the limit.</summary>
    private sealed class RawBody : IDisposable
    {
        private byte[]? _buffer;
        private int _length;

        public bool TooLarge { get; private init; }
        public ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(0, _length);

        public static async Task<RawBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
        {
            if (request.ContentLength > limit) return new RawBody { TooLarge = true };

            var wanted = limit + 1; // one byte past the limit tells "too large" from "exactly at the limit"
            var buffer = ArrayPool<byte>.Shared.Rent((int?)request.ContentLength + 1 ?? 4096);
            var length = 0;
            int read;
            do
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, wanted));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var room = Math.Min(buffer.Length, wanted) - length;
                read = await request.Body.ReadAsync(buffer.AsMemory(length, room), cancellationToken);
                length += read;
            }
            while (read > 0 && length < wanted);

            return new RawBody { TooLarge = length > limit, _buffer = buffer, _length = length };
        }

        public void Dispose()
        {
            if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
