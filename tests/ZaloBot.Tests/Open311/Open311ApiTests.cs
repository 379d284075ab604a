using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Open311;

public class Open311ApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<string> IssueKeyAsync(string channel = "hotline")
    {
        var admin = await service.AsAsync(StaffRole.Admin);
        var response = await admin.PostAsJsonAsync("/api/channel-keys", new { channel, label = "Tổng đài 1022" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("apiKey").GetString()!;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Services_list_every_active_category_with_the_spec_fields_in_json_and_xml()
    {
        var client = await service.StartReadyAsync();

        var json = await JsonAsync(await client.GetAsync("/open311/v2/services.json"));
        json.GetArrayLength().ShouldBe(8);
        var infra = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "INFRA");
        infra.GetProperty("service_name").GetString().ShouldBe("Hạ tầng, môi trường");
        infra.GetProperty("metadata").GetBoolean().ShouldBeTrue();
        infra.GetProperty("type").GetString().ShouldBe("realtime");
        infra.GetProperty("keywords").GetString()!.ShouldContain("ngap");

        var xmlResponse = await client.GetAsync("/open311/v2/services.xml");
        xmlResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        var xml = XDocument.Parse(await xmlResponse.Content.ReadAsStringAsync());
        xml.Root!.Name.LocalName.ShouldBe("services");
        xml.Root.Elements("service").Count().ShouldBe(8);
        (await xmlResponse.Content.ReadAsStringAsync()).ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Case.Insensitive);
    }

    [Fact]
    public async Task A_service_definition_lists_the_ward_attribute_and_an_unknown_service_is_404_in_the_spec_error_shape()
    {
        var client = await service.StartReadyAsync();

        var definition = await JsonAsync(await client.GetAsync("/open311/v2/services/INFRA.json"));
        definition.GetProperty("service_code").GetString().ShouldBe("INFRA");
        var ward = definition.GetProperty("attributes")[0];
        ward.GetProperty("code").GetString().ShouldBe("ward");
        ward.GetProperty("datatype").GetString().ShouldBe("singlevaluelist");
        ward.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()).ShouldContain("KINHBAC");

        var missing = await client.GetAsync("/open311/v2/services/NOPE.json");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = (await JsonAsync(missing))[0];
        error.GetProperty("code").GetInt32().ShouldBe(404);
        error.GetProperty("description").GetString().ShouldNotBeNullOrEmpty();

        var xml = XDocument.Parse(await (await client.GetAsync("/open311/v2/services/INFRA.xml")).Content.ReadAsStringAsync());
        xml.Root!.Name.LocalName.ShouldBe("service_definition");
        xml.Root.Element("attributes")!.Element("attribute")!.Element("code")!.Value.ShouldBe("ward");
        (await client.GetAsync("/open311/v2/services.html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requests_filter_by_id_service_code_dates_and_status()
    {
        var client = await service.StartReadyAsync();
        var old = await service.TicketAsync(createdAt: DateTimeOffset.Parse("2026-01-05T03:00:00Z"));
        var open = await service.TicketAsync(category: "ADMIN", status: "in_progress");
        var closed = await service.TicketAsync(status: "resolved", answer: "Đã nạo vét xong.");

        async Task<List<string>> IdsAsync(string query) =>
            (await JsonAsync(await client.GetAsync("/open311/v2/requests.json" + query))).EnumerateArray()
            .Select(r => r.GetProperty("service_request_id").GetString()!).ToList();

        var recent = await IdsAsync("");
        recent.ShouldContain(open.Code);
        recent.ShouldContain(closed.Code);
        recent.ShouldNotContain(old.Code); // the default window is the last 90 days
        (await IdsAsync($"?service_request_id={old.Code},{closed.Code}")).ShouldBe([closed.Code, old.Code], ignoreOrder: true);
        (await IdsAsync("?service_code=ADMIN")).ShouldAllBe(id => id != closed.Code);
        (await IdsAsync("?service_code=ADMIN")).ShouldContain(open.Code);
        (await IdsAsync("?start_date=2026-01-01T00:00:00Z&end_date=2026-01-31T23:59:59Z")).ShouldBe([old.Code]);
        (await IdsAsync("?status=closed")).ShouldContain(closed.Code);
        (await IdsAsync("?status=closed")).ShouldNotContain(open.Code);
        (await IdsAsync("?status=open")).ShouldContain(open.Code);
        (await IdsAsync("?status=open,closed")).Count.ShouldBeGreaterThanOrEqualTo(2);
        (await IdsAsync("?page_size=1")).Count.ShouldBe(1);

        var one = await JsonAsync(await client.GetAsync($"/open311/v2/requests/{closed.Code}.json"));
        one.GetArrayLength().ShouldBe(1);
        one[0].GetProperty("status").GetString().ShouldBe("closed");
        one[0].GetProperty("status_notes").GetString()!.ShouldContain("Đã nạo vét xong.");
        one[0].GetProperty("agency_responsible").GetString().ShouldBe("UBND phường Kinh Bắc");

        var xml = XDocument.Parse(await (await client.GetAsync($"/open311/v2/requests/{open.Code}.xml")).Content.ReadAsStringAsync());
        xml.Root!.Name.LocalName.ShouldBe("service_requests");
        xml.Root.Element("request")!.Element("status")!.Value.ShouldBe("open");
    }

    [Theory]
    [InlineData("?status=pending")]
    [InlineData("?start_date=yesterday")]
    [InlineData("?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")]
    [InlineData("?page_size=0")]
    [InlineData("?page_size=100000")]
    [InlineData("?page=-1")]
    [InlineData("?service_code=%00")]
    public async Task Malformed_filters_are_400_in_the_spec_error_shape(string query)
    {
        var client = await service.StartReadyAsync();
        var response = await client.GetAsync("/open311/v2/requests.json" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response))[0].GetProperty("code").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Oversized_and_unknown_ids_are_404_not_500()
    {
        var client = await service.StartReadyAsync();
        (await client.GetAsync("/open311/v2/requests/" + new string('A', 5000) + ".json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/open311/v2/requests/PA-0000-ZZZZ.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/open311/v2/services/" + new string('I', 5000) + ".json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/cong-khai?q=%00&category=%00&ward=" + new string('x', 5000) + "&page=-3")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/open311/v2/requests.json?service_request_id=" + string.Join(',', Enumerable.Range(0, 500)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_hotline_files_a_ticket_with_its_key_and_the_channel_is_recorded()
    {
        var client = await service.StartReadyAsync();
        var key = await IssueKeyAsync();

        var response = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "INFRA"), ("description", "Đèn đường ngõ 5 Nguyễn Trãi hỏng cả tuần nay"),
            ("address_string", "Ngõ 5 Nguyễn Trãi"), ("attribute[ward]", "VOCUONG"), ("first_name", "Lê"), ("last_name", "Văn Tám"),
            ("phone", "0912 345 678")));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await JsonAsync(response))[0];
        var code = created.GetProperty("service_request_id").GetString()!;
        TicketCode.TryParse(code, out _).ShouldBeTrue();
        created.GetProperty("service_notice").GetString()!.ShouldStartWith("Phản ánh sẽ được trả lời chậm nhất ngày");

        await using var connection = service.Database.Open();
        var row = await connection.QuerySingleAsync<(string Channel, string Citizen, string Phone, string Name, string Area, string Status)>(
            "select channel, citizen_zalo_id, contact_phone, contact_name, area_code, status from tickets where code = @code", new { code });
        row.ShouldBe(("hotline", "ext:" + code, "+84912345678", "Lê Văn Tám", "VOCUONG", "received"));
        // The citizen gets the code in writing through the template channel (the only one without a Zalo id).
        (await connection.ExecuteScalarAsync<string>("select notice->>'kind' from outbox where recipient_id = @r", new { r = "ext:" + code })).ShouldBe("received");
        (await connection.ExecuteScalarAsync<int>("select count(*) from ticket_events where ticket_id = (select id from tickets where code = @code) and kind = 'created'", new { code })).ShouldBe(1);

        // Sent again (a retry after a timeout): the same ticket, not a second one.
        var again = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "INFRA"), ("description", "Đèn đường ngõ 5 Nguyễn Trãi hỏng cả tuần nay"),
            ("address_string", "Ngõ 5 Nguyễn Trãi"), ("phone", "0912345678")));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(again))[0].GetProperty("service_request_id").GetString().ShouldBe(code);
        (await connection.ExecuteScalarAsync<int>("select count(*) from tickets where channel = 'hotline' and description like 'Đèn đường ngõ 5%'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_hotline_ticket_runs_on_the_same_clocks_as_one_from_zalo()
    {
        var client = await service.StartReadyAsync();
        var key = await IssueKeyAsync();

        var urgent = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "INFRA"), ("description", "Cháy nhà ở ngõ 12 phố Ngô Gia Tự, khói bốc rất to"),
            ("address_string", "Ngõ 12 Ngô Gia Tự"), ("phone", "0912 000 111")));
        var plain = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "INFRA"), ("description", "Tôi khiếu nại quyết định xử phạt hành chính của phường"),
            ("address_string", "Phường Suối Hoa"), ("phone", "0912 000 222")));
        urgent.StatusCode.ShouldBe(HttpStatusCode.Created, await urgent.Content.ReadAsStringAsync());
        plain.StatusCode.ShouldBe(HttpStatusCode.Created, await plain.Content.ReadAsStringAsync());

        await using var connection = service.Database.Open();
        async Task<(string Track, string Suggested, string Priority, bool FirstDue, bool AcceptanceDue)> RowAsync(HttpResponseMessage response) =>
            await connection.QuerySingleAsync<(string, string, string, bool, bool)>(
                "select track, suggested_track, priority, first_response_due_at is not null, acceptance_due_at is not null from tickets where code = @code",
                new { code = (await JsonAsync(response))[0].GetProperty("service_request_id").GetString() });
        (await RowAsync(urgent)).ShouldBe(("pakn", "pakn", "urgent", true, true));
        // The words suggest a khiếu nại: recorded for intake to confirm, not decided for the caller.
        (await RowAsync(plain)).ShouldBe(("pakn", "khieu_nai", "normal", true, true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("o311_forged-key-that-was-never-issued-0000")]
    [InlineData("zb_a-staff-token-is-not-a-channel-key-0000")]
    public async Task Post_without_a_valid_key_is_refused_and_files_nothing(string? key)
    {
        var client = await service.StartReadyAsync();
        var fields = new List<(string, string)> { ("service_code", "INFRA"), ("description", "Ổ gà lớn giữa đường Lý Thái Tổ"), ("address_string", "Lý Thái Tổ") };
        if (key is not null) fields.Add(("api_key", key));

        var response = await client.PostAsync("/open311/v2/requests.json", Form([.. fields]));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(response))[0].GetProperty("code").GetInt32().ShouldBe(403);
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<int>("select count(*) from tickets where description = 'Ổ gà lớn giữa đường Lý Thái Tổ'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var client = await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var issued = await JsonAsync(await admin.PostAsJsonAsync("/api/channel-keys", new { channel = "web" }));
        (await admin.DeleteAsync($"/api/channel-keys/{issued.GetProperty("id").GetInt64()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", issued.GetProperty("apiKey").GetString()!), ("service_code", "INFRA"), ("description", "Rác thải tồn đọng nhiều ngày"), ("address_string", "Chợ Nhớn")));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The list never shows a key or its hash.
        (await admin.GetStringAsync("/api/channel-keys")).ShouldNotContain(issued.GetProperty("apiKey").GetString()!);
    }

    [Theory]
    [InlineData("service_code", "NOPE", "service_code")]
    [InlineData("description", "ngắn", "description")]
    [InlineData("phone", "12345", "phone")]
    [InlineData("lat", "999", "lat")]
    [InlineData("attribute[ward]", "ATLANTIS", "ward")]
    [InlineData("address_string", "", "location")]
    public async Task Malformed_posts_are_400_and_name_the_field(string field, string value, string mentioned)
    {
        var client = await service.StartReadyAsync();
        var key = await IssueKeyAsync("counter");
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "INFRA", ["description"] = "Cây đổ chắn ngang đường sau cơn bão", ["address_string"] = "Đường Kinh Dương Vương",
        };
        fields[field] = value;
        if (field == "lat") fields["long"] = "106";

        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response))[0].GetProperty("description").GetString()!.ShouldContain(mentioned);
    }

    [Fact]
    public async Task Oversized_json_and_forged_bodies_are_client_errors()
    {
        var client = await service.StartReadyAsync();
        var key = await IssueKeyAsync("portal");
        var huge = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "INFRA"), ("description", new string('x', 200_000))));
        ((int)huge.StatusCode).ShouldBeOneOf(400, 413);
        var json = await client.PostAsync("/open311/v2/requests.json", JsonContent.Create(new { api_key = key, service_code = "INFRA" }));
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var nul = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "INFRA"), ("description", "Nước thải\0 chảy tràn ra đường"), ("address_string", "x")));
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("zalo")]
    [InlineData("Hotline")]
    [InlineData("")]
    public async Task Channel_keys_need_a_proper_channel_name_and_only_admins_issue_them(string channel)
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        (await admin.PostAsJsonAsync("/api/channel-keys", new { channel })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        (await supervisor.PostAsJsonAsync("/api/channel-keys", new { channel = "hotline" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class RateLimitedService : ServiceFactory
{
    public RateLimitedService() => With("Open311:PostsPerMinute", "2");
}

public class Open311RateLimitTests(RateLimitedService limited) : IClassFixture<RateLimitedService>
{
    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Keys_are_rate_limited_per_channel()
    {
        var client = await limited.StartReadyAsync();
        var admin = await limited.AsAsync(StaffRole.Admin);
        var key = (await ReadAsync(await admin.PostAsJsonAsync("/api/channel-keys", new { channel = "hotline" }))).GetProperty("apiKey").GetString()!;

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            codes.Add((await client.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "INFRA"),
                ("description", $"Ngập nước ở đoạn đường số {i} sau mưa lớn"), ("address_string", "Đường Trần Hưng Đạo")))).StatusCode);

        codes.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
    }

}
