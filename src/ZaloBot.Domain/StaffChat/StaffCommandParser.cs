using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.StaffChat;

/// <summary>What a linked staff member asked for in chat.</summary>
public abstract record StaffCommand
{
    public sealed record Help : StaffCommand;
    public sealed record Queue : StaffCommand;
    public sealed record Show(string Code) : StaffCommand;
    /// <summary>"nhận": the natural next step for the role (accept for intake, start for handlers).</summary>
    public sealed record Claim(string Code) : StaffCommand;
    public sealed record Reply(string Code, string Text) : StaffCommand;
    public sealed record Note(string Code, string Text) : StaffCommand;
    public sealed record Act(string Code, TicketAction Action, TransitionInput Input) : StaffCommand;
    /// <summary>"ảnh PA-…": the next photo this officer sends is the ticket's "after" photo. <paramref name="Code"/> is null when what was typed is not a code; <paramref name="Typed"/> is then the whole message, else what followed the code ("gửi dân").</summary>
    public sealed record Photo(string? Code, string Typed) : StaffCommand;
    public sealed record Unknown : StaffCommand;
}

/// <summary>
/// Staff commands as typed on a phone: a verb (with or without diacritics), a ticket code, then free text, e.g.
/// "tra loi PA-2611-7K3Q Chiều nay đội vệ sinh sẽ đến". The free text keeps its original spelling.
/// </summary>
public static class StaffCommandParser
{
    private static readonly (string Verb, Func<string, string, StaffCommand?> Build)[] Verbs =
    [
        ("tra loi", (code, rest) => rest.Length > 0 ? new StaffCommand.Reply(code, rest) : null),
        ("ghi chu", (code, rest) => rest.Length > 0 ? new StaffCommand.Note(code, rest) : null),
        // Each action's verb comes from its row of the action table; what follows the code is what the row needs.
        .. TicketActions.All.Where(spec => spec.ChatVerb is not null).Select(spec => (spec.ChatVerb!, (Func<string, string, StaffCommand?>)((code, rest) => Act(spec, code, rest)))),
        ("nhan", (code, _) => new StaffCommand.Claim(code)),
        ("xem", (code, _) => new StaffCommand.Show(code)),
        .. FieldPhotos.Verbs.Select(verb => (verb, (Func<string, string, StaffCommand?>)((code, rest) => new StaffCommand.Photo(code, rest)))),
        .. TrackStaffCommand.Verbs,
    ];

    public static StaffCommand Parse(string text)
    {
        var n = TextNormalizer.Normalize(text);
        if (n is "huong dan" or "help" or "tro giup" or "lenh") return new StaffCommand.Help();
        if (n is "ds" or "danh sach" or "hang doi" or "queue") return new StaffCommand.Queue();
        if (!TicketCode.TryFind(text, out var code, out var span))
            return FieldPhotos.IsPhotoVerb(n) ? new StaffCommand.Photo(null, text.Trim()) : new StaffCommand.Unknown();

        // The verb is what precedes the code; the rest is what follows it, in the staff member's own spelling.
        var verb = TextNormalizer.Normalize(text[..span.Start]);
        var rest = text[(span.Start + span.Length)..].Trim();
        if (verb.Length == 0) return new StaffCommand.Show(code.Value);
        foreach (var (name, build) in Verbs)
        {
            if (verb == name) return build(code.Value, rest) ?? new StaffCommand.Unknown();
        }
        return new StaffCommand.Unknown();
    }

    private static StaffCommand? Act(TicketActionSpec spec, string code, string rest)
    {
        if (spec.Needs.HasFlag(ActionNeeds.Agency))
        {
            // "chuyển PA-… SXD lý do": the agency's code, then the reason.
            var parts = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0) return null;
            return new StaffCommand.Act(code, spec.Action, new TransitionInput(Reason: parts.Length > 1 ? parts[1] : null, AgencyCode: parts[0].ToUpperInvariant()));
        }
        var text = NullIfEmpty(rest);
        return new StaffCommand.Act(code, spec.Action, new TransitionInput(
            Reason: spec.Needs.HasFlag(ActionNeeds.Reason) ? text : null,
            Result: spec.Needs.HasFlag(ActionNeeds.Result) ? text : null));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
