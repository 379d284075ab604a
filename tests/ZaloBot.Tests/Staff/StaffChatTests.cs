using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.StaffChat;
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
    public async Task Staff_put_a_ticket_on_hold_and_resume_it_with_the_verbs_of_the_action_table()
    {
        await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync("in_progress", agency: "SXD");
        var handler = await LinkedStaffAsync(StaffRole.AgencyHandler, "SXD");

        await SayAsync(handler, $"tam dung {code} chờ vật tư thay thế");
        (await LastReplyAsync(handler)).ShouldBe(StaffTexts.Done(code, "Tạm dừng xử lý"));
        await SayAsync(handler, $"Tiếp tục {code}");
        (await LastReplyAsync(handler)).ShouldBe(StaffTexts.Done(code, "Đang xử lý"));

        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts.Count.ShouldBe(2);
        texts[0].ShouldContain("tạm dừng xử lý. Lý do: chờ vật tư thay thế.");
        texts[1].ShouldStartWith($"Phản ánh {code} được tiếp tục xử lý.");
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
            // One answer, one Zalo message: the result and "is it fixed?" (with its buttons) together.
            $"Phản ánh {code} đã được giải quyết. Kết quả: Đã nạo vét xong.\n\nVấn đề bạn phản ánh đã được khắc phục chưa?",
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
    public async Task A_ticket_about_immediate_danger_is_pushed_to_intake_as_urgent_at_once()
    {
        await service.StartReadyAsync();
        var intake = await LinkedStaffAsync(StaffRole.IntakeOfficer, null);
        var citizen = NewZaloUser();
        await SayAsync(citizen, "dây điện đứt rơi xuống đường trước số 8 đường Trần Phú đang tóe lửa");
        (await Rows.OutboxAsync(service.Database, citizen)).First().Text.ShouldStartWith("🚨");
        foreach (var text in new[] { "Lê Hoa 0912345678", "gửi" })
        {
            if ((await Rows.TicketsAsync(service.Database, citizen)).Count > 0) break;
            await SayAsync(citizen, text);
        }
        var code = (await Rows.TicketsAsync(service.Database, citizen)).Single().Code;

        var pushes = (await Rows.OutboxAsync(service.Database, intake)).Select(m => m.Text).ToList();
        pushes.ShouldContain(StaffTexts.UrgentTicket(code));
        pushes.ShouldContain(t => t.StartsWith($"Phản ánh mới {code}", StringComparison.Ordinal));
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

public class StaffRemindersAndUndeliveredTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Overdue_and_due_soon_tickets_are_pushed_to_the_agency_once_a_day()
    {
        await service.StartReadyAsync();
        var store = service.Services.GetRequiredService<StaffStore>();
        var account = await store.CreateAsync("Cán bộ Quế Võ", StaffRole.AgencyHandler, "UBND-QV", CancellationToken.None);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff set zalo_user_id = 'qv-phone' where id = @id", new { id = account.Id });
        var (overdue, _) = await service.SeedTicketAsync("in_progress", "UBND-QV");
        var (soon, _) = await service.SeedTicketAsync("assigned", "UBND-QV");
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("update tickets set due_at = now() - interval '2 hours' where code = @overdue", new { overdue });
            await connection.ExecuteAsync("update tickets set due_at = now() + interval '3 hours' where code = @soon", new { soon });
        }
        var reminders = service.Services.GetRequiredService<StaffReminders>();

        await reminders.RemindAsync(CancellationToken.None);
        await reminders.RemindAsync(CancellationToken.None);

        var texts = (await Rows.OutboxAsync(service.Database, "qv-phone")).Select(r => r.Text).ToList();
        texts.Count.ShouldBe(2); // the second run the same day adds nothing
        texts[0].ShouldBe($"Phản ánh {overdue} đã quá hạn giải quyết. Đề nghị xử lý ngay.");
        texts[1].ShouldStartWith($"Phản ánh {soon} sắp đến hạn");
    }

    [Fact]
    public async Task Undelivered_messages_are_visible_to_supervisors()
    {
        await service.StartReadyAsync();
        var (_, citizen) = await service.SeedTicketAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync(
                "insert into outbox (recipient_id, message, idempotency_key, status, last_error, attempts) values (@citizen, '{\"text\":\"x\"}', @key, 'dead', 'Zalo -213: User has not interacted', 1)",
                new { citizen, key = Guid.NewGuid().ToString() });
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);

        (await intake.GetAsync("/api/outbox/undelivered")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await supervisor.GetStringAsync("/api/outbox/undelivered");
        body.ShouldContain(citizen);
        body.ShouldContain("-213");
    }

    [Fact]
    public async Task A_centre_qr_landing_page_leads_to_a_ticket_attributed_to_that_centre_and_its_report()
    {
        var client = await service.StartReadyAsync();
        var landing = await client.GetStringAsync("/c/BN03");
        var code = System.Text.RegularExpressions.Regex.Match(landing, "#TT-[A-Z0-9]+").Value;
        var citizen = "qr-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var text in new[] { code, "Gửi phản ánh", "1", "Thủ tục cấp phép xây dựng quá hạn hai tuần", "Phường Từ Sơn", "xong", "Lê Hoa 0912345678", "gửi" })
            await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(citizen, text, $"{citizen}-{Guid.NewGuid():N}")));
        await Rows.InboxDrainedAsync(service.Database, citizen);

        (await Rows.TicketsAsync(service.Database, citizen)).ShouldHaveSingleItem().ServiceCentreCode.ShouldBe("BN03");
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var report = await supervisor.GetStringAsync($"/api/reports/tickets?centre=BN03&format=csv&from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}");
        report.ShouldContain("centre,BN03,");
        report.ShouldContain("category,ADMIN,");
        report.ShouldNotContain("centre,BN01,");
    }
}
