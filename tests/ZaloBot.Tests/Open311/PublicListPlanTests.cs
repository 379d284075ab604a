using Dapper;
using ZaloBot.Open311;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Open311;

/// <summary>
/// When most citizens never agree to publication, the public list must not read every ticket to fill a page: its
/// newest-first page comes from the index of publication candidates alone.
/// </summary>
public sealed class PublicListPlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(migrated: true);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_public_page_reads_the_candidates_index_when_most_tickets_are_private()
    {
        await using var connection = _database.Open();
        // 5,000 chat tickets whose citizens said nothing (never public) and 20 that agreed.
        await connection.ExecuteAsync(
            """
            insert into tickets (code, citizen_zalo_id, status, category_code, description, created_at, updated_at, publish)
            select 'PL-' || lpad(g::text, 6, '0'), 'plan-user-' || g, 'received', 'INFRA', 'Đèn đường hỏng số ' || g,
                   now() - g * interval '1 minute', now() - g * interval '1 minute', case when g % 250 = 0 then true end
            from generate_series(1, 5000) g;
            analyze tickets;
            """);

        var plan = string.Join("\n", await connection.QueryAsync<string>("explain " + PublicTickets.ListSql, PublicTickets.Parameters(new PublicTicketFilter())));
        plan.ShouldContain("tickets_public_candidates");

        var page = await PublicTickets.ListAsync(connection, new PublicTicketFilter(), CancellationToken.None);
        page.Count.ShouldBe(20, "only the tickets whose citizens agreed are listed");
    }
}
