using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.OutboundWebhooks;

namespace ZaloBot.StaffConsole.Pages.Admin;

/// <summary>
/// Other systems' endpoints (registered through /api/webhooks): whether each is receiving, failing or switched off
/// after a day of failures — the warning admins must see — and turning one back on.
/// </summary>
public sealed class WebhooksModel(NpgsqlDataSource db) : PageModel
{
    public IReadOnlyList<WebhookEndpointView> Endpoints { get; private set; } = [];

    public IEnumerable<WebhookEndpointView> Disabled => Endpoints.Where(e => !e.Enabled);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Endpoints = await WebhookEndpoints.ListAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(long id, CancellationToken cancellationToken)
    {
        if (!await WebhookEndpoints.EnableAsync(db, id, cancellationToken)) return NotFound();
        return RedirectToPage();
    }

    public static string StateText(WebhookEndpointView endpoint) =>
        !endpoint.Enabled ? "Đã tắt vì lỗi liên tục"
        : endpoint.FailingSince is { } since ? $"Đang lỗi từ {since.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC"
        : "Đang nhận tin";

    public static string Host(WebhookEndpointView endpoint) => Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) ? uri.Host : endpoint.Url;
}
