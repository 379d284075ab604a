using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using ZaloBot.Domain.ServiceCentres;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.MiniApp;

public class MiniAppApiTests(MiniAppService service) : IClassFixture<MiniAppService>
{
    private static string NewUser() => "m" + Guid.NewGuid().ToString("N")[..10];

    private static readonly byte[] Photo = ZaloBot.Evidence.SimulatorSamplePhoto.Draw(320, 240);

    private static MultipartFormDataContent Form(string key, string? centre = null, string? centreToken = null, byte[]? photo = null,
        string description = "Đèn đường trước cổng trung tâm bị hỏng nhiều ngày", params (string Name, string Value)[] extra)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(key), "idempotencyKey" },
            { new StringContent("INFRA"), "category" },
            { new StringContent(description), "description" },
        };
        if (centre is not null) form.Add(new StringContent(centre), "centre");
        if (centreToken is not null) form.Add(new StringContent(centreToken), "centreToken");
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new("image/jpeg");
            form.Add(file, "photos", "anh.jpg");
        }
        foreach (var (name, value) in extra) form.Add(new StringContent(value), name);
        return form;
    }

    private async Task<string> CentreTokenAsync(string centre = "BN01")
    {
        var body = await service.CreateClient().GetFromJsonAsync<JsonObject>($"/miniapp/v1/centres/{centre}");
        return body!["centreToken"]!.GetValue<string>();
    }

    private async Task<string> TitleOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>();

    [Fact]
    public async Task A_centre_gives_its_name_and_a_signed_chat_message_and_an_unknown_one_is_404_in_vietnamese()
    {
        await service.StartReadyAsync();
        var client = service.CreateClient();

        var centre = await client.GetFromJsonAsync<JsonObject>("/miniapp/v1/centres/bn01");
        centre!["name"]!.GetValue<string>().ShouldBe("Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh");
        CentreLinks.TryRead(centre["chatMessage"]!.GetValue<string>(), out var link).ShouldBeTrue();
        link.CentreCode.ShouldBe("BN01");
        centre["oaId"]!.GetValue<string>().ShouldBe(ServiceFactory.OaId);

        var unknown = await client.GetAsync("/miniapp/v1/centres/ZZ99");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TitleOf(unknown)).ShouldContain("Không tìm thấy điểm tiếp nhận");
        (await client.GetAsync("/miniapp/v1/centres/" + new string('A', 300))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unverified_token_is_refused_and_a_claimed_id_zalo_does_not_confirm_is_refused()
    {
        await service.StartReadyAsync();
        var anonymous = service.CreateClient();
        (await anonymous.GetAsync("/miniapp/v1/tickets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var forged = service.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "mini-forged-token");
        forged.DefaultRequestHeaders.Add("X-Zalo-User-Id", NewUser());
        var refused = await forged.PostAsync("/miniapp/v1/tickets", Form("key-forged-1"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TitleOf(refused)).ShouldContain("Không xác minh được");

        // A genuine session claiming to be somebody else on the OA: Zalo's profile of that id names another app user.
        var (real, claimed) = (NewUser(), NewUser());
        var notThem = await service.As(real, claimedId: claimed).PostAsync("/miniapp/v1/tickets", Form("key-impostor-1"));
        notThem.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TitleOf(notThem)).ShouldContain("Quan tâm");
        (await Rows.TicketsAsync(service.Database, claimed)).ShouldBeEmpty();
        await using var db = service.Database.Open();
        (await db.ExecuteScalarAsync<long>("select count(*) from miniapp_users where app_user_id = @id", new { id = real + "-byapp" })).ShouldBe(0);
    }

    [Fact]
    public async Task The_form_files_a_ticket_for_the_oa_follower_with_photo_place_and_centre_and_lists_it()
    {
        await service.StartReadyAsync();
        var user = NewUser();
        var client = service.As(user);

        var response = await client.PostAsync("/miniapp/v1/tickets", Form("key-" + user, "BN01", await CentreTokenAsync(), Photo, extra:
            [("latitude", "21.1861"), ("longitude", "106.0763"), ("locationConsent", "true"), ("phoneToken", "phone-" + user), ("name", "Nguyễn Văn An")]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = body["code"]!.GetValue<string>();
        body["message"]!.GetValue<string>().ShouldContain("Đã tiếp nhận phản ánh " + code);
        await using var db = service.Database.Open();
        var row = await db.QuerySingleAsync<(string Citizen, string? Centre, string? Source, string Channel, double? Lat, string? Phone, string? Track)>(
            "select citizen_zalo_id, service_centre_code, service_centre_source, channel, latitude, contact_phone, track from tickets where code = @code", new { code });
        row.ShouldBe((user, "BN01", CentreSources.MiniApp, "miniapp", 21.1861, "+84912345678", "pakn"));
        (await db.ExecuteScalarAsync<string>("select source_url from evidence e join tickets t on t.id = e.ticket_id where t.code = @code", new { code }))
            .ShouldStartWith("staged:");
        // The uploaded photo goes through the downloader's checks like a photo sent in the chat, thumbnail included.
        await Eventually.TrueAsync(async () => await db.ExecuteScalarAsync<bool>(
            "select e.status = 'stored' and e.thumbnail_key is not null and e.width = 320 from evidence e join tickets t on t.id = e.ticket_id where t.code = @code", new { code }),
            "the uploaded photo to be stored as evidence");
        (await db.ExecuteScalarAsync<long>("select count(*) from consent_records where zalo_user_id = @user and purpose = 'location' and ticket_code = @code", new { user, code })).ShouldBe(1);
        (await db.ExecuteScalarAsync<long>("select count(*) from outbox where recipient_id = @user and idempotency_key like 'ticket:%:received'", new { user })).ShouldBe(1);

        var list = await client.GetFromJsonAsync<JsonArray>("/miniapp/v1/tickets");
        list!.Select(t => t!["code"]!.GetValue<string>()).ShouldBe([code]);
        list![0]!["statusText"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_duplicate_submission_returns_the_first_ticket_and_a_reused_or_forged_centre_code_attributes_nothing()
    {
        await service.StartReadyAsync();
        var user = NewUser();
        var client = service.As(user);
        var token = await CentreTokenAsync();

        var first = await client.PostAsync("/miniapp/v1/tickets", Form("dup-" + user, "BN01", token));
        var again = await client.PostAsync("/miniapp/v1/tickets", Form("dup-" + user, "BN01", token));
        var reused = await client.PostAsync("/miniapp/v1/tickets", Form("reuse-" + user, "BN01", token));
        var forged = await client.PostAsync("/miniapp/v1/tickets", Form("forged-" + user, "BN02", token));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        reused.StatusCode.ShouldBe(HttpStatusCode.Created);
        forged.StatusCode.ShouldBe(HttpStatusCode.Created);
        var centres = (await Rows.TicketsAsync(service.Database, user)).Select(t => t.ServiceCentreCode).ToList();
        centres.ShouldBe(["BN01", null, null]);
    }

    [Fact]
    public async Task Malformed_and_oversized_submissions_are_refused_in_vietnamese_never_with_a_500()
    {
        await service.StartReadyAsync();
        var client = service.As(NewUser());

        var json = await client.PostAsJsonAsync("/miniapp/v1/tickets", new { description = "x" });
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TitleOf(json)).ShouldContain("không đúng định dạng");

        var noKey = new MultipartFormDataContent { { new StringContent("INFRA"), "category" } };
        (await TitleOf(await client.PostAsync("/miniapp/v1/tickets", noKey))).ShouldContain("idempotencyKey");

        (await TitleOf(await client.PostAsync("/miniapp/v1/tickets", Form("short-key-1", description: "ngắn")))).ShouldContain("từ 10 đến 2.000 ký tự");

        (await client.PostAsync("/miniapp/v1/tickets", Form("nul-key-1", extra: ("name", "An\0")))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var notPhoto = await client.PostAsync("/miniapp/v1/tickets", Form("fake-photo-1", photo: "<html>not a photo</html>"u8.ToArray()));
        (await TitleOf(notPhoto)).ShouldContain("Chỉ gửi được ảnh");
        (await client.PostAsync("/miniapp/v1/tickets", Form("bad-place-1", extra: [("latitude", "999"), ("longitude", "1"), ("locationConsent", "true")])))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var huge = Form("huge-key-1", photo: new byte[6 * 1024 * 1024]);
        (await client.PostAsync("/miniapp/v1/tickets", huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Browsers_may_call_only_from_zalo_mini_app_origins()
    {
        await service.StartReadyAsync();
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/miniapp/v1/tickets");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,x-zalo-user-id");
            return await service.CreateClient().SendAsync(request);
        }

        (await PreflightAsync(MiniAppService.Origin)).Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([MiniAppService.Origin]);
        (await PreflightAsync("https://evil.example")).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}
