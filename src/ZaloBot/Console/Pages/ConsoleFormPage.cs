using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages;

/// <summary>
/// A console page whose forms answer on the page itself: the outcome of a post is shown above the page as it is now,
/// and a refused form is a 400 with the reason, never a bare error page.
/// </summary>
public abstract class ConsoleFormPage : PageModel
{
    public string? Message { get; protected set; }
    public bool IsError { get; private set; }

    /// <summary>What the page shows (called after every post, whatever its outcome).</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    protected async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        (Message, IsError) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }
}
