using ZaloBot.Domain.Tracks;
using ZaloBot.Operations;

namespace ZaloBot.Tracks;

/// <summary>The clocks as the operator keeps them: tracks, priorities and office hours, read from the database.</summary>
public sealed record ClockRules(IReadOnlyList<TrackRule> Tracks, IReadOnlyList<PriorityRule> Priorities, WorkingHours OfficeHours)
{
    public TrackRule Track(string code) => Tracks.FirstOrDefault(t => t.Code == code) ?? TicketTracks.Defaults.First(t => t.Code == code);

    public PriorityRule Priority(string code) => Priorities.FirstOrDefault(p => p.Code == code) ?? ZaloBot.Domain.Tracks.Priorities.Defaults.First(p => p.Code == code);
}

/// <summary>Reads <c>ticket_tracks</c>, <c>ticket_priorities</c> and <c>office_hours</c>, cached for a minute (an operator's UPDATE shows within it).</summary>
public sealed class TrackSettings(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly TimedCache<ClockRules> _cache = new(TimeSpan.FromMinutes(1), time);

    public Task<ClockRules> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(LoadAsync, cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    private async Task<ClockRules> LoadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select code, name, acceptance_days as AcceptanceDays, acceptance_day_kind as AcceptanceDayKind, resolution_days as ResolutionDays,
                   resolution_day_kind as ResolutionDayKind, max_extensions as MaxExtensions, extension_days as ExtensionDays,
                   extension_day_kind as ExtensionDayKind, keywords
            from ticket_tracks order by code;
            select code, first_response_working_hours::float8 as Hours, keywords from ticket_priorities order by code;
            select morning_start as MorningStart, morning_end as MorningEnd, afternoon_start as AfternoonStart, afternoon_end as AfternoonEnd
            from office_hours where id = 1;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var tracks = (await results.ReadAsync<TrackRuleView>()).Select(ToRule).ToList();
        var priorities = (await results.ReadAsync<PriorityRow>()).Select(p => new PriorityRule(p.Code, p.Hours, p.Keywords)).ToList();
        var hours = await results.ReadSingleOrDefaultAsync<HoursRow>();
        var office = hours is null ? WorkingHours.Default
            : new WorkingHours(TimeOnly.FromTimeSpan(hours.MorningStart), TimeOnly.FromTimeSpan(hours.MorningEnd), TimeOnly.FromTimeSpan(hours.AfternoonStart), TimeOnly.FromTimeSpan(hours.AfternoonEnd));
        return new ClockRules(tracks, priorities, office);
    }

    private static TrackRule ToRule(TrackRuleView r)
    {
        var builtIn = TicketTracks.Defaults.FirstOrDefault(d => d.Code == r.Code);
        var (acceptance, resolution, extension) = (DayKinds.Parse(r.AcceptanceDayKind), DayKinds.Parse(r.ResolutionDayKind), DayKinds.Parse(r.ExtensionDayKind));
        return new TrackRule(r.Code, r.Name, r.AcceptanceDays, acceptance, r.ResolutionDays, resolution, r.MaxExtensions, r.ExtensionDays, extension,
            r.Keywords, builtIn?.Explanation ?? TrackTexts.PaknExplanation);
    }

    // A class rather than a positional record, like TrackRuleView: Dapper reports text[] as System.Array when matching constructors.
    private sealed class PriorityRow
    {
        public string Code { get; init; } = "";
        public double Hours { get; init; }
        public string[] Keywords { get; init; } = [];
    }

    private sealed class HoursRow
    {
        public TimeSpan MorningStart { get; init; }
        public TimeSpan MorningEnd { get; init; }
        public TimeSpan AfternoonStart { get; init; }
        public TimeSpan AfternoonEnd { get; init; }
    }
}
