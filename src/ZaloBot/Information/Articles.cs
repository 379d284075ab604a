using Microsoft.AspNetCore.Http.HttpResults;
using ZaloBot.Domain.Information;
using ZaloBot.Operations;
using ZaloBot.Staff;

namespace ZaloBot.Information;

public sealed record ArticleRequest(string? Topic, string? Title, string? Summary, string? Link, string[]? Keywords, bool? Active);

public sealed record Article(long Id, string Topic, string Title, string Summary, string? Link, string[] Keywords, DateTime PublishedAt, DateTime UpdatedAt, bool Active);

/// <summary>The active articles the conversation matches questions against, cached briefly (admins edit a few a week).</summary>
public sealed class ArticleCatalog(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly TimedCache<IReadOnlyList<ArticleOption>> _cache = new(TimeSpan.FromSeconds(30), time);

    public Task<IReadOnlyList<ArticleOption>> GetAsync(CancellationToken cancellationToken) => _cache.GetAsync(async ct =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await ArticleStore.ListAsync(connection, activeOnly: true, ct);
        return rows.Select(a => new ArticleOption(a.Id, a.Topic, a.Title, a.Summary, a.Link, a.Keywords,
            new DateTimeOffset(DateTime.SpecifyKind(a.PublishedAt, DateTimeKind.Utc)))).ToList();
    }, cancellationToken);

    public void Invalidate() => _cache.Invalidate();
}

public static class ArticleStore
{
    public static async Task<IReadOnlyList<Article>> ListAsync(NpgsqlConnection connection, bool activeOnly, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            """
            select id, topic, title, summary, link, keywords, published_at as PublishedAt, updated_at as UpdatedAt, active
            from articles where active or not @activeOnly
            order by published_at desc, id desc
            limit 500
            """, new { activeOnly }, cancellationToken: cancellationToken))).Select(r => r.ToArticle()).ToList();

    // A class rather than a positional record: Dapper reports text[] as System.Array when matching constructors.
    private sealed class ArticleRow
    {
        public long Id { get; init; }
        public string Topic { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string? Link { get; init; }
        public string[] Keywords { get; init; } = [];
        public DateTime PublishedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public bool Active { get; init; }

        public Article ToArticle() => new(Id, Topic, Title, Summary, Link, Keywords, PublishedAt, UpdatedAt, Active);
    }
}

/// <summary>Admins manage information articles: /api/articles.</summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Information").RequireAuthorization(StaffPolicies.Admin);
        api.MapGet("", async (NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return TypedResults.Ok(await ArticleStore.ListAsync(connection, activeOnly: false, ct));
        }).WithSummary("Every article, newest first (inactive ones too).");
        api.MapPost("", CreateAsync).WithSummary("Publish an article: topic (policies, investment, events, procedures, support), title, summary, link, keywords.");
        api.MapPut("/{id:long}", UpdateAsync).WithSummary("Change an article (or set active=false to withdraw it).");
        api.MapDelete("/{id:long}", DeleteAsync).WithSummary("Withdraw an article (kept, inactive).");
        return app;
    }

    private static Dictionary<string, string[]> Validate(ArticleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ArticleTopics.IsKnown(request.Topic)) errors["topic"] = ["One of: " + string.Join(", ", ArticleTopics.All.Select(t => t.Code)) + "."];
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200) errors["title"] = ["A title of at most 200 characters is required."];
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > 1000) errors["summary"] = ["A summary of at most 1,000 characters is required."];
        if (request.Link is not null && (request.Link.Length > 500 || !Uri.TryCreate(request.Link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["link"] = ["An http(s) address of at most 500 characters."];
        if (request.Keywords is { } k && (k.Length > 30 || k.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > 80)))
            errors["keywords"] = ["At most 30 keywords of 1–80 characters."];
        return errors;
    }

    private static async Task<Results<Created<Article>, ValidationProblem>> CreateAsync(ArticleRequest request, NpgsqlDataSource dataSource,
        ArticleCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into articles (topic, title, summary, link, keywords, published_at, updated_at, active)
            values (@Topic, @title, @summary, @Link, @keywords, @now, @now, coalesce(@Active, true))
            returning id
            """, new { request.Topic, title = request.Title!.Trim(), summary = request.Summary!.Trim(), request.Link,
                keywords = (request.Keywords ?? []).Select(w => w.Trim()).Distinct().ToArray(), request.Active, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        catalog.Invalidate();
        var article = (await ArticleStore.ListAsync(connection, activeOnly: false, cancellationToken)).First(a => a.Id == id);
        return TypedResults.Created($"/api/articles/{id}", article);
    }

    private static async Task<Results<Ok<Article>, NotFound, ValidationProblem>> UpdateAsync(long id, ArticleRequest request, NpgsqlDataSource dataSource,
        ArticleCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            update articles set topic = @Topic, title = @title, summary = @summary, link = @Link, keywords = @keywords,
                                active = coalesce(@Active, active), updated_at = @now
            where id = @id
            """, new { id, request.Topic, title = request.Title!.Trim(), summary = request.Summary!.Trim(), request.Link,
                keywords = (request.Keywords ?? []).Select(w => w.Trim()).Distinct().ToArray(), request.Active, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        if (updated == 0) return TypedResults.NotFound();
        catalog.Invalidate();
        return TypedResults.Ok((await ArticleStore.ListAsync(connection, activeOnly: false, cancellationToken)).First(a => a.Id == id));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, NpgsqlDataSource dataSource, ArticleCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "update articles set active = false, updated_at = @now where id = @id", new { id, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        catalog.Invalidate();
        return updated == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
