using System.Net;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.StaffConsole;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.StaffConsole;

/// <summary>Saved queue filters: per officer, saved as the queue accepted them, applied by following them, deleted only by their owner.</summary>
public class ConsoleSavedFilterTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static Dictionary<string, string> Filter(string name, string status = "assigned", string? due = "overdue", string? category = "INFRA") => new()
    {
        ["name"] = name, ["status"] = status, ["due"] = due ?? "", ["category"] = category ?? "",
    };

    private async Task<IReadOnlyList<(long Id, long StaffId, string Name, string Query)>> RowsAsync()
    {
        await using var connection = service.Database.Open();
        return (await connection.QueryAsync<(long, long, string, string)>("select id, staff_id, name, query from console_saved_filters order by id")).AsList();
    }

    [Fact]
    public async Task An_officer_saves_lists_applies_and_deletes_a_filter_and_sees_only_their_own()
    {
        await service.StartReadyAsync();
        var supervisor = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        var save = await supervisor.PostFormAsync("/console", "/console?handler=SaveFilter", Filter("Ngập quá hạn"));
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = save.Headers.Location!.OriginalString;
        link.ShouldBe("/console?status=assigned&category=INFRA&due=overdue");

        var html = await supervisor.GetHtmlAsync("/console");
        html.ShouldContain($"<a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\">Ngập quá hạn</a>");
        // Applying it is following it: the queue opens with the filter set.
        var applied = await supervisor.GetHtmlAsync(link);
        applied.ShouldContain("<option value=\"overdue\" selected=\"selected\">");

        // Another officer sees none of it, and cannot delete it with its id.
        var other = await ConsoleClient.SignedInAsync(service, StaffRole.Supervisor);
        (await other.GetHtmlAsync("/console")).ShouldNotContain("Ngập quá hạn");
        var id = (await RowsAsync()).Single(r => r.Name == "Ngập quá hạn").Id;
        (await other.PostFormAsync("/console", "/console?handler=DeleteFilter", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync()).ShouldContain(r => r.Id == id);

        var delete = await supervisor.PostFormAsync("/console", "/console?handler=DeleteFilter", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        delete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync()).ShouldNotContain(r => r.Id == id);
        // A second delete (a double click) changes nothing and fails nothing.
        (await supervisor.PostFormAsync("/console", "/console?handler=DeleteFilter", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Malformed_oversized_forged_and_duplicate_filters_are_refused_or_merged_never_a_500()
    {
        await service.StartReadyAsync();
        var intake = await ConsoleClient.SignedInAsync(service, StaffRole.IntakeOfficer);
        var before = (await RowsAsync()).Count;

        foreach (var name in new[] { "", "   ", new string('x', SavedFilters.MaxName + 1), "tab\tname", "!!!" })
        {
            var refused = await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter(name));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Đặt tên cho bộ lọc");
        }
        var huge = await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter(new string('y', 200_000)));
        huge.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        (await intake.PostFormAsync("/console", "/console?handler=DeleteFilter", new() { ["id"] = "1; drop table staff" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostFormAsync("/console", "/console?handler=DeleteFilter", new() { ["id"] = "-5" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostFormAsync("/console", "/console?handler=Nope", new() { ["id"] = "1" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RowsAsync()).Count.ShouldBe(before);

        // Forged: no antiforgery token.
        (await intake.PostWithoutTokenAsync("/console?handler=SaveFilter", Filter("giả mạo"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Values the queue does not know are dropped, not stored: the filter saved is the one the queue accepted.
        var odd = await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter("Lạ", status: "<script>", due: "whenever", category: "%00"));
        odd.Headers.Location!.OriginalString.ShouldBe("/console?status=received");

        // The same name again, whatever its case and diacritics, replaces the filter instead of adding a second.
        await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter("Quá hạn", due: "overdue"));
        await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter("qua HAN", due: "soon"));
        var mine = (await RowsAsync()).Where(r => r.Name is "Quá hạn" or "qua HAN").ShouldHaveSingleItem();
        mine.Query.ShouldContain("due=soon");

        // At most so many per officer.
        for (var i = (await RowsAsync()).Count(r => r.StaffId == mine.StaffId); i < SavedFilters.MaxPerStaff; i++)
            (await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter($"Bộ lọc {i}"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tooMany = await intake.PostFormAsync("/console", "/console?handler=SaveFilter", Filter("Một cái nữa"));
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("xoá bớt");
    }
}
