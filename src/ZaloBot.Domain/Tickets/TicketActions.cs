using System.Globalization;

namespace ZaloBot.Domain.Tickets;

public enum TicketAction
{
    Accept,
    Reject,
    Assign,
    Transfer,
    Start,
    Hold,
    Resume,
    Resolve,
    Reopen,
    Close,
}

/// <summary>What an action needs from the one who takes it.</summary>
[Flags]
public enum ActionNeeds
{
    Nothing = 0,
    Reason = 1,
    Result = 2,
    Agency = 4,
}

/// <summary>What an action does to the ticket's resolution clock (the due date).</summary>
public enum ClockEffect
{
    /// <summary>The due date stays as it is.</summary>
    Keeps,
    /// <summary>Acceptance starts the resolution clock: the track's period, else the category's working days.</summary>
    Starts,
    /// <summary>A transfer keeps the original due date, but the receiving agency never gets less than a few working days.</summary>
    KeepsWithMinimum,
    /// <summary>A reopened ticket gets a fresh, short period.</summary>
    Restarts,
    /// <summary>The clock stops: the moment is kept so that resuming can give the time back.</summary>
    Pauses,
    /// <summary>The clock runs again, the due date pushed by the working days the hold covered (see <c>HeldClock</c>).</summary>
    Resumes,
}

/// <summary>Who hears about an action besides the citizen.</summary>
public enum StaffPushTarget
{
    None,
    /// <summary>The agency the ticket now belongs to (it has new work).</summary>
    NewAgency,
    /// <summary>The ticket's agency, or intake when it has none (a citizen reopened it).</summary>
    AgencyOrIntake,
}

/// <summary>The facts a citizen's notice is written from.</summary>
/// <param name="Track">The case's legal track: the notice names it as the law does (phản ánh, khiếu nại, tố cáo).</param>
public sealed record NoticeFacts(string Code, string? AgencyName, string? Reason, string? Result, DateOnly? Due, string Track = "pakn")
{
    /// <summary>"Phản ánh", "Khiếu nại" or "Tố cáo", to open a sentence.</summary>
    public string Case => TicketNotifications.CaseNoun(Track);

    /// <summary>The same inside a sentence.</summary>
    public string CaseLower => Case.ToLowerInvariant();

    public string Thanks => Track is "khieu_nai" or "to_cao" ? $"Cảm ơn bạn đã gửi {CaseLower}." : "Cảm ơn bạn đã phản ánh.";
}

/// <summary>
/// One ticket action, in full: from which statuses, to which, by whom, what it needs, whether an approval rule holds
/// it, what the citizen is told (and under which notice kind, for templates), who among staff is pushed, how the
/// console and the staff chat call it, and what it does to the resolution clock.
/// </summary>
public sealed record TicketActionSpec(
    TicketAction Action,
    TicketStatus[] From,
    TicketStatus To,
    StaffRole[] Roles,
    ActionNeeds Needs,
    bool HeldByApproval,
    bool CitizenMay,
    string NoticeKind,
    Func<NoticeFacts, string> CitizenNotice,
    StaffPushTarget StaffPush,
    string ConsoleLabel,
    string? ChatVerb,
    ClockEffect Clock,
    string Summary,
    string Past)
{
    /// <summary>The action's name in the API's path and in the audit trail ("accept", "reopen").</summary>
    public string Name => Action.ToString().ToLowerInvariant();

    public string? Missing(TransitionInput input)
    {
        if (Needs.HasFlag(ActionNeeds.Agency) && string.IsNullOrWhiteSpace(input.AgencyCode)) return "The agency to assign is required.";
        if (Needs.HasFlag(ActionNeeds.Reason) && string.IsNullOrWhiteSpace(input.Reason)) return "A reason is required.";
        if (Needs.HasFlag(ActionNeeds.Result) && string.IsNullOrWhiteSpace(input.Result)) return "The result of the handling is required.";
        return null;
    }
}

/// <summary>
/// Every ticket action, in one table. The API's endpoints, the console's buttons and forms, the staff chat's verbs and
/// the citizen's notices are made from these rows; anything not in the table is refused. Adding an action is adding
/// a row (and, when it brings a status, the status to <see cref="TicketStatus"/>).
/// </summary>
public static class TicketActions
{
    private static readonly StaffRole[] Oversight = [StaffRole.Supervisor, StaffRole.Admin];

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<TicketActionSpec> All =
    [
        new(TicketAction.Accept, [TicketStatus.Received], TicketStatus.Accepted, [StaffRole.IntakeOfficer, .. Oversight], ActionNeeds.Nothing,
            HeldByApproval: false, CitizenMay: false, "accepted",
            f => $"{f.Case} {f.Code} đã được tiếp nhận xử lý." + (f.Due is { } d ? $" Hạn trả lời: {Date(d)}." : ""),
            StaffPushTarget.None, "Tiếp nhận", "tiep nhan", ClockEffect.Starts,
            "Accept a received ticket (sets the due date in working days).", "accepted"),
        new(TicketAction.Reject, [TicketStatus.Received, TicketStatus.Accepted], TicketStatus.Rejected, [StaffRole.IntakeOfficer, StaffRole.DiagnosisOfficer, .. Oversight], ActionNeeds.Reason,
            HeldByApproval: false, CitizenMay: false, "rejected",
            f => $"{f.Case} {f.Code} không thuộc phạm vi tiếp nhận của kênh này. Lý do: {f.Reason}",
            StaffPushTarget.None, "Từ chối", "tu choi", ClockEffect.Keeps,
            "Reject as out of scope (reason required).", "rejected"),
        new(TicketAction.Assign, [TicketStatus.Accepted], TicketStatus.Assigned, [StaffRole.DiagnosisOfficer, .. Oversight], ActionNeeds.Agency,
            HeldByApproval: false, CitizenMay: false, "assigned",
            f => $"{f.Case} {f.Code} đã được chuyển đến {f.AgencyName} để xử lý.",
            StaffPushTarget.NewAgency, "Giao xử lý", null, ClockEffect.Keeps,
            "Assign an accepted ticket to an agency (agencyCode; without it, the routing rules decide: category and ward, else the category's default agency).", "assigned"),
        new(TicketAction.Transfer, [TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Assigned, [StaffRole.DiagnosisOfficer, StaffRole.AgencyHandler, .. Oversight], ActionNeeds.Agency | ActionNeeds.Reason,
            HeldByApproval: false, CitizenMay: false, "transferred",
            f => $"{f.Case} {f.Code} được chuyển sang {f.AgencyName} xử lý. Lý do: {f.Reason}",
            StaffPushTarget.NewAgency, "Chuyển cơ quan khác", "chuyen", ClockEffect.KeepsWithMinimum,
            "Transfer to another agency (agencyCode and reason required).", "transferred"),
        new(TicketAction.Start, [TicketStatus.Assigned], TicketStatus.InProgress, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], ActionNeeds.Nothing,
            HeldByApproval: false, CitizenMay: false, "started",
            f => $"{f.AgencyName} đang xử lý {f.CaseLower} {f.Code}.",
            StaffPushTarget.None, "Bắt đầu xử lý", "bat dau", ClockEffect.Keeps,
            "Start handling (on site or at the agency).", "started"),
        new(TicketAction.Hold, [TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.OnHold, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], ActionNeeds.Reason,
            HeldByApproval: false, CitizenMay: false, "on_hold",
            f => $"{f.Case} {f.Code} tạm dừng xử lý. Lý do: {f.Reason?.TrimEnd('.')}. Thời hạn giải quyết được tính tiếp khi xử lý trở lại.",
            StaffPushTarget.None, "Tạm dừng", "tam dung", ClockEffect.Pauses,
            "Put on hold with a reason (reason required); the resolution clock pauses until the ticket resumes.", "put on hold"),
        new(TicketAction.Resume, [TicketStatus.OnHold], TicketStatus.InProgress, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], ActionNeeds.Nothing,
            HeldByApproval: false, CitizenMay: false, "resumed",
            f => $"{f.Case} {f.Code} được tiếp tục xử lý." + (f.Due is { } d ? $" Hạn giải quyết: {Date(d)}." : ""),
            StaffPushTarget.None, "Tiếp tục xử lý", "tiep tuc", ClockEffect.Resumes,
            "Resume a ticket on hold (reason optional); the due date moves by the working days the hold covered.", "resumed"),
        new(TicketAction.Resolve, [TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Resolved, [StaffRole.FieldOfficer, StaffRole.AgencyHandler, .. Oversight], ActionNeeds.Result,
            HeldByApproval: true, CitizenMay: false, "resolved",
            f => $"{f.Case} {f.Code} đã được giải quyết. Kết quả: {f.Result}",
            StaffPushTarget.None, "Báo đã giải quyết", "giai quyet", ClockEffect.Keeps,
            "Resolve with the result (result required); the citizen is asked for a rating.", "resolved"),
        new(TicketAction.Reopen, [TicketStatus.Resolved], TicketStatus.InProgress, [StaffRole.IntakeOfficer, .. Oversight], ActionNeeds.Reason,
            HeldByApproval: false, CitizenMay: true, "reopened",
            f => $"{f.Case} {f.Code} được mở lại để tiếp tục xử lý. Lý do: {f.Reason}",
            StaffPushTarget.AgencyOrIntake, "Mở lại", "mo lai", ClockEffect.Restarts,
            "Reopen a resolved ticket within the reopen window (reason required).", "reopened"),
        new(TicketAction.Close, [TicketStatus.Resolved], TicketStatus.Closed, [StaffRole.IntakeOfficer, .. Oversight], ActionNeeds.Nothing,
            HeldByApproval: false, CitizenMay: false, "closed",
            f => $"{f.Case} {f.Code} đã hoàn tất và được đóng. {f.Thanks}",
            StaffPushTarget.None, "Đóng phiếu", "dong", ClockEffect.Keeps,
            "Close a resolved ticket.", "closed"),
    ];

    private static readonly Dictionary<TicketAction, TicketActionSpec> ByAction = All.ToDictionary(s => s.Action);

    /// <summary>The row of an action; every value of <see cref="TicketAction"/> has one (a test walks them all).</summary>
    public static TicketActionSpec Of(TicketAction action) =>
        ByAction.TryGetValue(action, out var spec) ? spec : throw new InvalidOperationException($"The action {action} has no row in the table.");

    /// <summary>The actions this role may take on a ticket in this status, in table order (console buttons).</summary>
    public static IEnumerable<TicketActionSpec> Available(TicketStatus status, StaffRole role) =>
        All.Where(s => s.From.Contains(status) && s.Roles.Contains(role));
}
