using System.Text.Json.Nodes;
using ZaloBot.Domain.Conversations;
using ZaloBot.Zalo;

namespace ZaloBot.Conversations;

/// <summary>
/// Turns one engine turn's message effects into as few Zalo messages as the shapes allow: consecutive texts and the
/// buttons that follow them travel as one message. Each Zalo message counts against the free-reply quota of the
/// citizen's inbound message, so "one answer, one message" is what keeps replies free.
/// </summary>
public sealed class ReplyComposer
{
    /// <summary>Zalo's limit on a message's text (about 2,000 characters); past it, parts go separately.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The request-user-info element's subtitle is meant for a short explanation (Zalo: about 500 characters).</summary>
    public const int MaxFormSubtitleLength = 500;

    private readonly List<JsonObject> _messages = [];
    private readonly List<string> _pending = [];

    /// <summary>Adds a message effect; false when the effect is not a message (a ticket change, say) and was ignored.</summary>
    public bool Add(ConversationEffect effect)
    {
        switch (effect)
        {
            case SendText text:
                if (PendingLength + text.Text.Length + 2 > MaxTextLength) Flush();
                _pending.Add(text.Text);
                return true;
            case SendButtons buttons:
                if (PendingLength + buttons.Text.Length + 2 > MaxTextLength) Flush();
                _pending.Add(buttons.Text);
                var joined = Join();
                _pending.Clear();
                _messages.AddRange(ZaloMessages.TextWithButtons(joined, buttons.Buttons.Select(b => (b.Title, b.Payload)).ToList()));
                return true;
            case RequestUserInfo form:
                // The form is a template of its own, without a text; what was said just before it (the step's question)
                // becomes the form's subtitle when it fits, so the question and the form are one message.
                var said = Join();
                _pending.Clear();
                if (said.Length is > 0 and <= MaxFormSubtitleLength)
                {
                    _messages.Add(ZaloMessages.RequestUserInfo(form.Title, said));
                }
                else
                {
                    if (said.Length > 0) _messages.Add(ZaloMessages.Text(said));
                    _messages.Add(ZaloMessages.RequestUserInfo(form.Title, form.Subtitle));
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>The composed messages, in order.</summary>
    public IReadOnlyList<JsonObject> Build()
    {
        Flush();
        return _messages;
    }

    /// <summary>What sending each effect on its own used to cost, for the benchmark's before/after figure.</summary>
    public static int SeparateMessageCount(IEnumerable<ConversationEffect> effects) => effects.Sum(e => e switch
    {
        SendText or RequestUserInfo => 1,
        SendButtons b => ZaloMessages.TextWithButtons(b.Text, b.Buttons.Select(x => (x.Title, x.Payload)).ToList()).Count,
        _ => 0,
    });

    private int PendingLength => _pending.Sum(p => p.Length + 2);

    private string Join() => string.Join("\n\n", _pending);

    private void Flush()
    {
        if (_pending.Count == 0) return;
        _messages.Add(ZaloMessages.Text(Join()));
        _pending.Clear();
    }
}
