using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tickets;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

/// <summary>
/// The citizen conversation as a pure function: state + input + context → new state + effects. Global commands are
/// checked before the current step, every input gets an answer, and nothing here does I/O or reads the clock.
/// </summary>
public static class ConversationEngine
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
    private sealed class Turn(ConversationState state, ConversationContext context, DateTimeOffset at)
    {
        private static readonly Step[] IntakeOrder = [Step.Category, Step.Description, Step.Place, Step.Area, Step.Attachments, Step.Contact, Step.Confirm];

        private readonly List<ConversationEffect> _effects = [];
        private ConversationState _state = state;
        private ConversationLimits Limits => context.Limits;
        private Draft Draft => _state.Draft;

        public static ConversationState WithoutDraft(ConversationState s) =>
            s with { Step = Step.Menu, Draft = new(), PausedStep = null, EditingFromConfirm = false, FailedAttempts = 0, ReminderSentAt = null };

        public ConversationResult Run(ConversationInput input)
        {
            if (_state.HasDraftInProgress && _state.LastActivityAt is { } last && at - last >= Limits.ExpireAfter)
            {
                _state = WithoutDraft(_state);
                Say(DraftExpired);
            }
            _state = _state with { LastActivityAt = at, ReminderSentAt = null };

            switch (input)
            {
                case FollowInput: Greet(); break;
                case TextInput text: OnText(text.Text); break;
                case ImagesInput images: OnAttachments(images.Urls.Select(u => new DraftAttachment("image", u)).ToList(), images.Caption); break;
                case FileInput file: OnAttachments([new DraftAttachment("file", file.Url, file.Name, file.Size)], null); break;
                case LocationInput location: OnLocation(location); break;
                case UserInfoInput info: OnUserInfo(info); break;
                case UnsupportedInput unsupported: OnUnsupported(unsupported.Kind); break;
                default: Prompt(); break;
            }
            return new ConversationResult(_state, _effects);
        }

        // ---- text ----

        private void OnText(string raw)
        {
            var n = TextNormalizer.Normalize(raw);

            if (TryCentre(raw, n)) return;

            var command = Intents.Global(n);
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
                else ListTickets();
                if (_state.Step != Step.Menu) Prompt();
                return;
            }

            if (Intents.IsGreeting(n) && _state.Step is not (Step.Menu or Step.ResumeOffer))
            {
                // "Xin chào" in the middle of a complaint means the citizen has come back to it.
                OfferResume();
                return;
            }

            switch (_state.Step)
            {
                case Step.Menu: OnMenuText(raw, n); break;
                case Step.ResumeOffer: OnResumeChoice(n); break;
                case Step.Category: OnCategory(n); break;
                case Step.Description: OnDescription(raw); break;
                case Step.Place: OnPlaceText(raw, n); break;
                case Step.Area: OnArea(n); break;
                case Step.Attachments: OnAttachmentsText(n); break;
                case Step.Contact: OnContactText(raw, n); break;
                case Step.Confirm: OnConfirm(n); break;
                case Step.EditChoice: OnEditChoice(n); break;
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

            _state = _state with { ServiceCentreCode = centre.Code };
            if (_state.Step == Step.Menu && _state.PausedStep is null)
            {
                Say(GreetingFromCentre(centre.Name));
                MainMenu();
            }
            else
            {
                Say(CentreNoted(centre.Name));
                Prompt();
            }
            return true;
        }

        private void OnGlobal(GlobalCommand command)
        {
            switch (command)
            {
                case GlobalCommand.Cancel:
                    var hadDraft = _state.HasDraftInProgress;
                    _state = WithoutDraft(_state);
                    if (hadDraft) Say(Cancelled);
                    MainMenu();
                    break;
                case GlobalCommand.Back:
                    GoBack();
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
            if (_state.EditingFromConfirm || _state.Step == Step.EditChoice)
            {
                GoTo(Step.Confirm);
                return;
            }
            var index = Array.IndexOf(IntakeOrder, _state.Step);
            if (index <= 0)
            {
                // Before the first question there is only the menu; the draft waits there.
                if (_state.Step == Step.Category) _state = _state with { PausedStep = Step.Category };
                _state = _state with { Step = Step.Menu };
                MainMenu();
                return;
            }
            var previous = IntakeOrder[index - 1];
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
            _ => ConversationTexts.Help,
        };

        // ---- menu ----

        private void OnMenuText(string raw, string n)
        {
            if (Intents.IsNewComplaint(n)) StartIntake();
            else if (Intents.IsLookup(n)) ListTickets();
            else if (Intents.IsInfo(n)) { Say(Info); MainMenu(); }
            else if (Intents.IsHelpChoice(n)) { Say(ConversationTexts.Help); MainMenu(); }
            else if (Intents.IsGreeting(n)) Greet();
            else if (LatestOpenTicket() is { } open)
            {
                _effects.Add(new AppendToTicket(open.Code, raw.Trim(), []));
                Say(FollowUpAdded(open.Code));
            }
            else
            {
                _state = _state with { FailedAttempts = _state.FailedAttempts + 1 };
                SayButtons(NotUnderstood, MainMenuButtons);
            }
        }

        private void Greet()
        {
            if (_state.HasDraftInProgress)
            {
                OfferResume();
                return;
            }
            var centre = context.Centres.FirstOrDefault(c => c.Code == _state.ServiceCentreCode);
            Say(centre is null ? Greeting : GreetingFromCentre(centre.Name));
            MainMenu();
        }

        private void OfferResume()
        {
            var paused = _state.Step is Step.Menu or Step.ResumeOffer ? _state.PausedStep : _state.Step;
            _state = _state with { Step = Step.ResumeOffer, PausedStep = paused, EditingFromConfirm = false };
            SayButtons(ResumeQuestion, [Button.Say(Resume), Button.Say(StartAfresh), Button.Say(Cancel)]);
        }

        private void OnResumeChoice(string n)
        {
            if (Intents.IsResume(n))
            {
                var step = _state.PausedStep ?? Step.Category;
                _state = _state with { PausedStep = null };
                GoTo(step);
            }
            else if (Intents.IsAfresh(n) || Intents.IsNewComplaint(n))
            {
                _state = WithoutDraft(_state);
                StartIntake();
            }
            else Fail(ResumeQuestion, [Button.Say(Resume), Button.Say(StartAfresh), Button.Say(Cancel)]);
        }

        private static readonly Button[] MainMenuButtons =
            [Button.Say(MenuNewComplaint), Button.Say(MenuLookup), Button.Say(MenuInfo), Button.Say(MenuHelp)];

        private void MainMenu() => SayButtons("Bạn chọn một mục:", MainMenuButtons);

        private void StartIntake()
        {
            if (_state.PausedStep is not null)
            {
                OfferResume();
                return;
            }
            _state = _state with { Step = Step.Category, FailedAttempts = 0, EditingFromConfirm = false };
            Prompt();
        }

        // ---- lookup ----

        private CitizenTicket? LatestOpenTicket() => context.Tickets.FirstOrDefault(t => t.IsOpen);

        private void ListTickets()
        {
            if (context.Tickets.Count == 0)
            {
                Say(NoTickets);
                if (_state.Step == Step.Menu) MainMenu();
                return;
            }
            Say(TicketList(context.Tickets));
        }

        private void Rate(string code, int rating)
        {
            var ticket = context.Tickets.FirstOrDefault(t => t.Code == code);
            if (ticket is not { CanBeRated: true })
            {
                Say(TicketNotFound(code));
                return;
            }
            _effects.Add(new RateTicket(code, rating));
            Say(Tickets.TicketNotifications.ThanksForRating(rating));
        }

        private void Lookup(string code)
        {
            // Someone else's code gets the same answer as a code that does not exist.
            var ticket = context.Tickets.FirstOrDefault(t => t.Code == code);
            Say(ticket is null ? TicketNotFound(code) : TicketDetails(ticket));
        }

        // ---- intake steps ----

        private void OnCategory(string n)
        {
            var category = OptionMatcher.Match(n, context.Categories, c => c.Name, c => c.Keywords);
            if (category is null)
            {
                Fail(AskCategory(context.Categories), CategoryButtons());
                return;
            }
            _state = _state with { Draft = Draft with { CategoryCode = category.Code } };
            Advance(Step.Description);
        }

        private void OnDescription(string raw)
        {
            var text = raw.Trim();
            if (text.Length < Limits.MinDescriptionLength) Fail(DescriptionTooShort(Limits.MinDescriptionLength));
            else if (text.Length > Limits.MaxDescriptionLength) Fail(DescriptionTooLong(Limits.MaxDescriptionLength));
            else
            {
                _state = _state with { Draft = Draft with { Description = text } };
                Advance(Step.Place);
            }
        }

        private void OnPlaceText(string raw, string n)
        {
            var address = raw.Trim();
            if (n.Length < 5)
            {
                Fail(AddressTooShort);
                return;
            }
            // An address that names a configured ward answers the next question too.
            var area = context.Areas.FirstOrDefault(a => n.Contains(AreaNames.WithoutPrefix(a.Name), StringComparison.Ordinal));
            _state = _state with { Draft = Draft with { Address = address, Latitude = null, Longitude = null, AreaCode = area?.Code ?? Draft.AreaCode } };
            Advance(area is null && context.Areas.Count > 0 ? Step.Area : Step.Attachments);
        }

        private void OnLocation(LocationInput location)
        {
            var withPlace = Draft with { Latitude = location.Latitude, Longitude = location.Longitude, Address = location.Address };
            switch (_state.Step)
            {
                case Step.Place:
                    _state = _state with { Draft = withPlace };
                    Advance(context.Areas.Count > 0 ? Step.Area : Step.Attachments);
                    break;
                case Step.Menu when LatestOpenTicket() is { } open && _state.PausedStep is null:
                    _effects.Add(new AppendToTicket(open.Code, FormattableString.Invariant($"Vị trí: {location.Latitude}, {location.Longitude}"), []));
                    Say(FollowUpAdded(open.Code));
                    break;
                case Step.Menu when _state.PausedStep is null:
                    // A citizen who starts by sharing where it happened: keep it and begin the complaint.
                    _state = _state with { Draft = withPlace };
                    Say(LocationKeptForLater);
                    StartIntake();
                    break;
                default:
                    _state = _state with { Draft = withPlace };
                    Say(LocationKeptForLater);
                    Prompt();
                    break;
            }
        }

        private void OnArea(string n)
        {
            if (Intents.IsSkip(n))
            {
                Advance(Step.Attachments);
                return;
            }
            var area = OptionMatcher.Match(n, context.Areas, a => a.Name, _ => []);
            if (area is null)
            {
                Fail(AskArea(context.Areas), AreaButtons());
                return;
            }
            _state = _state with { Draft = Draft with { AreaCode = area.Code } };
            Advance(Step.Attachments);
        }

        private void OnAttachments(List<DraftAttachment> received, string? caption)
        {
            if (_state.Step == Step.Menu && _state.PausedStep is null)
            {
                if (LatestOpenTicket() is { } open)
                {
                    _effects.Add(new AppendToTicket(open.Code, caption, received));
                    Say(FollowUpAdded(open.Code));
                    return;
                }
                // A photo first is how many complaints begin: keep it and start.
                _state = _state with { Draft = Draft with { Attachments = received.Take(Limits.MaxAttachments).ToList() } };
                Say(AttachmentKeptForLater);
                StartIntake();
                return;
            }

            var room = Limits.MaxAttachments - Draft.Attachments.Count;
            var kept = received.Take(Math.Max(room, 0)).ToList();
            _state = _state with { Draft = Draft with { Attachments = [.. Draft.Attachments, .. kept] } };
            if (kept.Count < received.Count) Say(TooManyAttachments(Limits.MaxAttachments));

            if (_state.Step == Step.Attachments)
            {
                if (kept.Count > 0) SayButtons(AttachmentReceived(Draft.Attachments.Count, Limits.MaxAttachments), [Button.Say(Done)]);
                return;
            }
            if (kept.Count > 0) Say(AttachmentKeptForLater);
            if (_state.Step == Step.Description && !string.IsNullOrWhiteSpace(caption))
            {
                OnDescription(caption);
                return;
            }
            Prompt();
        }

        private void OnAttachmentsText(string n)
        {
            if (Intents.IsDone(n) || Intents.IsSkip(n)) Advance(Step.Contact);
            else if (Intents.IsClearAttachments(n))
            {
                _state = _state with { Draft = Draft with { Attachments = [] } };
                Prompt();
            }
            else Fail(AskAttachments(Limits.MaxAttachments), [Button.Say(Done), Button.Say(Skip)]);
        }

        private void OnContactText(string raw, string n)
        {
            if (Intents.IsUseContact(n) && Draft.HasContact)
            {
                Advance(Step.Confirm);
                return;
            }
            var (name, phoneText) = ContactParser.Split(raw);
            if (phoneText is null)
            {
                if (raw.Any(char.IsAsciiDigit) || name is null)
                {
                    Fail(raw.Any(char.IsAsciiDigit) ? InvalidPhone : AskContact);
                    return;
                }
                // Only a name: keep it, and ask for the phone unless we already have it.
                _state = _state with { Draft = Draft with { ContactName = name } };
                if (Draft.ContactPhone is null) Fail(MissingPhone);
                else Advance(Step.Confirm);
                return;
            }
            if (!Contacts.VietnamesePhone.TryNormalize(phoneText, out var phone))
            {
                Fail(InvalidPhone);
                return;
            }
            _state = _state with { Draft = Draft with { ContactPhone = phone, ContactName = name ?? Draft.ContactName } };
            if (Draft.ContactName is null) Fail(MissingName);
            else Advance(Step.Confirm);
        }

        private void OnUserInfo(UserInfoInput info)
        {
            var name = string.IsNullOrWhiteSpace(info.Name) ? Draft.ContactName : info.Name.Trim();
            var phoneValid = Contacts.VietnamesePhone.TryNormalize(info.Phone, out var phone);
            _state = _state with { Draft = Draft with { ContactName = name, ContactPhone = phoneValid ? phone : Draft.ContactPhone } };
            if (_state.Step != Step.Contact)
            {
                Prompt();
                return;
            }
            if (!phoneValid) Fail(InvalidPhone);
            else if (name is null) Fail(MissingName);
            else Advance(Step.Confirm);
        }

        private void OnConfirm(string n)
        {
            if (Intents.IsSubmit(n)) SubmitTicket();
            else if (Intents.IsEdit(n))
            {
                _state = _state with { Step = Step.EditChoice, FailedAttempts = 0 };
                Prompt();
            }
            else Fail(null);
        }

        private void OnEditChoice(string n)
        {
            var fields = EditFields();
            var choice = OptionMatcher.Match(n, fields, f => f.Title, f => f.Title == EditAttachments ? ["anh", "tep", "hinh"] : []);
            if (choice is null)
            {
                Fail(AskWhatToEdit, fields.Select(f => Button.Say(f.Title)).ToList());
                return;
            }
            _state = _state with { Step = choice.Step, EditingFromConfirm = true, FailedAttempts = 0 };
            Prompt();
        }

        private sealed record EditField(string Title, Step Step);

        private static List<EditField> EditFields() =>
        [
            new(EditCategory, Step.Category), new(EditDescription, Step.Description), new(EditPlace, Step.Place),
            new(EditAttachments, Step.Attachments), new(EditContact, Step.Contact),
        ];

        private void SubmitTicket()
        {
            var category = context.Categories.First(c => c.Code == Draft.CategoryCode);
            _effects.Add(new CreateTicket(
                context.NewTicketCode, category.Code, Draft.Description!, Draft.Address, Draft.Latitude, Draft.Longitude,
                Draft.AreaCode, Draft.Attachments, Draft.ContactName!, Draft.ContactPhone!, _state.ServiceCentreCode));
            Say(Submitted(context.NewTicketCode, category.ExpectedDeadline));
            // The centre is where this complaint started; the next one may start elsewhere.
            _state = WithoutDraft(_state) with { ServiceCentreCode = null };
        }

        // ---- moving between steps ----

        private void Advance(Step next)
        {
            if (_state.EditingFromConfirm && next != Step.Area || next == Step.Confirm)
            {
                GoTo(Step.Confirm);
                return;
            }
            GoTo(next);
        }

        private void GoTo(Step step)
        {
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

        private void OnUnsupported(string kind)
        {
            Say(Unsupported(kind) + (_state.Step == Step.Menu ? "Bạn chọn một mục dưới đây nhé." : "Bạn trả lời câu hỏi dưới đây giúp tôi nhé."));
            Prompt();
        }

        private List<Button> CategoryButtons() => context.Categories.Select(c => Button.Say(c.Name)).ToList();

        private List<Button> AreaButtons() => [.. context.Areas.Select(a => Button.Say(a.Name)), Button.Say(Skip)];

        private void Say(string text) => _effects.Add(new SendText(text));

        private void SayButtons(string text, IReadOnlyList<Button> buttons) => _effects.Add(new SendButtons(text, buttons));
    }
}
