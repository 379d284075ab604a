using System.Globalization;
using ZaloBot.Outbox;
using ZaloBot.Zalo;
using ZaloBot.Domain.Calendar;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Tracks;
using ZaloBot.Tickets.Ledger;

namespace ZaloBot.Conversations;

/// <summary>
/// A ticket filed outside the chat (Open311 channels, the Mini App's form): the chat's intake, then the same clocks
/// (a "cháy" is urgent at once; the track stays PAKN until intake confirms the one the words suggest, since nobody
/// was asked as the bot asks in Zalo), and the channel it came from.
/// </summary>
public sealed class ChannelIntake(Tracks.TrackSettings trackSettings, Tracks.TrackClocks trackClocks, Calendar.HolidayCalendar holidays)
{
    /// <summary>The category a channel names, if it is active, with the day a ticket filed in it now is due.</summary>
    public async Task<(string Code, DateOnly Due)?> CategoryAsync(NpgsqlConnection connection, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var category = await connection.QuerySingleOrDefaultAsync<(string Code, int Days)?>(new CommandDefinition(
            "select code, deadline_working_days from categories where code = @code and active", new { code }, cancellationToken: cancellationToken));
        if (category is not { } c) return null;
        return (c.Code, (await holidays.GetAsync(cancellationToken)).AddWorkingDays(WorkingDayCalendar.DateInVietnam(now), c.Days));
    }

    /// <summary>A new ticket code, dated in Vietnam as the chat's are, reserved in the filing transaction.</summary>
    public static Task<string> NewCodeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        ConversationContextLoader.NewTicketCodeAsync(connection, transaction, WorkingDayCalendar.DateInVietnam(now), cancellationToken);

    public async Task<long> FileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRecipient citizen, CreateTicket ticket, string channel,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await TicketIntake.CreateAsync(connection, transaction, citizen, ticket, now, cancellationToken);
        var rules = await trackSettings.GetAsync(cancellationToken);
        await trackClocks.ApplyCreatedAsync(connection, transaction, citizen.StoredId, new SetTicketTrack(
            ticket.Code, TicketTracks.Pakn, Priorities.Suggest(ticket.Description, rules.Priorities),
            TicketTracks.Recognise(ticket.Description, rules.Tracks)), now, cancellationToken);
        await TicketLedger.SetChannelAsync(connection, transaction, id, channel, cancellationToken);
        return id;
    }

    /// <summary>The notice of a received ticket with the code and due date, as a message (or the template beyond the window).</summary>
    public static Task NoticeReceivedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRecipient recipient, long ticketId, string code, DateOnly due,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dueText = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var text = $"Phản ánh của bạn đã được tiếp nhận với mã {code}. Hạn trả lời: {dueText}.";
        var notice = new Notice(NoticeKinds.Received, new Dictionary<string, string?>
        {
            ["code"] = code, ["status"] = Domain.Tickets.TicketStatusText.ForCitizen(Domain.Tickets.TicketStatus.Received), ["due"] = dueText, ["text"] = text,
        });
        return OutboxWriter.EnqueueAsync(connection, transaction, new OutboxMessage(recipient, ZaloMessages.Text(text),
            $"ticket:{ticketId}:received", null, TicketId: ticketId, Notice: notice), now, cancellationToken);
    }
}
