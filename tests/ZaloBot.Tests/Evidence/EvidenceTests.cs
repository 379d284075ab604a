using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Evidence;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Tests.StaffConsole;

namespace ZaloBot.Tests.Evidence;

/// <summary>
/// Evidence: citizens' photos, videos, voice messages and files are downloaded and kept by the province. The same
/// tests run against each store: a local directory and S3-compatible object storage.
/// </summary>
public abstract class EvidenceTests<TService>(TService service) : IClassFixture<TService> where TService : EvidenceService
{
    protected TService Service => service;

    public sealed record Row(long Id, string Status, string DeclaredKind, string? ContentType, long? SizeBytes, string? Sha256, string? StorageKey,
        string? ThumbnailKey, int Attempts, string? LastError, DateTime? DownloadedAt, double? PhotoLatitude, double? PhotoLongitude, DateTime? PurgedAt, string? SourceUrl);

    [Fact]
    public async Task A_citizens_photo_is_downloaded_stored_hashed_and_shown_on_the_ticket()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync(status: "assigned", agency: "UBND-KB");
        var photo = TestFiles.Jpeg(640, 480);
        var url = service.Serve(photo, "image/jpeg");

        await SendAsync(client, Media(citizen, "image", url, caption: "Ảnh chụp sáng nay"));
        var row = await SettledAsync(code);

        row.Status.ShouldBe("stored");
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(photo)));
        row.SizeBytes.ShouldBe(photo.Length);
        row.ContentType.ShouldBe("image/jpeg");
        row.DownloadedAt.ShouldNotBeNull();
        row.ThumbnailKey.ShouldNotBeNull();
        // The bytes are in the store, not just Zalo's link in the database.
        await using (var stored = await service.Store.OpenAsync(row.StorageKey!, CancellationToken.None))
        {
            stored.ShouldNotBeNull();
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            copy.ToArray().ShouldBe(photo);
        }

        // Staff of the ticket's agency read it through the API: the thread points at the kept copy.
        var staff = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        var ticket = await staff.GetFromJsonAsync<JsonObject>($"/api/tickets/{code}");
        var evidence = ticket!["evidence"]!.AsArray().ShouldHaveSingleItem()!;
        evidence["sha256"]!.GetValue<string>().ShouldBe(row.Sha256);
        var fileUrl = evidence["url"]!.GetValue<string>();
        fileUrl.ShouldBe($"/api/tickets/{code}/evidence/{row.Id}");
        var thread = ticket["thread"]!.AsArray();
        evidence["ticketEventId"]!.GetValue<long>().ShouldBe(thread.Last()!["id"]!.GetValue<long>());

        var file = await staff.GetAsync(fileUrl);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(photo);
        file.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");

        var thumbnail = await staff.GetAsync(evidence["thumbnailUrl"]!.GetValue<string>());
        thumbnail.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await thumbnail.Content.ReadAsByteArrayAsync();
        preview[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        using (var decoded = SkiaSharp.SKBitmap.Decode(preview)) Math.Max(decoded.Width, decoded.Height).ShouldBe(320);

        // And in the console, the thread shows the stored copy's thumbnail, not Zalo's link.
        var console = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-KB");
        var html = await console.GetHtmlAsync($"/console/tickets/{code}");
        html.ShouldContain($"/console/tickets/{code}/evidence/{row.Id}/thumbnail");
        html.ShouldNotContain(url);
        var viaConsole = await console.Http.GetAsync($"/console/tickets/{code}/evidence/{row.Id}");
        viaConsole.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viaConsole.Content.ReadAsByteArrayAsync()).ShouldBe(photo);
    }

    [Fact]
    public async Task A_link_that_keeps_failing_is_retried_then_recorded_unavailable_without_blocking_the_rest()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var broken = service.Serve(TestFiles.Jpeg(100, 100), "image/jpeg", failures: int.MaxValue, failureStatus: 404);
        var flaky = TestFiles.Jpeg(120, 90, seed: 7);
        var recovers = service.Serve(flaky, "image/jpeg", failures: 2, failureStatus: 503);

        await SendAsync(client, Photos(citizen, broken, recovers));
        // The conversation went on: the citizen was told the photos were added to the ticket.
        await Rows.InboxDrainedAsync(service.Database, citizen);

        var rows = await SettledRowsAsync(code, 2);
        var failed = rows.Single(r => r.SourceUrl == broken);
        failed.Status.ShouldBe("unavailable");
        failed.Attempts.ShouldBe(3);
        failed.LastError.ShouldBe("HTTP 404");
        failed.StorageKey.ShouldBeNull();
        service.Simulator.Media.Downloads(broken.Split('/').Last()).ShouldBe(3);

        var retried = rows.Single(r => r.SourceUrl == recovers);
        retried.Status.ShouldBe("stored");
        retried.Attempts.ShouldBe(3);
        retried.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(flaky)));

        // Staff see why the first one is missing.
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);
        var list = await staff.GetFromJsonAsync<JsonArray>($"/api/tickets/{code}/evidence");
        var unavailable = list!.Single(e => e!["status"]!.GetValue<string>() == "unavailable")!;
        unavailable["problem"]!.GetValue<string>().ShouldBe("HTTP 404");
        unavailable["url"].ShouldBeNull();
    }

    [Fact]
    public async Task A_stalled_download_holds_up_neither_the_webhook_nor_the_conversation_and_times_out()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var stalled = service.Serve(TestFiles.Jpeg(100, 100), "image/jpeg", hang: true);

        await SendAsync(client, Media(citizen, "image", stalled));
        // The citizen is answered while the download is still hanging.
        await Eventually.TrueAsync(() => Task.FromResult(service.Simulator.State.SentTo(citizen).Count > 0), "the bot's answer to reach the citizen");
        service.Simulator.State.SentTo(citizen)[0].Content["text"]!.GetValue<string>().ShouldContain(code);
        (await RowsAsync(code)).ShouldHaveSingleItem().Status.ShouldBe("pending");
        // Then the download's time limit ends the attempt, and it is retried later.
        await Eventually.TrueAsync(async () => (await RowsAsync(code)).Single().LastError is not null, "the stalled attempt to time out");
        (await RowsAsync(code)).Single().LastError.ShouldBe("timed out after 3 s");
    }

    [Fact]
    public async Task An_oversize_or_mislabelled_file_is_refused_with_the_reason_recorded()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var huge = TestFiles.Jpeg(1600, 1200, quality: 100);
        huge.Length.ShouldBeGreaterThan(EvidenceService.MaxImageBytes);
        var oversize = service.Serve(huge, "image/jpeg");
        // No length announced: the limit is enforced on the bytes read, not on what the server claims.
        var oversizeChunked = service.Serve(huge, "image/jpeg", omitLength: true);
        var webPage = service.Serve(TestFiles.Html(), "image/jpeg");
        var pdfAsPhoto = service.Serve(TestFiles.Pdf(), "image/jpeg");

        await SendAsync(client, Photos(citizen, oversize, oversizeChunked, webPage, pdfAsPhoto));
        var rows = await SettledRowsAsync(code, 4);

        rows.ShouldAllBe(r => r.Status == "refused" && r.StorageKey == null && r.Attempts == 1);
        rows.Single(r => r.SourceUrl == oversize).LastError!.ShouldStartWith("too large");
        rows.Single(r => r.SourceUrl == oversizeChunked).LastError!.ShouldStartWith("too large");
        rows.Single(r => r.SourceUrl == webPage).LastError.ShouldBe("mislabelled: declared image, but the link served a web page, not a file");
        rows.Single(r => r.SourceUrl == pdfAsPhoto).LastError.ShouldBe("mislabelled: declared image, but the bytes are application/pdf");
    }

    [Fact]
    public async Task Another_agencys_staff_cannot_fetch_the_files()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync(status: "assigned", agency: "UBND-KB");
        await SendAsync(client, Media(citizen, "image", service.Serve(TestFiles.Jpeg(200, 150), "image/jpeg")));
        var row = await SettledAsync(code);
        row.Status.ShouldBe("stored");

        var other = await service.AsAsync(StaffRole.AgencyHandler, "UBND-VC");
        foreach (var path in new[] { $"/api/tickets/{code}/evidence", $"/api/tickets/{code}/evidence/{row.Id}", $"/api/tickets/{code}/evidence/{row.Id}/thumbnail" })
            (await other.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        // Nor by pairing a ticket they can see with another ticket's file id.
        var (ownCode, _) = await service.SeedTicketAsync(status: "assigned", agency: "UBND-VC");
        (await other.GetAsync($"/api/tickets/{ownCode}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nor through the console.
        var console = await ConsoleClient.SignedInAsync(service, StaffRole.AgencyHandler, "UBND-VC");
        (await console.Http.GetAsync($"/console/tickets/{code}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Without a token, or with a forged one, nothing.
        (await service.CreateClient().GetAsync($"/api/tickets/{code}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await service.WithToken("zb_forged").GetAsync($"/api/tickets/{code}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var own = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        (await own.GetAsync($"/api/tickets/{code}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_photos_gps_position_is_kept_for_staff_and_stripped_from_the_thumbnail()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var photo = TestFiles.JpegWithGps(21.1861, 106.0763);
        await SendAsync(client, Media(citizen, "image", service.Serve(photo, "image/jpeg")));
        var row = await SettledAsync(code);

        row.Status.ShouldBe("stored");
        row.PhotoLatitude!.Value.ShouldBe(21.1861, 0.0001);
        row.PhotoLongitude!.Value.ShouldBe(106.0763, 0.0001);
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);
        var item = (await staff.GetFromJsonAsync<JsonArray>($"/api/tickets/{code}/evidence"))!.ShouldHaveSingleItem()!;
        item["photoLatitude"]!.GetValue<double>().ShouldBe(21.1861, 0.0001);

        var thumbnail = await (await staff.GetAsync(item["thumbnailUrl"]!.GetValue<string>())).Content.ReadAsByteArrayAsync();
        var metadata = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(thumbnail));
        metadata.OfType<MetadataExtractor.Formats.Exif.GpsDirectory>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Video_voice_and_documents_are_kept_as_files()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var video = TestFiles.Mp4();
        var voice = TestFiles.Amr();
        var pdf = TestFiles.Pdf();
        await SendAsync(client, Media(citizen, "video", service.Serve(video, "video/mp4")));
        await SendAsync(client, Media(citizen, "audio", service.Serve(voice, "audio/amr")));
        await SendAsync(client, Media(citizen, "file", service.Serve(pdf, "application/pdf"), name: "bien-ban.pdf"));
        var rows = await SettledRowsAsync(code, 3);

        rows.Select(r => (r.DeclaredKind, r.Status, r.ContentType, r.SizeBytes)).ShouldBe(
        [
            ("video", "stored", "video/mp4", video.Length),
            ("audio", "stored", "audio/amr", voice.Length),
            ("file", "stored", "application/pdf", pdf.Length),
        ]);
        rows.ShouldAllBe(r => r.ThumbnailKey == null);
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);
        var document = await staff.GetAsync($"/api/tickets/{code}/evidence/{rows[2].Id}");
        document.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await document.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task The_same_webhook_delivered_twice_keeps_one_copy()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var body = Media(citizen, "image", service.Serve(TestFiles.Jpeg(100, 80), "image/jpeg"));
        await SendAsync(client, body);
        await SendAsync(client, body);
        await Rows.InboxDrainedAsync(service.Database, citizen);
        (await SettledRowsAsync(code, 1)).ShouldHaveSingleItem().Status.ShouldBe("stored");
    }

    [Fact]
    public async Task User_withdraw_erases_the_citizens_files_from_the_store()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync();
        var url = service.Serve(TestFiles.Jpeg(200, 200), "image/jpeg");
        await SendAsync(client, Media(citizen, "image", url));
        var row = await SettledAsync(code);
        row.Status.ShouldBe("stored");

        await SendAsync(client, $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","user_id_by_app":"{{{citizen}}}-byapp","event_name":"user_withdraw","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{citizen}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"}}""");
        await Eventually.TrueAsync(async () => (await RowsAsync(code)).Single().PurgedAt is not null, "the erased files to be purged");

        var erased = (await RowsAsync(code)).Single();
        erased.Status.ShouldBe("erased");
        erased.StorageKey.ShouldBeNull();
        erased.SourceUrl.ShouldBeNull();
        (await service.Store.OpenAsync(row.StorageKey!, CancellationToken.None)).ShouldBeNull();
        (await service.Store.OpenAsync(row.ThumbnailKey!, CancellationToken.None)).ShouldBeNull();
        // Zalo's link to the photo is gone from the thread too.
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from ticket_events where payload::text like '%' || @url || '%'", new { url })).ShouldBe(0);
        var staff = await service.AsAsync(StaffRole.IntakeOfficer);
        (await staff.GetAsync($"/api/tickets/{code}/evidence/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Evidence_of_a_ticket_closed_longer_than_its_categorys_retention_is_removed()
    {
        var client = await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync(category: "INFRA");
        await SendAsync(client, Media(citizen, "image", service.Serve(TestFiles.Jpeg(150, 100), "image/jpeg")));
        var row = await SettledAsync(code);
        row.Status.ShouldBe("stored");

        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set status = 'closed', closed_at = now() - interval '6 years' where code = @code", new { code });
        // The default retention is five years (1,825 days).
        await Eventually.TrueAsync(async () => (await RowsAsync(code)).Single().PurgedAt is not null, "the expired files to be purged");
        (await RowsAsync(code)).Single().Status.ShouldBe("expired");
        (await service.Store.OpenAsync(row.StorageKey!, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_staff_reply_with_a_photo_reaches_the_citizen_through_zalos_upload_api_and_is_kept()
    {
        await service.StartReadyAsync();
        var (code, citizen) = await service.SeedTicketAsync(status: "in_progress", agency: "UBND-KB");
        var staff = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        // Larger than Zalo's 1 MB upload limit: sent re-encoded, kept as taken.
        var photo = TestFiles.Jpeg(1400, 1000, quality: 95);
        photo.Length.ShouldBeGreaterThan(EvidenceImages.ZaloMaxUploadBytes);

        var response = await staff.PostAsync($"/api/tickets/{code}/replies/photo", Form(photo, "image/jpeg", "Đường đã được sửa xong."));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var evidenceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["evidenceId"]!.GetValue<long>();

        await service.AllSentAsync(citizen);
        var sent = service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        sent.Content["text"]!.GetValue<string>().ShouldContain("Đường đã được sửa xong.");
        var element = sent.Content["attachment"]!["payload"]!["elements"]![0]!;
        element["media_type"]!.GetValue<string>().ShouldBe("image");
        var uploaded = service.Simulator.Media.Uploaded(element["attachment_id"]!.GetValue<string>()).ShouldNotBeNull();
        uploaded.Bytes.Length.ShouldBeLessThanOrEqualTo(EvidenceImages.ZaloMaxUploadBytes);
        uploaded.ContentType.ShouldBe("image/jpeg");

        var row = (await RowsAsync(code)).ShouldHaveSingleItem();
        row.Id.ShouldBe(evidenceId);
        row.Status.ShouldBe("stored");
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(photo)));
        (await (await staff.GetAsync($"/api/tickets/{code}/evidence/{evidenceId}")).Content.ReadAsByteArrayAsync()).ShouldBe(photo);
        var thread = (await staff.GetFromJsonAsync<JsonObject>($"/api/tickets/{code}"))!["thread"]!.AsArray();
        thread.Last()!["kind"]!.GetValue<string>().ShouldBe("staff_reply");
    }

    [Fact]
    public async Task Photo_replies_refuse_malformed_oversize_forged_and_unauthorised_requests_without_a_500()
    {
        await service.StartReadyAsync();
        var (code, _) = await service.SeedTicketAsync(status: "in_progress", agency: "UBND-KB");
        var staff = await service.AsAsync(StaffRole.AgencyHandler, "UBND-KB");
        var path = $"/api/tickets/{code}/replies/photo";
        var uploadsBefore = service.Simulator.State.Calls("upload");

        (await staff.PostAsync(path, JsonContent.Create(new { text = "x" }))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await staff.PostAsync(path, new MultipartFormDataContent { { new StringContent("chỉ có chữ"), "text" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await staff.PostAsync(path, Form(TestFiles.Pdf(), "image/jpeg", "tệp PDF đổi tên"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await staff.PostAsync(path, Form(TestFiles.Html(), "image/png", "trang web"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await staff.PostAsync(path, Form(new byte[11 * 1024 * 1024], "image/jpeg", "quá lớn"))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await staff.PostAsync(path, Form(TestFiles.Png(), "image/png", new string('x', 1801)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await staff.PostAsync(path, Form(TestFiles.Png(), "image/png", "bad \0 text"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A multipart body cut short.
        var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n\xFF\xD8"u8.ToArray());
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        ((int)(await staff.PostAsync(path, truncated)).StatusCode).ShouldBe(400);

        (await service.CreateClient().PostAsync(path, Form(TestFiles.Png(), "image/png", "x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await service.WithToken("zb_forged").PostAsync(path, Form(TestFiles.Png(), "image/png", "x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var other = await service.AsAsync(StaffRole.AgencyHandler, "UBND-VC");
        (await other.PostAsync(path, Form(TestFiles.Png(), "image/png", "x"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.PostAsync("/api/tickets/not-a-code/replies/photo", Form(TestFiles.Png(), "image/png", "x"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Nothing was kept or sent by any of them.
        (await RowsAsync(code)).ShouldBeEmpty();
        service.Simulator.State.Calls("upload").ShouldBe(uploadsBefore);
    }

    protected static MultipartFormDataContent Form(byte[] file, string contentType, string text)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { content, "file", "anh.jpg" }, { new StringContent(text), "text" } };
    }

    protected async Task SendAsync(HttpClient client, string body)
    {
        var msgId = JsonNode.Parse(body)?["message"]?["msg_id"]?.GetValue<string>();
        var user = JsonNode.Parse(body)!["sender"]!["id"]!.GetValue<string>();
        if (msgId is not null) service.Simulator.State.RegisterInbound(user, msgId);
        using var request = ZaloWebhook.Signed(body);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A user_send_image/video/audio/file event as Zalo posts it.</summary>
    protected static string Photos(string user, params string[] urls) => Media(user, "image", urls, null, null);

    internal static string Media(string user, string kind, string url, string? caption = null, string? name = null) => Media(user, kind, [url], caption, name);

    private static string Media(string user, string kind, string[] urls, string? caption, string? name)
    {
        var attachments = new JsonArray(urls.Select(url => (JsonNode)new JsonObject
        {
            ["type"] = kind,
            ["payload"] = kind == "file"
                ? new JsonObject { ["url"] = url, ["name"] = name ?? "tep.pdf", ["size"] = "1024", ["type"] = "pdf", ["checksum"] = "x" }
                : new JsonObject { ["url"] = url, ["thumbnail"] = url },
        }).ToArray());
        var message = new JsonObject { ["msg_id"] = "m-" + Guid.NewGuid().ToString("N"), ["attachments"] = attachments };
        if (caption is not null) message["text"] = caption;
        return new JsonObject
        {
            ["app_id"] = ServiceFactory.AppId,
            ["user_id_by_app"] = user + "-byapp",
            ["event_name"] = "user_send_" + kind,
            ["timestamp"] = ZaloWebhook.Now().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sender"] = new JsonObject { ["id"] = user },
            ["recipient"] = new JsonObject { ["id"] = ServiceFactory.OaId },
            ["message"] = message,
        }.ToJsonString();
    }

    protected async Task<IReadOnlyList<Row>> RowsAsync(string code)
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<Row>("""
            select e.id, e.status, e.declared_kind as DeclaredKind, e.content_type as ContentType, e.size_bytes as SizeBytes, e.sha256,
                   e.storage_key as StorageKey, e.thumbnail_key as ThumbnailKey, e.attempts, e.last_error as LastError,
                   e.downloaded_at as DownloadedAt, e.photo_latitude as PhotoLatitude, e.photo_longitude as PhotoLongitude,
                   e.purged_at as PurgedAt, e.source_url as SourceUrl
            from evidence e join tickets t on t.id = e.ticket_id where t.code = @code order by e.id
            """, new { code })).AsList();
    }

    protected async Task<IReadOnlyList<Row>> SettledRowsAsync(string code, int count)
    {
        IReadOnlyList<Row> rows = [];
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                rows = await RowsAsync(code);
                return rows.Count == count && rows.All(r => r.Status != "pending");
            }, $"{count} evidence rows of {code} to settle");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + " Rows: " + string.Join("; ", rows), ex);
        }
        return rows;
    }

    protected async Task<Row> SettledAsync(string code) => (await SettledRowsAsync(code, 1)).Single();
}

public sealed class LocalEvidenceTests(LocalEvidenceService service) : EvidenceTests<LocalEvidenceService>(service)
{
    [Fact]
    public async Task Staff_attach_a_photo_to_a_reply_in_the_console()
    {
        await Service.StartReadyAsync();
        var (code, citizen) = await Service.SeedTicketAsync(status: "in_progress", agency: "UBND-KB");
        var console = await ConsoleClient.SignedInAsync(Service, StaffRole.AgencyHandler, "UBND-KB");
        var page = await console.GetHtmlAsync($"/console/tickets/{code}");
        string Hidden(string name) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, $"name=\"{name}\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var photo = TestFiles.Jpeg(300, 200);
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Hidden("__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(Hidden("stamp")), "stamp" },
            { new StringContent("Đã dọn xong rác, gửi bạn ảnh hiện trường."), "text" },
            { file, "photo", "hien-truong.jpg" },
        };
        var response = await console.Http.PostAsync($"/console/tickets/{code}?handler=Reply", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        await Service.AllSentAsync(citizen);
        var sent = Service.Simulator.State.SentTo(citizen).ShouldHaveSingleItem();
        var attachmentId = sent.Content["attachment"]!["payload"]!["elements"]![0]!["attachment_id"]!.GetValue<string>();
        Service.Simulator.Media.Uploaded(attachmentId)!.Bytes.ShouldBe(photo);
        var row = (await RowsAsync(code)).ShouldHaveSingleItem();
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(photo)));
        (await console.GetHtmlAsync($"/console/tickets/{code}")).ShouldContain($"/console/tickets/{code}/evidence/{row.Id}/thumbnail");
    }
}

public sealed class S3EvidenceTests(S3EvidenceService service) : EvidenceTests<S3EvidenceService>(service)
{
    [Fact]
    public async Task Files_live_in_the_bucket_under_the_configured_prefix()
    {
        var client = await Service.StartReadyAsync();
        var (code, citizen) = await Service.SeedTicketAsync();
        await SendAsync(client, Media(citizen, "image", Service.Serve(TestFiles.Jpeg(90, 60), "image/jpeg")));
        var row = await SettledAsync(code);
        (await Service.KeysAsync()).ShouldContain("evidence/" + row.StorageKey);
    }
}
