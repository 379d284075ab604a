namespace ZaloBot.SimilarReports;

public sealed class SimilarReportsOptions
{
    public const string Section = "SimilarReports";

    /// <summary>How far back an open ticket still counts as the same problem.</summary>
    public int Weeks { get; set; } = 4;

    /// <summary>Two located reports this close are "nearby" even across a ward boundary.</summary>
    public int Meters { get; set; } = 300;

    /// <summary>Trigram similarity (0–1) from which staff are shown a ticket as similar.</summary>
    public double MinScore { get; set; } = 0.3;

    /// <summary>From this similarity the bot offers a citizen to follow the open ticket instead of filing another.</summary>
    public double OfferScore { get; set; } = 0.5;

    /// <summary>Off: the bot never offers to follow (staff still see similar reports).</summary>
    public bool OfferInChat { get; set; } = true;
}

/// <summary>What a similar report is compared by: its category, text and place.</summary>
public sealed record SimilarityProbe(string CategoryCode, string Description, string? AreaCode, double? Latitude, double? Longitude, long? ExcludeTicketId = null,
    string? ExcludeCitizen = null);

public sealed record SimilarTicket(long Id, string Code, TicketStatus Status, string Description, string? AreaCode, string? AssignedAgencyCode,
    DateTime CreatedAt, double Score, double? DistanceMeters);

/// <summary>
/// Open tickets of the same category nearby (same ward, or within a distance when both have a location) whose text is
/// similar by trigrams (pg_trgm), filed in the last weeks. Most similar first.
/// </summary>
public sealed class SimilarReportFinder(IOptions<SimilarReportsOptions> options, TimeProvider time)
{
    public SimilarReportsOptions Options => options.Value;

    public async Task<IReadOnlyList<SimilarTicket>> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SimilarityProbe probe,
        double minScore, int limit, CancellationToken cancellationToken)
    {
        if (probe.AreaCode is null && probe.Latitude is null) return [];
        // The open-by-category partial index bounds the scan to a category's open tickets; similarity is computed on those.
        const string sql = """
            select id, code, status, description, AreaCode, AssignedAgencyCode, CreatedAt, Score, DistanceMeters from (
                select o.id, o.code, o.status, o.description, o.area_code as AreaCode, o.assigned_agency_code as AssignedAgencyCode,
                       o.created_at as CreatedAt, similarity(o.description, @description)::float8 as Score,
                       case when @lat::float8 is not null and o.latitude is not null
                            then 6371000 * 2 * asin(sqrt(power(sin(radians(o.latitude - @lat) / 2), 2)
                                 + cos(radians(@lat)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - @lng) / 2), 2)))
                       end as DistanceMeters
                from tickets o
                where o.category_code = @category and not ticket_is_answered(o.status)
                  and o.duplicate_of is null and o.id <> coalesce(@excludeId, 0) and o.created_at >= @since
                  and (@excludeCitizen::text is null or o.citizen_zalo_id <> @excludeCitizen)
            ) c
            where Score >= @minScore and ((@area::text is not null and AreaCode = @area) or DistanceMeters <= @meters)
            order by Score desc, id desc
            limit @limit
            """;
        var o = options.Value;
        return (await connection.QueryAsync<SimilarTicket>(new CommandDefinition(sql, new
        {
            description = probe.Description,
            lat = probe.Latitude,
            lng = probe.Longitude,
            category = probe.CategoryCode,
            excludeId = probe.ExcludeTicketId,
            excludeCitizen = probe.ExcludeCitizen,
            since = time.GetUtcNow().AddDays(-7 * o.Weeks),
            minScore,
            area = probe.AreaCode,
            meters = (double)o.Meters,
            limit,
        }, transaction, cancellationToken: cancellationToken))).AsList();
    }
}
