using Microsoft.AspNetCore.Mvc;
using ZaloBot.Privacy;
using ZaloBot.Tickets;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>The ticket page's personal-data part: what the citizen agreed to, and a tố cáo's denouncer withheld until an audited reveal.</summary>
public sealed partial class TicketModel
{
    public IReadOnlyList<ConsentRow> Consents { get; private set; } = [];
    public bool DenouncerWithheld { get; private set; }
    public bool MayRevealDenouncer { get; private set; }
    public bool DenouncerRevealed { get; private set; }
    private TicketView? _withheldFrom;

    /// <summary>Run as the ticket loads, before its thread: a tố cáo shows no identity (name, phone, Zalo id, location, the citizen's photos).</summary>
    private async Task<TicketView> WithPrivacyAsync(NpgsqlConnection connection, TicketView ticket, CancellationToken cancellationToken)
    {
        Consents = await ConsentRecords.ForTicketAsync(connection, ticket.Code, cancellationToken);
        DenouncerWithheld = (await DenouncerProtection.ProtectedAsync(connection, [ticket.Id], cancellationToken)).Count > 0;
        if (!DenouncerWithheld) return ticket;
        MayRevealDenouncer = DenouncerProtection.MayReveal(Staff, ticket.AssignedAgencyCode);
        _withheldFrom = ticket;
        return DenouncerProtection.Withhold(ticket);
    }

    private IReadOnlyList<ThreadEntry> WithoutDenouncerPhotos(IReadOnlyList<ThreadEntry> thread) =>
        DenouncerWithheld ? thread.Select(e => e.Css == "citizen" ? e with { Attachments = [] } : e).ToList() : thread;

    /// <summary>The citizen said no to a call-back (or withdrew it): their number is not shown for calling.</summary>
    public bool CallBackRefused => Consents.Any(c => c.Purpose == Domain.Privacy.Purposes.CallBack
                                                    && c.Answer is Domain.Privacy.ConsentAnswers.Refused or Domain.Privacy.ConsentAnswers.Withdrawn);

    public bool Agreed(string purpose) => Consents.Any(c => c.Purpose == purpose && c.Answer == Domain.Privacy.ConsentAnswers.Granted);

    public async Task<IActionResult> OnPostRevealDenouncerAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFoundPage();
        if (!DenouncerWithheld || _withheldFrom is null) return Page();
        if (!MayRevealDenouncer) return Refuse("Chỉ cán bộ cơ quan được giao giải quyết và lãnh đạo được xem danh tính người tố cáo.", StatusCodes.Status403Forbidden);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await audit.IdentityRevealedAsync(connection, Staff.Id, Ticket.Code, HttpContext.Connection.RemoteIpAddress?.ToString(), "console", time.GetUtcNow(), cancellationToken);
        Ticket = _withheldFrom;
        Phone = Ticket.ContactPhone is null ? null : Domain.Contacts.VietnamesePhone.Display(Ticket.ContactPhone);
        PhoneRevealed = true;
        DenouncerRevealed = true;
        Thread = await ConsoleThread.LoadAsync(connection, Ticket, Lookups, cancellationToken);
        return Page();
    }
}
