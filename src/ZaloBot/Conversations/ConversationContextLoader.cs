using System.Security.Cryptography;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Conversations;

namespace ZaloBot.Conversations;

/// <summary>
/// Loads what the engine needs for one citizen's message. Reference data (categories, wards, centres, holidays)
/// changes rarely and is cached briefly; the citizen's state, tickets and privacy answers are read in the caller's
/// transaction, in one round trip.
/// </summary>
public sealed class ConversationContextLoader(ZaloBot.Calendar.HolidayCalendar holidays, TimeProvider time, ZaloBot.Understanding.PhraseTableProvider phrases,
    ZaloBot.Tracks.TrackSettings tracks, ZaloBot.Information.ArticleCatalog articles, ZaloBot.Privacy.ConsentRecords consents,
    Microsoft.Extensions.Options.IOptions<ZaloBot.Understanding.UnderstandingOptions> understanding) : IDisposable
{
    private static readonly TimeSpan ReferenceDataTtl = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ReferenceData? _reference;

    /// <summary>The citizen's state (locked for this transaction; null when they have none) and the engine's context for their turn.</summary>
    public async Task<(ConversationState? State, ConversationContext Context)> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloBot.Zalo.ZaloRecipient citizen, ConversationLimits limits, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(connection, transaction, cancellationToken);
        var calendar = await holidays.GetAsync(cancellationToken);
        var today = WorkingDayCalendar.DateInVietnam(time.GetUtcNow());
        var categories = reference.Categories
            .Select(c => new CategoryOption(c.Code, c.Name, c.Keywords, calendar.AddWorkingDays(today, c.DeadlineWorkingDays))
                { Publishable = c.Publication != "never", PublishByDefault = c.PublishByDefault })
            .ToList();
        var citizenReads = await CitizenAsync(connection, transaction, citizen, today, cancellationToken);
        var clocks = await tracks.GetAsync(cancellationToken);
        return (citizenReads.State, new ConversationContext(categories, reference.Areas, reference.Centres, citizenReads.Tickets, citizenReads.Code, limits)
        {
            Understanding = phrases.Current,
            Privacy = citizenReads.Privacy,
            Tracks = clocks.Tracks, Priorities = clocks.Priorities,
            ReopenableTickets = citizenReads.Reopenable,
            Articles = await articles.GetAsync(cancellationToken),
            Emergency = understanding.Value.Emergency,
        });
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Drops cached reference data, e.g. after an admin edit in this process.</summary>
    public void Invalidate() => _reference = null;

    private async Task<ReferenceData> ReferenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_reference is { } cached && now - cached.LoadedAt < ReferenceDataTtl) return cached;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_reference is { } fresh && now - fresh.LoadedAt < ReferenceDataTtl) return fresh;
            const string sql = """
                select code, name, keywords, deadline_working_days as DeadlineWorkingDays, publication, publish_by_default as PublishByDefault
                from categories where active order by sort_order, code;
                select code, name from areas order by name;
                select code, name from service_centres where active order by code;
                """;
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            var categories = (await results.ReadAsync<CategoryRow>()).ToList();
            var areas = (await results.ReadAsync<AreaOption>()).ToList();
            var centres = (await results.ReadAsync<ServiceCentreOption>()).ToList();
            _reference = new ReferenceData(categories, areas, centres, now);
            return _reference;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record CitizenReads(ConversationState? State, IReadOnlyList<CitizenTicket> Tickets, string Code, IReadOnlySet<string> Reopenable,
        ZaloBot.Domain.Privacy.PrivacyContext Privacy);

    /// <summary>
    /// The citizen's state, tickets, a free code for a new one, the tickets they may reopen and their privacy answers: one
    /// round trip, since every turn needs them all. A code that happens to be taken is replaced by <see cref="NewTicketCodeAsync"/>.
    /// </summary>
    private async Task<CitizenReads> CitizenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ZaloBot.Zalo.ZaloRecipient citizen, DateOnly today, CancellationToken cancellationToken)
    {
        const string sql = ConversationStore.LoadForUpdateSql + ";\n" + """
            select t.code, c.name as CategoryName, t.status, t.due_at as DueAt, t.track,
                   (select e.body from ticket_events e
                    where e.ticket_id = t.id and e.is_public and e.actor_kind <> 'citizen' and e.body is not null
                    order by e.id desc limit 1) as LatestPublicUpdate
            from tickets t join categories c on c.code = t.category_code
            where t.citizen_zalo_id = @citizenZaloId
            order by t.id desc
            limit 20;
            """ + CodeTakenSql + ";\n" + ZaloBot.Tracks.CitizenFeedback.ReopenableSql + ";\n" + ZaloBot.Privacy.ConsentRecords.LatestAnswersSql;
        var code = TicketCode.Generate(today, RandomNumberGenerator.GetInt32).Value;
        var (since, resolved) = ZaloBot.Tracks.CitizenFeedback.ReopenableWindow(time.GetUtcNow());
        // Tickets, feedback and privacy records are found by the user id, which Zalo never gives to two people on different OAs.
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { oaId = citizen.OaId, userId = citizen.UserId, citizenZaloId = citizen.UserId, variants = TicketCodePrefix.Variants(code).ToArray(), since, resolved, consentOaId = citizen.OaId },
            transaction, cancellationToken: cancellationToken));
        var state = ConversationStore.Read(await results.ReadSingleOrDefaultAsync<string>(), ConversationStateJson.Default.ConversationState);
        var tickets = (await results.ReadAsync<TicketRow>()).Select(r => new CitizenTicket(
                r.Code, r.CategoryName, TicketStatusText.ForCitizen(r.Status), r.Status.IsOpen(),
                r.DueAt is { } due ? WorkingDayCalendar.DateInVietnam(new DateTimeOffset(due, TimeSpan.Zero)) : null,
                r.LatestPublicUpdate, CanBeRated: r.Status.HasResult(), Track: r.Track))
            .ToList();
        var taken = await results.ReadSingleAsync<bool>();
        var reopenable = (await results.ReadAsync<string>()).ToHashSet();
        var privacy = consents.ToContext(await results.ReadAsync<(string, string, int)>());
        if (taken) code = await NewTicketCodeAsync(connection, transaction, today, cancellationToken);
        return new CitizenReads(state, tickets, code, reopenable, privacy);
    }

    // The track chosen at submission may turn PA- into KN- or TC-: the code must be free under every prefix.
    private const string CodeTakenSql = "select exists (select 1 from tickets where code = any(@variants))";

    internal static async Task<string> NewTicketCodeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly today, CancellationToken cancellationToken)
    {
        // 32^4 codes a month: collisions are rare but possible, so reserve one that is not taken yet.
        while (true)
        {
            var code = TicketCode.Generate(today, RandomNumberGenerator.GetInt32).Value;
            var variants = TicketCodePrefix.Variants(code).ToArray();
            var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(CodeTakenSql, new { variants }, transaction, cancellationToken: cancellationToken));
            if (!taken) return code;
        }
    }

    // A class rather than a positional record: Dapper reports text[] as System.Array when matching constructors.
    private sealed class CategoryRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string[] Keywords { get; init; } = [];
        public int DeadlineWorkingDays { get; init; }
        public string Publication { get; init; } = "never";
        public bool PublishByDefault { get; init; }
    }

    private sealed record TicketRow(string Code, string CategoryName, TicketStatus Status, DateTime? DueAt, string Track, string? LatestPublicUpdate);

    private sealed record ReferenceData(
        IReadOnlyList<CategoryRow> Categories,
        IReadOnlyList<AreaOption> Areas,
        IReadOnlyList<ServiceCentreOption> Centres,
        DateTimeOffset LoadedAt);
}
