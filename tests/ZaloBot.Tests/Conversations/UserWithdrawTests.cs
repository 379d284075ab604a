using System.Net;
using Dapper;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Conversations;

/// <summary>Zalo's user_withdraw: the citizen asks the OA to delete their data.</summary>
public class UserWithdrawTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static async Task SayAsync(HttpClient client, string user, params string[] texts)
    {
        foreach (var text in texts)
            // Zalo's message ids are opaque (they do not contain the user id), and they stay as dedupe keys.
            (await client.SendAsync(ZaloWebhook.Signed(ZaloWebhook.Text(user, text, Guid.NewGuid().ToString("N"))))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Withdraw(string user) =>
        $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","user_id_by_app":"{{{user}}}-byapp","event_name":"user_withdraw","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"}}""";

    [Fact]
    public async Task User_withdraw_leaves_no_name_phone_or_zalo_id_behind_and_keeps_the_ticket()
    {
        var client = await service.StartReadyAsync();
        var user = "w" + Guid.NewGuid().ToString("N")[..10];
        await SayAsync(client, user,
            "xin chao", "Gửi phản ánh", "ha tang moi truong",
            "Cống trước nhà bị tắc, gọi tôi số 0987 654 321 nếu cần",
            "Số 12 đường Lý Thái Tổ, phường Kinh Bắc", "bo qua", "Trần Thị Hoa 0912 345 678", "Gửi",
            "tối nay vẫn ngập, số tôi 0912345678");
        await Rows.InboxDrainedAsync(service.Database, user);
        var ticket = (await Rows.TicketsAsync(service.Database, user)).ShouldHaveSingleItem();

        (await client.SendAsync(ZaloWebhook.Signed(Withdraw(user)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
        {
            await using var c = service.Database.Open();
            return await c.ExecuteScalarAsync<long>("select count(*) from data_erasures") == 1;
        }, "the erasure to be recorded");

        await using var connection = service.Database.Open();
        // Nothing anywhere in the database still names the citizen, their phone or their Zalo id.
        foreach (var needle in new[] { user, "Trần Thị Hoa", "0912 345 678", "0912345678", "+84912345678", "0987 654 321" })
        {
            var found = await connection.QueryAsync<string>(
                """
                select 'tickets' from tickets t where t::text like '%' || @needle || '%'
                union all select 'ticket_events' from ticket_events e where e::text like '%' || @needle || '%'
                union all select 'outbox' from outbox o where o::text like '%' || @needle || '%'
                union all select 'inbox' from inbox i where i::text like '%' || @needle || '%'
                union all select 'conversations' from conversations c where c::text like '%' || @needle || '%'
                union all select 'zalo_users' from zalo_users z where z::text like '%' || @needle || '%'
                """, new { needle });
            found.ShouldBeEmpty($"'{needle}' is still stored");
        }
        // The ticket stays for statistics and the audit trail keeps its shape, with the erasure recorded.
        var kept = await connection.QuerySingleAsync<(string Code, string Category, string Status)>(
            "select code, category_code, status from tickets where id = @Id", new { ticket.Id });
        kept.ShouldBe((ticket.Code, "INFRA", "received"));
        (await Rows.TicketEventsAsync(service.Database, ticket.Id)).Select(e => e.Kind).ShouldBe(["created", "citizen_message", "citizen_data_erased"]);
    }
}
