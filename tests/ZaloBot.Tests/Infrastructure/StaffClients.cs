using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Domain.Tickets;
using ZaloBot.Staff;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>Staff accounts, tokens and tickets for API tests, made through the service's own store.</summary>
public static class StaffClients
{
    public static async Task<HttpClient> AsAsync(this ServiceFactory service, StaffRole role, string? agency = null)
    {
        var store = service.Services.GetRequiredService<StaffStore>();
        var account = await store.CreateAsync($"{role} {Guid.NewGuid():N}"[..30], role, agency, CancellationToken.None);
        var token = await store.IssueTokenAsync(account.Id, TimeSpan.FromDays(1), "test", CancellationToken.None);
        return service.WithToken(token!.Token);
    }

    public static HttpClient WithToken(this ServiceFactory service, string token)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int _sequence;

    /// <summary>Inserts a ticket as the conversation would have, optionally already moved along.</summary>
    public static async Task<(string Code, string Citizen)> SeedTicketAsync(this ServiceFactory service, string status = "received", string? agency = null, string category = "INFRA", string? centre = null,
        string oa = ServiceFactory.OaId)
    {
        var n = Interlocked.Increment(ref _sequence);
        var code = $"PA-2611-{TicketCode.Alphabet[n / 1024 % 32]}{TicketCode.Alphabet[n / 32 % 32]}{TicketCode.Alphabet[n % 32]}{TicketCode.Alphabet[Random.Shared.Next(32)]}";
        var citizen = "citizen-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = service.Database.Open();
        await connection.ExecuteAsync(
            """
            insert into tickets (code, citizen_zalo_id, citizen_oa_id, status, category_code, description, address, contact_name, contact_phone,
                                 service_centre_code, assigned_agency_code, created_at, updated_at, due_at)
            values (@code, @citizen, @oa, @status, @category, 'Cống thoát nước bị tắc, nước tràn ra đường', 'Số 12 Lý Thái Tổ', 'Nguyễn An', '+84912345678',
                    @centre, @agency, now(), now(), case when @status in ('accepted','assigned','in_progress') then now() + interval '5 days' end)
            """, new { code, citizen, oa, status, category, agency, centre });
        return (code, citizen);
    }
}
