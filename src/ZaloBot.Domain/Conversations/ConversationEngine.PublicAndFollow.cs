using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Conversations;

/// <summary>An open ticket much like the one being filed: the citizen may follow it instead.</summary>
public sealed record SimilarOpenTicket(string Code, string Description, string StatusText);

/// <summary>The citizen's choice about publishing the answer to their ticket (without their name, phone or photos).</summary>
public sealed record SetPublication(string TicketCode, bool Publish) : ConversationEffect;

/// <summary>The citizen chose to receive an open ticket's notices instead of filing the same problem again.</summary>
public sealed record FollowTicket(string TicketCode) : ConversationEffect;

public static partial class ConversationEngine
{
    /// <summary>
    /// Two questions: at submission, whether the answer may be published (asked once with two equal buttons;
    /// saying nothing means not published); before filing, when an open ticket reports the same thing, whether to follow
    /// it instead (their choice: "no" files a new ticket).
    /// </summary>
    private sealed partial class Turn
    {
        /// <returns>Whether the question was asked.</returns>
        private bool AskAboutPublication(CategoryOption category, string code)
        {
            if (!category.Publishable) return false;
            // Consent is a yes given freely: two equal buttons, and nothing is published until the citizen says yes.
            SayButtons(ZaloBot.Domain.Privacy.PrivacyTexts.AskPublish(code),
                [Button.Say(PublicationTexts.Publish + " " + code), Button.Say(PublicationTexts.DoNotPublish + " " + code)]);
            return true;
        }

        /// <summary>"Không công khai PA-…" / "Đồng ý công khai PA-…" (the buttons), or the words alone for the latest ticket.</summary>
        private bool TryPublicationChoice(string raw, string n)
        {
            bool publish;
            if (n.StartsWith(TextNormalizer.Normalize(PublicationTexts.DoNotPublish), StringComparison.Ordinal)) publish = false;
            else if (n.StartsWith(TextNormalizer.Normalize(PublicationTexts.Publish), StringComparison.Ordinal)) publish = true;
            else return false;
            var ticket = TicketCode.TryParse(raw, out var code)
                ? context.Tickets.FirstOrDefault(t => t.Code == code.Value)
                : n.Split(' ').Length <= 4 && context.Tickets.Count > 0 ? context.Tickets[0] : null;
            if (ticket is null) return false;
            _effects.Add(new SetPublication(ticket.Code, publish));
            Say(publish ? PublicationTexts.WillBePublished(ticket.Code) : PublicationTexts.WillNotBePublished(ticket.Code));
            if (_state.Step != Step.Menu) Prompt();
            else OfferPendingProblem();
            return true;
        }

        /// <summary>On "Gửi": offers to follow a close open match once; true when the offer was made.</summary>
        private bool OfferToFollow()
        {
            if (context.SimilarOpen is not { } similar || _state.FollowCandidate == similar.Code) return false;
            _state = _state with { Step = Step.FollowOffer, FollowCandidate = similar.Code, FailedAttempts = 0 };
            Prompt();
            return true;
        }

        private void PromptFollowOffer()
        {
            var code = _state.FollowCandidate ?? "";
            var similar = context.SimilarOpen;
            SayButtons(PublicationTexts.FollowOffer(code, similar?.Code == code ? similar.Description : null, similar?.StatusText),
                [Button.Say(PublicationTexts.Follow), Button.Say(PublicationTexts.FileAnyway)]);
        }

        private void OnFollowOffer(string raw, string n)
        {
            if (n == TextNormalizer.Normalize(PublicationTexts.Follow) || n.StartsWith("theo doi", StringComparison.Ordinal) || Understanding.Is(Answer.Yes, raw))
            {
                var code = _state.FollowCandidate!;
                _effects.Add(new FollowTicket(code));
                _state = WithoutDraft(_state) with { ServiceCentreCode = null, ServiceCentreSource = null };
                Say(PublicationTexts.Following(code));
                MainMenu();
            }
            else if (n == TextNormalizer.Normalize(PublicationTexts.FileAnyway) || n.StartsWith("van gui", StringComparison.Ordinal)
                     || Understanding.Is(Answer.No, raw) || Understanding.Is(Answer.Submit, raw))
            {
                SubmitTicket();
            }
            else
            {
                RecordNotUnderstood(raw, Step.FollowOffer);
                Fail(null);
            }
        }
    }
}

public static class PublicationTexts
{
    public const string DoNotPublish = "Không công khai";
    public const string Publish = "Đồng ý công khai";
    public const string Follow = "Theo dõi phản ánh đó";
    public const string FileAnyway = "Vẫn gửi phản ánh mới";

    public static string WillBePublished(string code) => $"Đã ghi nhận: câu trả lời cho phản ánh {code} có thể được công khai (không kèm thông tin cá nhân của bạn).";

    public static string WillNotBePublished(string code) => $"Đã ghi nhận: câu trả lời cho phản ánh {code} sẽ không được công khai.";

    public static string FollowOffer(string code, string? description, string? status) =>
        $"Đã có phản ánh {code} về sự việc rất giống, đang được xử lý" + (status is null ? "" : $" ({status})") + "." +
        (description is null ? "" : $"\n«{description}»") +
        $"\nBạn có thể theo dõi phản ánh đó để nhận thông báo kết quả, thay vì gửi phản ánh mới. Bạn chọn:";

    public static string Following(string code) =>
        $"Bạn sẽ nhận thông báo về kết quả xử lý phản ánh {code} tại đây. Cảm ơn bạn đã phản ánh.";
}
