using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Staff;

/// <summary>Staff linking their Zalo account and working tickets from chat, through signed webhooks.</summary>
public class StaffChatTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewZaloUser() => "z" + Guid.NewGuid().ToString("N")[..10];

    private async Task SayAsync(string zaloUser, string text)
    {
        var response = await service.CreateClient().SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(zaloUser, text, $"{zaloUser}-{Guid.NewGuid():N}")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, zaloUser);
    }

    private async Task<string> LastReplyAsync(string zaloUser) => (await Rows.OutboxAsync(service.Database, zaloUser)).Last().Text;

    private async Task<(long StaffId, string Code)> NewStaffWithCodeAsync(StaffRole role, string? agency)
    {
        var account = await service.Services.GetRequiredService<StaffStore>().CreateAsync($"Cán bộ {role}", role, agency, CancellationToken.None);
        var code = await service.Services.GetRequiredService<StaffEnrolment>().IssueAsync(account.Id, CancellationToken.None);
        return (account.Id, code!.Code);
    }

    private async Task<string> LinkedStaffAsync(StaffRole role, string? agency)
    {
        var (_, code) = await NewStaffWithCodeAsync(role, agency);
        var zaloUser = NewZaloUser();
        await SayAsync(zaloUser, code);
        (await LastReplyAsync(zaloUser)).ShouldStartWith("Đã liên kết");
        return zaloUser;
    }

    [Fact]
    public async Task Enrolment_codes_link_once_expire_and_refuse_guesses()
    {
        await service.StartReadyAsync();
        var (staffId, code) = await NewStaffWithCodeAsync(StaffRole.FieldOfficer, "TPUN-HT");
        var phone = NewZaloUser();

        await SayAsync(phone, "#" + code.Replace("-", " ").ToLowerInvariant());
        (await LastReplyAsync(phone)).ShouldStartWith("Đã liên kết tài khoản cán bộ");
        await using (var connection = service.Database.Open())
            (await connection.ExecuteScalarAsync<string>("select zalo_user_id from staff where id = @staffId", new { staffId })).ShouldBe(phone);

        var someoneElse = NewZaloUser();
        await SayAsync(someoneElse, code);
        (await LastReplyAsync(someoneElse)).ShouldStartWith("Mã liên kết không đúng");

        var (_, expired) = await NewStaffWithCodeAsync(StaffRole.FieldOfficer, "TPUN-HT");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff_enrolment_codes set expires_at = now() - interval '1 minute' where used_at is null");
        var late = NewZaloUser();
        await SayAsync(late, expired);
        (await LastReplyAsync(late)).ShouldStartWith("Mã liên kết không đúng");

        var guesser = NewZaloUser();
        for (var i = 0; i < 5; i++) await SayAsync(guesser, $"NV-AAAAAA{i}{i}");
        (await LastReplyAsync(guesser)).ShouldStartWith("Mã liên kết không đúng");
        await SayAsync(guesser, "NV-BBBBBBBB");
        (await LastReplyAsync(guesser)).ShouldStartWith("Bạn đã nhập sai mã quá nhiều lần");
    }

    [Fact]
    public async Task A_staff_member_replies_and_changes_status_from_chat_and_the_citizen_receives_it_in_order()
    {
        await service.StartReadyAsync();
        var handler = await LinkedStaffAsync(StaffRole.AgencyHandler, "SXD");
        var (code, citizen) = await service.SeedTicketAsync("assigned", "SXD");

        await SayAsync(handler, "ds");
        (await LastReplyAsync(handler)).ShouldContain(code);
        await SayAsync(handler, $"nhan {code}");
        (await LastReplyAsync(handler)).ShouldBe($"Đã cập nhật {code}: Đang xử lý.");
        await SayAsync(handler, $"trả lời {code} Chiều nay đội vệ sinh sẽ đến.");
        await SayAsync(handler, $"ghi chu {code} cần xe hút bùn");
        await SayAsync(handler, $"giai quyet {code} Đã nạo vét xong.");
        (await LastReplyAsync(handler)).ShouldBe($"Đã cập nhật {code}: Đã giải quyết.");

        var citizenTexts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        citizenTexts.ShouldBe([
            $"Sở Xây dựng đang xử lý phản ánh {code}.",
            $"Sở Xây dựng trả lời phản ánh {code}:\nChiều nay đội vệ sinh sẽ đến.",
            $"Phản ánh {code} đã được giải quyết. Kết quả: Đã nạo vét xong.",
            "Bạn có hài lòng với kết quả giải quyết không? Bấm chấm điểm từ 1 (rất không hài lòng) đến 5 (rất hài lòng).",
        ]);
        citizenTexts.ShouldAllBe(t => !t.Contains("Cán bộ"));
    }

    [Fact]
    public async Task A_staff_member_cannot_act_on_another_agencys_ticket_from_chat()
    {
        await service.StartReadyAsync();
        var ward = await LinkedStaffAsync(StaffRole.AgencyHandler, "UBND-KB");
        var (code, citizen) = await service.SeedTicketAsync("assigned", "SXD");

        await SayAsync(ward, $"nhận {code}");
        await SayAsync(ward, $"tra loi {code} xin chào");

        (await LastReplyAsync(ward)).ShouldBe($"Không tìm thấy phản ánh {code} trong phạm vi của bạn.");
        (await Rows.OutboxAsync(service.Database, citizen)).ShouldBeEmpty();
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<string>("select status from tickets where code = @code", new { code })).ShouldBe("assigned");
    }

    [Fact]
    public async Task New_tickets_and_assignments_are_pushed_to_the_right_staff()
    {
        await service.StartReadyAsync();
        var intake = await LinkedStaffAsync(StaffRole.IntakeOfficer, null);
        var ward = await LinkedStaffAsync(StaffRole.AgencyHandler, "UBND-VN");
        var citizen = NewZaloUser();
        foreach (var text in new[] { "Gửi phản ánh", "Khác", "Cây xanh đổ chắn lối đi trước trường học", "Đường Vũ Ninh", "Phường Vũ Ninh", "xong", "Lê Hoa 0912345678", "gửi" })
            await SayAsync(citizen, text);
        var code = (await Rows.TicketsAsync(service.Database, citizen)).Single().Code;

        (await LastReplyAsync(intake)).ShouldStartWith($"Phản ánh mới {code}");
        await SayAsync(intake, $"tiếp nhận {code}");
        var diagnosis = await LinkedStaffAsync(StaffRole.DiagnosisOfficer, null);
        await SayAsync(diagnosis, $"chuyển {code} UBND-VN thuộc địa bàn phường");

        (await LastReplyAsync(ward)).ShouldStartWith($"Phản ánh {code} được giao cho đơn vị của bạn");
    }
}
