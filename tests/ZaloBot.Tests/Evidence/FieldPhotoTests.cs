using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.StaffChat;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Evidence;

/// <summary>
/// Photos from the field: a linked officer names a ticket in Zalo ("ảnh PA-…") or was just pushed one, sends a photo,
/// and it is kept as the ticket's "after" evidence — through signed webhooks, the simulator serving the photo as Zalo's
/// CDN does, the downloader, and the store of each kind.
/// </summary>
public abstract class FieldPhotoTests<TService>(TService service) : IClassFixture<TService> where TService : EvidenceService
{
    private sealed record Kept(long Id, string Status, string Origin, string? Phase, string? Sha256, string? StorageKey, string EventKind, bool EventPublic);

    [Fact]
    public async Task A_field_officers_photo_from_Zalo_lands_on_the_ticket_as_after_evidence()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync(status: "in_progress", agency: "UBND-KB");
        var officer = await LinkedAsync(client, StaffRole.FieldOfficer, "UBND-KB");

        // Typed loosely: no diacritics, lower case, spaces for dashes.
        await SayAsync(client, officer, "Anh " + code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoReady(code, toCitizen: false));

        var photo = TestFiles.Jpeg(400, 300, seed: 11);
        await PhotoAsync(client, officer, service.Serve(photo, "image/jpeg"));
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoSaved(code, 1, sentToCitizen: false, guessed: false));

        var kept = (await KeptAsync(code, 1)).ShouldHaveSingleItem();
        kept.Status.ShouldBe("stored");
        kept.Origin.ShouldBe("staff");
        kept.Phase.ShouldBe("after");
        kept.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(photo)));
        kept.EventKind.ShouldBe(TicketEventKinds.FieldPhoto);
        kept.EventPublic.ShouldBeFalse();
        await using (var stored = await service.Store.OpenAsync(kept.StorageKey!, CancellationToken.None))
            stored.ShouldNotBeNull();
        // Not sent to the citizen unless asked.
        (await Rows.OutboxAsync(service.Database, citizen)).ShouldBeEmpty();

        // The thread in the console shows it, marked as the "after" photo.
        var console = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-KB");
        var html = await console.GetHtmlAsync($"/console/tickets/{code}");
        html.ShouldContain($"/console/tickets/{code}/evidence/{kept.Id}/thumbnail");
        html.ShouldContain("Ảnh sau xử lý");

        // A second photo right after needs no code; "gửi dân" in its caption sends it to the citizen as the agency's reply.
        var second = service.Serve(TestFiles.Jpeg(640, 480, seed: 12), "image/jpeg");
        await PhotoAsync(client, officer, second, caption: "Đã thông cống xong, gửi dân");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoSaved(code, 1, sentToCitizen: true, guessed: false));
        var toCitizen = (await Rows.OutboxAsync(service.Database, citizen)).ShouldHaveSingleItem();
        var message = JsonNode.Parse(toCitizen.Message)!;
        message["attachment"]!["payload"]!["elements"]![0]!["url"]!.GetValue<string>().ShouldBe(second);
        toCitizen.Text.ShouldContain("Đã thông cống xong");
        var both = await KeptAsync(code, 2);
        both.ShouldAllBe(k => k.Phase == "after" && k.Status == "stored");
        both[1].EventKind.ShouldBe(TicketEventKinds.StaffReply);
        both[1].EventPublic.ShouldBeTrue();

        // The API lists both with their phase.
        var api = await service.AsAsync(StaffRole.Supervisor);
        var evidence = (await api.GetFromJsonAsync<JsonArray>($"/api/tickets/{code}/evidence"))!;
        evidence.Select(e => e!["phase"]!.GetValue<string>()).ShouldBe(["after", "after"]);
    }

    [Fact]
    public async Task A_photo_right_after_a_push_goes_to_the_pushed_ticket_and_the_answer_names_it()
    {
        var client = await service.StartReadyAsync();
        var officer = await LinkedAsync(client, StaffRole.FieldOfficer, "UBND-VN");
        var (code, _) = await service.SeedTicketAsync(status: "accepted");
        var diagnosis = await service.AsAsync(StaffRole.DiagnosisOfficer);
        (await diagnosis.PostAsJsonAsync($"/api/tickets/{code}/assign", new { agencyCode = "UBND-VN" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await Rows.OutboxAsync(service.Database, officer)).Any(r => r.Text.Contains(code, StringComparison.Ordinal)), "the assignment pushed to the officer");

        await PhotoAsync(client, officer, service.Serve(TestFiles.Jpeg(300, 200, seed: 13), "image/jpeg"));
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoSaved(code, 1, sentToCitizen: false, guessed: true));
        (await KeptAsync(code, 1)).ShouldHaveSingleItem().Phase.ShouldBe("after");

        // Another ticket pushed moments later: two tickets in view, so the next photo without a code is not guessed.
        var (next, _) = await service.SeedTicketAsync(status: "accepted");
        (await diagnosis.PostAsJsonAsync($"/api/tickets/{next}/assign", new { agencyCode = "UBND-VN" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await Rows.OutboxAsync(service.Database, officer)).Any(r => r.Text.Contains(next, StringComparison.Ordinal)), "the second push");
        await PhotoAsync(client, officer, service.Serve(TestFiles.Jpeg(300, 200, seed: 15), "image/jpeg"));
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoWhichTicket);
    }

    [Fact]
    public async Task Wrong_codes_other_agencies_roles_without_the_right_and_closed_tickets_get_clear_answers()
    {
        var client = await service.StartReadyAsync();
        var officer = await LinkedAsync(client, StaffRole.FieldOfficer, "UBND-VC");
        var photoUrl = service.Serve(TestFiles.Jpeg(200, 150, seed: 14), "image/jpeg");

        // Nothing named, nothing pushed: which ticket?
        await PhotoAsync(client, officer, photoUrl);
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoWhichTicket);

        await SayAsync(client, officer, "ảnh PA-26-XY");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoWrongCode("ảnh PA-26-XY"));
        await PhotoAsync(client, officer, photoUrl, caption: "PA-7QK2M");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoWrongCode("PA-7QK2M"));

        var (others, _) = await service.SeedTicketAsync(status: "in_progress", agency: "SXD");
        await SayAsync(client, officer, $"ảnh {others}");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.NotFound(others));
        await PhotoAsync(client, officer, photoUrl, caption: others);
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.NotFound(others));

        var (closed, _) = await service.SeedTicketAsync(status: "closed", agency: "UBND-VC");
        await SayAsync(client, officer, $"ảnh {closed}");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoTicketClosed(closed, TicketStatusText.ForCitizen(TicketStatus.Closed)));

        var intake = await LinkedAsync(client, StaffRole.IntakeOfficer, null);
        await SayAsync(client, intake, $"ảnh {others}");
        (await LastReplyAsync(intake)).ShouldBe(StaffTexts.PhotoNotAllowed(others));

        // A video is not an "after" photo.
        await PhotoAsync(client, officer, service.Serve([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p'], "video/mp4"), kind: "video");
        (await LastReplyAsync(officer)).ShouldBe(StaffTexts.PhotoOnlyImages);

        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("""
            select count(*) from evidence e join tickets t on t.id = e.ticket_id where t.code = any(@codes)
            """, new { codes = new[] { others, closed } })).ShouldBe(0);
    }

    private async Task<string> LinkedAsync(HttpClient client, StaffRole role, string? agency)
    {
        var account = await service.Services.GetRequiredService<StaffStore>().CreateAsync($"Cán bộ {role}", role, agency, CancellationToken.None);
        var enrolment = await service.Services.GetRequiredService<StaffEnrolment>().IssueAsync(account.Id, CancellationToken.None);
        var zaloUser = "staff-" + Guid.NewGuid().ToString("N")[..10];
        await SayAsync(client, zaloUser, enrolment!.Code);
        (await LastReplyAsync(zaloUser)).ShouldStartWith("Đã liên kết");
        return zaloUser;
    }

    private async Task SayAsync(HttpClient client, string zaloUser, string text)
    {
        var msgId = $"{zaloUser}-{Guid.NewGuid():N}";
        service.Simulator.State.RegisterInbound(zaloUser, msgId);
        using var request = ZaloWebhook.Signed(ZaloWebhook.Text(zaloUser, text, msgId));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, zaloUser);
    }

    private async Task PhotoAsync(HttpClient client, string zaloUser, string url, string? caption = null, string kind = "image")
    {
        var body = EvidenceTests<TService>.Media(zaloUser, kind, url, caption);
        service.Simulator.State.RegisterInbound(zaloUser, JsonNode.Parse(body)!["message"]!["msg_id"]!.GetValue<string>());
        using var request = ZaloWebhook.Signed(body);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, zaloUser);
    }

    private async Task<string> LastReplyAsync(string zaloUser) => (await Rows.OutboxAsync(service.Database, zaloUser)).Last().Text;

    private async Task<IReadOnlyList<Kept>> KeptAsync(string code, int count)
    {
        IReadOnlyList<Kept> rows = [];
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = service.Database.Open();
            rows = (await connection.QueryAsync<Kept>("""
                select e.id, e.status, e.origin, e.phase, e.sha256, e.storage_key as StorageKey, te.kind as EventKind, te.is_public as EventPublic
                from evidence e join tickets t on t.id = e.ticket_id join ticket_events te on te.id = e.ticket_event_id
                where t.code = @code order by e.id
                """, new { code })).AsList();
            return rows.Count == count && rows.All(r => r.Status != "pending");
        }, $"{count} field photos of {code} to settle");
        return rows;
    }
}

public sealed class LocalFieldPhotoTests(LocalEvidenceService service) : FieldPhotoTests<LocalEvidenceService>(service);

public sealed class S3FieldPhotoTests(S3EvidenceService service) : FieldPhotoTests<S3EvidenceService>(service);
