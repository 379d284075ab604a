using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using ZaloBot.Oas;
using ZaloBot.Storage;
using ZaloBot.Tests.Infrastructure;
using Xunit;

namespace ZaloBot.Tests.Oas;

/// <summary>A deployment that served one OA, with its data and its rotated token, upgraded with its settings unchanged.</summary>
public class SingleOaUpgradeTests
{
    [Fact]
    public async Task A_single_OA_deployment_upgrades_without_editing_its_settings()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);
        var service = new OutboxService();
        service.UseDatabase(database);
        await service.InitializeAsync();
        // The token the old deployment had rotated to and stored; Zalo:RefreshToken (the first one) is long spent.
        var storedRefresh = service.Simulator.State.Refresh(SimulatorServer.InitialRefreshToken)!.Value.RefreshToken;
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await new DatabaseMigrator(dataSource, new MigrationState(), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None, stopBefore: "0019");
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync(
                """
                insert into zalo_tokens (id, refresh_token, updated_at) values (1, @storedRefresh, now());
                insert into conversations (zalo_user_id, state, updated_at) values ('old-citizen', '{}', now());
                insert into zalo_users (user_id, last_interaction_at) values ('old-citizen', now());
                insert into tickets (code, citizen_zalo_id, status, category_code, description, created_at, updated_at)
                    values ('PA-2611-OLD1', 'old-citizen', 'received', 'INFRA', 'Đèn đường hỏng đã lâu', now(), now());
                insert into staff (name, role, zalo_user_id, created_at) values ('Cán bộ cũ', 'supervisor', 'old-staff', now());
                insert into outbox (recipient_id, message, idempotency_key) values ('old-citizen', '{"text": "tin chờ gửi từ trước"}', 'old-1');
                """, new { storedRefresh });
        }

        try
        {
            await service.StartReadyAsync();
            await service.AllSentAsync("old-citizen");

            service.Simulator.State.Calls("oauth").ShouldBe(1); // one refresh, with the stored token
            await using var connection = service.Database.Open();
            var oa = await connection.QuerySingleAsync<(string OaId, string RefreshToken)>("select oa_id, refresh_token from zalo_oas");
            oa.OaId.ShouldBe(ServiceFactory.OaId);
            oa.RefreshToken.ShouldNotBe(storedRefresh); // the stored token was used (and rotated), not the configured one
            (await connection.ExecuteScalarAsync<string>("select citizen_oa_id from tickets where code = 'PA-2611-OLD1'")).ShouldBe(ServiceFactory.OaId);
            (await connection.ExecuteScalarAsync<string>("select oa_id from conversations where zalo_user_id = 'old-citizen'")).ShouldBe(ServiceFactory.OaId);
            (await connection.ExecuteScalarAsync<string>("select oa_id from zalo_users where user_id = 'old-citizen'")).ShouldBe(ServiceFactory.OaId);
            (await connection.ExecuteScalarAsync<string>("select zalo_oa_id from staff where zalo_user_id = 'old-staff'")).ShouldBe(ServiceFactory.OaId);
            service.Simulator.State.SentTo("old-citizen").ShouldHaveSingleItem().OaId.ShouldBe(ServiceFactory.OaId);

            // Every later start finds nothing to rename; a writer that names no OA means the configured one.
            await service.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            (await connection.ExecuteScalarAsync<long>("select count(*) from zalo_oas")).ShouldBe(1);
            await connection.ExecuteAsync("insert into outbox (recipient_id, message, idempotency_key) values ('old-citizen', '{\"text\": \"x\"}', 'old-2')");
            (await connection.ExecuteScalarAsync<string>("select oa_id from outbox where idempotency_key = 'old-2'")).ShouldBe(ServiceFactory.OaId);
            (await service.Services.GetRequiredService<OaDirectory>().FindAsync(ConfiguredOaSeed.Placeholder, CancellationToken.None)).ShouldBeNull();
        }
        finally
        {
            await ((IAsyncLifetime)service).DisposeAsync();
        }
    }
}
