using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Staff;

namespace ZaloBot.StaffConsole.Pages.Admin;

public sealed record StaffRow(long Id, string Name, string? Login, string Role, string? AgencyCode, bool Active, bool ZaloLinked, bool PasswordSet, int LiveSessions, bool AgencyHead);

/// <summary>Staff accounts for admins: create, role and agency, disable, sign-in links, Zalo enrolment codes, API tokens.</summary>
public sealed class StaffModel(NpgsqlDataSource dataSource, StaffStore store, StaffEnrolment enrolment, ConsoleAccounts accounts,
    ConsoleAudit audit, ConsoleLookups lookups, ConsoleSessions sessions) : ConsoleFormPage
{
    public IReadOnlyList<StaffRow> Accounts { get; private set; } = [];
    public Lookups Lookups { get; private set; } = null!;
    /// <summary>A link, code or token shown once, right after it is issued.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? role, string? agency, CancellationToken cancellationToken)
    {
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency;
        var errors = await StaffApi.ValidateAsync(name, role, agency, store, cancellationToken);
        if (errors.Count > 0 || !StaffRoleNames.TryParse(role, out var parsed))
            return await RefuseAsync("Chưa tạo được tài khoản: cần họ tên (tối đa 200 ký tự), vai trò hợp lệ, và cơ quan với cán bộ cơ quan hoặc hiện trường.", cancellationToken);
        var account = await store.CreateAsync(name!.Trim(), parsed, agency, cancellationToken);
        await AuditAsync(account.Id, $"created as {parsed.ToName()} {agency}", cancellationToken);
        Message = $"Đã tạo tài khoản #{account.Id} {account.Name}. Cấp đường dẫn đặt mật khẩu để cán bộ đăng nhập.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string? id, string? role, string? agency, string? active, string? agencyHead, CancellationToken cancellationToken)
    {
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency;
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId) || !StaffRoleNames.TryParse(role, out var parsed))
            return await RefuseAsync("Thông tin không hợp lệ.", cancellationToken);
        var enabled = active is "1" or "on" or "true";
        var head = agencyHead is "1" or "on" or "true";
        if (staffId == User.Staff().Id && (!enabled || parsed != StaffRole.Admin))
            return await RefuseAsync("Bạn không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình.", cancellationToken);
        if (!parsed.SeesAllTickets() && agency is null)
            return await RefuseAsync("Cán bộ cơ quan và cán bộ hiện trường cần có cơ quan.", cancellationToken);
        if (agency is not null && !await store.AgencyExistsAsync(agency, cancellationToken))
            return await RefuseAsync("Cơ quan không tồn tại.", cancellationToken);
        if (head && agency is null)
            return await RefuseAsync("Lãnh đạo cơ quan cần có cơ quan.", cancellationToken);
        if (!await store.UpdateAsync(staffId, parsed, agency, enabled, head, cancellationToken))
            return await RefuseAsync("Không có tài khoản này.", cancellationToken);
        if (!enabled) await sessions.EndAllAsync(staffId, SessionEndReasons.AccountDisabled, cancellationToken);
        await AuditAsync(staffId, $"role {parsed.ToName()}, agency {agency ?? "-"}{(head ? " (head)" : "")}, {(enabled ? "active" : "disabled")}", cancellationToken);
        Message = $"Đã cập nhật tài khoản #{staffId}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A lost laptop or a suspected stolen cookie: every console session of this staff member ends now.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(string? id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId)) return await RefuseAsync("Thông tin không hợp lệ.", cancellationToken);
        var ended = await sessions.EndAllAsync(staffId, SessionEndReasons.EndedByAdmin, cancellationToken);
        await AuditAsync(staffId, $"{ended} console session(s) ended", cancellationToken);
        Message = $"Đã kết thúc {ended} phiên đăng nhập của tài khoản #{staffId}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordLinkAsync(string? id, string? login, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId)) return await RefuseAsync("Thông tin không hợp lệ.", cancellationToken);
        var (link, error) = await accounts.IssuePasswordLinkAsync(staffId, login, User.Staff().Id, cancellationToken);
        if (link is null)
            return await RefuseAsync(error switch
            {
                PasswordLinkRefusal.InvalidLogin => "Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.",
                PasswordLinkRefusal.LoginTaken => "Tên đăng nhập này đã có người dùng.",
                _ => "Không có tài khoản đang hoạt động này.",
            }, cancellationToken);
        var baseUrl = ConsoleCli.BaseUrl(HttpContext.RequestServices) ?? $"{Request.Scheme}://{Request.Host}";
        Message = $"Đường dẫn đặt mật khẩu cho «{link.Login}» (dùng một lần, hết hạn {link.ExpiresAt.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}). Chỉ hiện lúc này; gửi riêng cho cán bộ:";
        Secret = baseUrl + ConsoleAccounts.PasswordPath(link.Token);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolmentCodeAsync(string? id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId)) return await RefuseAsync("Thông tin không hợp lệ.", cancellationToken);
        var code = await enrolment.IssueAsync(staffId, cancellationToken);
        if (code is null) return await RefuseAsync("Không có tài khoản đang hoạt động này.", cancellationToken);
        await AuditAsync(staffId, "enrolment code issued", cancellationToken);
        Message = "Mã liên kết Zalo (dùng một lần, 24 giờ). Cán bộ gửi mã này cho OA từ Zalo của mình:";
        Secret = code.Code;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync(string? id, string? days, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, CultureInfo.InvariantCulture, out var staffId) || !int.TryParse(days ?? "90", CultureInfo.InvariantCulture, out var lifetime) || lifetime is < 1 or > 365)
            return await RefuseAsync("Thời hạn từ 1 đến 365 ngày.", cancellationToken);
        var token = await store.IssueTokenAsync(staffId, TimeSpan.FromDays(lifetime), "console", cancellationToken);
        if (token is null) return await RefuseAsync("Không có tài khoản đang hoạt động này.", cancellationToken);
        await AuditAsync(staffId, $"API token #{token.TokenId} issued for {lifetime} days", cancellationToken);
        Message = $"Mã truy cập API (bearer token) hết hạn {token.ExpiresAt.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}. Chỉ hiện lúc này, không dùng trong trình duyệt:";
        Secret = token.Token;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Task AuditAsync(long staffId, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(staffId, ConsoleAuditKinds.AccountChanged, detail: $"{detail} (by staff #{User.Staff().Id})",
            remoteIp: HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken: cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lookups = await lookups.GetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Accounts = (await connection.QueryAsync<StaffRow>(new CommandDefinition(
            """
            select id, name, login, role, agency_code as AgencyCode, active, zalo_user_id is not null as ZaloLinked, password_hash is not null as PasswordSet,
                   (select count(*)::int from console_sessions cs where cs.staff_id = staff.id and cs.ended_at is null) as LiveSessions,
                   agency_head as AgencyHead
            from staff order by active desc, id
            """, cancellationToken: cancellationToken))).AsList();
    }
}
