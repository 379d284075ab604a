using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Staff;
using ZaloBot.Tickets;
using ZaloBot.Tracks;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>
/// The console's track forms on a ticket — track, priority, extension, approve or return an answer — posted here
/// and done by <see cref="TrackService"/> (the same rules, audit and notices as the API and the staff chat), then back
/// to the ticket page with the outcome.
/// </summary>
public sealed class TrackActionsModel(TrackService tracks) : PageModel
{
    public const int MaxText = 1800;

    public IActionResult OnGet(string code) => Back(code, null);

    public async Task<IActionResult> OnPostAsync(string code, string? op, string? value, string? text, string? version, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var parsed) || code.Length > 20) return NotFound();
        if (text is { Length: > MaxText } || value is { Length: > 20 }) return Back(parsed.Value, "invalid");
        int? expected = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var staff = User.Staff();
        var ticket = parsed.Value;
        var result = op switch
        {
            "track" => await tracks.ChangeTrackAsync(staff, ticket, value ?? "", string.IsNullOrWhiteSpace(text) ? null : text.Trim(), expected, cancellationToken),
            "priority" => await tracks.SetPriorityAsync(staff, ticket, value ?? "", expected, cancellationToken),
            "extend" => await tracks.ExtendAsync(staff, ticket, text?.Trim(), expected, cancellationToken),
            "approve" => await tracks.ApproveAsync(staff, ticket, expected, cancellationToken),
            "return" => await tracks.ReturnAsync(staff, ticket, text?.Trim(), expected, cancellationToken),
            _ => null,
        };
        if (result is null) return Back(ticket, "invalid");
        return result.Failure switch
        {
            null => Back(ticket, null, op),
            TicketFailure.NotFound => NotFound(),
            TicketFailure.Forbidden => Back(ticket, "forbidden"),
            TicketFailure.Conflict => Back(ticket, "conflict"),
            _ => Back(ticket, "invalid"),
        };
    }

    private RedirectResult Back(string code, string? error, string? done = null) =>
        Redirect($"/console/tickets/{Uri.EscapeDataString(code)}" + (error is not null ? $"?tracks_error={error}" : done is not null ? $"?tracks_done={done}" : ""));
}
