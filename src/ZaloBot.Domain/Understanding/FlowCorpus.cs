using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>One labelled answer typed inside the flow: the step it was typed at, what it should do, and a value to check.</summary>
public sealed record FlowEntry(string Step, string Expected, string? Value, string Text, int Line)
{
    /// <summary>A command, a correction or a skip: never to be kept as the step's answer.</summary>
    public bool IsCommand => Expected is not ("answer" or "fixed" or "notfixed");
}

/// <summary>What the engine did with one flow answer.</summary>
public sealed record FlowOutcome(FlowEntry Entry, bool Handled, bool KeptAsData, string What);

/// <summary>
/// The typed answers inside the flow (<c>corpus/intents/flow-*.tsv</c>): each is played at its step with a draft
/// filled up to that step, and judged by what the engine then holds — moved on, corrected, went back or cancelled as
/// meant — and whether a command ended up stored as a name, an address or a description.
/// </summary>
public static class FlowCorpus
{
    public const string TicketCode = "PA-2611-FX2K";

    private static readonly Draft Full = new()
    {
        CategoryCode = "INFRA",
        Description = "Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm",
        Address = "số 12 đường Lý Thái Tổ",
        AreaCode = "KINHBAC",
        ContactName = "Nguyễn Văn An",
        ContactPhone = "+84912345678",
    };

    public static IReadOnlyList<FlowEntry> Parse(string text) =>
        IntentCorpus.Rows(text, 4).Select(r => new FlowEntry(r.Parts[0], r.Parts[1], IntentCorpus.Label(r.Parts[2]), r.Parts[3], r.Line)).ToList();

    /// <summary>
    /// The rows a flow classifier learns from: each message with its step in front (<see cref="SecondOpinion.FlowText"/>)
    /// and what it should do. The "is it fixed?" answers have a reading of their own and are left out.
    /// </summary>
    public static IEnumerable<(string Text, string Label)> Labelled(IEnumerable<FlowEntry> entries) =>
        entries.Where(e => e.Step != "fixed").Select(e => (SecondOpinion.FlowText(StateAt(e.Step).Step, e.Text), e.Expected));

    /// <summary>The state a citizen is in at <paramref name="step"/>: the draft filled with what the earlier steps asked.</summary>
    public static ConversationState StateAt(string step) => step switch
    {
        "category" => new ConversationState { Step = Step.Category },
        "description" => new ConversationState { Step = Step.Description, Draft = new Draft { CategoryCode = Full.CategoryCode } },
        "place" => new ConversationState { Step = Step.Place, Draft = new Draft { CategoryCode = Full.CategoryCode, Description = Full.Description } },
        "area" => new ConversationState { Step = Step.Area, Draft = Full with { AreaCode = null, ContactName = null, ContactPhone = null } },
        "attachments" => new ConversationState { Step = Step.Attachments, Draft = Full with { ContactName = null, ContactPhone = null } },
        "contact" => new ConversationState { Step = Step.Contact, Draft = Full with { ContactName = null, ContactPhone = null } },
        "confirm" => new ConversationState { Step = Step.Confirm, Draft = Full },
        "editchoice" => new ConversationState { Step = Step.EditChoice, Draft = Full },
        "problemoffer" => new ConversationState
        {
            Step = Step.ProblemOffer,
            Draft = new Draft { CategoryCode = "INFRA", Description = "Cống thoát nước đầu ngõ bị tắc, nước tràn lên mặt đường" },
        },
        "fixed" => new ConversationState(),
        _ => throw new FormatException($"unknown step \"{step}\""),
    };

    /// <summary>For the "is it fixed?" rows: the citizen's ticket was just resolved and the question is open.</summary>
    public static ConversationContext FixedContext(ConversationContext context) => context with
    {
        Tickets = [new CitizenTicket(TicketCode, "Hạ tầng, môi trường", "Đã giải quyết", false, null, "Đã thay bóng đèn.", CanBeRated: true)],
        ReopenableTickets = new HashSet<string> { TicketCode },
    };

    private static readonly Dictionary<string, Step> Steps = new()
    {
        ["category"] = Step.Category, ["description"] = Step.Description, ["place"] = Step.Place, ["area"] = Step.Area,
        ["attachments"] = Step.Attachments, ["contact"] = Step.Contact, ["confirm"] = Step.Confirm,
    };

    private static readonly Step[] Order = [Step.Category, Step.Description, Step.Place, Step.Area, Step.Attachments, Step.Contact, Step.Confirm];

    public static IReadOnlyList<FlowOutcome> Evaluate(IEnumerable<FlowEntry> entries, ConversationContext context)
    {
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        return entries.Select(entry =>
        {
            var before = StateAt(entry.Step);
            var ctx = entry.Step == "fixed" ? FixedContext(context) : context;
            var result = ConversationEngine.Handle(before with { LastActivityAt = at }, new TextInput(entry.Text, at), ctx);
            return Judge(entry, before, result, ctx);
        }).ToList();
    }

    private static FlowOutcome Judge(FlowEntry entry, ConversationState before, ConversationResult result, ConversationContext context)
    {
        var after = result.State;
        var d = after.Draft;
        var typed = entry.Text.Trim();
        var keptAsData = entry.IsCommand && (new[] { d.Description, d.Address, d.ContactName }.Any(f => f is not null && f.Contains(typed, StringComparison.Ordinal) && !Same(before.Draft, f))
            || result.Effects.OfType<AppendToTicket>().Any());
        if (entry.Step == "fixed") keptAsData = result.Effects.OfType<AppendToTicket>().Any();
        if (entry is { Step: "description", Expected: "newproblem" }) keptAsData = false;
        var stored = new[] { d.Description, d.Address, d.ContactName }.Any(f => f is not null && f.Contains(typed, StringComparison.Ordinal) && !Same(before.Draft, f));
        var index = Array.IndexOf(Order, after.Step);
        var wasIndex = Array.IndexOf(Order, before.Step);
        var dropped = after.Step == Step.Menu && !after.HasDraftInProgress && d.Description is null;
        var v = entry.Value;
        var handled = entry.Expected switch
        {
            "cancel" => dropped,
            "back" => before.Step == Step.EditChoice ? after.Step == Step.Confirm
                : after.Step == Step.Menu ? after.HasDraftInProgress || before.Step == Step.ProblemOffer
                : index >= 0 && wasIndex >= 0 && index < wasIndex,
            // "chọn nhầm mục rồi, chuyện này là về cán bộ": the field named in the same breath is set at once, which is
            // the edit done, not missed.
            "edit" => v is not null && !stored && (Steps.TryGetValue(v, out var editStep) && after.Step == editStep
                      || v == "category" && d.CategoryCode is not null && d.CategoryCode != before.Draft.CategoryCode),
            // "is it fixed?" put off ("chưa xem, để về xem rồi báo"): neither answer given, nothing filed or reopened.
            "skip" when entry.Step == "fixed" => dropped && after.NotFixedTicketCode is null
                      && !result.Effects.OfType<CitizenNotFixed>().Any() && !result.Effects.OfType<CitizenConfirmedFixed>().Any(),
            // "để mai đi bận quá" at the offer: put off, the problem waits in the menu to be offered again — nothing
            // filed, nothing lost — as good as moving on.
            "skip" when entry.Step == "problemoffer" => !stored && !result.Effects.OfType<RecordNotUnderstood>().Any()
                      && (after is { Step: Step.Menu, PausedStep: Step.ProblemOffer } && d.Description == before.Draft.Description || index > wasIndex),
            // "để tí nữa xem lại rồi gửi sau" at the summary: nothing sent, the summary waits.
            "skip" when entry.Step == "confirm" => !stored && after.Step == Step.Confirm && !result.Effects.OfType<CreateTicket>().Any()
                      && !result.Effects.OfType<RecordNotUnderstood>().Any(),
            "skip" => !stored && !result.Effects.OfType<RecordNotUnderstood>().Any()
                      && (index > wasIndex || before.Step is Step.Contact or Step.Description && after.Step == before.Step || before.Step == Step.Category && d.CategoryCode is not null),
            // At the description step nothing has been described yet (rows written before the brief said so imagine
            // a draft that is not there): the problem told there is the description.
            "newproblem" when before.Step == Step.Description => d.Description is not null && !dropped,
            "newproblem" => !stored && !result.Effects.OfType<RecordNotUnderstood>().Any() && !dropped,
            // A house number said in words counts as its digits once corrected; it was not there before if not as typed.
            // "address=số 21; phone=0987654321": two parts corrected in one message, each must be.
            "correct" => v is not null && v.Split("; ").All(one => AsCode(one, context) is var code
                             && Corrected(d, code, asDigits: true) && !Corrected(before.Draft, code, asDigits: false)),
            "fixed" => result.Effects.OfType<CitizenConfirmedFixed>().Any(),
            "notfixed" => result.Effects.OfType<CitizenNotFixed>().Any() || after.NotFixedTicketCode is not null,
            "answer" => Answered(entry, before, result),
            _ => throw new FormatException($"line {entry.Line}: unknown expectation \"{entry.Expected}\""),
        };
        var what = $"{after.Step}{(dropped ? " (dropped)" : "")} desc=«{d.Description}» addr=«{d.Address}» area={d.AreaCode} name=«{d.ContactName}» phone={d.ContactPhone}"
                   + (result.Effects.OfType<CreateTicket>().Any() ? " +ticket" : "");
        return new FlowOutcome(entry, handled, keptAsData, what);
    }

    private static bool Same(Draft before, string value) =>
        value == before.Description || value == before.Address || value == before.ContactName;

    /// <summary>"address=số 21" → ("address", "số 21"); a value without a field is the fragment alone.</summary>
    private static (string Field, string Fragment) FieldAndFragment(string value) =>
        value.IndexOf('=') is var eq and > 0 ? (value[..eq], value[(eq + 1)..]) : ("", value);

    /// <summary>
    /// "area=Vũ Ninh", "category=Thủ tục hành chính": the brief asks for the fragment as typed, which for a choice is
    /// the option's name; it is judged as the option's code the draft holds. "area=3" ("phường chọn nhầm, đúng ra là
    /// số 3"): the writer never saw the list, so the number names the option shown third.
    /// </summary>
    private static string AsCode(string value, ConversationContext context)
    {
        var (field, fragment) = FieldAndFragment(value);
        var typed = TextNormalizer.Normalize(fragment);
        bool Names(string name) => typed.Length > 0 && TextNormalizer.Normalize(name).Contains(typed, StringComparison.Ordinal);
        static string? Numbered<T>(IReadOnlyList<T> options, string typed, Func<T, string> code) =>
            int.TryParse(typed, out var n) && n >= 1 && n <= options.Count ? code(options[n - 1]) : null;
        var code = field switch
        {
            "area" => Numbered(context.Areas, typed, a => a.Code) ?? context.Areas.FirstOrDefault(a => Names(a.Name))?.Code,
            "category" => Numbered(context.Categories, typed, c => c.Code) ?? context.Categories.FirstOrDefault(c => Names(c.Name))?.Code,
            _ => null,
        };
        return code is null ? value : $"{field}={code}";
    }

    private static bool Corrected(Draft d, string value, bool asDigits)
    {
        var (field, fragment) = FieldAndFragment(value);
        // A phone is held as +84…: the fragment is compared the same way.
        if (field == "phone" && Contacts.VietnamesePhone.TryNormalizeCallable(Contacts.SpokenDigits.AsDigits(fragment), out var phone)) fragment = phone;
        // A house number said in words may be held as digits ("số hai mươi mốt" as "số 21"): both are compared as digits.
        if (field == "address" && asDigits) fragment = Text.SpokenNumber.InDigits(fragment);
        var held = field switch
        {
            "description" => d.Description,
            "address" => d.Address is { } address && asDigits ? Text.SpokenNumber.InDigits(address) : d.Address,
            "phone" => d.ContactPhone,
            "name" => d.ContactName,
            "category" => d.CategoryCode,
            "area" => d.AreaCode,
            _ => null,
        };
        if (held is null) return false;
        bool Holds(string part) => TextNormalizer.Normalize(held).Contains(TextNormalizer.Normalize(part), StringComparison.Ordinal);
        // "đèn hỏng hai tuần rồi chứ không phải một tuần": the field holds the correction whether it keeps the words said
        // wrong or, as the engine does where it can, only what is affirmed.
        if (!Holds(fragment))
        {
            if (Affirmed(fragment) is not { } affirmed || !Holds(affirmed)) return false;
            fragment = affirmed;
        }
        // "Ân, not An": where both were written with marks, the marks are part of the correction.
        static string Marked(string text) => text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        static bool HasMarks(string text) => TextNormalizer.Normalize(text) != Marked(text).Replace('đ', 'd');
        // …judged on the clause that holds it: a clause rewritten without marks sits beside the others' marks.
        var clauses = held.Split([',', '.', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Where(c => TextNormalizer.Normalize(c).Contains(TextNormalizer.Normalize(fragment), StringComparison.Ordinal)).DefaultIfEmpty(held);
        return !HasMarks(fragment) || clauses.Any(c => !HasMarks(c)) || Marked(held).Contains(Marked(fragment), StringComparison.Ordinal);
    }

    private static readonly Regex DeniedAfter = new(@"^(?<is>.+?)[,\s]+(?:chứ|chu)\s+(?:không|khong|ko|k)\s+(?:phải|phai)\s+(?<not>.+?)(?:\s+(?:đâu|dau|nhé|nhe|nha|ạ|a))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex DeniedBefore = new(@"^(?:không|khong|ko|k)\s+(?:phải|phai)\s+(?<not>.+?)\s+(?:(?:đâu|dau)\s+)?(?:mà|ma)\s+(?:(?:là|la)\s+)?(?<is>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>"X chứ không phải Y", "không phải Y mà là X" → X; anything else → null.</summary>
    private static string? Affirmed(string fragment)
    {
        var text = fragment.Normalize(NormalizationForm.FormC).Trim();
        var m = DeniedAfter.Match(text) is { Success: true } after ? after : DeniedBefore.Match(text);
        return m.Success ? m.Groups["is"].Value.Trim() : null;
    }

    private static bool Answered(FlowEntry entry, ConversationState before, ConversationResult result)
    {
        var after = result.State;
        var d = after.Draft;
        var v = entry.Value ?? "";
        bool Holds(string? field) => field is not null && TextNormalizer.Normalize(field).Contains(TextNormalizer.Normalize(v), StringComparison.Ordinal);
        return entry.Step switch
        {
            "category" => d.CategoryCode == v && after.Step != Step.Category,
            "area" => d.AreaCode == v && after.Step != Step.Area,
            "place" => Holds(d.Address) && after.Step != Step.Place,
            "description" => Holds(d.Description) && after.Step != Step.Description,
            // The fragment may be the name or the phone the citizen typed (held as +84…); given one of the two, it is
            // kept and the other asked for.
            // A number written in words ("không chín bảy tám…") is held as digits.
            // Both given in the value ("Trần Thị Hoa 0987654321"): both must be kept.
            "contact" when ContactParser.Split(v) is { Name: { } name, Phone: { } number } =>
                d.ContactName is { } kept && TextNormalizer.Normalize(kept).Contains(TextNormalizer.Normalize(name), StringComparison.Ordinal)
                && Contacts.VietnamesePhone.TryNormalizeCallable(number, out var both) && d.ContactPhone == both && after.Step == Step.Confirm,
            "contact" => (Holds(d.ContactName) || Contacts.VietnamesePhone.TryNormalizeCallable(Contacts.SpokenDigits.AsDigits(v), out var phone) && d.ContactPhone == phone)
                         && (d.ContactPhone is not null && after.Step == Step.Confirm || after.Step == Step.Contact && (d.ContactName is null || d.ContactPhone is null)),
            "confirm" => result.Effects.OfType<CreateTicket>().Any() || after.Step == Step.TrackChoice,
            // "sửa lại phường, nhà tôi bên Vũ Ninh": the ward or field named with its new value is set at once, which
            // is the choice made and done — as an edit is judged.
            "editchoice" => Steps.TryGetValue(v, out var step) && after.Step == step
                            || v == "category" && d.CategoryCode is not null && d.CategoryCode != before.Draft.CategoryCode
                            || v == "area" && d.AreaCode is not null && d.AreaCode != before.Draft.AreaCode,
            // "đây ảnh đây ạ": the photos are said to be sent, and the bot moves on (photos arriving later are still kept).
            "attachments" => Array.IndexOf(Order, after.Step) > Array.IndexOf(Order, before.Step),
            // "Not this field, it is about officials' conduct": the other field named is as good as the list of fields.
            // The brief names the value "othercategory"; earlier rounds wrote "other".
            "problemoffer" => v is "other" or "othercategory" ? after.Step == Step.Category || d.CategoryCode is not null && d.CategoryCode != before.Draft.CategoryCode
                : after.Step is not (Step.ProblemOffer or Step.Menu or Step.Category),
            _ => false,
        };
    }

    public static string Report(string title, IReadOnlyList<FlowOutcome> outcomes, bool listMistakes)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{title}: {outcomes.Count} typed answers inside the flow");
        foreach (var group in outcomes.GroupBy(o => o.Entry.Step))
            text.AppendLine(inv, $"  at {group.Key,-15} {group.Count(o => o.Handled),4}/{group.Count(),-4} {IntentCorpus.Percent(group.Count(o => o.Handled), group.Count()),7}");
        foreach (var group in outcomes.GroupBy(o => o.Entry.Expected))
            text.AppendLine(inv, $"  as {group.Key,-15} {group.Count(o => o.Handled),4}/{group.Count(),-4} {IntentCorpus.Percent(group.Count(o => o.Handled), group.Count()),7}");
        IntentCorpus.Line(text, "typed answers handled", outcomes.Count(o => o.Handled), outcomes.Count, "(target ≥ 95 %)");
        text.AppendLine(inv, $"  {"commands kept as data",-28} {outcomes.Count(o => o.KeptAsData),4}/{outcomes.Count(o => o.Entry.IsCommand || o.Entry.Step == "fixed"),-4}   (target 0)");
        if (listMistakes)
        {
            foreach (var o in outcomes.Where(o => !o.Handled || o.KeptAsData))
                text.AppendLine(inv, $"  ! line {o.Entry.Line}: {o.Entry.Step}/{o.Entry.Expected}/{o.Entry.Value ?? "-"} → {o.What}{(o.KeptAsData ? " [kept as data]" : "")}  {o.Entry.Text}");
        }
        return text.ToString();
    }
}
