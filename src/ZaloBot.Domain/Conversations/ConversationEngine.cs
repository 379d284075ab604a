using ZaloBot.Domain.ServiceCentres;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Understanding;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// The citizen conversation as a pure function: state + input + context → new state + effects. Global commands are
/// checked before the current step, every input gets an answer, and nothing here does I/O or reads the clock.
/// Split by concern: this file routes a message; <c>ConversationEngine.Menu.cs</c> handles the menu, free-text
/// openers, lookups and offers; <c>ConversationEngine.Intake.cs</c> the complaint's steps.
/// </summary>
public static partial class ConversationEngine
{
    public static ConversationResult Handle(ConversationState state, ConversationInput input, ConversationContext context) =>
        input switch
        {
            TickInput tick => OnTick(state, tick.At, context.Limits),
            UnfollowInput => new ConversationResult(state with { Step = Step.Menu, Draft = new(), PausedStep = null, EditingFromConfirm = false, FailedAttempts = 0 }, []),
            _ => new Turn(state, context, input.At).Run(input),
        };

    /// <summary>When the caller should next send a <see cref="TickInput"/> for this citizen, if ever.</summary>
    public static DateTimeOffset? NextIdleCheck(ConversationState state, ConversationLimits limits) =>
        !state.HasDraftInProgress || state.LastActivityAt is not { } last ? null
        : state.ReminderSentAt is null ? SaturatingAdd(last, limits.ReminderAfter)
        : SaturatingAdd(last, limits.ExpireAfter);

    // An activity time near DateTimeOffset.MaxValue (a signed event dated 9999) must not throw: the processor would
    // retry and park the event, and the citizen would get no answer. "Never" is the honest idle check for it.
    private static DateTimeOffset SaturatingAdd(DateTimeOffset at, TimeSpan delay) =>
        DateTimeOffset.MaxValue - at <= delay ? DateTimeOffset.MaxValue : at + delay;

    private static ConversationResult OnTick(ConversationState state, DateTimeOffset now, ConversationLimits limits)
    {
        if (!state.HasDraftInProgress || state.LastActivityAt is not { } last) return new(state, []);
        if (now - last >= limits.ExpireAfter)
            return new(Turn.WithoutDraft(state), [new SendText(DraftExpired)]);
        if (now - last >= limits.ReminderAfter && state.ReminderSentAt is null)
            return new(state with { ReminderSentAt = now }, [new SendText(IdleReminder)]);
        return new(state, []);
    }

    /// <summary>One citizen message being handled: the state as it evolves and the effects so far.</summary>
    private sealed partial class Turn(ConversationState state, ConversationContext context, DateTimeOffset at)
    {
        private static readonly Step[] IntakeOrder = [Step.Category, Step.Description, Step.Place, Step.Area, Step.Attachments, Step.Contact, Step.Confirm];

        private readonly List<ConversationEffect> _effects = [];
        private ConversationState _state = state;
        private ConversationLimits Limits => context.Limits;
        private Understander Understanding => context.Understanding;
        private Draft Draft => _state.Draft;

        /// <summary>Set when the citizen greeted in the same message as asking: the first reply starts with a greeting.</summary>
        private bool _greetFirst;

        public static ConversationState WithoutDraft(ConversationState s) =>
            s with { Step = Step.Menu, Draft = new(), PausedStep = null, EditingFromConfirm = false, FailedAttempts = 0, ReminderSentAt = null, FollowCandidate = null };

        public ConversationResult Run(ConversationInput input)
        {
            if (_state.HasDraftInProgress && _state.LastActivityAt is { } last && at - last >= Limits.ExpireAfter)
            {
                _state = WithoutDraft(_state);
                Say(DraftExpired);
            }
            _state = _state with { LastActivityAt = at, ReminderSentAt = null };
            // The offer to file a question lasts one message; a photo or a location starts afresh from the menu.
            if (_state.Step == Step.QuestionOffer && input is not TextInput) _state = WithoutDraft(_state);

            switch (input)
            {
                case FollowInput: Greet(); break;
                case TextInput text: OnText(text.Text); break;
                case CentreLinkInput link: OnCentreLink(link); break;
                case ImagesInput images: OnAttachments(images.Urls.Select(u => new DraftAttachment("image", u)).ToList(), images.Caption); break;
                case FileInput file: OnAttachments([new DraftAttachment(file.Kind, file.Url, file.Name, file.Size)], null); break;
                case LocationInput location: OnLocation(location); break;
                case UserInfoInput info: OnUserInfo(info); break;
                case UnsupportedInput unsupported: OnUnsupported(unsupported.Kind); break;
                default: Prompt(); break;
            }
            AfterTurn(input);
            return new ConversationResult(_state, _effects);
        }

        // ---- text ----

        private void OnText(string raw)
        {
            // At a choice, an answer taken back and given again is the one given again.
            if (_state.Step is Step.Area or Step.ProblemOffer
                || _state.Step == Step.Menu && OpenFixedQuestion() is not null)
                raw = Understander.AfterASlip(raw) ?? raw;
            var n = TextNormalizer.Normalize(raw);

            // After a question the bot offered to file it; any answer other than yes or no is a new message.
            if (_state.Step == Step.QuestionOffer && !IsQuestionOfferAnswer(raw, n)) _state = WithoutDraft(_state);

            if (TryCentre(raw, n)) return;
            if (TryPrivacyRequest(raw) || TryConsentChoice(n)) return;
            if (TryResolutionFeedback(raw, n)) return;
            if (TryPublicationChoice(raw, n)) return;
            if (TryMeaningFirst(raw)) return;

            var command = Understanding.Command(raw);
            if (command != GlobalCommand.None)
            {
                OnGlobal(command);
                return;
            }

            // A lookup works from anywhere, but inside a draft only as a message of its own (a description may quote a code).
            var hasCode = TicketCode.TryParse(raw, out var code);
            if (hasCode && Intents.Rating(n) is { } rating)
            {
                Rate(code.Value, rating);
                if (_state.Step != Step.Menu) Prompt();
                return;
            }
            if (Intents.StartsWithLookup(n) || (hasCode && (_state.Step == Step.Menu || n == TextNormalizer.Normalize(code.Value))))
            {
                if (hasCode) Lookup(code.Value);
                // "tra cứu PA-K2N7W5": a code that is not one is answered as such, not with the list.
                else if (TicketCode.FindMistyped(raw) is { } mistyped && !HalfRemembered().IsMatch(n)) Say(TicketNotFound(mistyped));
                else ListTickets();
                if (_state.Step != Step.Menu) Prompt();
                return;
            }

            if (_state.Step is not (Step.Menu or Step.ResumeOffer or Step.QuestionOffer) && Understanding.Is(Answer.Greeting, raw))
            {
                // "Xin chào" in the middle of a complaint means the citizen has come back to it.
                OfferResume();
                return;
            }

            switch (_state.Step)
            {
                case Step.Menu: OnMenuText(raw, n); break;
                case Step.ResumeOffer: OnResumeChoice(raw, n); break;
                case Step.Category: OnCategory(raw, n); break;
                case Step.Description: OnDescription(raw); break;
                case Step.Place: OnPlaceText(raw, n); break;
                case Step.Area: OnArea(raw, n); break;
                case Step.Attachments: OnAttachmentsText(raw); break;
                case Step.Contact: OnContactText(raw); break;
                case Step.Confirm: OnConfirm(raw); break;
                case Step.EditChoice: OnEditChoice(raw, n); break;
                case Step.ProblemOffer: OnProblemOffer(raw, n); break;
                case Step.QuestionOffer: OnQuestionOffer(raw, n); break;
                case Step.TrackChoice: OnTrackChoice(raw, n); break;
                case Step.FollowOffer: OnFollowOffer(raw, n); break;
            }
        }

        private bool TryCentre(string raw, string n)
        {
            // Posters print the centre code as "TT BN01"; the QR link pre-fills "#TT-BN01".
            var words = n.Split(' ');
            if (words.Length != 2 || words[0] != "tt" || !raw.TrimStart().StartsWith('#') && !raw.TrimStart().StartsWith("tt", StringComparison.OrdinalIgnoreCase))
                return false;
            var centre = context.Centres.FirstOrDefault(c => string.Equals(c.Code, words[1], StringComparison.OrdinalIgnoreCase));
            if (centre is null) return false;

            // A typed code proves nothing, so it never replaces a signed one from the same visit.
            if (_state.ServiceCentreCode != centre.Code || _state.ServiceCentreSource is null)
                _state = _state with { ServiceCentreCode = centre.Code, ServiceCentreSource = CentreSources.TypedCode };
            GreetOrNote(centre.Name);
            return true;
        }

        private void GreetOrNote(string centreName)
        {
            if (_state.Step == Step.Menu && _state.PausedStep is null)
            {
                Say(GreetingFromCentre(centreName));
                MainMenu();
            }
            else
            {
                Say(CentreNoted(centreName));
                Prompt();
            }
        }

        /// <summary>
        /// The Mini App's (or landing page's) prefilled first message. A genuine code attributes the centre; a forged,
        /// expired or reused one attributes nothing and says so kindly, since the citizen did nothing wrong by sending it.
        /// </summary>
        private void OnCentreLink(CentreLinkInput link)
        {
            var centre = context.Centres.FirstOrDefault(c => string.Equals(c.Code, link.CentreCode, StringComparison.OrdinalIgnoreCase));
            var rest = link.Rest.Trim();
            var onlyGreeting = rest.Length == 0 || Understanding.Is(Answer.Greeting, rest);
            if (centre is null || link.Source is null)
            {
                Say(CentreLinkNotValid);
                if (onlyGreeting) MainMenu();
                else OnText(rest);
                return;
            }
            _state = _state with { ServiceCentreCode = centre.Code, ServiceCentreSource = link.Source };
            if (onlyGreeting)
            {
                GreetOrNote(centre.Name);
                return;
            }
            Say(CentreNoted(centre.Name));
            OnText(rest);
        }

        private void OnGlobal(GlobalCommand command)
        {
            switch (command)
            {
                case GlobalCommand.Cancel:
                    var hadDraft = _state.HasDraftInProgress;
                    _state = WithoutDraft(_state);
                    if (hadDraft) Say(Cancelled);
                    if (_state.PendingProblem is not null) OfferPendingProblem();
                    else MainMenu();
                    break;
                case GlobalCommand.Back:
                    GoBack();
                    break;
                case GlobalCommand.Help when _state.Step == Step.Menu:
                    SayHelp();
                    break;
                case GlobalCommand.Help:
                    Say(HelpFor(_state.Step));
                    Prompt();
                    break;
                case GlobalCommand.Menu:
                    if (_state.Step is not (Step.Menu or Step.ResumeOffer))
                        _state = _state with { PausedStep = _state.Step, Step = Step.Menu, EditingFromConfirm = false, FailedAttempts = 0 };
                    else if (_state.Step == Step.ResumeOffer)
                        _state = _state with { Step = Step.Menu };
                    MainMenu();
                    break;
                case GlobalCommand.StartOver:
                    _state = WithoutDraft(_state);
                    Say(StartingOver);
                    StartIntake();
                    break;
            }
        }

        private void GoBack()
        {
            if (_state.EditingFromConfirm || _state.Step is Step.EditChoice or Step.TrackChoice or Step.FollowOffer)
            {
                GoTo(Step.Confirm);
                return;
            }
            var index = Array.IndexOf(IntakeOrder, _state.Step);
            if (index <= 0)
            {
                // Before the first question there is only the menu; the draft waits there.
                if (_state.Step is Step.Category or Step.ProblemOffer) _state = _state with { PausedStep = _state.Step };
                else if (_state.Step == Step.QuestionOffer) _state = WithoutDraft(_state);
                _state = _state with { Step = Step.Menu };
                MainMenu();
                return;
            }
            var previous = IntakeOrder[index - 1];
            if (Draft.Urgent && previous is Step.Area or Step.Attachments) previous = Step.Place;
            if (previous == Step.Area && context.Areas.Count == 0) previous = Step.Place;
            GoTo(previous);
        }

        private static string HelpFor(Step step) => step switch
        {
            Step.Category => "Bạn chọn lĩnh vực gần nhất với sự việc; nếu không rõ, chọn \"Khác\".",
            Step.Description => "Bạn kể lại sự việc bằng lời của mình: ở đâu, khi nào, ảnh hưởng ra sao.",
            Step.Place => "Bạn gõ địa chỉ, hoặc trong Zalo bấm dấu + (hoặc biểu tượng ghim) rồi chọn \"Vị trí\".",
            Step.Area => "Chọn phường/xã nơi xảy ra sự việc, hoặc bấm \"Bỏ qua\" nếu không rõ.",
            Step.Attachments => "Bấm biểu tượng ảnh trong Zalo để gửi ảnh chụp sự việc. Gửi xong bấm \"Xong\".",
            Step.Contact => "Gõ họ tên và số điện thoại di động, cách nhau bằng dấu phẩy. Thông tin chỉ dùng để cán bộ liên hệ với bạn.",
            Step.Confirm or Step.EditChoice => "Bấm \"Gửi\" nếu thông tin đã đúng, \"Sửa\" để sửa một mục.",
            Step.ProblemOffer => $"Bấm \"{AcceptProblem}\" để gửi phản ánh với lĩnh vực đã gợi ý, \"{OtherCategory}\" nếu lĩnh vực chưa đúng, hoặc \"{DoNotFile}\".",
            _ => ConversationTexts.Help,
        };

        // ---- moving between steps ----

        private void Advance(Step next)
        {
            if (_state.EditingFromConfirm && next != Step.Area || next == Step.Confirm)
            {
                GoTo(Step.Confirm);
                return;
            }
            // A place shared or named earlier is not asked for again.
            if (next == Step.Place && Draft.HasPlace) next = AfterPlace();
            GoTo(next);
        }

        private Step AfterPlace() => context.Areas.Count > 0 && Draft.AreaCode is null ? Step.Area : Step.Attachments;

        /// <summary>The first thing still missing from a draft that began with what the citizen wrote.</summary>
        private Step NextMissing() =>
            Draft.CategoryCode is null ? Step.Category
            : Draft.Description is null ? Step.Description
            : !Draft.HasPlace ? Step.Place
            : AfterPlace();

        private void GoTo(Step step)
        {
            // Danger takes the fewest steps: no ward list, no photo step (a photo sent is still kept).
            if (Draft.Urgent && !_state.EditingFromConfirm && step is Step.Area or Step.Attachments) step = Step.Contact;
            _state = _state with { Step = step, FailedAttempts = 0, EditingFromConfirm = step != Step.Confirm && _state.EditingFromConfirm };
            Prompt();
        }

        private void Prompt()
        {
            switch (_state.Step)
            {
                case Step.Menu: MainMenu(); break;
                case Step.ResumeOffer: OfferResume(); break;
                case Step.Category: SayButtons(AskCategory(context.Categories), CategoryButtons()); break;
                case Step.Description: Say(AskDescription(Limits.MinDescriptionLength)); break;
                case Step.Place: Say(AskPlace); break;
                case Step.Area: SayButtons(AskArea(context.Areas), AreaButtons()); break;
                case Step.Attachments:
                    SayButtons(Draft.Attachments.Count > 0 ? AttachmentReceived(Draft.Attachments.Count, Limits.MaxAttachments) : AskAttachments(Limits.MaxAttachments),
                        Draft.Attachments.Count > 0 ? [Button.Say(Done)] : [Button.Say(Done), Button.Say(Skip)]);
                    break;
                case Step.Contact:
                    if (Draft.HasContact) SayButtons(OfferKnownContact(Draft.ContactName!, Draft.ContactPhone!), [Button.Say(UseThisContact)]);
                    else
                    {
                        Say(AskContact);
                        _effects.Add(new RequestUserInfo(UserInfoFormTitle, UserInfoFormSubtitle));
                    }
                    break;
                case Step.Confirm:
                    var category = context.Categories.FirstOrDefault(c => c.Code == Draft.CategoryCode);
                    var area = context.Areas.FirstOrDefault(a => a.Code == Draft.AreaCode);
                    SayButtons(Summary(Draft, category?.Name ?? "", area?.Name), [Button.Say(Submit), Button.Say(Edit), Button.Say(Cancel)]);
                    break;
                case Step.EditChoice:
                    SayButtons(AskWhatToEdit, EditFields().Select(f => Button.Say(f.Title)).ToList());
                    break;
                case Step.ProblemOffer:
                    SayButtons(ConversationTexts.ProblemOffer(Draft.Description ?? "", CategoryName() ?? "",
                            Draft.Address, context.Areas.FirstOrDefault(a => a.Code == Draft.AreaCode)?.Name,
                            Draft.SuggestedTrack is { } track && track != Tracks.TicketTracks.Pakn ? Tracks.TrackTexts.TrackName(track) : "phản ánh"),
                        [Button.Say(AcceptProblem), Button.Say(OtherCategory), Button.Say(DoNotFile)]);
                    break;
                case Step.QuestionOffer:
                    SayButtons(OfferToFileQuestion, [Button.Say(FileQuestion), Button.Say(NoThanks)]);
                    break;
                case Step.TrackChoice: PromptTrack(); break;
                case Step.FollowOffer:
                    PromptFollowOffer();
                    break;
            }
        }

        /// <summary>An answer that does not fit: say why (if there is more to say than the question) and ask again.</summary>
        private void Fail(string? why, IReadOnlyList<Button>? buttons = null)
        {
            _state = _state with { FailedAttempts = _state.FailedAttempts + 1 };
            if (buttons is not null && why is not null) SayButtons(why, buttons);
            else
            {
                if (why is not null) Say(why);
                if (why is null || _state.Step is Step.Confirm) Prompt();
            }
            if (_state.FailedAttempts >= Limits.MaxFailedAttempts) Say(TooManyFailures);
        }

        /// <summary>Keeps what was not understood for operators (see <see cref="RecordNotUnderstood"/>).</summary>
        private void RecordNotUnderstood(string raw, Step step) => _effects.Add(new RecordNotUnderstood(raw.Trim(), step));

        private string? CategoryName() => context.Categories.FirstOrDefault(c => c.Code == Draft.CategoryCode)?.Name;

        private void OnUnsupported(string kind)
        {
            Say(Unsupported(kind) + (_state.Step == Step.Menu ? "Bạn chọn một mục dưới đây nhé." : "Bạn trả lời câu hỏi dưới đây giúp tôi nhé."));
            Prompt();
        }

        private List<Button> CategoryButtons() => context.Categories.Select(c => Button.Say(c.Name)).ToList();

        private List<Button> AreaButtons() => [.. context.Areas.Select(a => Button.Say(a.Name)), Button.Say(Skip)];

        private void Say(string text) => _effects.Add(new SendText(Greeted(text)));

        private void SayButtons(string text, IReadOnlyList<Button> buttons) => _effects.Add(new SendButtons(Greeted(text), buttons));

        private string Greeted(string text)
        {
            if (!_greetFirst) return text;
            _greetFirst = false;
            return GreetingPrefix + text;
        }
    }
}
