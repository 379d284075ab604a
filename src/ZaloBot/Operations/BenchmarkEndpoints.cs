namespace ZaloBot.Operations;

/// <summary>
/// The yardstick for the ingest benchmark: one INSERT per request and nothing else, served by the same process so
/// the receiver is measured against the durable-write ceiling of the same machine. Mapped only when
/// <c>Benchmarks:BareEndpoint=true</c>; scripts/bench.sh creates its table.
/// </summary>
public static class BenchmarkEndpoints
{
    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Benchmarks:BareEndpoint")) return app;

        app.MapPost("/bench/bare-insert", async (HttpRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            await using var command = dataSource.CreateCommand("insert into bench_bare (payload) values ($1)");
            command.Parameters.Add(new NpgsqlParameter { Value = body });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return Results.Ok();
        }).ExcludeFromDescription();
        return app;
    }
}
