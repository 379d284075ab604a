using Dapper;
using Npgsql;
using ZaloBot.Domain.Calendar;

namespace ZaloBot.Calendar;

/// <summary>The working-day calendar built from the holidays table, cached briefly (holidays change a few times a year).</summary>
public sealed class HolidayCalendar(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);
    private (WorkingDayCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.LoadedAt < Ttl) return cached.Calendar;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var days = await connection.QueryAsync<DateTime>(new CommandDefinition("select day::timestamp from holidays", cancellationToken: cancellationToken));
        var calendar = new WorkingDayCalendar(days.Select(DateOnly.FromDateTime));
        _cached = (calendar, now);
        return calendar;
    }

    public void Invalidate() => _cached = null;

    /// <summary>End of the working day, Vietnam time, <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    public static DateTimeOffset DueAt(WorkingDayCalendar calendar, DateTimeOffset from, int workingDays)
    {
        var day = calendar.AddWorkingDays(WorkingDayCalendar.DateInVietnam(from), workingDays);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), WorkingDayCalendar.VietnamOffset).ToUniversalTime();
    }
}
