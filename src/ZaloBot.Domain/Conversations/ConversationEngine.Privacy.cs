using ZaloBot.Domain.Privacy;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>
    /// Personal data in the conversation: the notice before the first personal question, the optional purposes asked
    /// one by one with two equal buttons (nothing assumed), the citizen's rights as whole messages, and a word about
    /// ID cards. The answers become effects; the service keeps them as append-only records.
    /// </summary>
    private sealed partial class Turn
    {
        private PrivacyContext Privacy => context.Privacy;

        /// <summary>"dữ liệu của tôi", "sửa số điện thoại …", "xóa dữ liệu của tôi", "rút lại đồng ý"; or refusing to give what the case needs.</summary>
        private bool TryPrivacyRequest(string raw)
        {
            if (_state.Step == Step.Contact && PrivacyIntents.RefusesToProvide(raw))
            {
                Say(PrivacyTexts.OtherChannels(Privacy.Notice));
                Prompt();
                return true;
            }
            if (PrivacyIntents.Request(raw) is not { } request) return false;
            // Inside a draft, "sửa số điện thoại" edits the draft's contact (the meaning layer), not the data already held.
            if (request.Kind == RequestKinds.Correct && _state.HasDraftInProgress) return false;
            switch (request.Kind)
            {
                case RequestKinds.Access:
                    _effects.Add(new ShowMyData());
                    break;
                case RequestKinds.Correct when request.PhoneMissing:
                    Say(PrivacyTexts.CorrectionNeedsPhone);
                    break;
                case RequestKinds.Withdraw:
                    _effects.Add(new WithdrawConsents());
                    break;
                case RequestKinds.Delete:
                    _effects.Add(new StartPrivacyRequest(request.Kind, null));
                    Say(PrivacyTexts.DeletionWarning);
                    break;
                default:
                    _effects.Add(new StartPrivacyRequest(request.Kind, request.Phone));
                    break;
            }
            if (_state.Step != Step.Menu) Prompt();
            return true;
        }

        /// <summary>"Đồng ý gọi lại" / "Không gọi lại", "Đồng ý khảo sát" / "Không khảo sát": the buttons, or the same words typed.</summary>
        private bool TryConsentChoice(string n)
        {
            (string Purpose, bool Granted)? choice = n switch
            {
                _ when n == TextNormalizer.Normalize(PrivacyTexts.AgreeCallBack) => (Purposes.CallBack, true),
                _ when n == TextNormalizer.Normalize(PrivacyTexts.RefuseCallBack) => (Purposes.CallBack, false),
                _ when n == TextNormalizer.Normalize(PrivacyTexts.AgreeSurvey) => (Purposes.Survey, true),
                _ when n == TextNormalizer.Normalize(PrivacyTexts.RefuseSurvey) => (Purposes.Survey, false),
                _ => null,
            };
            if (choice is not { } c) return false;
            _effects.Add(new RecordConsent(c.Purpose, c.Granted ? ConsentAnswers.Granted : ConsentAnswers.Refused));
            Say(PrivacyTexts.Answered(c.Purpose, c.Granted));
            if (_state.Step != Step.Menu) Prompt();
            return true;
        }

        /// <summary>
        /// Run after every turn: the notice goes before the first reply of a turn that begins or continues a complaint
        /// (once per version); a shared location is recorded as the citizen's choice; a submitted complaint is followed
        /// by the standing optional questions the citizen has not answered under their current wording.
        /// </summary>
        private void AfterTurn(ConversationInput input)
        {
            if (Privacy.Notice is not { } notice) return;
            if (IdCardMentioned(input)) Say(PrivacyTexts.IdCardNotNeeded);

            var submitted = _effects.OfType<CreateTicket>().FirstOrDefault();
            if (input is LocationInput && (_state.Draft.Latitude is not null || _effects.OfType<AppendToTicket>().Any()))
                _effects.Add(new RecordConsent(Purposes.Location, ConsentAnswers.Granted, submitted?.Code));
            if (submitted is not null)
            {
                foreach (var purpose in Purposes.Standing.Where(Privacy.NeedsAsking))
                    SayButtons(purpose == Purposes.CallBack ? PrivacyTexts.AskCallBack : PrivacyTexts.AskSurvey,
                        purpose == Purposes.CallBack
                            ? [Button.Say(PrivacyTexts.AgreeCallBack), Button.Say(PrivacyTexts.RefuseCallBack)]
                            : [Button.Say(PrivacyTexts.AgreeSurvey), Button.Say(PrivacyTexts.RefuseSurvey)]);
            }

            var asksSomethingPersonal = _state.HasDraftInProgress || submitted is not null;
            if (!asksSomethingPersonal || Privacy.Citizen.NoticeShownVersion == notice.Version) return;
            var first = _effects.FindIndex(e => e is SendText or SendButtons or RequestUserInfo);
            // Danger first: the emergency numbers stay the very first line; the notice follows them.
            if (first >= 0 && _effects[first] is SendText { Text: var text } && text.StartsWith(DangerTexts.Prefix, StringComparison.Ordinal)) first++;
            _effects.Insert(first < 0 ? _effects.Count : first, new SendText(PrivacyTexts.Notice(notice, updated: Privacy.Citizen.NoticeShownVersion is not null)));
            _effects.Add(new RecordNoticeShown(notice.Version));
        }

        private static bool IdCardMentioned(ConversationInput input) => input switch
        {
            TextInput text => PrivacyIntents.MentionsIdCard(text.Text) || IdNumbers.Contains(text.Text),
            ImagesInput images => images.Caption is { } caption && PrivacyIntents.MentionsIdCard(caption),
            _ => false,
        };
    }
}
