using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Tickets;

public class TicketApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task ShouldBeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
    }

    [Fact]
    public async Task A_ticket_goes_through_its_whole_life_and_the_citizen_hears_each_step_in_order()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var diagnosis = await service.AsAsync(StaffRole.DiagnosisOfficer);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        var (code, citizen) = await service.SeedTicketAsync();

        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/accept", null), HttpStatusCode.OK);
        await ShouldBeAsync(await diagnosis.PostAsJsonAsync($"/api/tickets/{code}/assign", new { agencyCode = "SXD" }), HttpStatusCode.OK);
        await ShouldBeAsync(await handler.PostAsync($"/api/tickets/{code}/start", null), HttpStatusCode.OK);
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/notes", new { text = "Cần xe hút bùn" }), HttpStatusCode.OK);
        await ShouldBeAsync(await handler.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = "Chiều nay đội vệ sinh sẽ đến." }), HttpStatusCode.OK);
        var resolved = await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã nạo vét, cống thông thoáng." });
        await ShouldBeAsync(resolved, HttpStatusCode.OK);
        // The citizen rates with "4 ★" (offered after they confirm the fix; typed directly works too).
        await service.CreateClient().SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(citizen, $"Đánh giá {code} 4", citizen + "-rating")));
        await Rows.InboxDrainedAsync(service.Database, citizen);
        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/close", null), HttpStatusCode.OK);

        var texts = (await Rows.OutboxAsync(service.Database, citizen)).Select(r => r.Text).ToList();
        texts.Count.ShouldBe(7);
        texts[0].ShouldStartWith($"Phản ánh {code} đã được tiếp nhận xử lý. Hạn trả lời:");
        texts[1].ShouldBe($"Phản ánh {code} đã được chuyển đến Sở Xây dựng để xử lý.");
        texts[2].ShouldBe($"Sở Xây dựng đang xử lý phản ánh {code}.");
        texts[3].ShouldBe($"Sở Xây dựng trả lời phản ánh {code}:\nChiều nay đội vệ sinh sẽ đến.");
        texts[4].ShouldBe($"Phản ánh {code} đã được giải quyết. Kết quả: Đã nạo vét, cống thông thoáng.\n\nVấn đề bạn phản ánh đã được khắc phục chưa?");
        texts[5].ShouldBe("Cảm ơn bạn đã đánh giá 4/5. Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.");
        texts[6].ShouldStartWith($"Phản ánh {code} đã hoàn tất");
        texts.ShouldAllBe(t => !t.Contains("AgencyHandler")); // the agency speaks, not the officer

        var detail = await JsonAsync(await intake.GetAsync($"/api/tickets/{code}"));
        detail.GetProperty("ticket").GetProperty("status").GetString().ShouldBe("closed");
        detail.GetProperty("ticket").GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        detail.GetProperty("ticket").GetProperty("rating").GetInt32().ShouldBe(4);
        var thread = detail.GetProperty("thread").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("isPublic").GetBoolean())).ToList();
        thread.ShouldBe([("status_changed", true), ("status_changed", true), ("status_changed", true), ("note", false), ("staff_reply", true), ("status_changed", true), ("rated", true), ("status_changed", true)]);
    }

    [Theory]
    [InlineData("INFRA", "TUSON", "UBND-TS")]
    [InlineData("INFRA", null, "SXD")]
    [InlineData("BIZ_VACCINE", "TUSON", "SYT")]
    public async Task Assign_without_an_agency_follows_the_routing_rules(string category, string? area, string expected)
    {
        await service.StartReadyAsync();
        var diagnosis = await service.AsAsync(StaffRole.DiagnosisOfficer);
        var (code, _) = await service.SeedTicketAsync("accepted", category: category);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set area_code = @area where code = @code", new { area, code });

        var response = await diagnosis.PostAsJsonAsync($"/api/tickets/{code}/assign", new { });

        await ShouldBeAsync(response, HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("assignedAgencyCode").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task A_forbidden_transition_is_409_with_a_clear_problem()
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, _) = await service.SeedTicketAsync();

        var response = await supervisor.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "xong" });

        await ShouldBeAsync(response, HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonAsync(response)).GetProperty("detail").GetString()!.ShouldContain("received cannot be resolved");
    }

    [Fact]
    public async Task A_role_outside_the_action_is_403()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, _) = await service.SeedTicketAsync("assigned", "SXD");

        await ShouldBeAsync(await intake.PostAsync($"/api/tickets/{code}/start", null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Missing_malformed_unknown_expired_and_revoked_tokens_are_401()
    {
        await service.StartReadyAsync();
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ZaloBot.Staff.StaffStore>(service.Services);
        var account = await store.CreateAsync("Hết hạn", StaffRole.Supervisor, null, CancellationToken.None);
        var expired = await store.IssueTokenAsync(account.Id, TimeSpan.FromDays(1), null, CancellationToken.None);
        var revoked = await store.IssueTokenAsync(account.Id, TimeSpan.FromDays(1), null, CancellationToken.None);
        var live = await store.IssueTokenAsync(account.Id, TimeSpan.FromDays(1), null, CancellationToken.None);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update staff_tokens set expires_at = now() - interval '1 minute' where id = @id", new { id = expired!.TokenId });
        (await store.RevokeTokenAsync(revoked!.TokenId, CancellationToken.None)).ShouldBeTrue();

        await ShouldBeAsync(await service.CreateClient().GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await service.WithToken("not-a-token").GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await service.WithToken("zb_" + new string('x', 43)).GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await service.WithToken(expired.Token).GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await service.WithToken(revoked.Token).GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
        await ShouldBeAsync(await service.WithToken(live!.Token).GetAsync("/api/tickets"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_agency_sees_and_works_only_its_own_tickets()
    {
        await service.StartReadyAsync();
        var ward = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        var (theirs, _) = await service.SeedTicketAsync("assigned", "UBND-KB");
        var (others, _) = await service.SeedTicketAsync("assigned", "SXD");

        await ShouldBeAsync(await ward.GetAsync($"/api/tickets/{others}"), HttpStatusCode.NotFound);
        await ShouldBeAsync(await ward.PostAsync($"/api/tickets/{others}/start", null), HttpStatusCode.NotFound);
        await ShouldBeAsync(await ward.PostAsync($"/api/tickets/{theirs}/start", null), HttpStatusCode.OK);

        var queue = await JsonAsync(await ward.GetAsync("/api/tickets?limit=200"));
        var codes = queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        codes.ShouldContain(theirs);
        codes.ShouldNotContain(others);
        queue.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("assignedAgencyCode").GetString() == "UBND-KB");
    }

    [Theory]
    [InlineData("/api/tickets/{code}/reject", "{\"reason\": ")]
    [InlineData("/api/tickets/{code}/reject", "[1,2]")]
    [InlineData("/api/tickets/{code}/reject", "{}")]
    [InlineData("/api/tickets/{code}/replies", "{\"text\": \"\"}")]
    [InlineData("/api/tickets/{code}/notes", "not json")]
    public async Task Malformed_or_incomplete_bodies_are_400(string path, string body)
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, _) = await service.SeedTicketAsync();

        var response = await intake.PostAsync(path.Replace("{code}", code), new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldBeAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("?status=done")]
    [InlineData("?due=tomorrow")]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?after=x")]
    public async Task Bad_queue_filters_are_400(string query)
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);

        await ShouldBeAsync(await supervisor.GetAsync("/api/tickets" + query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_oversized_reply_is_400_and_nothing_is_sent()
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync("in_progress", "SXD");

        await ShouldBeAsync(await supervisor.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = new string('a', 5000) }), HttpStatusCode.BadRequest);
        (await Rows.OutboxAsync(service.Database, citizen)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_conflicting_transitions_have_exactly_one_winner()
    {
        await service.StartReadyAsync();
        var first = await service.AsAsync(StaffRole.IntakeOfficer);
        var second = await service.AsAsync(StaffRole.IntakeOfficer);
        for (var round = 0; round < 5; round++)
        {
            var (code, citizen) = await service.SeedTicketAsync();

            // Both saw version 1: whichever commits first wins, the other is told the ticket changed.
            var answers = await Task.WhenAll(
                first.PostAsJsonAsync($"/api/tickets/{code}/accept", new { expectedVersion = 1 }),
                second.PostAsJsonAsync($"/api/tickets/{code}/reject", new { reason = "Không thuộc thẩm quyền", expectedVersion = 1 }));

            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
            (await Rows.OutboxAsync(service.Database, citizen)).Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task The_same_action_twice_at_once_happens_once()
    {
        await service.StartReadyAsync();
        var first = await service.AsAsync(StaffRole.IntakeOfficer);
        var second = await service.AsAsync(StaffRole.Supervisor);
        var (code, citizen) = await service.SeedTicketAsync();

        var answers = await Task.WhenAll(first.PostAsync($"/api/tickets/{code}/accept", null), second.PostAsync($"/api/tickets/{code}/accept", null));

        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await Rows.OutboxAsync(service.Database, citizen)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_expected_version_is_409()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (code, _) = await service.SeedTicketAsync();

        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/accept", new { expectedVersion = 7 }), HttpStatusCode.Conflict);
        await ShouldBeAsync(await intake.PostAsJsonAsync($"/api/tickets/{code}/accept", new { expectedVersion = 1 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_queue_filters_and_pages_by_keyset()
    {
        await service.StartReadyAsync();
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        var seeded = new List<string>();
        for (var i = 0; i < 5; i++) seeded.Add((await service.SeedTicketAsync("accepted", category: "BIZ_EXPERT", centre: "BN03")).Code);

        var pages = new List<string>();
        string? after = null;
        do
        {
            var page = await JsonAsync(await supervisor.GetAsync($"/api/tickets?category=BIZ_EXPERT&centre=BN03&status=accepted&limit=2{(after is null ? "" : "&after=" + after)}"));
            pages.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()!));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (after is not null);

        pages.ShouldBe(Enumerable.Reverse(seeded).ToList());
        var search = await JsonAsync(await supervisor.GetAsync($"/api/tickets?q={seeded[0]}"));
        search.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ShouldBe([seeded[0]]);
    }

    [Fact]
    public async Task Only_admins_manage_staff_and_tokens_work_right_away()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var supervisor = await service.AsAsync(StaffRole.Supervisor);

        await ShouldBeAsync(await supervisor.PostAsJsonAsync("/api/staff", new { name = "A", role = "admin" }), HttpStatusCode.Forbidden);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/staff", new { name = "B", role = "field_officer" }), HttpStatusCode.BadRequest);
        await ShouldBeAsync(await admin.PostAsJsonAsync("/api/staff", new { name = "C", role = "wizard" }), HttpStatusCode.BadRequest);
        var created = await admin.PostAsJsonAsync("/api/staff", new { name = "Trần Văn Hiện trường", role = "field_officer", agencyCode = "TPUN-HT" });
        await ShouldBeAsync(created, HttpStatusCode.Created);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt64();
        var issued = await JsonAsync(await admin.PostAsJsonAsync($"/api/staff/{id}/tokens", new { days = 30 }));

        await ShouldBeAsync(await service.WithToken(issued.GetProperty("token").GetString()!).GetAsync("/api/tickets"), HttpStatusCode.OK);
        await ShouldBeAsync(await admin.DeleteAsync($"/api/staff/tokens/{issued.GetProperty("tokenId").GetInt64()}"), HttpStatusCode.NoContent);
        await ShouldBeAsync(await service.WithToken(issued.GetProperty("token").GetString()!).GetAsync("/api/tickets"), HttpStatusCode.Unauthorized);
    }
}
