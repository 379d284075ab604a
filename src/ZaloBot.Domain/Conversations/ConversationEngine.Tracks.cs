using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Understanding;
using ZaloBot.Domain.Tracks;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>
    /// Legal tracks, kept apart from the other steps: at submission, a complaint that reads like a khiếu nại or tố cáo is
    /// confirmed with a question (and the law's requirements explained); after resolution, "is it fixed?".
    /// </summary>
    private sealed partial class Turn
    {
        // ---- the track, asked once at submission ----

        /// <summary>Before submitting: a draft whose words suggest another track asks which it is (once).</summary>
        private bool AskTrackFirst()
        {
            if (Draft.Track is not null) return false;
            var suggested = Draft.SuggestedTrack ?? TicketTracks.Recognise(Draft.Description ?? "", context.Tracks);
            if (suggested == TicketTracks.Pakn) return false;
            _state = _state with { Step = Step.TrackChoice, FailedAttempts = 0, Draft = Draft with { SuggestedTrack = suggested } };
            Prompt();
            return true;
        }

        private void PromptTrack()
        {
            var suggested = Draft.SuggestedTrack ?? TicketTracks.KhieuNai;
            SayButtons(TrackTexts.TrackQuestion(suggested), [Button.Say(TrackTexts.AsTrack(suggested)), Button.Say(TrackTexts.AsPakn), Button.Say(Cancel)]);
        }

        private void OnTrackChoice(string raw, string n)
        {
            var suggested = Draft.SuggestedTrack ?? TicketTracks.KhieuNai;
            string? chosen =
                n == TextNormalizer.Normalize(TrackTexts.AsTrack(suggested)) || Understanding.Is(Answer.Yes, raw) || n.Contains(TextNormalizer.Normalize(TrackTexts.TrackName(suggested)), StringComparison.Ordinal)
                    ? suggested
                : n == TextNormalizer.Normalize(TrackTexts.AsPakn) || Understanding.Is(Answer.No, raw) || n.Contains("phan anh", StringComparison.Ordinal) || n.Contains("kien nghi", StringComparison.Ordinal)
                    ? TicketTracks.Pakn
                : null;
            if (chosen is null)
            {
                RecordNotUnderstood(raw, Step.TrackChoice);
                Fail(null);
                return;
            }
            _state = _state with { Draft = Draft with { Track = chosen } };
            // The law first, then that it is recorded anyway, then the ticket's code: the submission may end with a
            // question of its own (publication), which must stay the last thing the citizen reads.
            if (chosen != TicketTracks.Pakn)
            {
                Say(context.Tracks.FirstOrDefault(t => t.Code == chosen)?.Explanation ?? TrackTexts.PaknExplanation);
                Say(TrackTexts.RecordedAnyway(chosen));
            }
            SubmitTicket();
        }

        /// <summary>Emitted with the new ticket: its track and the priority its words suggest.</summary>
        private SetTicketTrack TrackOf(string code, Draft draft) =>
            new(code, draft.Track ?? TicketTracks.Pakn, draft.Urgent ? Priorities.Urgent : Priorities.Suggest(draft.Description ?? "", context.Priorities),
                draft.SuggestedTrack ?? TicketTracks.Recognise(draft.Description ?? "", context.Tracks));

        // ---- "is it really fixed?" ----

        /// <summary>
        /// The ticket whose "is it fixed?" is still open: the citizen's latest ticket, just resolved and still reopenable,
        /// with nothing else going on in the conversation.
        /// </summary>
        private CitizenTicket? OpenFixedQuestion() =>
            _state.Step == Step.Menu && _state.PausedStep is null && context.Tickets.Count > 0 && context.Tickets[0] is { IsOpen: false, CanBeRated: true } latest
            && context.ReopenableTickets.Contains(latest.Code) ? latest : null;

        /// <summary>The buttons under a resolution notice, and the answer to "what remains?". False: not about that.</summary>
        private bool TryResolutionFeedback(string raw, string n)
        {
            if (_state.NotFixedTicketCode is { } pending)
            {
                if (Understanding.Command(raw) != GlobalCommand.None || TicketCode.TryParse(raw, out _))
                {
                    // Another command or ticket: the question lapses.
                    _state = _state with { NotFixedTicketCode = null };
                    return false;
                }
                if (raw.Trim().Length < 5)
                {
                    Say(TrackTexts.WhatRemainsTooShort);
                    return true;
                }
                var text = raw.Trim();
                _effects.Add(new CitizenNotFixed(pending, text.Length <= Limits.MaxDescriptionLength ? text : text[..Limits.MaxDescriptionLength]));
                _state = _state with { NotFixedTicketCode = null };
                Say(TrackTexts.Reopened(pending));
                return true;
            }

            var fixedAnswer = n.StartsWith(TextNormalizer.Normalize(TrackTexts.FixedTitle) + " ", StringComparison.Ordinal);
            var notFixedAnswer = n.StartsWith(TextNormalizer.Normalize(TrackTexts.NotFixedTitle) + " ", StringComparison.Ordinal);
            var hasCode = TicketCode.TryParse(raw, out var code);
            if (!hasCode && OpenFixedQuestion() is { } asked)
            {
                // "Fixed, but now the drain is blocked": the ticket is fixed, and the rest is a new problem to offer.
                if (Understanding.AnotherProblemAfterFixed(raw) is { } another
                    && context.Tickets.FirstOrDefault(t => t.Code == asked.Code) is { CanBeRated: true })
                {
                    _effects.Add(new CitizenConfirmedFixed(asked.Code));
                    Say(TrackTexts.ThanksForConfirming);
                    OfferProblem(another, another);
                    return true;
                }
                // "để về xem rồi báo lại": the question stays open for a later answer; nothing is filed or reopened.
                if (Understanding.PutsOffFixed(raw))
                {
                    Say(TrackTexts.AnswerLater);
                    return true;
                }
                // Typed words answer the question while it is open, as the buttons do.
                var words = Understanding.AnswerToFixed(raw);
                if (words == FixedAnswer.None) return false;
                if (words == FixedAnswer.NotFixedSaid)
                {
                    var text = raw.Trim();
                    _effects.Add(new CitizenNotFixed(asked.Code, text.Length <= Limits.MaxDescriptionLength ? text : text[..Limits.MaxDescriptionLength]));
                    Say(TrackTexts.Reopened(asked.Code));
                    return true;
                }
                (fixedAnswer, notFixedAnswer) = (words == FixedAnswer.Fixed, words == FixedAnswer.NotFixed);
                if (!TicketCode.TryParse(asked.Code, out code)) return false;
            }
            else if (!fixedAnswer && !notFixedAnswer || !hasCode) return false;

            var ticket = context.Tickets.FirstOrDefault(t => t.Code == code.Value);
            if (ticket is not { CanBeRated: true })
            {
                Say(TicketNotFound(code.Value));
                return true;
            }
            if (fixedAnswer)
            {
                _effects.Add(new CitizenConfirmedFixed(code.Value));
                SayButtons(TrackTexts.ThanksForConfirming + " " + TicketNotifications.RatingQuestion,
                    TicketNotifications.RatingButtons(code.Value).Select(b => new Button(b.Title, b.Payload)).ToList());
                return true;
            }
            if (!context.ReopenableTickets.Contains(code.Value))
            {
                Say(TrackTexts.TooLateToReopen(code.Value));
                return true;
            }
            _state = _state with { NotFixedTicketCode = code.Value };
            Say(TrackTexts.AskWhatRemains(code.Value));
            return true;
        }
    }
}
