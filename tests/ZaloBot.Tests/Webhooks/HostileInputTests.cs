using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Tests.Infrastructure;
using ZaloBot.Inbox;
using ZaloBot.Webhooks;

namespace ZaloBot.Tests.Webhooks;

/// <summary>
/// Regression tests for hostile input (docs/reliability.md): bad input never hurts anyone else. Each case was a 500 (or a parked event) found by
/// fuzzing the real service; JSON escapes such as <c>\u0000</c> and <c>\ud800</c> are written into the body as text,
/// exactly as a sender would put them on the wire.
/// </summary>
public class HostileInputTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private const string Nul = @"\u0000";
    private const string LoneSurrogate = @"\ud800";

    private static string NewUser() => "h" + Guid.NewGuid().ToString("N")[..10];
    private static string NewMsg() => "m" + Guid.NewGuid().ToString("N");

    /// <summary>Signs the exact bytes whatever their envelope holds (ZaloWebhook.Signed cannot read a lone surrogate).</summary>
    private static HttpRequestMessage SignedRaw(string body, string appId = ServiceFactory.AppId, string? timestamp = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        timestamp ??= System.Text.Json.JsonDocument.Parse(bytes).RootElement.GetProperty("timestamp").ToString();
        return ZaloWebhook.WithSignature(bytes, WebhookSignature.Compute(appId, bytes, timestamp, ServiceFactory.OaSecretKey));
    }

    private static string TextEvent(string user, string msgId, string eventName = "user_send_text", string text = "xin chào", string? timestamp = null, string appId = ServiceFactory.AppId) =>
        $$$"""{"app_id":"{{{appId}}}","user_id_by_app":"{{{user}}}-byapp","event_name":"{{{eventName}}}","timestamp":"{{{timestamp ?? ZaloWebhook.Now().ToString()}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"},"message":{"text":"{{{text}}}","msg_id":"{{{msgId}}}"}}""";

    [Theory]
    [InlineData("event_name")]
    [InlineData("msg_id")]
    [InlineData("user_id")]
    public async Task Signed_event_with_a_NUL_in_an_identifier_gets_400_and_stores_nothing(string field)
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = field switch
        {
            "event_name" => TextEvent(user, NewMsg(), eventName: "user_send" + Nul + "_text"),
            "msg_id" => TextEvent(user, NewMsg() + Nul),
            _ => TextEvent(user + Nul + "x", NewMsg()),
        };

        var response = await client.SendAsync(SignedRaw(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("NUL");
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("app_id", false)]
    [InlineData("app_id", true)]
    [InlineData("event_name", false)]
    [InlineData("event_name", true)]
    [InlineData("timestamp", false)]
    [InlineData("timestamp", true)]
    public async Task Lone_surrogate_in_the_envelope_gets_400_signed_or_not(string field, bool signed)
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var now = ZaloWebhook.Now().ToString();
        var body = field switch
        {
            "app_id" => TextEvent(user, NewMsg(), appId: ServiceFactory.AppId + LoneSurrogate),
            "event_name" => TextEvent(user, NewMsg(), eventName: "user_send_text" + LoneSurrogate),
            _ => TextEvent(user, NewMsg(), timestamp: now + LoneSurrogate),
        };
        var request = signed
            ? SignedRaw(body, field == "app_id" ? ServiceFactory.AppId + "\ud800" : ServiceFactory.AppId, field == "timestamp" ? now + "\ud800" : now)
            : ZaloWebhook.WithSignature(body, "mac=" + new string('0', 64));

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await InboxRows.WhereAsync(service.Database, user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Lone_surrogate_in_a_property_name_or_an_unknown_field_is_stored_not_a_500()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        // No msg_id: the dedupe key is a hash of the canonical JSON, which has to cope with the broken name and value.
        var body = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"follow","timestamp":"{{{ZaloWebhook.Now()}}}","follower":{"id":"{{{user}}}"},"x{{{LoneSurrogate}}}":"y{{{LoneSurrogate}}}","source":"qr{{{LoneSurrogate}}}"}""";

        var response = await client.SendAsync(SignedRaw(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem().DedupeKey.ShouldStartWith("sha256:");
        await Rows.InboxDrainedAsync(service.Database, user);
    }

    [Fact]
    public async Task Fuzz_seed_20261125_case_1422_lone_surrogate_name_beside_the_sender_id_is_not_a_500()
    {
        // Found by the short fuzz run: JsonElement.TryGetProperty("id") throws when a sibling's name is "\ud83d".
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"user_send_text","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"\ud83d":{"\u0000":1e-320},"\u0000":true,"id":"{{{user}}}"},"message":{"text":"xin chào","msg_id":"{{{NewMsg()}}}"}}""";

        var response = await client.SendAsync(SignedRaw(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem();
        await Rows.InboxDrainedAsync(service.Database, user);
    }

    [Fact]
    public async Task Valid_events_sent_together_with_bad_ones_are_all_acknowledged_stored_and_answered()
    {
        var client = await service.StartReadyAsync();
        var citizens = Enumerable.Range(0, 60).Select(_ => NewUser()).ToList();
        var culprit = NewUser();
        var requests = citizens.Select(user => (Valid: true, User: user, Request: SignedRaw(TextEvent(user, NewMsg())))).ToList();
        for (var i = 0; i < 30; i++)
        {
            // Interleaved so that, under group commit, bad events arrive in the same moments as the good ones.
            var bad = (i % 3) switch
            {
                0 => TextEvent(culprit + Nul, NewMsg()),
                1 => TextEvent(culprit, NewMsg() + Nul),
                _ => TextEvent(culprit, NewMsg(), eventName: "user_send_text" + Nul),
            };
            requests.Insert(i * 2, (false, culprit, SignedRaw(bad)));
        }

        var responses = await Task.WhenAll(requests.Select(async r => (r.Valid, r.User, (await client.SendAsync(r.Request)).StatusCode)));

        responses.Where(r => r.Valid).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        responses.Where(r => !r.Valid).ShouldAllBe(r => r.StatusCode == HttpStatusCode.BadRequest);
        foreach (var user in citizens)
        {
            (await InboxRows.WhereAsync(service.Database, user)).ShouldHaveSingleItem();
            await Rows.InboxDrainedAsync(service.Database, user);
            (await Rows.OutboxAsync(service.Database, user)).ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task Inbox_group_commit_stores_every_other_event_when_PostgreSQL_refuses_one_row()
    {
        // The receiver refuses what it can see; this is the net under it: rows PostgreSQL refuses (here a NUL, which
        // the receiver would have caught) given straight to the writer, in the same batch as valid ones.
        await service.StartReadyAsync();
        await using var dataSource = NpgsqlDataSource.Create(service.Database.ConnectionString);
        await using var writer = new InboxWriter(dataSource, Options.Create(new WebhookOptions { InboxWriters = 1 }), TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        InboxEntry Entry(string user, string msg) =>
            new($"user_send_text:{msg}", "user_send_text", ServiceFactory.AppId, user, msg, now, now, null, "{}");
        var valid = Enumerable.Range(0, 200).Select(_ => Entry(NewUser(), NewMsg())).ToList();
        var bad = Enumerable.Range(0, 3).Select(i => Entry(NewUser() + "\0", NewMsg())).ToList();
        var all = valid.Take(100).Concat(bad).Concat(valid.Skip(100)).ToList();

        var writes = all.Select(e => (Entry: e, Task: writer.TryAddAsync(e, CancellationToken.None))).ToList();
        await Task.WhenAll(writes.Select(w => w.Task.ContinueWith(_ => { }, TaskScheduler.Default)));

        foreach (var (entry, task) in writes)
        {
            if (bad.Contains(entry))
                (await Should.ThrowAsync<InboxEntryRejectedException>(task)).SqlState.ShouldBe("22021");
            else
                (await task).ShouldBeTrue();
        }
        await using var connection = service.Database.Open();
        (await connection.ExecuteScalarAsync<long>("select count(*) from inbox where dedupe_key = any(@keys)",
            new { keys = valid.Select(v => v.DedupeKey).ToArray() })).ShouldBe(200);
    }

    [Theory]
    [InlineData(Nul)]
    [InlineData(LoneSurrogate)]
    [InlineData(@"\ud83d")] // the first half of an emoji, as a client that cuts a long message may leave it
    public async Task A_citizens_message_with_a_NUL_or_broken_emoji_is_stored_and_answered(string hostile)
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();

        var response = await client.SendAsync(SignedRaw(TextEvent(user, NewMsg(), text: "Gửi phản ánh" + hostile)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Event_dated_in_the_year_9999_is_stored_and_the_citizen_is_answered()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var year9999 = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString();

        // Two turns: the first starts a draft dated 9999 (its idle check overflowed), the second works from that state.
        (await client.SendAsync(SignedRaw(TextEvent(user, NewMsg(), text: "Gửi phản ánh", timestamp: year9999)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(SignedRaw(TextEvent(user, NewMsg(), text: "ha tang", timestamp: year9999)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await InboxRows.WhereAsync(service.Database, user)).ShouldAllBe(r => r.EventTime.Year == 9999);
        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).Count.ShouldBeGreaterThanOrEqualTo(2);
        await using var connection = service.Database.Open();
        var nextCheck = await connection.ExecuteScalarAsync<DateTime?>("select idle_check_at from conversations where zalo_user_id = @user", new { user });
        nextCheck.ShouldNotBeNull().Year.ShouldBeLessThan(9999); // dated by the processing time, so the reminder still comes
    }

    [Fact]
    public async Task User_submit_info_with_a_NUL_is_cleaned_and_the_citizen_is_answered()
    {
        var client = await service.StartReadyAsync();
        var user = NewUser();
        var body = $$$"""{"app_id":"{{{ServiceFactory.AppId}}}","event_name":"user_submit_info","timestamp":"{{{ZaloWebhook.Now()}}}","sender":{"id":"{{{user}}}"},"recipient":{"id":"{{{ServiceFactory.OaId}}}"},"info":{"name":"Nguyễn{{{Nul}}} An","phone":"0912{{{Nul}}}345678","address":"Số 1{{{LoneSurrogate}}}"}}""";

        (await client.SendAsync(SignedRaw(body))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Rows.InboxDrainedAsync(service.Database, user);
        (await Rows.OutboxAsync(service.Database, user)).ShouldNotBeEmpty();
        await using var connection = service.Database.Open();
        var state = await connection.ExecuteScalarAsync<string>("select state::text from conversations where zalo_user_id = @user", new { user });
        state.ShouldNotBeNull().ShouldContain("Nguyễn An");
    }
}
