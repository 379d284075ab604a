namespace ZaloBot.Staff;

public sealed record StaffAccount(long Id, string Name, string Role, string? AgencyCode, bool Active);

public sealed record IssuedToken(long TokenId, string Token, DateTimeOffset ExpiresAt);

/// <summary>Staff accounts and their tokens.</summary>
public sealed class StaffStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<StaffAccount> CreateAsync(string name, StaffRole role, string? agencyCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<StaffAccount>(new CommandDefinition(
            """
            insert into staff (name, role, agency_code, created_at) values (@name, @role, @agencyCode, @now)
            returning id, name, role, agency_code as AgencyCode, active
            """, new { name, role = role.ToName(), agencyCode, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StaffAccount>(new CommandDefinition(
            "select id, name, role, agency_code as AgencyCode, active from staff order by id", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Changes an account's role, agency scope, whether it may sign in at all and whether it heads its agency (breach
    /// pushes, the agency's weekly and monthly reports in Zalo, the agency's reports page).
    /// </summary>
    public async Task<bool> UpdateAsync(long id, StaffRole role, string? agencyCode, bool active, bool agencyHead, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update staff set role = @role, agency_code = @agencyCode, active = @active, agency_head = @agencyHead where id = @id",
            new { id, role = role.ToName(), agencyCode, active, agencyHead = agencyHead && agencyCode is not null }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> AgencyExistsAsync(string agencyCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from agencies where code = @agencyCode)", new { agencyCode }, cancellationToken: cancellationToken));
    }

    public async Task<IssuedToken?> IssueTokenAsync(long staffId, TimeSpan lifetime, string? label, CancellationToken cancellationToken)
    {
        var token = StaffTokens.NewToken();
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            insert into staff_tokens (staff_id, token_hash, label, created_at, expires_at)
            select id, @hash, @label, @now, @expiresAt from staff where id = @staffId and active
            returning id
            """, new { staffId, hash = StaffTokens.Hash(token), label, now, expiresAt = now + lifetime }, cancellationToken: cancellationToken));
        return id is null ? null : new IssuedToken(id.Value, token, now + lifetime);
    }

    public async Task<bool> RevokeTokenAsync(long tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update staff_tokens set revoked_at = @now where id = @tokenId and revoked_at is null",
            new { tokenId, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The active staff member a live (unexpired, unrevoked) token belongs to.</summary>
    public async Task<StaffIdentity?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StaffAccount>(new CommandDefinition(
            """
            select s.id, s.name, s.role, s.agency_code as AgencyCode, s.active
            from staff_tokens t join staff s on s.id = t.staff_id
            where t.token_hash = @hash and t.revoked_at is null and t.expires_at > @now and s.active
            """, new { hash = StaffTokens.Hash(token), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return row is not null && StaffRoleNames.TryParse(row.Role, out var role) ? new StaffIdentity(row.Id, row.Name, role, row.AgencyCode) : null;
    }
}
