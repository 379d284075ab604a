using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Domain.Conversations;
using ZaloBot.Operations;

namespace ZaloBot.Understanding;

public sealed record UnrecognisedMessage(long Id, DateTimeOffset ReceivedAt, string Step, string Text);

/// <summary>Keeps what the bot did not understand, phone numbers masked, in the conversation's transaction.</summary>
public sealed class UnrecognisedMessages(IOptions<UnderstandingOptions> options)
{
    private const int MaxTextLength = 1000;

    public async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordNotUnderstood message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = SensitiveData.MaskPhonesIn(message.Text);
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        // Bounded: a flood of gibberish must not grow the table without end.
        const string sql = """
            insert into unrecognised_messages (received_at, step, text) values (@now, @step, @text);
            delete from unrecognised_messages where id <= (select max(id) from unrecognised_messages) - @keep;
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { now, step = message.Step.ToString(), text, keep = (long)options.Value.KeepUnrecognised }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Newest first; <paramref name="before"/> is the id to page from.</summary>
    public static async Task<List<UnrecognisedMessage>> ListAsync(NpgsqlDataSource db, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        const string sql = """
            select id, received_at as ReceivedAt, step, text from unrecognised_messages
            where @before::bigint is null or id < @before
            order by id desc limit @limit
            """;
        var rows = await connection.QueryAsync<(long Id, DateTime ReceivedAt, string Step, string Text)>(
            new CommandDefinition(sql, new { before, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new UnrecognisedMessage(r.Id, new DateTimeOffset(r.ReceivedAt, TimeSpan.Zero), r.Step, r.Text)).ToList();
    }
}
