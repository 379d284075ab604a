using ZaloBot.Domain.Reports;

namespace ZaloBot.Reports;

/// <summary>
/// The weekly and monthly reports pushed to leaders in Zalo. Who receives them is data an admin controls: linked
/// supervisors get the province's, linked heads of an agency (Quản trị → Cán bộ, "Lãnh đạo cơ quan") their agency's.
/// </summary>
public sealed class ScheduledReportsOptions
{
    public const string Section = "Reports:Scheduled";

    /// <summary>Run the job in this process (any number of replicas may: each report goes once per leader).</summary>
    public bool Enabled { get; set; } = true;

    public bool Weekly { get; set; } = true;

    public bool Monthly { get; set; } = true;

    /// <summary>Time of day, Vietnam time, on the first working day after the period (07:30, before the working day).</summary>
    public TimeSpan SendAt { get; set; } = new(7, 30, 0);

    /// <summary>A report missed while the service was down is still sent this long after its time, not later.</summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the job looks whether a report is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ReportCadence> Cadences() =>
        new[] { (Weekly, ReportCadence.Weekly), (Monthly, ReportCadence.Monthly) }.Where(c => c.Item1).Select(c => c.Item2);
}
