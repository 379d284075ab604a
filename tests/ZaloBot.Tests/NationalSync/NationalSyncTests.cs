using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ZaloBot.Domain.Tickets;
using ZaloBot.Tests.Infrastructure;

namespace ZaloBot.Tests.NationalSync;

/// <summary>A provincial LGSP gateway as a real HTTP server: a token endpoint and one JSON service endpoint.</summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _outages;

    public ConcurrentQueue<(string Service, JsonElement Data, string? DstCode)> Calls { get; } = new();
    public string AcceptedSecret { get; set; } = "right-secret";
    public string BaseUrl { get; }
    public int Outages { get => Volatile.Read(ref _outages); set => Volatile.Write(ref _outages, value); }

    private FakeGateway(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGateway? gateway = null;
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["client_secret"] == gateway!.AcceptedSecret
                ? Results.Json(new { access_token = "tok-" + gateway.AcceptedSecret, expires_in = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        app.MapPost("/api", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization != "Bearer tok-" + gateway!.AcceptedSecret) return Results.StatusCode(401);
            if (Interlocked.Decrement(ref gateway._outages) >= 0) return Results.StatusCode(503);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var service = body.GetProperty("service").GetString()!;
            var data = body.GetProperty("data").Clone();
            gateway.Calls.Enqueue((service, data, request.Headers["dstcode"]));
            return Results.Json(new { result = new[] { new Dictionary<string, string> { ["HOIDAPID"] = "NAT-" + data.GetProperty("HOIDAPID").GetString() } } });
        });
        await app.StartAsync();
        gateway = new FakeGateway(app);
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One replica of the service, its national sync pointed at the fake gateway.</summary>
public sealed class NationalSyncService : ServiceFactory
{
    public NationalSyncService(FakeGateway gateway, TestDatabase database, string secret = "right-secret")
    {
        UseDatabase(database);
        With("NationalSync:Enabled", "true");
        With("NationalSync:Interval", "00:00:00.050");
        With("NationalSync:RetryBaseDelay", "00:00:00.050");
        With("NationalSync:RetryMaxDelay", "00:00:00.200");
        With("NationalSync:LeaseDuration", "00:00:01");
        With("NationalSync:Lgsp:BaseUrl", gateway.BaseUrl);
        With("NationalSync:Lgsp:ClientId", "zalobot");
        With("NationalSync:Lgsp:ClientSecret", secret);
        With("NationalSync:Lgsp:DstCode", "000.00.00.H00");
        With("NationalSync:Lgsp:Categories:INFRA", "LV-HT");
        With("NationalSync:Lgsp:Agencies:SXD", "000.00.12.H00");
    }
}

public class NationalSyncTests : IAsyncLifetime
{
    private FakeGateway _gateway = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        _database = await TestDatabase.CreateAsync(migrated: true);
        await using var connection = _database.Open();
        await connection.ExecuteAsync("update categories set national_scope = true where code = 'INFRA'");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_ticket_and_then_its_answer_reach_the_gateway_once_each_despite_an_outage_and_a_restart()
    {
        var first = new NationalSyncService(_gateway, _database);
        await first.InitializeAsync();
        await first.StartReadyAsync();
        var (code, _) = await first.SeedTicketAsync();
        _gateway.Outages = 1000;

        (await (await first.AsAsync(StaffRole.IntakeOfficer)).PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await RowAsync(code, "question")) is { Attempts: > 1, LastError: not null }, "pushes to fail during the outage");
        await ((IAsyncLifetime)first).DisposeAsync();

        _gateway.Outages = 0;
        var second = new NationalSyncService(_gateway, _database);
        await second.InitializeAsync();
        await second.StartReadyAsync();
        await Eventually.TrueAsync(async () => (await RowAsync(code, "question"))?.Status == "sent", "the question after the restart");
        (await RowAsync(code, "question"))!.NationalId.ShouldBe("NAT-" + code);

        (await (await second.AsAsync(StaffRole.DiagnosisOfficer)).PostAsJsonAsync($"/api/tickets/{code}/assign", new { agencyCode = "SXD" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var handler = await second.AsAsync(StaffRole.AgencyHandler, "SXD");
        (await handler.PostAsync($"/api/tickets/{code}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handler.PostAsJsonAsync($"/api/tickets/{code}/resolve", new { result = "Đã nạo vét, cống thông thoáng." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await RowAsync(code, "answer"))?.Status == "sent", "the answer");
        await ((IAsyncLifetime)second).DisposeAsync();

        var questions = _gateway.Calls.Where(c => c.Service == "DongBoHoiDap" && c.Data.GetProperty("HOIDAPID").GetString() == code).ToList();
        var question = questions.ShouldHaveSingleItem();
        question.DstCode.ShouldBe("000.00.00.H00");
        question.Data.GetProperty("MALINHVUC").GetString().ShouldBe("LV-HT");
        question.Data.GetProperty("NOIDUNG").GetString()!.ShouldContain("Cống thoát nước");
        var answer = _gateway.Calls.Where(c => c.Service == "DongBoTraLoi" && c.Data.GetProperty("TRALOIID").GetString() == code).ShouldHaveSingleItem();
        answer.Data.GetProperty("HOIDAPID").GetString().ShouldBe("NAT-" + code);
        answer.Data.GetProperty("NOIDUNGTRALOI").GetString().ShouldBe("Đã nạo vét, cống thông thoáng.");
    }

    [Fact]
    public async Task A_wrong_secret_is_loud_and_the_queue_waits_until_it_is_fixed()
    {
        var service = new NationalSyncService(_gateway, _database, secret: "wrong-secret");
        await service.InitializeAsync();
        var client = await service.StartReadyAsync();
        var (code, _) = await service.SeedTicketAsync();

        (await (await service.AsAsync(StaffRole.IntakeOfficer)).PostAsync($"/api/tickets/{code}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/healthz")).Contains("refused our credentials", StringComparison.Ordinal), "health to say so");

        (await client.GetStringAsync("/metrics")).ShouldContain("zalobot_national_sync_pushes_total{kind=\"question\",outcome=\"auth\"}");
        (await RowAsync(code, "question"))!.Status.ShouldBe("pending");

        _gateway.AcceptedSecret = "wrong-secret"; // the operator registers the secret we hold
        await Eventually.TrueAsync(async () => (await RowAsync(code, "question"))?.Status == "sent", "the waiting question once the credentials work");
        (await client.GetStringAsync("/healthz")).ShouldNotContain("refused our credentials");
        await ((IAsyncLifetime)service).DisposeAsync();
    }

    private sealed record SyncRow(string Status, int Attempts, string? LastError, string? NationalId);

    private async Task<SyncRow?> RowAsync(string code, string kind)
    {
        await using var connection = _database.Open();
        return await connection.QuerySingleOrDefaultAsync<SyncRow>(
            """
            select s.status, s.attempts, s.last_error as LastError, s.national_id as NationalId
            from national_sync s join tickets t on t.id = s.ticket_id where t.code = @code and s.kind = @kind
            """, new { code, kind });
    }
}
