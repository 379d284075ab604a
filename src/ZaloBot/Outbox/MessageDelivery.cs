using System.Text.Json;
using System.Text.Json.Nodes;
using ZaloBot.Storage;
using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

/// <summary>
/// Delivers one outbox message by Zalo's 2026 rules (docs/zalo-platform.md): an answer goes to the citizen's inbound
/// message (a free reply); a proactive message goes by user id while the 7-day window is open; beyond it a ticket
/// notice goes as the operator's ZBS template by user id, else by phone; when nothing can reach the citizen the result
/// says why. Every call goes through the OA the message belongs to, with that OA's token and templates (a notice its OA
/// cannot send as a template may go by phone through the OA's fallback OA). It never writes the outcome: the dispatcher
/// records results in batches.
/// </summary>
public sealed class MessageDelivery(
    ZaloApiClient zalo,
    ZaloTokenProvider tokens,
    ZaloLink link,
    MessagingWindow window,
    QuietHoursHold quietHours,
    NpgsqlDataSource dataSource,
    ZaloBot.Oas.OaNoticeTemplates templates,
    IOptions<NudgeOptions> nudges,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<MessageDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var attempts = new List<DeliveryAttempt>();
        try
        {
            return await DeliverAsync(message, attempts, cancellationToken);
        }
        catch (ZaloRefreshRefusedException)
        {
            // Not this message's fault, and retrying cannot help: it waits, untouched, until an operator stores a new token.
            return Retry(message, attempts, time.GetUtcNow() + options.Value.LinkRetryDelay, "paused: Zalo refused the refresh token", countsAsFailure: false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is ZaloTokenException || StorageErrors.IsUnavailable(ex)))
        {
            return Retry(message, attempts, time.GetUtcNow() + options.Value.LinkRetryDelay, ex.GetType().Name + ": " + ex.Message, countsAsFailure: true);
        }
    }

    private async Task<DeliveryResult> DeliverAsync(ClaimedMessage message, List<DeliveryAttempt> attempts, CancellationToken cancellationToken)
    {
        if (await quietHours.UntilAsync(message, cancellationToken) is { } until)
            return Held(message, attempts, until, "quiet hours");
        var body = JsonNode.Parse(message.Message)!;
        var notice = Notice.FromJson(message.Notice);
        string windowReason;

        // A citizen who came through another channel (Open311) has no Zalo id: only the template by phone can reach them.
        var recipient = message.Recipient;
        var external = recipient.IsExternal;
        var state = external ? WindowState.Closed
            : message.ReplyToMsgId is null ? await window.CheckAsync(recipient.AsZalo(), tokens.GetAsync, cancellationToken) : WindowState.Open;
        if (state == WindowState.Closed)
        {
            windowReason = external ? "filed through another channel, no Zalo id" : "outside Zalo's 7-day window";
        }
        else
        {
            var reply = message.ReplyToMsgId is not null;
            ConsultationRecipient to = reply ? new ConsultationRecipient.Reply(message.ReplyToMsgId!) : new ConsultationRecipient.User(recipient.UserId!);
            var channel = reply ? DeliveryChannels.Reply : DeliveryChannels.Consultation;
            if (message.InDoubt && await AlreadyInConversationAsync(message, body, cancellationToken) is { } delivered)
            {
                attempts.Add(new DeliveryAttempt(time.GetUtcNow(), channel, "reconciled", null, "found in the citizen's conversation after an interrupted send", null));
                return Sent(message, attempts, channel, delivered.MsgId);
            }
            var result = await CallAsync(recipient.OaId, channel, token => zalo.SendConsultationAsync(to, body, token, cancellationToken), attempts, cancellationToken);
            if (result.Outcome == SendOutcome.Sent) return Sent(message, attempts, channel, result.MessageId);
            if (result.Outcome != SendOutcome.OutsideWindow) return AfterFailure(message, attempts, result, ambiguousIfUnknown: false);
            await window.MarkClosedAsync(recipient.AsZalo(), cancellationToken);
            windowReason = Describe(result);
        }

        if (notice is null)
            return Failed(message, attempts, $"{windowReason}; only ticket notices may go as a template", unreachable: windowReason);
        // The operator's choice per notice kind: the full template, or the cheap nudge that brings the citizen back.
        var nudging = !external && nudges.Value.Applies(notice.Kind);
        if (nudging && await PendingNudges.RecentAsync(dataSource, message.RecipientId, time.GetUtcNow() - nudges.Value.RenudgeAfter, cancellationToken))
        {
            attempts.Add(new DeliveryAttempt(time.GetUtcNow(), "nudge", "joined", null, "waits behind the nudge already sent", null));
            return AwaitingReply(message, attempts, null);
        }
        // The nudge template is one setting for the deployment: an OA whose templates differ needs the same id registered.
        var (template, phoneOaId) = nudging ? (nudges.Value.ToTemplate(), recipient.OaId) : await templates.ForAsync(recipient.OaId, notice.Kind, cancellationToken);
        if (template is null)
            return Failed(message, attempts, $"{windowReason}; no ZBS template is configured for '{notice.Kind}' notices", unreachable: $"{windowReason}; no ZBS template for '{notice.Kind}'");

        var reasons = new List<string> { windowReason };
        var data = NoticeTemplates.Render(template, notice.Fields);
        if (!external && phoneOaId == recipient.OaId && !string.IsNullOrWhiteSpace(template.TemplateId))
        {
            var result = await CallAsync(recipient.OaId, DeliveryChannels.TemplateByUser,
                token => zalo.SendTemplateToUserAsync(recipient.UserId!, template.TemplateId, data, token, cancellationToken), attempts, cancellationToken);
            if (result.Outcome == SendOutcome.Sent) return nudging ? AwaitingReply(message, attempts, result.MessageId) : Sent(message, attempts, DeliveryChannels.TemplateByUser, result.MessageId);
            if (!FallsThroughToPhone(result.Outcome)) return AfterFailure(message, attempts, result, ambiguousIfUnknown: true);
            reasons.Add("template by user id: " + Describe(result));
        }

        var phoneTemplate = string.IsNullOrWhiteSpace(template.PhoneTemplateId) ? template.TemplateId : template.PhoneTemplateId;
        var phone = message.TicketId is { } ticketId ? await ContactPhoneAsync(ticketId, cancellationToken) : null;
        if (phone is null)
        {
            reasons.Add("no phone number to send the template to");
        }
        // A landline is for staff to call back; Zalo's template messages reach mobiles only.
        else if (!Domain.Contacts.VietnamesePhone.IsMobile("+" + phone))
        {
            reasons.Add("the contact number is a landline (no template by phone)");
        }
        else if (!string.IsNullOrWhiteSpace(phoneTemplate))
        {
            var result = await CallAsync(phoneOaId, DeliveryChannels.TemplateByPhone,
                token => zalo.SendTemplateToPhoneAsync(phone, phoneTemplate, data, $"outbox-{message.Id}", token, cancellationToken), attempts, cancellationToken);
            if (result.Outcome == SendOutcome.Sent) return nudging ? AwaitingReply(message, attempts, result.MessageId) : Sent(message, attempts, DeliveryChannels.TemplateByPhone, result.MessageId);
            if (!FallsThroughToPhone(result.Outcome)) return AfterFailure(message, attempts, result, ambiguousIfUnknown: true);
            reasons.Add("template by phone: " + Describe(result));
        }
        var why = string.Join("; ", reasons);
        return Failed(message, attempts, why, unreachable: why);
    }

    /// <summary>
    /// Zalo's send takes no idempotency key, so a replica that died between Zalo's answer and recording it, or a send
    /// whose answer did not come back in time, leaves a message that may or may not have reached the citizen. Before sending it again, read the conversation back: the
    /// OA's message with the same text since the message was queued means it did. When Zalo cannot say (no text to
    /// compare, the read fails), the message is sent: a citizen told twice is better than one never told.
    /// </summary>
    private async Task<ZaloConversationMessage?> AlreadyInConversationAsync(ClaimedMessage message, JsonNode body, CancellationToken cancellationToken)
    {
        if (body["text"]?.GetValueKind() != JsonValueKind.String) return null;
        var text = body["text"]!.GetValue<string>();
        var since = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds() - 5_000;
        var recent = await zalo.GetRecentMessagesAsync(message.RecipientId, 10, await tokens.GetAsync(message.OaId, cancellationToken), cancellationToken);
        var found = recent?.FirstOrDefault(m => m.FromOa && m.Time >= since && m.Message == text);
        logger.LogInformation("Outbox message {OutboxId} was in doubt after an interrupted send: {Finding}", message.Id,
            recent is null ? "Zalo's conversation could not be read; sending it" : found is null ? "not in the conversation; sending it" : "already delivered; not sending it again");
        return found;
    }

    /// <summary>A refusal that concerns this channel only (the user cannot be reached this way); anything else decides the message.</summary>
    private static bool FallsThroughToPhone(SendOutcome outcome) =>
        outcome is SendOutcome.OutsideWindow or SendOutcome.Unreachable or SendOutcome.Invalid or SendOutcome.Configuration;

    /// <summary>One call with the current token; an expired token is refreshed once and the call repeated. Every call is an attempt.</summary>
    private async Task<ZaloSendResult> CallAsync(string oaId, string channel, Func<OaAccessToken, Task<ZaloSendResult>> call, List<DeliveryAttempt> attempts, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(oaId, cancellationToken);
        var result = Observe(await call(token));
        if (result.Outcome == SendOutcome.RefreshToken)
        {
            attempts.Add(Attempt(channel, result));
            token = await tokens.RefreshAsync(token, cancellationToken);
            result = Observe(await call(token));
        }
        attempts.Add(Attempt(channel, result));
        return result;
    }

    private ZaloSendResult Observe(ZaloSendResult result)
    {
        if (result.Outcome == SendOutcome.Transient) link.OnFailure();
        else link.OnAnswer();
        return result;
    }

    private DeliveryResult AfterFailure(ClaimedMessage message, List<DeliveryAttempt> attempts, ZaloSendResult result, bool ambiguousIfUnknown)
    {
        var now = time.GetUtcNow();
        var error = Describe(result);
        var o = options.Value;
        if (ambiguousIfUnknown && (result.Outcome == SendOutcome.Unknown || result.TimedOut))
        {
            // A paid template whose fate is unknown may have been delivered and charged: a human decides, not a retry loop.
            logger.LogWarning("Template for outbox message {OutboxId} got an unclear answer ({Error}); not retried", message.Id, error);
            return Failed(message, attempts, "maybe sent and charged, not retried: " + error, unreachable: "unclear whether the template reached the citizen: " + error);
        }
        return result.Outcome switch
        {
            SendOutcome.Transient => Retry(message, attempts, now + o.LinkRetryDelay, error, countsAsFailure: true),
            SendOutcome.RateLimited => Retry(message, attempts, now + o.LinkRetryDelay, error, countsAsFailure: false),
            SendOutcome.RefreshToken => Retry(message, attempts, now + Backoff(message.Attempts + 1), error, countsAsFailure: true),
            SendOutcome.NightTime => Held(message, attempts, quietHours.Morning(now), error),
            SendOutcome.RetryLater => Retry(message, attempts, now + Backoff(message.Attempts + 1), error, countsAsFailure: true),
            SendOutcome.Invalid => LoggedFailure(message, attempts, "invalid request (a bug): " + error),
            SendOutcome.Configuration => LoggedFailure(message, attempts, "configuration: " + error),
            _ => Failed(message, attempts, error, unreachable: null),
        };
    }

    private DeliveryResult LoggedFailure(ClaimedMessage message, List<DeliveryAttempt> attempts, string error)
    {
        logger.LogError("Outbox message {OutboxId} refused by Zalo: {Error}", message.Id, error);
        return Failed(message, attempts, error, unreachable: null);
    }

    private DeliveryResult Retry(ClaimedMessage message, List<DeliveryAttempt> attempts, DateTimeOffset at, string error, bool countsAsFailure)
    {
        var now = time.GetUtcNow();
        if (countsAsFailure && now - new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)) > options.Value.GiveUpAfter)
            return Failed(message, attempts, $"gave up after {options.Value.GiveUpAfter}: {error}", unreachable: null);
        return new DeliveryResult(message.Id, message.TicketId, DeliveryStatus.Retry, attempts) { NextAttemptAt = at, Error = error };
    }

    /// <summary>Waits for the morning without counting as a failure, and lets the recipient's later answers go meanwhile.</summary>
    private DeliveryResult Held(ClaimedMessage message, List<DeliveryAttempt> attempts, DateTimeOffset until, string why)
    {
        attempts.Add(new DeliveryAttempt(time.GetUtcNow(), QuietHoursHold.Channel, "held", null, $"{why}: held until {until:yyyy-MM-dd HH:mm} UTC", null));
        return new DeliveryResult(message.Id, message.TicketId, DeliveryStatus.Retry, attempts) { NextAttemptAt = until, HeldUntil = until, Error = "held for the morning: " + why };
    }

    /// <summary>The nudge reached the citizen: the notice itself waits for their reply (<see cref="PendingNudges"/>).</summary>
    private static DeliveryResult AwaitingReply(ClaimedMessage message, List<DeliveryAttempt> attempts, string? nudgeMessageId) =>
        new(message.Id, message.TicketId, DeliveryStatus.AwaitingReply, attempts) { ZaloMessageId = nudgeMessageId };

    private static DeliveryResult Sent(ClaimedMessage message, List<DeliveryAttempt> attempts, string channel, string? zaloMessageId) =>
        new(message.Id, message.TicketId, DeliveryStatus.Sent, attempts) { DeliveredVia = channel, ZaloMessageId = zaloMessageId };

    private static DeliveryResult Failed(ClaimedMessage message, List<DeliveryAttempt> attempts, string error, string? unreachable) =>
        new(message.Id, message.TicketId, DeliveryStatus.Failed, attempts) { Error = error, UnreachableReason = unreachable };

    /// <summary>A timed-out send is named apart: Zalo may have taken it, so the next claim reads the conversation back first.</summary>
    private DeliveryAttempt Attempt(string channel, ZaloSendResult result) =>
        new(time.GetUtcNow(), channel, result.TimedOut ? OutboxStore.TimedOutOutcome : OutcomeName(result.Outcome), result.ErrorCode, result.Detail, result.QuotaType);

    private static string Describe(ZaloSendResult result) => result.ErrorCode is { } code ? $"Zalo {code}: {result.Detail}" : result.Detail ?? result.Outcome.ToString();

    private static string OutcomeName(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Transient => "transient",
        SendOutcome.RateLimited => "rate_limited",
        SendOutcome.RefreshToken => "refresh",
        SendOutcome.OutsideWindow => "outside_window",
        SendOutcome.NightTime => "night_time",
        SendOutcome.RetryLater => "retry_later",
        SendOutcome.Unreachable => "unreachable",
        SendOutcome.Invalid => "invalid",
        SendOutcome.Configuration => "configuration",
        _ => "unknown",
    };

    private TimeSpan Backoff(int attempts) => Operations.RetryDelay.After(attempts, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);

    /// <summary>ZBS wants the number as 84… without the plus.</summary>
    private async Task<string?> ContactPhoneAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var phone = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select contact_phone from tickets where id = @ticketId", new { ticketId }, cancellationToken: cancellationToken));
        return string.IsNullOrWhiteSpace(phone) ? null : phone.TrimStart('+');
    }
}
