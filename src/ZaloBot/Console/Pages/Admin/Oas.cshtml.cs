using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Oas;

namespace ZaloBot.StaffConsole.Pages.Admin;

/// <summary>The connected OAs, their link state, events parked for OAs not connected, and the start of Zalo's OAuth v4 connect.</summary>
public sealed class OasModel(OaStore store, OaConnections connections, IConfiguration configuration) : PageModel
{
    public IReadOnlyList<OaStatus> Oas { get; private set; } = [];
    public IReadOnlyList<UnconnectedOaEvent> Unconnected { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Oas = await store.ListAsync(cancellationToken);
        Unconnected = await store.UnconnectedEventsAsync(20, cancellationToken);
    }

    /// <summary>Off to Zalo's permission page, with a fresh state and PKCE challenge.</summary>
    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken) =>
        Redirect((await connections.StartAsync(User.Staff().Id, OasApi.CallbackUri(HttpContext, configuration), cancellationToken)).AbsoluteUri);

    public static string StateText(OaStatus oa) =>
        oa.State != ZaloOa.Connected ? "Ngừng phục vụ"
        : oa.RefreshRefusedAt is not null ? "Zalo từ chối mã làm mới: cần kết nối lại"
        : !oa.HasRefreshToken ? "Chưa có mã truy cập: cần kết nối"
        : "Đang gửi tin";
}
