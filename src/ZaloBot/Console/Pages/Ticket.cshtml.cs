using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Calendar;
using ZaloBot.Domain.Calendar;
using ZaloBot.Staff;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

public sealed record OfferedAction(TicketAction Action, string Name, bool NeedsReason, bool NeedsResult, bool NeedsAgency);

public sealed record FilledReply(long Id, string Title, string Body);

/// <summary>
/// One ticket: the case at a glance, its thread, and the work on it. Every write goes through <see cref="TicketService"/>
/// (the same rules, audit and citizen notices as the API and the staff chat); only the actions the transition table
/// allows this role from this status are offered.
/// </summary>
public sealed partial class TicketModel(NpgsqlDataSource dataSource, TicketService tickets, ConsoleLookups lookups, CannedReplies canned,
    ConsoleAudit audit, Tracks.TrackSettings trackSettings, HolidayCalendar holidays, TimeProvider time) : PageModel
{
    /// <summary>Zalo's text messages allow about 2,000 characters; the agency's prefix takes the rest (as in the API).</summary>
    public const int MaxText = 1800;

    public StaffIdentity Staff { get; private set; } = null!;
    public TicketView Ticket { get; private set; } = null!;
    public Lookups Lookups { get; private set; } = null!;
    public IReadOnlyList<ThreadEntry> Thread { get; private set; } = [];
    /// <summary>The track, priority and clocks card; null when the ticket has no track row (never for a ticket the service wrote).</summary>
    public TrackCard? TrackCard { get; private set; }
    public IReadOnlyList<OfferedAction> Actions { get; private set; } = [];
    public IReadOnlyList<FilledReply> Canned { get; private set; } = [];
    public string? SuggestedAgency { get; private set; }
    public string? Phone { get; private set; }
    public bool PhoneRevealed { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string? Message { get; private set; }
    public bool IsError { get; private set; }
    /// <summary>What was typed, kept when a post is refused so nothing is lost.</summary>
    public string? Draft { get; private set; }
    public string? DraftKind { get; private set; }
    public string Stamp => Ticket.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string code, string? ok, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFoundPage();
        Message = ok switch
        {
            "reply" => "Đã gửi trả lời cho công dân.",
            "note" => "Đã lưu ghi chú nội bộ.",
            "held" => "Nội dung trả lời đang chờ duyệt trước khi gửi công dân.",
            _ when Enum.TryParse<TicketAction>(ok, true, out var done) && Enum.IsDefined(done) => $"Đã thực hiện: {ConsoleTexts.Action(done)}.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(string code, string? action, string? version, string? reason, string? result, string? agency, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFoundPage();
        if (!Enum.TryParse<TicketAction>(action, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(action, out _))
            return Refuse("Thao tác không hợp lệ.", StatusCodes.Status400BadRequest);
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            return Refuse("Biểu mẫu thiếu thông tin phiên bản của phiếu. Vui lòng tải lại trang.", StatusCodes.Status400BadRequest);
        if (reason is { Length: > MaxText } || result is { Length: > MaxText } || agency is { Length: > 50 })
            return Refuse($"Nội dung tối đa {MaxText} ký tự.", StatusCodes.Status400BadRequest);
        var needs = ConsoleTexts.Needs(parsed);
        if (needs.Reason && string.IsNullOrWhiteSpace(reason)) return Refuse("Vui lòng nhập lý do.", StatusCodes.Status400BadRequest);
        if (needs.Result && string.IsNullOrWhiteSpace(result)) return Refuse("Vui lòng nhập kết quả xử lý.", StatusCodes.Status400BadRequest);
        if (parsed == TicketAction.Transfer && string.IsNullOrWhiteSpace(agency)) return Refuse("Vui lòng chọn cơ quan nhận.", StatusCodes.Status400BadRequest);

        var outcome = await tickets.ApplyAsync(Staff, Ticket.Code, parsed,
            new TransitionInput(reason?.Trim(), result?.Trim(), string.IsNullOrWhiteSpace(agency) ? null : agency.Trim()), expected, cancellationToken);
        return outcome.Failure switch
        {
            null => Redirect($"/console/tickets/{Ticket.Code}?ok={(outcome.Held ? "held" : TicketActions.Of(parsed).Name)}"),
            TicketFailure.NotFound => NotFoundPage(),
            TicketFailure.Forbidden => Refuse("Vai trò của bạn không được thực hiện thao tác này.", StatusCodes.Status403Forbidden),
            TicketFailure.Conflict when expected != Ticket.Version => Refuse(
                "Phiếu này vừa được người khác thay đổi. Trang đã hiện thông tin mới nhất; vui lòng kiểm tra rồi thực hiện lại nếu vẫn cần.", StatusCodes.Status409Conflict),
            TicketFailure.Conflict => Refuse($"Không thể «{ConsoleTexts.Action(parsed)}» phiếu đang ở trạng thái «{ConsoleTexts.Status(Ticket.Status)}».", StatusCodes.Status409Conflict),
            _ => Refuse(parsed is TicketAction.Assign or TicketAction.Transfer ? "Cơ quan không hợp lệ hoặc phiếu đã ở cơ quan này." : "Thiếu thông tin cần thiết cho thao tác này.", StatusCodes.Status400BadRequest),
        };
    }

    public Task<IActionResult> OnPostReplyAsync(string code, string? text, string? cannedId, string? stamp, IFormFile? photo, CancellationToken cancellationToken) =>
        AddToThreadAsync(code, "reply", text, cannedId, stamp, cancellationToken, photo);

    public Task<IActionResult> OnPostNoteAsync(string code, string? text, string? stamp, CancellationToken cancellationToken) =>
        AddToThreadAsync(code, "note", text, null, stamp, cancellationToken);

    private async Task<IActionResult> AddToThreadAsync(string code, string kind, string? text, string? cannedId, string? stamp, CancellationToken cancellationToken, IFormFile? photo = null)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFoundPage();
        (Draft, DraftKind) = (text, kind);
        if (kind == "reply" && string.IsNullOrWhiteSpace(text) && long.TryParse(cannedId, CultureInfo.InvariantCulture, out var id))
            text = Canned.FirstOrDefault(c => c.Id == id)?.Body;
        if (string.IsNullOrWhiteSpace(text)) return Refuse("Vui lòng nhập nội dung.", StatusCodes.Status400BadRequest);
        if (text.Length > MaxText) return Refuse($"Nội dung tối đa {MaxText} ký tự.", StatusCodes.Status400BadRequest);
        // The page's stamp: a repeated post (double click, refresh) or a colleague's reply meanwhile is shown before anything is sent twice.
        if (stamp != Stamp)
            return Refuse("Phiếu đã có thay đổi từ khi bạn mở trang (có thể nội dung này đã được gửi). Vui lòng xem lại trao đổi bên dưới trước khi gửi lại.", StatusCodes.Status409Conflict);

        if (kind == "reply" && photo is { Length: > 0 }) return await PhotoReplyAsync(photo, text.Trim(), cancellationToken);
        var outcome = kind == "reply"
            ? await tickets.ReplyAsync(Staff, Ticket.Code, text.Trim(), cancellationToken)
            : await tickets.AddNoteAsync(Staff, Ticket.Code, text.Trim(), cancellationToken);
        return outcome.Failure switch
        {
            null => Redirect($"/console/tickets/{Ticket.Code}?ok={(outcome.Held ? "held" : kind)}"),
            TicketFailure.NotFound => NotFoundPage(),
            _ => Refuse($"Không thể trả lời phiếu đang ở trạng thái «{ConsoleTexts.Status(Ticket.Status)}». Mở lại phiếu trước khi trả lời.", StatusCodes.Status409Conflict),
        };
    }

    /// <summary>Shows the citizen's full phone number to this staff member, and records that they saw it.</summary>
    public async Task<IActionResult> OnPostRevealPhoneAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFoundPage();
        if (Ticket.ContactPhone is null) return Page();
        if (CallBackRefused) return Refuse("Người dân không đồng ý được gọi điện: chỉ liên hệ qua Zalo.", StatusCodes.Status403Forbidden);
        await audit.WriteAsync(Staff.Id, ConsoleAuditKinds.PhoneRevealed, ticketCode: Ticket.Code, remoteIp: HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);
        Phone = ZaloBot.Domain.Contacts.VietnamesePhone.Display(Ticket.ContactPhone);
        PhoneRevealed = true;
        return Page();
    }

    private IActionResult Refuse(string message, int status)
    {
        (Message, IsError) = (message, true);
        Response.StatusCode = status;
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_TicketNotFound");
    }

    /// <summary>The ticket, if it exists and this staff member may see it (agency scope exactly as the API).</summary>
    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Staff = User.Staff();
        if (!TicketCode.TryParse(code, out var parsed) || code.Length > 20) return false;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ticket = await TicketQueries.ByCodeAsync(connection, null, parsed.Value, forUpdate: false, cancellationToken);
        if (ticket is null || !Staff.CanSee(ticket.AssignedAgencyCode)) return false;
        ticket = await WithPrivacyAsync(connection, ticket, cancellationToken);
        Ticket = ticket;
        Lookups = await lookups.GetAsync(cancellationToken);
        Thread = WithoutDenouncerPhotos(await ConsoleThread.LoadAsync(connection, ticket, Lookups, cancellationToken));
        await LoadReachAsync(connection, ticket, cancellationToken);
        TrackCard = await StaffConsole.TrackCard.LoadAsync(connection, ticket, trackSettings, holidays, time.GetUtcNow(), cancellationToken);
        Phone = ticket.ContactPhone is null ? null : ConsoleThread.MaskPhone(ticket.ContactPhone);

        Actions = TicketActions.Available(ticket.Status, Staff.Role)
            .Select(a => new OfferedAction(a.Action, a.ConsoleLabel, a.Needs.HasFlag(ActionNeeds.Reason), a.Needs.HasFlag(ActionNeeds.Result), a.Needs.HasFlag(ActionNeeds.Agency)))
            .ToList();
        if (Actions.Any(a => a.Action == TicketAction.Assign))
            SuggestedAgency = await TicketService.RouteAsync(connection, null, ticket, cancellationToken);

        if (ticket.DueAt is { } due)
            DueDate = WorkingDayCalendar.DateInVietnam(new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)));
        var agencyName = Lookups.Agency(ticket.AssignedAgencyCode ?? Staff.AgencyCode);
        Canned = (await canned.ListAsync(activeOnly: true, cancellationToken))
            .Select(c => new FilledReply(c.Id, c.Title, CannedReplies.Fill(c.Body, ticket.Code, DueDate, string.IsNullOrEmpty(agencyName) ? null : agencyName)))
            .ToList();
        return true;
    }

    public static string Local(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(WorkingDayCalendar.VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
