using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Understanding;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>The menu and what citizens type there: buttons, free-text openers, lookups and the offers that follow.</summary>
    private sealed partial class Turn
    {
        // ---- menu ----

        private void SayHelp()
        {
            Say(ConversationTexts.Help);
            Say(DangerTexts.NotAnEmergencyService(context.Emergency));
            MainMenu();
        }

        private void OnMenuText(string raw, string n)
        {
            // The menu's own buttons and numbers mean exactly what they say.
            switch (Intents.MenuChoice(n))
            {
                case 1: StartIntake(); return;
                case 2: ListTickets(); return;
                case 3: ShowInformation(); return;
                case 4: SayHelp(); return;
            }

            if (TryTopic(n)) return;
            if (TryDanger(raw)) return;
            if (TicketCode.FindMistyped(raw) is { } mistyped)
            {
                // "e có mã PA-2611 gì đó mà quên mất mấy số cuối": the citizen's own tickets, with their codes, answer that.
                if (HalfRemembered().IsMatch(n))
                {
                    ListTickets();
                    return;
                }
                Say(TicketNotFound(mistyped));
                MainMenu();
                return;
            }
            // "e nhận đc sms "… truy cập link để xác thực", có phải ngân hàng gửi thật ko": a question about a message
            // received — never the advert it quotes, nor a question about this channel.
            if (ScamChecks.AsksIfGenuine(raw))
            {
                AnswerQuestion(raw);
                return;
            }
            // Adverts are kept with the unrecognised messages for operators, never offered for filing.
            if (Understanding.IsSpam(raw))
            {
                NotUnderstoodAtMenu(raw);
                return;
            }

            var meaning = Understanding.Understand(raw);
            if (Understanding.IsAbuse(raw) || Understanding.AbuseOpinion(raw, meaning))
            {
                SayButtons(AbuseReply, MainMenuButtons);
                return;
            }
            _greetFirst = meaning.Greeted && meaning.Intent is not (MessageIntent.Greeting or MessageIntent.None);
            switch (meaning.Intent)
            {
                // One intent per message: a question (or a topic without problem words) that an article really answers
                // is a question, not a problem too.
                // Not when the second opinion made it a complaint over the phrases' question: their scores said question.
                case MessageIntent.Complaint when !meaning.ExplicitComplaint && !meaning.ByOpinion && ReadsAsQuestion(meaning, raw) && MatchArticles(raw).Count > 0:
                    AnswerQuestion(raw);
                    break;
                case MessageIntent.Complaint:
                    // Without a complaint word, a message from a citizen with an open ticket is most likely about it.
                    if (!meaning.ExplicitComplaint && LatestOpenTicket() is { } open) AddFollowUp(open, raw);
                    // A problem is offered for filing with nothing in front of it.
                    else if (meaning.Description is { } description && description.Length >= Limits.MinDescriptionLength)
                        OfferProblem(description, raw);
                    else if (!meaning.ExplicitComplaint && MatchArticles(raw).Count > 0) AnswerQuestion(raw);
                    else StartFromShortComplaint(raw);
                    break;
                case MessageIntent.Status:
                    ListTickets();
                    break;
                case MessageIntent.Question:
                    AnswerQuestion(raw);
                    break;
                case MessageIntent.Help:
                    SayHelp();
                    break;
                case MessageIntent.Info:
                    var asked = ChannelQuestions.Of(raw);
                    if (asked is not (ChannelQuestion.None or ChannelQuestion.Identity)) AnswerAboutTheChannel(asked);
                    else if (asked == ChannelQuestion.None && AnswerFromArticles(raw) is not null) AnswerQuestion(raw);
                    else ShowInformation();
                    break;
                case MessageIntent.Greeting:
                    Greet();
                    break;
                case MessageIntent.Thanks:
                    Say(ThanksReply);
                    MainMenu();
                    break;
                default:
                    if (LatestOpenTicket() is { } ticket) AddFollowUp(ticket, raw);
                    // Read as nothing: answered only where an editor's own words stand in it (adverts use everyday ones).
                    else if (MatchArticles(raw, everyday: false).Count > 0) AnswerQuestion(raw);
                    else NotUnderstoodAtMenu(raw);
                    break;
            }
        }

        private void AddFollowUp(CitizenTicket open, string raw)
        {
            _effects.Add(new AppendToTicket(open.Code, raw.Trim(), []));
            Say(FollowUpAdded(open.Code));
        }

        private void NotUnderstoodAtMenu(string raw)
        {
            _state = _state with { FailedAttempts = _state.FailedAttempts + 1 };
            SayButtons(NotUnderstood, MainMenuButtons);
            RecordNotUnderstood(raw, Step.Menu);
        }

        // ---- a problem described in a free message ----

        /// <summary>
        /// The citizen described a problem: keep their words as the description, take the category and place from them,
        /// and ask one tap to go on. A draft paused at the menu gives way to what the citizen just wrote.
        /// </summary>
        private void OfferProblem(string description, string raw)
        {
            if (description.Length > Limits.MaxDescriptionLength) description = description[..Limits.MaxDescriptionLength];
            var track = TrackOfWords(raw);
            var category = Understanding.SuggestCategory(description, context.Categories);
            var place = Understanding.ExtractPlace(description, context.Areas);
            _state = WithoutDraft(_state) with
            {
                Draft = Draft with
                {
                    Description = description, CategoryCode = category?.Code,
                    Address = place.Address ?? Draft.Address, AreaCode = place.AreaCode ?? Draft.AreaCode,
                    Latitude = place.Address is null ? Draft.Latitude : null, Longitude = place.Address is null ? Draft.Longitude : null,
                    SuggestedTrack = track,
                },
            };
            if (category is null)
            {
                // Choosing the category is the one tap that files it.
                _state = _state with { Step = Step.Category };
                Say(ProblemNoted(description, track is null ? "phản ánh" : Tracks.TrackTexts.TrackName(track)));
                Prompt();
                return;
            }
            _state = _state with { Step = Step.ProblemOffer };
            Prompt();
        }

        private void OnProblemOffer(string raw, string n)
        {
            var afterRefusal = Understanding.AfterRefusal(raw);
            if (n == TextNormalizer.Normalize(AcceptProblem) || Understanding.Is(Answer.Yes, raw) || Understanding.Is(Answer.Submit, raw))
                GoTo(NextMissing());
            // "phải, ở ngõ 9 Hoàng Quốc Việt nhé": a yes, and the place said with it is kept.
            else if (Understanding.AgreesAmongClauses(raw, Answer.Yes, Answer.Submit))
            {
                var place = Understanding.ExtractPlace(raw, context.Areas);
                _state = _state with { Draft = Draft with { Address = place.Address ?? Draft.Address, AreaCode = place.AreaCode ?? Draft.AreaCode } };
                GoTo(NextMissing());
            }
            // "không, tôi muốn báo chuyện khác: …": the other matter, when it names something wrong, is offered in place of this one.
            else if (afterRefusal is { } other && Understanding.Understand(other) is { Intent: MessageIntent.Complaint, Description: { } otherProblem } otherMeaning
                     && otherProblem.Length >= Limits.MinDescriptionLength && otherMeaning.Scores.GetValueOrDefault("problem") >= 2)
            {
                _state = WithoutDraft(_state);
                OfferProblem(otherProblem, other);
            }
            // "không phải …", "ko phải, cái này là thái độ cán bộ": not this field, rather than not filing.
            else if (n == TextNormalizer.Normalize(OtherCategory) || Understanding.Is(Answer.OtherCategory, raw) || NotThisOne().IsMatch(n)
                     || Understanding.PartNamed(raw) == DraftPart.Category)
                GoTo(Step.Category);
            // "không, tôi chỉ hỏi thôi chứ chưa muốn gửi": a refusal, whatever reason follows it.
            else if (n == TextNormalizer.Normalize(DoNotFile) || Understanding.Is(Answer.No, raw) || afterRefusal is not null)
            {
                _state = WithoutDraft(_state);
                Say(NotFiled);
                MainMenu();
            }
            else if (OptionMatcher.Match(n, context.Categories, c => c.Name, c => c.Keywords) is { } category)
            {
                _state = _state with { Draft = Draft with { CategoryCode = category.Code } };
                GoTo(NextMissing());
            }
            else
            {
                RecordNotUnderstood(raw, Step.ProblemOffer);
                Fail(null);
            }
        }

        /// <summary>"Phản ánh đèn đường": too short to be the description, but the category (and place) may be in it.</summary>
        private void StartFromShortComplaint(string raw)
        {
            if (_state.PausedStep is not null)
            {
                OfferResume();
                return;
            }
            var category = Understanding.SuggestCategory(raw, context.Categories);
            var place = Understanding.ExtractPlace(raw, context.Areas);
            _state = _state with
            {
                Draft = Draft with
                {
                    CategoryCode = category?.Code, Address = place.Address ?? Draft.Address, AreaCode = place.AreaCode ?? Draft.AreaCode,
                    SuggestedTrack = TrackOfWords(raw),
                },
                FailedAttempts = 0,
                EditingFromConfirm = false,
            };
            if (category is not null) Say(CategoryNoted(category.Name));
            GoTo(NextMissing());
        }

        /// <summary>More question than problem ("… cần xin giấy phép gì vậy"), or a short topic without problem words ("thủ tục cấp phép xây dựng").</summary>
        private static bool ReadsAsQuestion(Meaning meaning, string raw)
        {
            var question = meaning.Scores.GetValueOrDefault("question");
            var problem = meaning.Scores.GetValueOrDefault("problem");
            // The complaint words count with the problem ("… lỗi suốt, lên phường thì báo …"): both say something is wrong.
            var wrong = problem + meaning.Scores.GetValueOrDefault("complaint");
            return question >= 2 && question > wrong || problem < 2 && raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;
        }

        /// <summary>The track the citizen's whole words name ("Tôi tố cáo…"), before any preamble is stripped; null for a plain complaint.</summary>
        private string? TrackOfWords(string raw)
        {
            raw = Tracks.TicketTracks.WithoutDeniedTracks(raw);
            var track = Tracks.TicketTracks.Recognise(raw, context.Tracks);
            // A plain name the rule's keywords lack ("khiếu lại") still names its track.
            if (track == Tracks.TicketTracks.Pakn)
                track = context.Tracks.Select(t => t.Code).FirstOrDefault(c => c != Tracks.TicketTracks.Pakn && Tracks.KeywordMatcher.Any(raw, PlainNames(c))) ?? track;
            var denounces = context.Understanding.DenouncesWrongdoing(raw) && context.Tracks.Any(t => t.Code == Tracks.TicketTracks.ToCao);
            if (track != Tracks.TicketTracks.Pakn)
            {
                // Named plainly ("khiếu nại", "tố cáo"), or two of its words: one word such as "đền bù" is often a plain complaint.
                var rule = context.Tracks.First(t => t.Code == track);
                if (Tracks.KeywordMatcher.Any(raw, PlainNames(track))) return track;
                // "tiền bồi thường giải phóng mặt bằng … cán bộ địa chính … lấy phần chênh cho nhà ông ấy": the compensation's
                // words are the setting of the wrongdoing told — wrongdoing in office comes first, as below, unless the model
                // is sure it is the decision contested.
                var wrongdoingInASetting = track == Tracks.TicketTracks.KhieuNai && denounces && context.Understanding.TrackOpinion(raw) != Tracks.TicketTracks.KhieuNai;
                if (Tracks.KeywordMatcher.Count(raw, rule.Keywords) >= 2 && !wrongdoingInASetting) return track;
            }
            var contests = context.Understanding.ContestsDecision(raw) && context.Tracks.Any(t => t.Code == Tracks.TicketTracks.KhieuNai);
            // Both rules met ("tôi không đồng ý với quyết định …, cán bộ tính sai …"): the model, when sure, tells which
            // the citizen brings; else wrongdoing in office comes first.
            if (denounces && contests && context.Understanding.TrackOpinion(raw) == Tracks.TicketTracks.KhieuNai) return Tracks.TicketTracks.KhieuNai;
            // Wrongdoing in office described without the word ("kế toán xã khai khống…", "chủ tịch xã lợi dụng chức vụ…").
            if (denounces) return Tracks.TicketTracks.ToCao;
            // Contesting a decision about oneself is a khiếu nại, said or not.
            if (contests) return Tracks.TicketTracks.KhieuNai;
            // Last, a trained model's reading, when it is sure (ModelOpinion): a dispute told in words no rule has.
            return context.Understanding.TrackOpinion(raw) is { } opinion && context.Tracks.Any(t => t.Code == opinion) ? opinion : null;
        }

        /// <summary>
        /// The words that name a track plainly: "tố giác" is a tố cáo as much as "tố cáo" is, and "khiếu lại" is how much
        /// of the north says "khiếu nại" (n and l merge in speech).
        /// </summary>
        private static string[] PlainNames(string track) => track switch
        {
            Tracks.TicketTracks.ToCao => [Tracks.TrackTexts.TrackName(track), "tố giác"],
            Tracks.TicketTracks.KhieuNai => [Tracks.TrackTexts.TrackName(track), "khiếu lại"],
            _ => [Tracks.TrackTexts.TrackName(track)],
        };

        // ---- questions ----

        private void AnswerQuestion(string raw)
        {
            // "Tin nhắn tự xưng công an bảo cài app qua link, có phải thật không": the warning is the answer they came for.
            var scamCheck = ScamChecks.AsksIfGenuine(raw);
            if (scamCheck) Say(ScamWarning(context.Emergency.Police));
            if (AnswerFromArticles(raw) is { } found) Say(found);
            else if (!scamCheck) Say(QuestionAnswer);
            if (_state.PausedStep is not null)
            {
                // A draft waits at the menu; offering to file the question would replace it.
                MainMenu();
                return;
            }
            var question = raw.Trim();
            _state = WithoutDraft(_state) with
            {
                Step = Step.QuestionOffer,
                Draft = new Draft { Description = question.Length <= Limits.MaxDescriptionLength ? question : question[..Limits.MaxDescriptionLength] },
            };
            Prompt();
        }

        private bool IsQuestionOfferAnswer(string raw, string n) =>
            n == TextNormalizer.Normalize(FileQuestion) || n == TextNormalizer.Normalize(NoThanks)
            || Understanding.Is(Answer.Yes, raw) || Understanding.Is(Answer.No, raw);

        private void OnQuestionOffer(string raw, string n)
        {
            if (n == TextNormalizer.Normalize(NoThanks) || Understanding.Is(Answer.No, raw))
            {
                _state = WithoutDraft(_state);
                Say(ThanksReply);
                MainMenu();
                return;
            }
            // Filing the question: it is the description when long enough, and may name the category.
            var question = Draft.Description ?? "";
            var category = Understanding.SuggestCategory(question, context.Categories);
            _state = _state with
            {
                Step = Step.Menu,
                Draft = new Draft { Description = question.Length >= Limits.MinDescriptionLength ? question : null, CategoryCode = category?.Code },
            };
            if (category is not null) Say(CategoryNoted(category.Name));
            GoTo(NextMissing());
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

        private void OnResumeChoice(string raw, string n)
        {
            if (Understanding.Is(Answer.Resume, raw))
            {
                var step = _state.PausedStep ?? Step.Category;
                _state = _state with { PausedStep = null };
                GoTo(step);
            }
            else if (Understanding.Is(Answer.Afresh, raw) || Intents.MenuChoice(n) == 1)
            {
                _state = WithoutDraft(_state);
                StartIntake();
            }
            else
            {
                RecordNotUnderstood(raw, Step.ResumeOffer);
                Fail(ResumeQuestion, [Button.Say(Resume), Button.Say(StartAfresh), Button.Say(Cancel)]);
            }
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

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(quen|(khong|ko|k|chang) nho|gi do|gi day|gi ay|thi phai|hinh nhu|may so cuoi|so cuoi|khong ro|ko ro)\b")]
        private static partial System.Text.RegularExpressions.Regex HalfRemembered();

        [System.Text.RegularExpressions.GeneratedRegex(@"^(khong|ko|k|hong|chang|cha) phai\b")]
        private static partial System.Text.RegularExpressions.Regex NotThisOne();
    }
}
