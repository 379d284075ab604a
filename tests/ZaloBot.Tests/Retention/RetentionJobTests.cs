using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Retention;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.Retention;

public sealed class RetentionJobTests : IAsyncLifetime
{
    private readonly ServiceFactory _service = new ServiceFactory()
        .With("Conversations:Enabled", "false")
        .With("Retention:Enabled", "false") // driven by the test, not the timer
        .With("Retention:ProcessedEvents", "30.00:00:00")
        .With("Retention:SentMessages", "90.00:00:00")
        .With("Retention:BatchSize", "2")
        .With("Retention:BatchPause", "00:00:00");

    public Task InitializeAsync() => ((IAsyncLifetime)_service).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_service).DisposeAsync();

    [Fact]
    public async Task Expired_processed_events_and_sent_messages_go_in_small_batches_and_everything_else_stays()
    {
        await _service.StartReadyAsync();
        await using (var connection = _service.Database.Open())
        {
            // Five old processed events (three batches of two), and the ones that must stay.
            await connection.ExecuteAsync("""
                insert into inbox (dedupe_key, event_name, app_id, user_id, event_time, received_at, payload, processed_at, parked_at)
                select 'old-' || g, 'user_send_text', 'a', 'u', now() - interval '40 days', now() - interval '40 days', '{}', now() - interval '40 days', null
                from generate_series(1, 5) g;
                insert into inbox (dedupe_key, event_name, app_id, user_id, event_time, received_at, payload, processed_at, parked_at) values
                  ('recent', 'user_send_text', 'a', 'u', now(), now(), '{}', now() - interval '1 day', null),
                  ('old-unprocessed', 'user_send_text', 'a', 'u', now() - interval '40 days', now() - interval '40 days', '{}', null, null),
                  ('old-parked', 'user_send_text', 'a', 'u', now() - interval '40 days', now() - interval '40 days', '{}', null, now() - interval '39 days');
                insert into outbox (recipient_id, message, idempotency_key, status, created_at, sent_at) values
                  ('u', '{"text":"a"}', 'old-sent-1', 'sent', now() - interval '100 days', now() - interval '100 days'),
                  ('u', '{"text":"b"}', 'old-sent-2', 'sent', now() - interval '100 days', now() - interval '100 days'),
                  ('u', '{"text":"c"}', 'old-sent-3', 'sent', now() - interval '100 days', now() - interval '100 days'),
                  ('u', '{"text":"d"}', 'recent-sent', 'sent', now() - interval '10 days', now() - interval '10 days'),
                  ('u', '{"text":"e"}', 'old-dead', 'dead', now() - interval '100 days', null),
                  ('u', '{"text":"f"}', 'old-pending', 'pending', now() - interval '100 days', null);
                insert into outbox_attempts (outbox_id, at, outcome)
                select id, created_at, 'sent' from outbox;
                insert into centre_nonces_used (nonce_id, centre_code, source, used_at, expires_at) values
                  ('long-expired', 'TTHCC', 'miniapp', now() - interval '3 days', now() - interval '2 days'),
                  ('just-expired', 'TTHCC', 'miniapp', now() - interval '2 hours', now() - interval '1 hour'),
                  ('still-valid', 'TTHCC', 'landing_page', now(), now() + interval '1 hour');
                """);
        }

        var job = _service.Services.GetRequiredService<RetentionJob>();
        var (events, messages, attempts, spentCodes) = await job.RunOnceAsync(CancellationToken.None);

        events.ShouldBe(5);
        messages.ShouldBe(3);
        attempts.ShouldBe(3);
        spentCodes.ShouldBe(1);
        await using var check = _service.Database.Open();
        (await check.QueryAsync<string>("select dedupe_key from inbox order by dedupe_key")).ShouldBe(["old-parked", "old-unprocessed", "recent"]);
        (await check.QueryAsync<string>("select idempotency_key from outbox order by idempotency_key")).ShouldBe(["old-dead", "old-pending", "recent-sent"]);
        (await check.ExecuteScalarAsync<long>("select count(*) from outbox_attempts")).ShouldBe(3);
        // A code that expired an hour ago still guards against a replica whose clock runs behind.
        (await check.QueryAsync<string>("select nonce_id from centre_nonces_used order by nonce_id")).ShouldBe(["just-expired", "still-valid"]);

        var again = await job.RunOnceAsync(CancellationToken.None);
        again.ShouldBe(new RetentionRun(0, 0, 0, 0));
    }

    [Fact]
    public async Task Two_replicas_running_at_once_remove_each_row_once()
    {
        await _service.StartReadyAsync();
        await using (var connection = _service.Database.Open())
        {
            await connection.ExecuteAsync("""
                insert into inbox (dedupe_key, event_name, app_id, user_id, event_time, received_at, payload, processed_at)
                select 'old-' || g, 'user_send_text', 'a', 'u', now() - interval '40 days', now() - interval '40 days', '{}', now() - interval '40 days'
                from generate_series(1, 200) g
                """);
        }
        await using var second = new ServiceFactory().UseDatabase(_service.Database)
            .With("Conversations:Enabled", "false").With("Retention:Enabled", "false")
            .With("Retention:BatchSize", "2").With("Retention:BatchPause", "00:00:00");
        await second.StartReadyAsync();

        var results = await Task.WhenAll(
            _service.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None),
            second.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None));

        results.Sum(r => r.Events).ShouldBe(200);
        (await InboxRows.CountAsync(_service.Database)).ShouldBe(0);
    }
}
