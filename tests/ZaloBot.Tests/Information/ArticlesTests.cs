using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Information;

public class ArticlesTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static string NewUser() => "c" + Guid.NewGuid().ToString("N")[..10];

    private async Task<List<string>> ChatAsync(HttpClient client, string user, params string[] texts)
    {
        foreach (var text in texts)
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, $"{user}-{Guid.NewGuid():N}")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
        return (await Rows.OutboxAsync(service.Database, user)).Select(r => r.Text).ToList();
    }

    [Fact]
    public async Task A_citizen_typing_a_question_gets_the_matching_article_and_information_shows_topics()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var replies = await ChatAsync(client, user, "thu tuc cap phep xay dung");
        replies.Last().ShouldContain("Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ");
        replies.Last().ShouldContain("https://dichvucong.gov.vn");

        user = NewUser();
        replies = await ChatAsync(client, user, "Thông tin");
        replies.Last().ShouldContain("Tin mới:");
        replies.Last().ShouldContain("Danh mục dự án kêu gọi đầu tư");

        await using var connection = service.Database.Open();
        var buttons = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "select message::text from outbox where recipient_id = @user order by id desc limit 1", new { user }) ?? "";
        buttons.ShouldContain("Chương trình hỗ trợ");
        buttons.ShouldContain("Thủ tục hành chính");
    }

    [Fact]
    public async Task Admins_publish_an_article_and_citizens_find_it_at_once()
    {
        var client = await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/articles", new
        {
            topic = "events", title = "Ngày hội việc làm tỉnh Bắc Ninh 2026", summary = "Hơn 100 doanh nghiệp tuyển dụng tại Nhà văn hóa tỉnh, ngày 15/12.",
            link = "https://bacninh.gov.vn/viec-lam", keywords = new[] { "viec lam", "tuyen dung", "ngay hoi viec lam" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        (await ChatAsync(client, NewUser(), "cho hỏi ngày hội việc làm tổ chức khi nào")).Last().ShouldContain("Ngày hội việc làm tỉnh Bắc Ninh 2026");

        (await admin.DeleteAsync($"/api/articles/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ChatAsync(client, NewUser(), "cho hỏi ngày hội việc làm tổ chức khi nào")).Last().ShouldNotContain("Ngày hội việc làm tỉnh Bắc Ninh 2026");
    }

    [Theory]
    [InlineData("""{"topic":"gossip","title":"T","summary":"S"}""")]
    [InlineData("""{"topic":"events","title":"","summary":"S"}""")]
    [InlineData("""{"topic":"events","title":"T","summary":"S","link":"javascript:alert(1)"}""")]
    [InlineData("""{"topic":"events","title":"T","summary":"S","keywords":[""]}""")]
    [InlineData("""{"topic":"events","title":"T\u0000","summary":"S"}""")]
    [InlineData("""{"topic":"events","title":"T","summary":"S""")]
    public async Task Malformed_and_forged_articles_are_400(string body)
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        (await admin.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_articles_are_refused_and_only_admins_manage_them()
    {
        await service.StartReadyAsync();
        var admin = await service.AsAsync(StaffRole.Admin);
        (await admin.PostAsJsonAsync("/api/articles", new { topic = "events", title = new string('T', 5000), summary = "S" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/articles/999999", new { topic = "events", title = "T", summary = "S" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var supervisor = await service.AsAsync(StaffRole.Supervisor);
        (await supervisor.PostAsJsonAsync("/api/articles", new { topic = "events", title = "T", summary = "S" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await service.CreateClient().GetAsync("/api/articles")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
