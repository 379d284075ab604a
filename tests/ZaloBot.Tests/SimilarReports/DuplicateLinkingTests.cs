using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.Open311;

namespace ZaloBot.Tests.SimilarReports;

public sealed class FollowOfferService : ServiceFactory
{
    public FollowOfferService() => With("SimilarReports:OfferInChat", "true");
}

public class DuplicateLinkingTests(FollowOfferService service) : IClassFixture<FollowOfferService>
{
    private static string NewUser() => "c" + Guid.NewGuid().ToString("N")[..10];

    private async Task FileAsync(HttpClient client, string user, string description, string name, params string[] after)
    {
        foreach (var text in new[] { "Gửi phản ánh", "ha tang moi truong", description, "Đường Nguyễn Đăng Đạo, phường Kinh Bắc", "bo qua", name, "Gửi" }.Concat(after))
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
    }

    [Fact]
    public async Task Two_citizens_report_the_same_street_staff_link_them_and_both_hear_the_resolution()
    {
        var client = await service.StartReadyAsync();
        var (anh, binh) = (NewUser(), NewUser());
        await FileAsync(client, anh, "Đường Nguyễn Đăng Đạo ngập sâu sau mưa, xe máy chết máy hàng loạt", "Nguyễn Văn Anh 0912 345 678");
        // The bot offers Bình to follow Anh's ticket; Bình files anyway (their choice), Chi follows it.
        await FileAsync(client, binh, "Đường Nguyễn Đăng Đạo bị ngập sâu sau mưa lớn, xe máy chết máy", "Lê Thị Bình 0987 111 222", "Vẫn gửi phản ánh mới");
        var chi = NewUser();
        await FileAsync(client, chi, "Đường Nguyễn Đăng Đạo ngập sâu sau mưa, xe máy chết máy", "Phạm Chí 0903 222 333", "Theo dõi phản ánh đó");
        (await Rows.TicketsAsync(service.Database, chi)).ShouldBeEmpty();
        var first = (await Rows.TicketsAsync(service.Database, anh)).ShouldHaveSingleItem();
        var second = (await Rows.TicketsAsync(service.Database, binh)).ShouldHaveSingleItem();
        (await Rows.OutboxAsync(service.Database, binh)).ShouldContain(r => r.Text.StartsWith($"Đã có phản ánh {first.Code}"));

        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var similar = JsonDocument.Parse(await intake.GetStringAsync($"/api/tickets/{second.Code}/similar")).RootElement;
        similar.EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldContain(first.Code);
        similar[0].GetProperty("score").GetDouble().ShouldBeGreaterThan(0.3);

        var link = await intake.PostAsJsonAsync($"/api/tickets/{second.Code}/duplicate-of", new { mainCode = first.Code });
        link.StatusCode.ShouldBe(HttpStatusCode.OK, await link.Content.ReadAsStringAsync());
        (await Rows.OutboxAsync(service.Database, binh)).Last().Text.ShouldBe(
            $"Phản ánh {second.Code} có cùng nội dung với phản ánh {first.Code} đang được xử lý, nên được gộp vào phản ánh {first.Code}. " +
            $"Bạn sẽ tiếp tục nhận thông báo về kết quả xử lý phản ánh {first.Code} tại đây.");
        (await Rows.TicketsAsync(service.Database, binh)).Single().Status.ShouldBe("closed");
        // A closed duplicate is no longer offered as similar.
        JsonDocument.Parse(await intake.GetStringAsync($"/api/tickets/{first.Code}/similar")).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).ShouldNotContain(second.Code);

        var diagnosis = await service.AsAsync(StaffRole.DiagnosisOfficer);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        (await intake.PostAsync($"/api/tickets/{first.Code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await diagnosis.PostAsJsonAsync($"/api/tickets/{first.Code}/assign", new { agencyCode = "UBND-KB" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handler.PostAsJsonAsync($"/api/tickets/{first.Code}/resolve", new { result = "Đã nạo vét cống, đường hết ngập." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var resolution = $"Phản ánh {first.Code} đã được giải quyết. Kết quả: Đã nạo vét cống, đường hết ngập.";
        (await Rows.OutboxAsync(service.Database, anh)).ShouldContain(r => r.Text.StartsWith(resolution));
        (await Rows.OutboxAsync(service.Database, binh)).ShouldContain(r => r.Text.StartsWith(resolution));
        (await Rows.OutboxAsync(service.Database, chi)).ShouldContain(r => r.Text.StartsWith(resolution));
        // The follower's notice may go as the phone template only to the follower's own number (their ticket), never the main citizen's.
        await using var connection = service.Database.Open();
        (await connection.QuerySingleAsync<long?>("select ticket_id from outbox where recipient_id = @binh order by id desc limit 1", new { binh })).ShouldBe(second.Id);
    }

    [Fact]
    public async Task A_citizen_who_withdraws_is_no_longer_a_follower()
    {
        var client = await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var main = await service.TicketAsync();
        var duplicate = await service.TicketAsync();
        (await intake.PostAsJsonAsync($"/api/tickets/{duplicate.Code}/duplicate-of", new { mainCode = main.Code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<int>("select count(*) from ticket_followers where recipient_id = @c", new { c = duplicate.Citizen })).ShouldBe(1);

        var withdraw = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","user_id_by_app":"{{{duplicate.Citizen}}}-byapp","event_name":"user_withdraw","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{duplicate.Citizen}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"}}""";
        (await client.SendAsync(ZaloWebhook.Signed(withdraw))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
            await connection.ExecuteScalarAsync<int>("select count(*) from ticket_followers where recipient_id = @c", new { c = duplicate.Citizen }) == 0,
            "the withdrawn citizen to be forgotten as a follower");
    }

    [Fact]
    public async Task Linking_refuses_self_closed_chained_unknown_and_malformed_input()
    {
        var client = await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var a = await service.TicketAsync();
        var b = await service.TicketAsync();
        var closed = await service.TicketAsync(status: "closed");

        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = a.Code })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostAsJsonAsync($"/api/tickets/{closed.Code}/duplicate-of", new { mainCode = a.Code })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = closed.Code })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = "PA-0000-ZZZZ" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = "không phải mã" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = new string('A', 100_000) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostAsync($"/api/tickets/{a.Code}/duplicate-of", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = b.Code, expectedVersion = 99 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var handler = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        (await handler.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = b.Code })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = b.Code })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = b.Code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same link again: the duplicate is closed now.
        (await intake.PostAsJsonAsync($"/api/tickets/{a.Code}/duplicate-of", new { mainCode = b.Code })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // Nothing may be linked to a duplicate: it points at its main ticket.
        var c = await service.TicketAsync();
        (await intake.PostAsJsonAsync($"/api/tickets/{c.Code}/duplicate-of", new { mainCode = a.Code })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // On Open311 the duplicate is closed and says which ticket carries the answer.
        var published = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{a.Code}.json")).RootElement[0];
        published.GetProperty("status").GetString().ShouldBe("closed");
        published.GetProperty("status_notes").GetString()!.ShouldContain(b.Code);
    }

    [Fact]
    public async Task Similar_reports_need_the_same_category_a_nearby_place_and_similar_text()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var text = "Đèn chiếu sáng công cộng trên phố Hàn Thuyên hỏng hết cả dãy";
        var probe = await service.TicketAsync(description: text, area: "VUNINH", lat: 21.17, lng: 106.06);
        var sameWard = await service.TicketAsync(description: "Đèn chiếu sáng công cộng phố Hàn Thuyên hỏng cả dãy", area: "VUNINH", lat: null, lng: null);
        var near = await service.TicketAsync(description: text, area: "TUSON", lat: 21.1705, lng: 106.0605);
        var far = await service.TicketAsync(description: text, area: "QUEVO", lat: 21.3, lng: 106.3);
        var otherCategory = await service.TicketAsync(category: "ADMIN", description: text, area: "VUNINH");
        var otherText = await service.TicketAsync(description: "Rác thải sinh hoạt đổ trộm ven sông", area: "VUNINH");
        var old = await service.TicketAsync(description: text, area: "VUNINH", createdAt: DateTimeOffset.UtcNow.AddDays(-60));

        var codes = JsonDocument.Parse(await intake.GetStringAsync($"/api/tickets/{probe.Code}/similar")).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).ToList();

        codes.ShouldContain(sameWard.Code);
        codes.ShouldContain(near.Code);
        codes.ShouldNotContain(far.Code);
        codes.ShouldNotContain(otherCategory.Code);
        codes.ShouldNotContain(otherText.Code);
        codes.ShouldNotContain(old.Code);
        codes.ShouldNotContain(probe.Code);
        (await intake.GetAsync("/api/tickets/PA-0000-ZZZZ/similar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intake.GetAsync("/api/tickets/" + new string('x', 3000) + "/similar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
