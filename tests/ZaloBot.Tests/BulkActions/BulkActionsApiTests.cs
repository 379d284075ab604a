using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.BulkActions;

/// <summary>POST /api/tickets/bulk: each ticket through the action's rules, with its own audit entry and notice; refusals listed with the reason.</summary>
public class BulkActionsApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private async Task<(long Events, long Notices)> CountAsync(IReadOnlyList<string> codes, string action)
    {
        await using var connection = service.Database.Open();
        var events = await connection.ExecuteScalarAsync<long>(
            "select count(*) from ticket_events e join tickets t on t.id = e.ticket_id where t.code = any(@codes) and e.kind = 'status_changed' and e.payload->>'action' = @action",
            new { codes = codes.ToArray(), action });
        var notices = await connection.ExecuteScalarAsync<long>(
            "select count(*) from outbox o join tickets t on t.id = o.ticket_id where t.code = any(@codes) and o.recipient_id = t.citizen_zalo_id",
            new { codes = codes.ToArray() });
        return (events, notices);
    }

    [Fact]
    public async Task Accepting_twenty_tickets_gives_twenty_audit_entries_and_twenty_notices()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var codes = new List<string>();
        for (var i = 0; i < 20; i++) codes.Add((await service.SeedTicketAsync()).Code);

        var outcome = await OkAsync(await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "accept", codes }));

        Strings(outcome.GetProperty("done")).ShouldBe(codes, ignoreOrder: true);
        outcome.GetProperty("refused").GetArrayLength().ShouldBe(0);
        (await CountAsync(codes, "accept")).ShouldBe((20L, 20L));
    }

    [Fact]
    public async Task What_the_rules_refuse_is_listed_with_the_reason_and_the_rest_is_done()
    {
        await service.StartReadyAsync();
        var handler = await service.AsAsync(StaffRole.AgencyHandler, "SXD");
        var (own, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var (resolved, _) = await service.SeedTicketAsync("resolved", agency: "SXD");
        var (other, _) = await service.SeedTicketAsync("assigned", agency: "SYT");

        var outcome = await OkAsync(await handler.PostAsJsonAsync("/api/tickets/bulk", new { action = "start", codes = new[] { own, resolved, other, own } }));

        Strings(outcome.GetProperty("done")).ShouldBe([own]);
        var refused = outcome.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("failure").GetString()!);
        refused.ShouldBe(new Dictionary<string, string> { [resolved] = "conflict", [other] = "not_found" }, ignoreOrder: true);

        // A role the action is not for is refused per ticket, as forbidden.
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var (fresh, _) = await service.SeedTicketAsync("assigned", agency: "SXD");
        var forbidden = await OkAsync(await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "start", codes = new[] { fresh } }));
        forbidden.GetProperty("refused")[0].GetProperty("failure").GetString().ShouldBe("forbidden");

        // Sent again, nothing moves twice.
        var again = await OkAsync(await handler.PostAsJsonAsync("/api/tickets/bulk", new { action = "start", codes = new[] { own } }));
        again.GetProperty("done").GetArrayLength().ShouldBe(0);
        again.GetProperty("refused")[0].GetProperty("failure").GetString().ShouldBe("conflict");
        (await CountAsync([own], "start")).Events.ShouldBe(1);
    }

    [Fact]
    public async Task A_filter_selects_the_tickets_and_duplicates_are_linked_to_one_main_ticket()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var street = "Ngập sâu phố " + Guid.NewGuid().ToString("N")[..8];
        var codes = new List<string>();
        for (var i = 0; i < 4; i++) codes.Add((await service.SeedTicketAsync()).Code);
        await using (var connection = service.Database.Open())
            await connection.ExecuteAsync("update tickets set description = @street where code = any(@codes)", new { street, codes = codes.ToArray() });

        var main = codes[0];
        var linked = await OkAsync(await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "duplicate", mainCode = main, filter = new { status = "received", q = street } }));
        Strings(linked.GetProperty("done")).ShouldBe(codes.Skip(1).ToList(), ignoreOrder: true);
        linked.GetProperty("refused")[0].GetProperty("code").GetString().ShouldBe(main);
        linked.GetProperty("more").GetBoolean().ShouldBeFalse();
        await using (var connection = service.Database.Open())
            (await connection.QueryAsync<string>("select status from tickets where code = any(@codes) order by code", new { codes = codes.Skip(1).ToArray() }))
                .ShouldAllBe(s => s == "closed");

        var accepted = await OkAsync(await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "accept", filter = new { status = "received", q = street } }));
        Strings(accepted.GetProperty("done")).ShouldBe([main]);
    }

    public static TheoryData<string> Malformed => new()
    {
        "{}",
        """{"action":"accept"}""",
        """{"action":"teleport","codes":["PA-2611-7K3Q"]}""",
        """{"action":"accept","codes":[]}""",
        """{"action":"accept","codes":["not a code"]}""",
        """{"action":"accept","codes":["xx PA-2611-7K3Q yy"]}""",
        """{"action":"accept","codes":["PA-2611-7K3Q"],"filter":{"status":"received"}}""",
        """{"action":"accept","filter":{"status":"nonsense"}}""",
        """{"action":"accept","filter":{}}""",
        """{"action":"duplicate","codes":["PA-2611-7K3Q"]}""",
        """{"action":"accept","codes":"PA-2611-7K3Q"}""",
        """{"action":"accept","codes":[1,2]}""",
        """[1,2,3]""",
        """{"action":""",
        "null",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_requests_are_400_never_500(string body)
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var response = await intake.PostAsync("/api/tickets/bulk", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_lists_and_texts_are_refused_and_a_forged_token_is_unauthorised()
    {
        await service.StartReadyAsync();
        var intake = await service.AsAsync(StaffRole.IntakeOfficer);
        var many = Enumerable.Range(0, 201).Select(i => "PA-2611-7K3Q").ToArray();
        (await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "accept", codes = many })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intake.PostAsJsonAsync("/api/tickets/bulk", new { action = "reject", codes = new[] { "PA-2611-7K3Q" }, reason = new string('x', 1801) }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var forged = service.WithToken("zb_forged-token-that-was-never-issued");
        (await forged.PostAsJsonAsync("/api/tickets/bulk", new { action = "accept", codes = new[] { "PA-2611-7K3Q" } })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
