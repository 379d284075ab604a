using Dapper;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Tickets;

/// <summary>
/// The status is typed from the database to the page: Dapper reads and writes it through the one mapping, and the SQL
/// rules of migration 0024 say what <see cref="TicketStatusNames"/> says, for every status.
/// </summary>
public sealed class TicketStatusStorageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(migrated: true);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_SQL_rules_agree_with_the_domain_for_every_status()
    {
        await using var connection = _database.Open();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            var sql = await connection.QuerySingleAsync<(bool Open, bool Answered, bool ClockRuns, bool AwaitsAcceptance)>(
                "select ticket_is_open(@status), ticket_is_answered(@status), ticket_clock_runs(@status), ticket_awaits_acceptance(@status)", new { status });
            sql.ShouldBe((status.IsOpen(), status.IsAnswered(), status.ClockRuns(), status.AwaitsAcceptance()), $"the rules for {status.ToName()}");
        }
    }

    [Fact]
    public async Task Every_status_goes_in_and_comes_back_by_its_stored_name()
    {
        await using var connection = _database.Open();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            (await connection.QuerySingleAsync<string>("select @status::text", new { status })).ShouldBe(status.ToName());
            (await connection.QuerySingleAsync<TicketStatus>("select @name::text", new { name = status.ToName() })).ShouldBe(status);
            (await connection.QuerySingleAsync<(long Id, TicketStatus Status)>("select 1::bigint, @name::text", new { name = status.ToName() })).Status.ShouldBe(status);
        }
        (await connection.QuerySingleAsync<TicketStatus?>("select null::text")).ShouldBeNull();
    }

    [Fact]
    public async Task The_stored_check_accepts_exactly_the_statuses_of_the_enum()
    {
        await using var connection = _database.Open();
        var check = await connection.QuerySingleAsync<string>(
            "select pg_get_constraintdef(oid) from pg_constraint where conname = 'tickets_status_check'");
        foreach (var status in Enum.GetValues<TicketStatus>()) check.ShouldContain($"'{status.ToName()}'");
    }

    [Fact]
    public async Task A_query_on_the_rules_still_uses_the_partial_index_of_the_same_rule()
    {
        await using var connection = _database.Open();
        await connection.ExecuteAsync("set enable_seqscan = off");
        var plan = string.Join("\n", await connection.QueryAsync<string>(
            "explain select id from tickets where ticket_clock_runs(status) and due_at < now()"));
        plan.ShouldContain("tickets_open_due");
    }
}
