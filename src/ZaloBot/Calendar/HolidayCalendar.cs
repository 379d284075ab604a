using ZaloBot.Domain.Calendar;
using ZaloBot.Operations;

namespace ZaloBot.Calendar;

/// <summary>The working-day calendar built from the holidays table, cached briefly (holidays change a few times a year).</summary>
public sealed class HolidayCalendar(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly TimedCache<WorkingDayCalendar> _cache = new(TimeSpan.FromMinutes(1), time);

    public Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(async ct =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var days = await connection.QueryAsync<DateTime>(new CommandDefinition("select day::timestamp from holidays", cancellationToken: ct));
        return new WorkingDayCalendar(days.Select(DateOnly.FromDateTime));
    }, cancellationToken);

    public void Invalidate() => _cache.Invalidate();

    /// <summary>End of the working day, Vietnam time, <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, DateTimeOffset from, int workingDays)
    {
        var day = calendar.AddWorkingDays(WorkingDayCalendar.DateInVietnam(from), workingDays);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), WorkingDayCalendar.VietnamOffset).ToUniversalTime();
    }
}
