using System.Text.Json;
using Dapper;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Open311;

/// <summary>Nothing private in any public answer: checked field by field, in JSON, XML and the public page.</summary>
public class Open311PrivacyTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly string[] SpecFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    private static void ShouldHoldNothingPrivate(string body, string citizen)
    {
        body.ShouldNotContain(PublicSeed.Name, Case.Insensitive);
        body.ShouldNotContain("987654321");          // the phone in any form: +84987654321, 0987654321, 84987654321
        body.ShouldNotContain("987 654 321");
        body.ShouldNotContain(citizen);              // the Zalo id
        body.ShouldNotContain("GHI CHÚ NỘI BỘ", Case.Insensitive);
        body.ShouldNotContain("photo.example");      // attachments are never published
        body.ShouldNotContain("a.nguyen@example.vn");
    }

    [Fact]
    public async Task A_published_ticket_shows_only_the_spec_fields_each_made_safe()
    {
        var client = await service.StartReadyAsync();
        var t = await service.TicketAsync(status: "resolved",
            description: $"Tôi là {PublicSeed.Name}, gọi 0987.654.321 hoặc a.nguyen@example.vn: cống trước nhà số 12 bị vỡ",
            answer: $"Đã sửa cống. Chị {PublicSeed.Name} liên hệ 0987654321 nếu còn vướng.");

        var body = await client.GetStringAsync($"/open311/v2/requests/{t.Code}.json");
        ShouldHoldNothingPrivate(body, t.Citizen);
        var request = JsonDocument.Parse(body).RootElement[0];
        request.EnumerateObject().Select(p => p.Name).ShouldBe(SpecFields);
        request.GetProperty("description").GetString()!.ShouldContain("cống trước nhà số 12 bị vỡ");
        request.GetProperty("status_notes").GetString()!.ShouldContain("Đã sửa cống.");
        request.GetProperty("address").GetString().ShouldBe("Số 12 Lý Thái Tổ, Phường Kinh Bắc");
        request.GetProperty("lat").GetDouble().ShouldBe(21.186);   // about 100 m, not the doorstep
        request.GetProperty("long").GetDouble().ShouldBe(106.076);
        request.GetProperty("media_url").ValueKind.ShouldBe(JsonValueKind.Null);
        request.GetProperty("service_notice").ValueKind.ShouldBe(JsonValueKind.Null);

        ShouldHoldNothingPrivate(await client.GetStringAsync($"/open311/v2/requests/{t.Code}.xml"), t.Citizen);
        ShouldHoldNothingPrivate(await client.GetStringAsync("/open311/v2/requests.json?page_size=200"), t.Citizen);
        ShouldHoldNothingPrivate(await client.GetStringAsync("/open311/v2/requests.xml?page_size=200"), t.Citizen);
    }

    [Fact]
    public async Task A_ward_only_category_publishes_the_ward_and_no_street_or_location()
    {
        var client = await service.StartReadyAsync();
        var t = await service.TicketAsync(category: "ADMIN", description: "Hồ sơ cấp đổi sổ đỏ nộp từ tháng trước vẫn chưa có kết quả");

        var request = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{t.Code}.json")).RootElement[0];

        request.GetProperty("address").GetString().ShouldBe("Phường Kinh Bắc");
        request.GetProperty("lat").ValueKind.ShouldBe(JsonValueKind.Null);
        request.GetProperty("long").ValueKind.ShouldBe(JsonValueKind.Null);
        request.GetProperty("address_id").GetString().ShouldBe("KINHBAC");
    }

    [Fact]
    public async Task A_category_that_forbids_publishing_is_never_listed_nor_found_by_id()
    {
        var client = await service.StartReadyAsync();
        var t = await service.TicketAsync(category: "CONDUCT", status: "resolved", answer: "Đã kiểm điểm cán bộ.", publish: true);

        (await client.GetAsync($"/open311/v2/requests/{t.Code}.json")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        var all = await client.GetStringAsync($"/open311/v2/requests.json?service_request_id={t.Code}");
        all.ShouldBe("[]");
        (await client.GetStringAsync("/open311/v2/requests.json?service_code=CONDUCT")).ShouldBe("[]");
        (await client.GetStringAsync("/cong-khai?q=kiểm điểm")).ShouldNotContain(t.Code);
    }

    [Fact]
    public async Task A_chat_citizen_is_published_only_after_a_yes_and_other_channels_follow_the_category()
    {
        var client = await service.StartReadyAsync();
        var optedOut = await service.TicketAsync(publish: false, status: "resolved", answer: "Đã xử lý.");
        var silent = await service.TicketAsync(publish: null, status: "resolved", answer: "Đã xử lý.");
        var agreed = await service.TicketAsync(publish: true, status: "resolved", answer: "Đã xử lý.");
        var otherChannel = await service.TicketAsync(publish: null, status: "resolved", answer: "Đã xử lý.", channel: "web");
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update categories set publish_by_default = false where code = 'OTHER'");
        var otherChannelPrivateCategory = await service.TicketAsync(category: "OTHER", publish: null, channel: "web");

        var list = await client.GetStringAsync(
            $"/open311/v2/requests.json?service_request_id={optedOut.Code},{silent.Code},{agreed.Code},{otherChannel.Code},{otherChannelPrivateCategory.Code}");
        list.ShouldNotContain(optedOut.Code);
        list.ShouldNotContain(silent.Code, customMessage: "silence is not consent");
        list.ShouldContain(agreed.Code);
        list.ShouldContain(otherChannel.Code);
        list.ShouldNotContain(otherChannelPrivateCategory.Code);
        (await client.GetStringAsync("/cong-khai")).ShouldNotContain(optedOut.Code);
    }

    [Fact]
    public async Task The_public_answers_page_holds_nothing_private()
    {
        var client = await service.StartReadyAsync();
        var t = await service.TicketAsync(status: "resolved", description: $"Tôi là {PublicSeed.Name} (0987654321): đèn đường tắt cả tháng",
            answer: "Đã thay bóng đèn.");

        var page = await client.GetStringAsync("/cong-khai?q=đèn đường");

        page.ShouldContain(t.Code);
        page.ShouldContain("Đã thay bóng đèn.");
        ShouldHoldNothingPrivate(page, t.Citizen);
    }
}
