using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Tests.Conversations;

/// <summary>
/// Plays a conversation against the pure engine: the citizen says this, the bot should answer that. Every input
/// other than time passing must get at least one message back (never silence).
/// </summary>
public sealed class Script
{
    public static readonly DateTimeOffset Start0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));

    private ConversationContext _context;
    private DateTimeOffset _now = Start0;
    private readonly List<ConversationEffect> _all = [];

    private Script(ConversationContext context, ConversationState state)
    {
        _context = context;
        State = state;
    }

    public ConversationState State { get; private set; }
    public IReadOnlyList<ConversationEffect> Last { get; private set; } = [];
    public IReadOnlyList<ConversationEffect> All => _all;

    public static Script Start(ConversationContext? context = null, ConversationState? state = null) =>
        new(context ?? Fixtures.Context(), state ?? ConversationState.New());

    public Script With(Func<ConversationContext, ConversationContext> change)
    {
        _context = change(_context);
        return this;
    }

    public Script WithTickets(params CitizenTicket[] tickets)
    {
        _context = _context with { Tickets = tickets };
        return this;
    }

    public Script Says(string text) => Do(new TextInput(text, _now));
    /// <summary>The prefilled first message with a signed centre code, as the caller checked it (null source: not genuine).</summary>
    public Script ArrivesWithCentreLink(string centre, string? source, string rest = "Xin chào") => Do(new CentreLinkInput(centre, source, rest, _now));
    public Script SendsImages(params string[] urls) => Do(new ImagesInput(urls, null, _now));
    public Script SendsImageWithCaption(string url, string caption) => Do(new ImagesInput([url], caption, _now));
    public Script SendsFile(string url, string name) => Do(new FileInput(url, name, 2048, _now));
    public Script SharesLocation(double lat, double lng) => Do(new LocationInput(lat, lng, null, _now));
    public Script Sends(string unsupportedKind) => Do(new UnsupportedInput(unsupportedKind, _now));
    public Script SubmitsInfo(string? name, string? phone) => Do(new UserInfoInput(name, phone, null, _now));
    public Script Follows(string? source = null) => Do(new FollowInput(source, _now));
    public Script Unfollows() => Do(new UnfollowInput(_now), mustAnswer: false);

    public Script After(TimeSpan elapsed)
    {
        _now += elapsed;
        return this;
    }

    public Script Ticks() => Do(new TickInput(_now), mustAnswer: false);

    private Script Do(ConversationInput input, bool mustAnswer = true)
    {
        var result = ConversationEngine.Handle(State, input, _context);
        State = result.State;
        Last = result.Effects;
        _all.AddRange(result.Effects);
        if (mustAnswer)
            (Messages(Last).Count + Last.OfType<ZaloBot.Domain.Privacy.IAnsweredByService>().Count()).ShouldBePositive($"the bot must answer {input}");
        return this;
    }

    private static List<string> Messages(IEnumerable<ConversationEffect> effects) =>
        effects.Select(e => e switch { SendText t => t.Text, SendButtons b => b.Text, _ => null }).OfType<string>().ToList();

    /// <summary>The last answer contains this text (compared without case or diacritics, as a reader would skim).</summary>
    public Script Expect(string fragment)
    {
        var replies = Messages(Last);
        replies.ShouldContain(r => TextNormalizer.Normalize(r).Contains(TextNormalizer.Normalize(fragment)),
            $"expected a reply containing \"{fragment}\" but got:\n{string.Join("\n---\n", replies)}");
        return this;
    }

    public Script ExpectNot(string fragment)
    {
        Messages(Last).ShouldNotContain(r => TextNormalizer.Normalize(r).Contains(TextNormalizer.Normalize(fragment)));
        return this;
    }

    public Script ExpectButtons(params string[] titles)
    {
        var buttons = Last.OfType<SendButtons>().SelectMany(b => b.Buttons).Select(b => b.Title).ToList();
        foreach (var title in titles) buttons.ShouldContain(title);
        return this;
    }

    public Script ExpectStep(Step step)
    {
        State.Step.ShouldBe(step);
        return this;
    }

    public Script ExpectSilence()
    {
        Last.ShouldBeEmpty();
        return this;
    }

    public Script ExpectUserInfoForm()
    {
        Last.OfType<RequestUserInfo>().ShouldHaveSingleItem();
        return this;
    }

    public CreateTicket Ticket() => All.OfType<CreateTicket>().ShouldHaveSingleItem();

    public Script ExpectNoTicket()
    {
        All.OfType<CreateTicket>().ShouldBeEmpty();
        return this;
    }

    /// <summary>Walks the happy path from wherever the script is to the confirmation summary.</summary>
    public Script ToConfirmation() =>
        Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đường Lý Thái Tổ bị ngập sâu sau mưa, xe máy không đi được")
            .Says("Số 12 đường Lý Thái Tổ, phường Kinh Bắc")
            .Says("Xong")
            .Says("Nguyễn Văn An, 0912 345 678")
            .ExpectStep(Step.Confirm);
}
