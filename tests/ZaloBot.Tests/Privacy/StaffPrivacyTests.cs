using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Privacy;

/// <summary>The staff side: a tố cáo's denouncer withheld and revealed with an audit entry, the breach register, the processing record.</summary>
public class StaffPrivacyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<string> DenunciationAsync(string agency = "SXD")
    {
        var (code, _) = await service.SeedTicketAsync(status: "assigned", agency: agency);
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync("update tickets set track = 'to_cao', latitude = 21.18, longitude = 106.07 where code = @code", new { code });
        return code;
    }

    private async Task<IReadOnlyList<string>> RevealsAsync(string code)
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<string>("select method from console_audit where kind = 'identity_revealed' and ticket_code = @code order by id", new { code })).AsList();
    }

    [Fact]
    public async Task A_denouncers_identity_is_hidden_from_an_intake_officer_everywhere()
    {
        await service.StartReadyAsync();
        var code = await DenunciationAsync();
        var api = await service.AsAsync(StaffRole.IntakeOfficer);

        var one = await api.GetStringAsync($"/api/tickets/{code}");
        var list = await api.GetStringAsync($"/api/tickets?q={code}");
        foreach (var json in new[] { one, list })
        {
            json.ShouldNotContain("Nguyễn An");
            json.ShouldNotContain("84912345678");
            json.ShouldNotContain("106.07");
            json.ShouldContain("được bảo vệ");
        }
        (await api.PostAsync($"/api/privacy/tickets/{code}/identity", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var browser = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var page = await browser.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldNotContain("Nguyễn An");
        page.ShouldNotContain("0912 *** 678");
        page.ShouldNotContain("Xem danh tính người tố cáo");
        (await browser.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=RevealDenouncer", [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RevealsAsync(code)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_assigned_handler_sees_the_denouncer_only_through_an_audited_reveal()
    {
        await service.StartReadyAsync();
        var code = await DenunciationAsync();

        var handler = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "SXD");
        var page = await handler.GetHtmlAsync($"/console/tickets/{code}");
        page.ShouldNotContain("Nguyễn An");
        var revealed = await handler.PostFormAsync($"/console/tickets/{code}", $"/console/tickets/{code}?handler=RevealDenouncer", []);
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await revealed.Content.ReadAsStringAsync();
        html.ShouldContain("Nguyễn An");
        html.ShouldContain("0912 345 678");

        var api = await service.AsAsync(StaffRole.Supervisor);
        var identity = await api.PostAsync($"/api/privacy/tickets/{code}/identity", null);
        identity.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await identity.Content.ReadAsStringAsync()).ShouldContain("+84912345678");
        (await RevealsAsync(code)).ShouldBe(["console", "api"]);

        // A handler of another agency does not even see the ticket.
        var other = await service.AsAsync(StaffRole.AgencyHandler, "UBND-TS");
        (await other.PostAsync($"/api/privacy/tickets/{code}/identity", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_denouncers_own_photo_is_served_only_to_those_who_may_reveal_them()
    {
        await service.StartReadyAsync();
        var code = await DenunciationAsync();
        var key = "test/" + Guid.NewGuid().ToString("N");
        await service.Services.GetRequiredService<ZaloBot.Evidence.IEvidenceStore>().PutAsync(key, new MemoryStream("photo"u8.ToArray()), "image/jpeg", CancellationToken.None);
        await using (var connection = service.Database.Open())
        {
            var id = await connection.ExecuteScalarAsync<long>("""
                insert into evidence (ticket_id, origin, declared_kind, status, next_attempt_at, content_type, size_bytes, sha256, storage_key, created_at)
                select id, 'citizen', 'image', 'stored', now(), 'image/jpeg', 5, repeat('a', 64), @key, now() from tickets where code = @code
                returning id
                """, new { code, key });
            var url = $"/api/tickets/{code}/evidence/{id}";

            (await (await service.AsAsync(StaffRole.IntakeOfficer)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await (await service.AsAsync(StaffRole.AgencyHandler, "SXD")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await (await service.AsAsync(StaffRole.Supervisor)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("PA-0000")]
    [InlineData("not a code")]
    [InlineData("PA-2611-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Identity_and_consent_endpoints_answer_unknown_or_malformed_codes_with_not_found(string code)
    {
        await service.StartReadyAsync();
        var api = await service.AsAsync(StaffRole.Supervisor);
        (await api.PostAsync($"/api/privacy/tickets/{Uri.EscapeDataString(code)}/identity", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/privacy/tickets/{Uri.EscapeDataString(code)}/consents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await service.CreateClient().PostAsync($"/api/privacy/tickets/{Uri.EscapeDataString(code)}/identity", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_denunciation_never_appears_on_public_pages_even_if_marked_publishable()
    {
        var client = await service.StartReadyAsync();
        var code = await DenunciationAsync();
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set status = 'resolved', publish = true where code = @code", new { code });
        (await client.GetAsync($"/open311/v2/requests/{code}.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_processing_record_comes_from_the_running_configuration_for_supervisors_only()
    {
        var client = await service.StartReadyAsync();
        (await client.GetAsync("/api/privacy/processing-record")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await service.AsAsync(StaffRole.IntakeOfficer)).GetAsync("/api/privacy/processing-record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var json = JsonDocument.Parse(await (await service.AsAsync(StaffRole.Supervisor)).GetStringAsync("/api/privacy/processing-record")).RootElement;
        json.GetProperty("noticeUrl").GetString().ShouldBe("https://pakn.example.gov.vn/quyen-rieng-tu");
        var stores = json.GetProperty("stores").EnumerateArray().ToList();
        stores.Select(s => s.GetProperty("name").GetString()).ShouldContain("PostgreSQL");
        stores.ShouldAllBe(s => s.GetProperty("country").GetString() == "VN" && !s.GetProperty("outsideVietnam").GetBoolean());
        json.GetProperty("purposes").EnumerateArray().Where(p => p.GetProperty("optional").GetBoolean()).Select(p => p.GetProperty("code").GetString())
            .ShouldBe(["publish", "call_back", "survey", "location"]);
        json.GetProperty("dataKinds").EnumerateArray().ShouldContain(k => k.GetProperty("retention").GetString()!.Contains("30 ngày"));
        json.GetProperty("clocks").EnumerateArray().ShouldContain(c => c.GetProperty("value").GetString() == "72 giờ");

        var browser = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        (await browser.GetHtmlAsync("/console/privacy/processing-record")).ShouldContain("chưa được xác nhận");
    }

    [Fact]
    public async Task An_admin_records_a_breach_sees_its_clock_and_the_affected_tickets_and_records_the_notification()
    {
        await service.StartReadyAsync();
        var (code, _) = await service.SeedTicketAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var recorded = await admin.PostFormAsync("/console/privacy/breaches", "/console/privacy/breaches?handler=Record", new()
        {
            ["summary"] = "Máy tính của cán bộ bị mất, có bản xuất danh sách phản ánh.",
            ["discovered"] = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["kinds"] = "contact",
            ["from"] = now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = now.AddHours(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var page = await admin.GetHtmlAsync(recorded.Headers.Location!.ToString());
        page.ShouldContain("giờ để thông báo A05");
        page.ShouldContain($"/console/tickets/{code}");

        await using var connection = service.Database.Open();
        var id = await connection.QuerySingleAsync<long>("select max(id) from privacy_breaches");
        var notified = await admin.PostFormAsync("/console/privacy/breaches", "/console/privacy/breaches?handler=Notify", new()
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["notification"] = "Đã gửi thông báo theo mẫu tới A05 qua cổng dịch vụ công.",
        });
        notified.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await notified.Content.ReadAsStringAsync()).ShouldContain("Đã thông báo");
        (await connection.QueryAsync<string>("select kind from console_audit where kind like 'breach_%' order by id")).ShouldBe(["breach_recorded", "breach_notified"]);
    }

    [Theory]
    [InlineData("", "2026-11-01T08:00", "contact", "2026-11-01T00:00", "2026-11-02T00:00")]
    [InlineData("Sự cố", "not-a-date", "contact", "2026-11-01T00:00", "2026-11-02T00:00")]
    [InlineData("Sự cố", "2026-11-01T08:00", "passwords", "2026-11-01T00:00", "2026-11-02T00:00")]
    [InlineData("Sự cố", "2026-11-01T08:00", "contact", "2026-11-02T00:00", "2026-11-01T00:00")]
    [InlineData("Sự cố", "2999-11-01T08:00", "contact", "2026-11-01T00:00", "2026-11-02T00:00")]
    public async Task Malformed_breach_forms_are_refused_and_the_register_is_for_admins(string summary, string discovered, string kind, string from, string to)
    {
        await service.StartReadyAsync();
        var admin = await ConsoleClient.SignedInAsync(service, StaffRole.Admin);
        var refused = await admin.PostFormAsync("/console/privacy/breaches", "/console/privacy/breaches?handler=Record",
            new() { ["summary"] = summary, ["discovered"] = discovered, ["kinds"] = kind, ["from"] = from, ["to"] = to });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostFormAsync("/console/privacy/breaches", "/console/privacy/breaches?handler=Notify", new() { ["id"] = "abc", ["notification"] = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        (await supervisor.Http.GetAsync("/console/privacy/breaches")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
