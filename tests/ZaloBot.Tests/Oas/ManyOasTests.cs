using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using ZaloBot.Domain.Tickets;
using ZaloBot.Oas;
using ZaloBot.Simulator;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Zalo;
using Xunit;

namespace ZaloBot.Tests.Oas;

/// <summary>The service serving the province's OA (the configured one) and a ward's OA of the same Zalo app, with the simulator playing both.</summary>
public sealed class TwoOaService : OutboxService
{
    public const string WardOa = "ward-oa";
    public const string WardRefreshToken = "ward-refresh-0";

    protected override Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(o => o.OtherOas.Add(new SimulatedOa { OaId = WardOa, Name = "Phường Kinh Bắc", InitialRefreshToken = WardRefreshToken }));

    /// <summary>Starts the service and connects the ward's OA as an operator would (`zalo add-oa`, then its refresh token).</summary>
    public async Task<HttpClient> StartWithWardAsync()
    {
        var client = await StartReadyAsync();
        if (await Services.GetRequiredService<OaDirectory>().FindAsync(WardOa, CancellationToken.None) is null)
        {
            (await Services.GetRequiredService<OaStore>().UpsertAsync(WardOa, new OaSettings("Phường Kinh Bắc", AgencyCode: "UBND-KB"), CancellationToken.None)).ShouldBeTrue();
            await Services.GetRequiredService<ZaloTokenProvider>().ReplaceRefreshTokenAsync(WardOa, WardRefreshToken, CancellationToken.None);
        }
        return client;
    }

    public async Task<string> CitizenSaysOnAsync(HttpClient client, string oaId, string userId, string text)
    {
        var msgId = "m-" + Guid.NewGuid().ToString("N");
        Simulator.State.RegisterInbound(userId, msgId);
        using var request = ZaloWebhook.Signed(ZaloWebhook.Text(userId, text, msgId, oaId: oaId));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return msgId;
    }

    public async Task EnqueueOnAsync(string oaId, string userId, string text)
    {
        await using var connection = Database.Open();
        await connection.ExecuteAsync(
            "insert into outbox (oa_id, recipient_id, message, idempotency_key) values (@oaId, @userId, @message::jsonb, @key)",
            new { oaId, userId, message = JsonSerializer.Serialize(new { text }), key = Guid.NewGuid().ToString("N") });
    }
}

public class ManyOasTests(TwoOaService service) : IClassFixture<TwoOaService>
{
    private IReadOnlyList<ChatEntry> Sent(string user) => service.Simulator.State.SentTo(user);

    [Fact]
    public async Task A_citizen_writing_to_each_OA_is_answered_by_each_with_that_OAs_user_id()
    {
        var client = await service.StartWithWardAsync();
        // One person, two ids: Zalo scopes user ids to the OA.
        var onProvince = service.Simulator.State.UserIdOn(ServiceFactory.OaId, "chi-lan");
        var onWard = service.Simulator.State.UserIdOn(TwoOaService.WardOa, "chi-lan");
        onProvince.ShouldNotBe(onWard);

        await service.CitizenSaysOnAsync(client, ServiceFactory.OaId, onProvince, "xin chào");
        await service.CitizenSaysOnAsync(client, TwoOaService.WardOa, onWard, "xin chào");
        await Eventually.TrueAsync(() => Task.FromResult(Sent(onProvince).Count > 0 && Sent(onWard).Count > 0), "both OAs to answer");

        Sent(onProvince).ShouldAllBe(e => e.OaId == ServiceFactory.OaId);
        Sent(onWard).ShouldAllBe(e => e.OaId == TwoOaService.WardOa);
        await using var connection = service.Database.Open();
        (await connection.QueryAsync<(string, string)>(
                "select oa_id, zalo_user_id from conversations where zalo_user_id in (@onProvince, @onWard) order by oa_id",
                new { onProvince, onWard })).ShouldBe([(ServiceFactory.OaId, onProvince), (TwoOaService.WardOa, onWard)]);
        (await connection.QueryAsync<string>("select oa_id from zalo_users where user_id = @onWard", new { onWard })).ShouldBe([TwoOaService.WardOa]);
    }

    [Fact]
    public async Task Consents_and_privacy_requests_are_recorded_under_the_OA_the_citizen_wrote_to()
    {
        var client = await service.StartWithWardAsync();
        var onWard = service.Simulator.State.UserIdOn(TwoOaService.WardOa, "anh-binh");

        await service.CitizenSaysOnAsync(client, TwoOaService.WardOa, onWard, "Gửi phản ánh");
        await service.CitizenSaysOnAsync(client, TwoOaService.WardOa, onWard, "xóa dữ liệu của tôi");
        await using var connection = service.Database.Open();
        // "Gửi phản ánh" alone may be answered with two messages (the notice, then the first question): the wait is for
        // the request's own record, not for a count of replies.
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>(
            "select count(*) from privacy_requests where zalo_user_id = @onWard", new { onWard }) > 0, "the request recorded");

        // The notice was shown, and the request made, on the ward's OA: the record says so, and a later answer to the
        // request goes out through it (a user id means nothing on another OA).
        (await connection.QueryAsync<(string, string)>("select oa_id, purpose from consent_records where zalo_user_id = @onWard", new { onWard }))
            .ShouldBe([(TwoOaService.WardOa, "notice")]);
        (await connection.QueryAsync<(string, string)>("select oa_id, kind from privacy_requests where zalo_user_id = @onWard", new { onWard }))
            .ShouldBe([(TwoOaService.WardOa, "delete")]);
    }

    [Fact]
    public async Task A_staff_photo_reply_to_a_ward_OA_citizen_is_uploaded_and_sent_by_the_ward_OA()
    {
        await service.StartWithWardAsync();
        var onWard = service.Simulator.State.UserIdOn(TwoOaService.WardOa, "co-hoa");
        var (code, _) = await service.SeedTicketAsync(status: "in_progress", agency: "UBND-KB");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set citizen_oa_id = @oa, citizen_zalo_id = @onWard where code = @code",
                new { oa = TwoOaService.WardOa, onWard, code });
        var staff = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");

        var photo = new MultipartFormDataContent { { new ByteArrayContent(ZaloBot.Tests.Evidence.TestFiles.Jpeg()), "file", "anh.jpg" }, { new StringContent("Đã sửa xong."), "text" } };
        (await staff.PostAsync($"/api/tickets/{code}/replies/photo", photo)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await service.AllSentAsync(onWard);
        var sent = Sent(onWard).ShouldHaveSingleItem();
        sent.OaId.ShouldBe(TwoOaService.WardOa);
        var attachmentId = sent.Content["attachment"]!["payload"]!["elements"]![0]!["attachment_id"]!.GetValue<string>();
        service.Simulator.Media.Uploaded(attachmentId)!.UploadedBy.ShouldBe(TwoOaService.WardOa);
    }

    [Fact]
    public async Task A_ward_OA_ticket_transferred_to_a_provincial_agency_and_back_still_speaks_through_the_ward_OA()
    {
        await service.StartWithWardAsync();
        var (code, citizen) = await service.SeedTicketAsync("assigned", "UBND-KB", oa: TwoOaService.WardOa);
        service.Simulator.State.SetLastInteraction(citizen, DateTimeOffset.UtcNow);
        var ward = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        var province = await service.AsAsync(StaffRole.AgencyHandler, "SXD");

        (await ward.PostAsJsonAsync($"/api/tickets/{code}/transfer", new { agencyCode = "SXD", reason = "Đường tỉnh do Sở Xây dựng quản lý" })).EnsureSuccessStatusCode();
        (await province.PostAsJsonAsync($"/api/tickets/{code}/replies", new { text = "Đã cử đội sửa chữa." })).EnsureSuccessStatusCode();
        (await province.PostAsJsonAsync($"/api/tickets/{code}/transfer", new { agencyCode = "UBND-KB", reason = "Ngõ thuộc phường quản lý" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(Sent(citizen).Count >= 3), "the three notices");

        var sent = Sent(citizen);
        sent.ShouldAllBe(e => e.OaId == TwoOaService.WardOa);
        var texts = sent.Select(e => e.Content["text"]!.GetValue<string>()).ToList();
        texts[0].ShouldContain("Sở Xây dựng");
        texts[1].ShouldContain("Sở Xây dựng"); // the reply is signed with the handling agency's name
        texts[2].ShouldContain("UBND phường Kinh Bắc");

        var admin = await service.AsAsync(StaffRole.Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/tickets?oa={TwoOaService.WardOa}&limit=200");
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ShouldContain(code);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("citizenOaId").GetString() == TwoOaService.WardOa);
    }

    [Fact]
    public async Task An_event_for_an_OA_that_is_not_connected_is_acknowledged_parked_and_listed_for_admins()
    {
        var client = await service.StartWithWardAsync();
        using var request = ZaloWebhook.Signed(ZaloWebhook.Text("stranger-user", "xin chào", "m-stranger-1", oaId: "other-ward-oa"));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = service.Database.Open();
        var row = await connection.QuerySingleAsync<(string OaId, DateTime? ParkedAt, string LastError)>(
            "select oa_id, parked_at, last_error from inbox where msg_id = 'm-stranger-1'");
        row.OaId.ShouldBe("other-ward-oa");
        row.ParkedAt.ShouldNotBeNull();
        row.LastError.ShouldContain("other-ward-oa");
        Sent("stranger-user").ShouldBeEmpty();

        var admin = await service.AsAsync(StaffRole.Admin);
        var parked = await admin.GetFromJsonAsync<JsonElement>("/api/oas/unconnected-events");
        parked.EnumerateArray().Select(e => e.GetProperty("oaId").GetString()).ShouldContain("other-ward-oa");
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        (await handler.GetAsync("/api/oas/unconnected-events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task When_one_OAs_refresh_token_dies_the_other_OA_keeps_sending()
    {
        await service.StartWithWardAsync();
        await using (var connection = service.Database.Open())
        {
            // Zalo no longer honours the ward's refresh token (used elsewhere, or revoked)…
            await connection.ExecuteAsync("update zalo_oas set refresh_token = 'dead-token', access_token = null where oa_id = @WardOa", new { TwoOaService.WardOa });
        }
        // …and every access token expires: each OA must refresh, and only the province's can.
        service.Simulator.State.ExpireAccessTokens();
        var tokens = service.Services.GetRequiredService<ZaloTokenProvider>();

        await service.EnqueueOnAsync(TwoOaService.WardOa, "ward-citizen-1", "thông báo phường");
        await service.EnqueueOnAsync(ServiceFactory.OaId, "province-citizen-1", "thông báo tỉnh");
        await service.AllSentAsync("province-citizen-1");
        var link = service.Services.GetRequiredService<ZaloLink>();
        await Eventually.TrueAsync(() => Task.FromResult(link.RefusedOas.ContainsKey(TwoOaService.WardOa)), "the ward's refresh token to be refused");

        Sent("province-citizen-1").ShouldHaveSingleItem().OaId.ShouldBe(ServiceFactory.OaId);
        link.RefusedOas.ShouldNotContainKey(ServiceFactory.OaId);
        var waiting = (await service.OutboxStateAsync("ward-citizen-1")).ShouldHaveSingleItem();
        waiting.Status.ShouldBe("pending");
        Sent("ward-citizen-1").ShouldBeEmpty();
        var health = await service.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        var zalo = health.GetProperty("checks").GetProperty("zalo");
        zalo.GetProperty("status").GetString().ShouldBe("Degraded");
        zalo.GetProperty("data").GetProperty("oa:" + TwoOaService.WardOa).GetString()!.ShouldContain("refused");
        zalo.GetProperty("data").GetProperty("oa:" + ServiceFactory.OaId).GetString()!.ShouldStartWith("sending");

        // The operator stores a new token for the ward: its message goes, without a restart.
        await tokens.ReplaceRefreshTokenAsync(TwoOaService.WardOa, FreshWardToken(), CancellationToken.None);
        await service.AllSentAsync("ward-citizen-1");
        Sent("ward-citizen-1").ShouldHaveSingleItem().OaId.ShouldBe(TwoOaService.WardOa);
    }

    /// <summary>A refresh token the simulator would issue to the ward OA, as its admin re-consenting in Zalo's console gets.</summary>
    private string FreshWardToken()
    {
        const string verifier = "verifier-of-a-fresh-consent-0123456789abcdef";
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return service.Simulator.State.ExchangeCode(service.Simulator.State.Authorise(TwoOaService.WardOa, challenge), verifier)!.Value.RefreshToken;
    }
}

/// <summary>Connecting an OA from the console: Zalo's OAuth v4 with state and PKCE, against the simulator's permission page.</summary>
public class OaConnectTests(TwoOaService service) : IClassFixture<TwoOaService>
{
    private static readonly HttpClientHandler NoRedirects = new() { AllowAutoRedirect = false };

    private async Task<Uri> PermissionRedirectAsync(HttpClient admin, string oaId)
    {
        var start = await admin.PostAsync("/api/oas/connect", null);
        start.EnsureSuccessStatusCode();
        var authorize = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!;
        authorize.ShouldContain("code_challenge=");
        authorize.ShouldContain("state=");
        // The OA's admin allows the app on Zalo's page (the simulator's), choosing which OA.
        using var browser = new HttpClient(NoRedirects, disposeHandler: false);
        var answer = await browser.GetAsync(authorize + "&oa_id=" + oaId);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return answer.Headers.Location!;
    }

    [Fact]
    public async Task An_admin_connects_an_OA_and_its_tokens_are_stored_once()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var callback = await PermissionRedirectAsync(admin, TwoOaService.WardOa);
        callback.AbsolutePath.ShouldBe(OaConnections.CallbackPath);

        var browser = service.CreateClient();
        var done = await browser.GetAsync(callback.PathAndQuery);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync()).ShouldContain("Đã kết nối OA " + TwoOaService.WardOa);
        var token = await service.Services.GetRequiredService<ZaloTokenProvider>().GetAsync(TwoOaService.WardOa, CancellationToken.None);
        service.Simulator.State.OaOf(token.Token).ShouldBe(TwoOaService.WardOa);

        // The same callback again (a reload, or someone replaying it) finds its state used.
        (await browser.GetAsync(callback.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("?code=x&oa_id=ward-oa&state=made-up")]
    [InlineData("?code=x&oa_id=ward-oa")]
    [InlineData("?oa_id=../../etc&code=x&state=y")]
    [InlineData("")]
    public async Task A_forged_or_malformed_callback_stores_nothing(string query)
    {
        await service.StartReadyAsync();
        var answer = await service.CreateClient().GetAsync(OaConnections.CallbackPath + query);
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_callback_whose_verifier_does_not_match_the_code_is_refused()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var callback = await PermissionRedirectAsync(admin, TwoOaService.WardOa);
        // An attacker's code (issued for another challenge) pasted into a genuine state.
        var stolen = service.Simulator.State.Authorise(TwoOaService.WardOa, "another-challenge");
        var forged = System.Text.RegularExpressions.Regex.Replace(callback.PathAndQuery, "code=[^&]+", "code=" + stolen);
        (await service.CreateClient().GetAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("bad id!", """{"name":"Phường"}""")]
    [InlineData("ward-x", """{"name":""}""")]
    [InlineData("ward-x", """{"name":"Phường","state":"maybe"}""")]
    [InlineData("ward-x", """{"name":"Phường","agencyCode":"NO-SUCH"}""")]
    [InlineData("ward-x", """{"name":"Phường","templates":{"no-such-kind":{"templateId":"1"}}}""")]
    public async Task Adding_an_OA_refuses_malformed_input_without_a_500(string oaId, string body)
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var answer = await admin.PutAsync("/api/oas/" + Uri.EscapeDataString(oaId), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Adding_an_OA_twice_updates_it_and_an_oversized_name_is_refused()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        (await admin.PutAsJsonAsync("/api/oas/ward-vc", new { name = "Phường Võ Cường", agencyCode = "UBND-VC" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/oas/ward-vc", new { name = "UBND phường Võ Cường", agencyCode = "UBND-VC" })).EnsureSuccessStatusCode();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/oas");
        list.EnumerateArray().Where(o => o.GetProperty("oaId").GetString() == "ward-vc").ShouldHaveSingleItem()
            .GetProperty("name").GetString().ShouldBe("UBND phường Võ Cường");
        (await admin.PutAsJsonAsync("/api/oas/ward-vc", new { name = new string('x', 5000) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        (await handler.PutAsJsonAsync("/api/oas/ward-vc", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>The console's OA page: what is connected, and the button that starts Zalo's authorisation.</summary>
public class OaConsoleTests(TwoOaService service) : IClassFixture<TwoOaService>
{
    [Fact]
    public async Task The_admin_page_lists_the_OAs_and_connect_goes_to_Zalos_permission_page_with_state_and_PKCE()
    {
        await service.StartWithWardAsync();
        var admin = await ZaloBot.Tests.StaffConsole.ConsoleClient.SignedInAsync(service, StaffRole.Admin);

        var html = await admin.GetHtmlAsync("/console/admin/oas");
        html.ShouldContain("Phường Kinh Bắc");
        html.ShouldContain(TwoOaService.WardOa);
        html.ShouldContain("Đang gửi tin");

        var answer = await admin.PostFormAsync("/console/admin/oas", "/console/admin/oas?handler=Connect", []);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = answer.Headers.Location!.ToString();
        location.ShouldStartWith(service.Simulator.BaseUrl + "/v4/oa/permission?");
        location.ShouldContain("code_challenge=");
        location.ShouldContain("state=");
        location.ShouldContain(Uri.EscapeDataString(OaConnections.CallbackPath));
    }
}

/// <summary>An OA linked to the Zalo app before it is connected here: its citizens' messages wait, then are answered.</summary>
public class LateConnectedOaTests(TwoOaService service) : IClassFixture<TwoOaService>
{
    [Fact]
    public async Task Messages_parked_before_the_OA_was_connected_are_answered_once_it_is()
    {
        var client = await service.StartReadyAsync();
        var onWard = service.Simulator.State.UserIdOn(TwoOaService.WardOa, "bac-tu");
        await service.CitizenSaysOnAsync(client, TwoOaService.WardOa, onWard, "xin chào");
        await using (var connection = service.Database.Open())
            (await connection.ExecuteScalarAsync<DateTime?>("select parked_at from inbox where user_id = @onWard", new { onWard })).ShouldNotBeNull();

        // The operator connects the OA and gives it its token (`zalo add-oa`, `zalo set-refresh-token`).
        (await service.Services.GetRequiredService<OaStore>().UpsertAsync(TwoOaService.WardOa, new OaSettings("Phường Kinh Bắc", AgencyCode: "UBND-KB"), CancellationToken.None)).ShouldBeTrue();
        await service.Services.GetRequiredService<ZaloTokenProvider>().ReplaceRefreshTokenAsync(TwoOaService.WardOa, TwoOaService.WardRefreshToken, CancellationToken.None);

        await Eventually.TrueAsync(() => Task.FromResult(service.Simulator.State.SentTo(onWard).Count > 0), "the parked greeting to be answered");
        service.Simulator.State.SentTo(onWard).ShouldAllBe(e => e.OaId == TwoOaService.WardOa);
        await using var check = service.Database.Open();
        (await check.QuerySingleAsync<(DateTime? ParkedAt, DateTime? ProcessedAt)>("select parked_at, processed_at from inbox where user_id = @onWard", new { onWard }))
            .ShouldSatisfyAllConditions(r => r.ParkedAt.ShouldBeNull(), r => r.ProcessedAt.ShouldNotBeNull());
    }
}
