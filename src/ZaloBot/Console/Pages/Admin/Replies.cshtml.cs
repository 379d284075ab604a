using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ZaloBot.StaffConsole.Pages.Admin;

/// <summary>Canned replies for the composer: add, edit, retire.</summary>
public sealed class RepliesModel(CannedReplies replies) : PageModel
{
    public IReadOnlyList<CannedReply> Replies { get; private set; } = [];
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Replies = await replies.ListAsync(activeOnly: false, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? title, string? body, string? order, CancellationToken cancellationToken)
    {
        if (Invalid(title, body, order, out var sortOrder)) return await RefuseAsync(cancellationToken);
        await replies.AddAsync(title!.Trim(), body!.Trim(), sortOrder, cancellationToken);
        return Redirect("/console/admin/replies");
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id, string? title, string? body, string? order, string? active, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var replyId) || Invalid(title, body, order, out var sortOrder)) return await RefuseAsync(cancellationToken);
        if (!await replies.UpdateAsync(replyId, title!.Trim(), body!.Trim(), sortOrder, active is "1" or "on" or "true", cancellationToken)) return await RefuseAsync(cancellationToken);
        return Redirect("/console/admin/replies");
    }

    private static bool Invalid(string? title, string? body, string? order, out int sortOrder)
    {
        sortOrder = 0;
        return string.IsNullOrWhiteSpace(title) || title.Length > CannedReplies.MaxTitle
            || string.IsNullOrWhiteSpace(body) || body.Length > CannedReplies.MaxBody
            || (!string.IsNullOrEmpty(order) && (!int.TryParse(order, CultureInfo.InvariantCulture, out sortOrder) || sortOrder is < 0 or > 10_000));
    }

    private async Task<IActionResult> RefuseAsync(CancellationToken cancellationToken)
    {
        (Message, IsError) = ($"Cần tiêu đề (tối đa {CannedReplies.MaxTitle} ký tự), nội dung (tối đa {CannedReplies.MaxBody} ký tự) và thứ tự là số từ 0.", true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Replies = await replies.ListAsync(activeOnly: false, cancellationToken);
        return Page();
    }
}
