using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using ZaloBot.Staff;

namespace ZaloBot.Understanding;

/// <summary>What citizens wrote that the bot did not understand, and the phrases in use: for operators who add phrases.</summary>
public static class UnderstandingApi
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapUnderstandingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/understanding").WithTags("Understanding").RequireAuthorization(StaffPolicies.Supervisor);
        group.MapGet("/unrecognised", ListUnrecognisedAsync)
            .WithSummary("Messages the bot did not understand, newest first, phone numbers masked (?before=id&limit=, at most 500).");
        group.MapGet("/phrases", GetPhrases)
            .WithSummary("The phrase table in use: the built-in table with the operator's Understanding:PhrasesFile laid over it.");
        return app;
    }

    private static async Task<Results<Ok<List<UnrecognisedMessage>>, ValidationProblem>> ListUnrecognisedAsync(long? before, int? limit, NpgsqlDataSource db, CancellationToken ct)
    {
        if (limit is < 1 or > 500) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 500."] });
        return TypedResults.Ok(await UnrecognisedMessages.ListAsync(db, before, limit ?? 100, ct));
    }

    private static ContentHttpResult GetPhrases(PhraseTableProvider phrases) =>
        TypedResults.Text(JsonSerializer.Serialize(phrases.Current.Table, Indented), "application/json");
}
