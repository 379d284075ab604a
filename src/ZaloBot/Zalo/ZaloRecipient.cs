namespace ZaloBot.Zalo;

/// <summary>
/// A Zalo user as one OA knows them. Zalo scopes a user's id to the OA: the same person has another id on another OA,
/// and only this OA's token can reach this id. So a citizen (or a staff member in Zalo) is this pair, never the id alone.
/// </summary>
public readonly record struct ZaloRecipient(string OaId, string UserId)
{
    public override string ToString() => $"{OaId}/{UserId}";
}

/// <summary>An access token and the OA it belongs to: every API call acts as one OA.</summary>
public readonly record struct OaAccessToken(string OaId, string Token);
