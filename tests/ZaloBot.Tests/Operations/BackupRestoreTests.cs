using System.Net;
using Dapper;
using Npgsql;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Operations;

/// <summary>scripts/backup.sh and scripts/restore.sh as an operator runs them: dump, restore into a fresh database, find the tickets.</summary>
public sealed class BackupRestoreTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_backup_restores_into_a_fresh_database_with_its_tickets_and_the_service_runs_on_it()
    {
        await service.StartReadyAsync();
        await using (var connection = service.Database.Open())
        {
            await connection.ExecuteAsync("""
                insert into tickets (code, citizen_zalo_id, status, category_code, description, contact_name, created_at, updated_at)
                values ('PA-2611-BK01', 'backup-citizen', 'received', 'INFRA', 'Nắp cống trước số 12 đường Lý Thái Tổ bị vỡ', 'Nguyễn An', now(), now()),
                       ('PA-2611-BK02', 'backup-citizen', 'received', 'INFRA', 'Đèn đường hỏng nhiều ngày ở ngõ 5', 'Nguyễn An', now(), now());
                insert into ticket_events (ticket_id, at, actor_kind, kind, is_public, body)
                select id, now(), 'citizen', 'created', true, description from tickets where citizen_zalo_id = 'backup-citizen';
                """);
        }
        var server = new NpgsqlConnectionStringBuilder(service.Database.ConnectionString);
        string Url(string database) => $"postgresql://{server.Username}:{server.Password}@{server.Host}:{server.Port}/{database}";
        var file = Path.Combine(Path.GetTempPath(), $"zalobot-test-{Guid.NewGuid():N}.dump");
        var restored = service.Database.Name + "_restored";
        try
        {
            var backup = await RepoScripts.RunAsync("backup.sh", [file], ("ZALOBOT_DB_URL", Url(service.Database.Name)));
            backup.Exit.ShouldBe(0, backup.Output);
            new FileInfo(file).Length.ShouldBeGreaterThan(0);

            var restore = await RepoScripts.RunAsync("restore.sh", [file, restored], ("ZALOBOT_SERVER_URL", Url("postgres")));
            restore.Exit.ShouldBe(0, restore.Output);
            restore.Output.ShouldContain("restored 2 tickets");

            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(service.Database.ConnectionString) { Database = restored }.ConnectionString))
            {
                (await connection.QueryAsync<string>("select code from tickets where citizen_zalo_id = 'backup-citizen' order by code")).ShouldBe(["PA-2611-BK01", "PA-2611-BK02"]);
                (await connection.ExecuteScalarAsync<long>("select count(*) from ticket_events e join tickets t on t.id = e.ticket_id where t.citizen_zalo_id = 'backup-citizen'")).ShouldBe(2);
            }

            // The restored database is complete enough for the service: migrations recorded, ready.
            var onRestored = new ServiceFactory().With("ConnectionStrings:Postgres",
                new NpgsqlConnectionStringBuilder(service.Database.ConnectionString) { Database = restored }.ConnectionString);
            await ((IAsyncLifetime)onRestored).InitializeAsync();
            try
            {
                var client = await onRestored.StartReadyAsync();
                (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                await ((IAsyncLifetime)onRestored).DisposeAsync();
            }

            // Never over a live database.
            var again = await RepoScripts.RunAsync("restore.sh", [file, restored], ("ZALOBOT_SERVER_URL", Url("postgres")));
            again.Exit.ShouldNotBe(0);
            again.Output.ShouldContain("already exists");
        }
        finally
        {
            File.Delete(file);
            await using var admin = new NpgsqlConnection(service.Database.ServerConnectionString);
            await admin.ExecuteAsync($"drop database if exists {restored} with (force)"); // our own name, not input
        }
    }
}
