using ZaloBot.Domain.Privacy;

namespace ZaloBot.Privacy;

public sealed record ConsentRow(long Id, string Purpose, string Answer, int NoticeVersion, string? TicketCode, string? InboundMsgId, DateTime At);

/// <summary>The append-only consent records: the notice shown and each answer, with the notice version and the message that carried it.</summary>
public sealed class ConsentRecords(IOptions<PrivacyOptions> options, IOptions<ServiceCentres.ServiceCentreOptions> centres)
{
    public PrivacyNotice Notice
    {
        get
        {
            var o = options.Value;
            return new PrivacyNotice(o.NoticeVersion, o.Controller, o.Hotline, o.Counter, NoticeUrl, o.RetentionText, o.PurposeVersions);
        }
    }

    public string NoticeUrl => PublicBase + PrivacyPages.NoticePath;

    public string PublicBase => (options.Value.PublicBaseUrl ?? centres.Value.PublicBaseUrl).ToString().TrimEnd('/');

    /// <summary>
    /// This citizen's latest answer per purpose (parameters <c>@userId</c>, <c>@consentOaId</c> = the OA they write to); read
    /// with the rest of a turn's reads in one round trip (Conversations/ConversationContextLoader), then <see cref="ToContext"/>.
    /// </summary>
    public const string LatestAnswersSql = """
        select distinct on (purpose) purpose, answer, notice_version as NoticeVersion
        from consent_records
        where zalo_user_id = @userId and oa_id = @consentOaId and ticket_code is null
        order by purpose, id desc
        """;

    /// <summary>What the engine needs: the notice and the citizen's answers read by <see cref="LatestAnswersSql"/>.</summary>
    public PrivacyContext ToContext(IEnumerable<(string Purpose, string Answer, int NoticeVersion)> rows)
    {
        int? shown = null;
        var answers = new Dictionary<string, ConsentAnswer>();
        foreach (var row in rows)
        {
            if (row.Purpose == Purposes.Notice) shown = row.NoticeVersion;
            else answers[row.Purpose] = new ConsentAnswer(row.Answer, row.NoticeVersion);
        }
        return new PrivacyContext(Notice, new CitizenPrivacy(shown, answers));
    }

    /// <summary>Appends one record, under the OA the citizen wrote to: the notice was shown, and the answer given, there.</summary>
    public Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Zalo.ZaloRecipient citizen, string purpose, string answer, string? ticketCode,
        string? inboundMsgId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into consent_records (oa_id, zalo_user_id, notice_version, purpose, answer, ticket_code, inbound_msg_id, at)
            values (@oa, @userId, @version, @purpose, @answer, @ticketCode, @inboundMsgId, @now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            oa = citizen.OaId, userId = citizen.UserId, version = options.Value.NoticeVersion, purpose, answer, ticketCode, inboundMsgId, now,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Every record of one citizen, oldest first (the export and the ticket page read these).</summary>
    public static async Task<IReadOnlyList<ConsentRow>> OfCitizenAsync(NpgsqlConnection connection, string userId, CancellationToken cancellationToken)
    {
        const string sql = """
            select id, purpose, answer, notice_version as NoticeVersion, ticket_code as TicketCode, inbound_msg_id as InboundMsgId, at
            from consent_records where zalo_user_id = @userId order by id
            """;
        return (await connection.QueryAsync<ConsentRow>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>What the citizen behind a ticket agreed to now: their standing answers plus this ticket's own.</summary>
    public static async Task<IReadOnlyList<ConsentRow>> ForTicketAsync(NpgsqlConnection connection, string ticketCode, CancellationToken cancellationToken)
    {
        const string sql = """
            select distinct on (r.purpose) r.id, r.purpose, r.answer, r.notice_version as NoticeVersion, r.ticket_code as TicketCode,
                   r.inbound_msg_id as InboundMsgId, r.at
            from tickets t join consent_records r on r.zalo_user_id = t.citizen_zalo_id
            where t.code = @ticketCode and r.purpose <> 'notice' and (r.ticket_code is null or r.ticket_code = @ticketCode)
            order by r.purpose, r.id desc
            """;
        return (await connection.QueryAsync<ConsentRow>(new CommandDefinition(sql, new { ticketCode }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>True only after the citizen said yes (and did not withdraw): silence is not consent.</summary>
    public static async Task<bool> HasGrantedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string ticketCode, string purpose, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.answer from tickets t join consent_records r on r.zalo_user_id = t.citizen_zalo_id
            where t.code = @ticketCode and r.purpose = @purpose and (r.ticket_code is null or r.ticket_code = @ticketCode)
            order by r.id desc limit 1
            """;
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { ticketCode, purpose }, transaction, cancellationToken: cancellationToken)) == ConsentAnswers.Granted;
    }
}
