using System.Net;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>/console/bulk: the queue's filter, boxes to pick tickets, one action, a summary of what was refused and why.</summary>
public class ConsoleBulkTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Picked_tickets_are_accepted_and_a_ticket_that_cannot_be_is_listed_with_the_reason()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var (first, _) = await service.SeedTicketAsync();
        var (second, _) = await service.SeedTicketAsync();
        var (already, _) = await service.SeedTicketAsync("accepted");
        var url = "/console/bulk?status=received";

        var page = await intake.GetHtmlAsync(url);
        page.ShouldContain($"value=\"{first}\"");
        page.ShouldContain("<option value=\"accept\">");
        page.ShouldContain("<option value=\"duplicate\">");

        var response = await intake.PostFormAsync(url, url, new() { ["status"] = "received", ["scope"] = "selected", ["action"] = "accept", ["codes"] = first });
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("Đã thực hiện 1 phiếu.");

        var form = new List<KeyValuePair<string, string>> { new("status", "received"), new("scope", "selected"), new("action", "accept"), new("codes", second), new("codes", already) };
        var pageHtml = await (await intake.Http.GetAsync(url)).Content.ReadAsStringAsync();
        form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(pageHtml, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)));
        var mixed = await (await intake.Http.PostAsync(url, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        mixed.ShouldContain("Đã thực hiện 1 phiếu, 1 phiếu không thực hiện được");
        mixed.ShouldContain($"<tr data-code=\"{already}\"><td><a class=\"code\" href=\"/console/tickets/{already}\">{already}</a></td><td>Không thực hiện được ở trạng thái hiện tại");

        await using var connection = service.Database.Open();
        (await connection.QueryAsync<string>("select status from tickets where code = any(@codes)", new { codes = new[] { first, second } })).ShouldAllBe(s => s == "accepted");
    }

    [Theory]
    [InlineData("", "selected", "", "Vui lòng chọn thao tác.")]
    [InlineData("accept", "selected", "", "Chưa chọn phiếu nào.")]
    [InlineData("reject", "selected", "PA-2611-7K3Q", "Vui lòng nhập lý do")]
    [InlineData("duplicate", "selected", "PA-2611-7K3Q", "Vui lòng nhập đúng mã phiếu chính")]
    [InlineData("accept", "selected", "<script>", "Chưa chọn phiếu nào.")]
    public async Task Incomplete_forms_are_refused_with_a_reason(string action, string scope, string code, string expected)
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var url = "/console/bulk?status=received";
        var response = await intake.PostFormAsync(url, url, new() { ["status"] = "received", ["scope"] = scope, ["action"] = action, ["codes"] = code });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
    }

    [Fact]
    public async Task A_forged_form_is_refused()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        (await intake.PostWithoutTokenAsync("/console/bulk?status=received", new() { ["action"] = "accept", ["scope"] = "filter" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
