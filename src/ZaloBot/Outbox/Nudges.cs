using ZaloBot.Domain.Delivery;
using ZaloBot.Zalo;

namespace ZaloBot.Outbox;

/// <summary>
/// The <c>Zalo:Nudge</c> section. For the notice kinds in <see cref="Kinds"/>, a citizen outside the messaging window
/// gets one cheap generic template ("Phản ánh {code} có cập nhật mới. Nhắn XEM {code} để đọc.") instead of the kind's
/// full template; their reply reopens the free window and every waiting notice follows as a free reply, with its
/// buttons. Kinds not listed keep their full template (<c>Zalo:Templates</c>).
/// </summary>
public sealed class NudgeOptions
{
    public const string Section = "Zalo:Nudge";

    /// <summary>Notice kinds sent as the nudge, comma-separated ("replied,resolved"); empty: every kind keeps its full template.</summary>
    public string Kinds { get; set; } = "";

    /// <summary>The approved nudge template, by Zalo user id and by phone (defaults to <see cref="TemplateId"/>).</summary>
    public string? TemplateId { get; set; }
    public string? PhoneTemplateId { get; set; }

    /// <summary>Template parameter → text with placeholders, as for notice templates (usually just {code}).</summary>
    public Dictionary<string, string> Data { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The word the nudge asks the citizen to send before the code.</summary>
    public string Keyword { get; set; } = NudgeReply.DefaultKeyword;

    /// <summary>A later notice joins a nudge still unanswered for this long instead of paying for another.</summary>
    public TimeSpan RenudgeAfter { get; set; } = TimeSpan.FromDays(3);

    public IReadOnlyList<string> KindList() => Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Applies(string kind) => KindList().Contains(kind, StringComparer.OrdinalIgnoreCase);

    public NoticeTemplate ToTemplate() => new() { TemplateId = TemplateId, PhoneTemplateId = PhoneTemplateId, Data = Data };
}

internal sealed class NudgeOptionsValidator : IValidateOptions<NudgeOptions>
{
    public ValidateOptionsResult Validate(string? name, NudgeOptions options)
    {
        var failures = options.KindList().Where(k => !NoticeKinds.All.Contains(k))
            .Select(k => $"Zalo:Nudge:Kinds has '{k}', not a notice kind. Known kinds: {string.Join(", ", NoticeKinds.All)}.").ToList();
        if (options.KindList().Count > 0 && string.IsNullOrWhiteSpace(options.TemplateId) && string.IsNullOrWhiteSpace(options.PhoneTemplateId))
            failures.Add("Zalo:Nudge needs a TemplateId (by Zalo user id) or a PhoneTemplateId (by phone) when Kinds lists notice kinds.");
        if (string.IsNullOrWhiteSpace(options.Keyword)) failures.Add("Zalo:Nudge:Keyword must not be empty.");
        if (options.RenudgeAfter <= TimeSpan.Zero) failures.Add("Zalo:Nudge:RenudgeAfter must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Notices waiting behind a nudge (outbox status <c>nudged</c>) until the citizen writes.</summary>
public static class PendingNudges
{
    public const string Status = "nudged";

    /// <summary>
    /// The citizen wrote: every notice waiting behind a nudge becomes an answer to this message (free, with its buttons),
    /// in the order the notices were made, ahead of the bot's own answer (queued later in this transaction). A statement
    /// of the caller's batch; its <see cref="NpgsqlBatchCommand.RecordsAffected"/> is the number released.
    /// </summary>
    public static NpgsqlBatchCommand Release(string userId, string msgId, DateTimeOffset now) => Storage.StatementBatch.Command(
        """
        update outbox set status = 'pending', reply_to_msg_id = @msgId, next_attempt_at = @now, held_until = null, lease_until = null
        where recipient_id = @userId and status = 'nudged'
        """, ("userId", userId), ("msgId", msgId), ("now", now));

    /// <summary>Whether a nudge to this citizen went out recently and is still unanswered: a new notice waits behind it.</summary>
    public static async Task<bool> RecentAsync(NpgsqlDataSource dataSource, string recipientId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from outbox where recipient_id = @recipientId and status = 'nudged' and nudged_at > @since)",
            new { recipientId, since }, cancellationToken: cancellationToken));
    }

    public sealed record Waiting(string Kind, DateTime CreatedAt, DateTime? NudgedAt);

    /// <summary>For staff: this ticket's notices waiting for the citizen to answer the nudge.</summary>
    public static async Task<IReadOnlyList<Waiting>> ForTicketAsync(NpgsqlConnection connection, long ticketId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Waiting>(new CommandDefinition(
            """
            select coalesce(notice->>'kind', '') as Kind, created_at as CreatedAt, nudged_at as NudgedAt
            from outbox where ticket_id = @ticketId and status = 'nudged' order by id
            """, new { ticketId }, cancellationToken: cancellationToken))).AsList();
}
