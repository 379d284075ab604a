using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.SimilarReports;
using ZaloBot.Staff;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>A ticket's similar reports, and linking it as a duplicate of one of them.</summary>
public sealed class SimilarReportsModel(NpgsqlDataSource dataSource, SimilarReportFinder finder, DuplicateLinks links) : PageModel
{
    public string Code { get; private set; } = "";
    public IReadOnlyList<SimilarTicket> Similar { get; private set; } = [];
    public bool MayLink { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(string code, string? mainCode, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var duplicate) || !TicketCode.TryParse(mainCode, out var main)) return NotFound();
        var result = await links.LinkAsync(StaffIdentity.From(User), duplicate.Value, main.Value, null, cancellationToken);
        if (result.Failure is null) return Redirect($"/console/tickets/{duplicate.Value}");
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        Message = result.Detail;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (!TicketCode.TryParse(code, out var parsed)) return false;
        var staff = StaffIdentity.From(User);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var similar = await SimilarReportsApi.ForTicketAsync(connection, finder, staff, parsed.Value, cancellationToken);
        if (similar is null) return false;
        (Code, Similar, MayLink) = (parsed.Value, similar, DuplicateLinks.MayLink(staff.Role));
        return true;
    }
}
