using ZaloBot.Domain.Contacts;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Tracks;
using ZaloBot.Domain.Understanding;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>
    /// Meaning before data: at every step a message is first read for cancel, back, a correction, an edit of a named
    /// part, "later / I don't know" and a new problem, in natural phrasing; only what is none of these becomes the
    /// step's answer. And danger first: words of immediate danger get the emergency numbers before anything else.
    /// </summary>
    private sealed partial class Turn
    {
        private static readonly Step[] MeaningSteps =
            [Step.Category, Step.Description, Step.Place, Step.Area, Step.Attachments, Step.Contact, Step.Confirm, Step.EditChoice, Step.ProblemOffer];

        private bool TryMeaningFirst(string raw)
        {
            var step = _state.Step;
            if (!MeaningSteps.Contains(step)) return false;
            if (DangerInFlow(raw, step)) return true;
            // An insult with nothing wrong named is never a step's answer (a description, an address, a name) — but
            // "dm hỏi lắm thế, thôi khỏi gửi" gives up, and is let go as asked.
            if (Understanding.IsAbuse(raw) && Understanding.ReadInFlow(raw).Intent != FlowIntent.Cancel)
            {
                Say(AbuseInFlow);
                Prompt();
                return true;
            }
            if (step == Step.Place && AnswersAnotherStepAtThePlace(raw)) return true;
            // "cái chỗ nhà tôi ở ấy, ghi sai rồi" at the edit list: the part told in the citizen's own words is the choice.
            if (step == Step.EditChoice && PartInOwnWords(TextNormalizer.Normalize(raw)) is var described and not DraftPart.None)
            {
                EditPart(described);
                return true;
            }
            if (step is Step.Confirm or Step.EditChoice && TwoCorrections(raw)) return true;
            // At the summary, the name typed again ("tên tôi là Nguyễn Văn Ân, có dấu mũ") is the name corrected.
            if (step is Step.Confirm or Step.EditChoice && Understanding.NameRestated(raw) is { } name && name != Draft.ContactName
                && Correct(new FlowReading(FlowIntent.Correction, DraftPart.Name, null, name)))
                return true;
            // "số cuối là 9 chứ không phải 8": the phone corrected by the digits that differ.
            // "để tên vợ tôi là Nguyễn Thị Hoa sđt 0915888222 nhé": with another person named, the person comes too.
            if (step is Step.Confirm or Step.EditChoice && Draft.ContactPhone is { } held && PhoneCorrection.Read(raw, held) is { } phone
                && Correct(Understanding.NameWithin(raw) is { } person && Understanding.CanBeContactName(person) && person != Draft.ContactName
                    ? new FlowReading(FlowIntent.Correction, DraftPart.Contact, null, $"{person} {VietnamesePhone.Display(phone)}")
                    : new FlowReading(FlowIntent.Correction, DraftPart.Phone, null, VietnamesePhone.Display(phone))))
                return true;
            if (WardCorrected(raw, step) is { } ward && Correct(new FlowReading(FlowIntent.Correction, DraftPart.Area, null, ward.Name)))
                return true;
            // …and at the summary when said alone as a correction ("số nhà 21 chứ", "0987111222 mới đúng"), not in a sentence
            // about another part ("mô tả sai rồi, đèn hỏng ở ngõ 7 chứ ko phải ngõ 5").
            if ((step == Step.EditChoice || step == Step.Confirm && raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6
                    && CorrectionCue.IsMatch(" " + TextNormalizer.Normalize(raw) + " "))
                && NewValueAlone(raw) is { } value && Correct(value))
                return true;
            // "Mô tả ạ, đèn nó nhấp nháy chứ không hỏng hẳn": the part named, then what it becomes.
            if (step is Step.Confirm or Step.EditChoice && Understanding.PartThenValue(raw) is { } partThenValue && Correct(partThenValue))
                return true;
            // "chuyển sang mục cán bộ giúp", "đổi sang thủ tục hành chính": the field moved at the summary — never a yes.
            if (step is Step.Confirm or Step.EditChoice && FieldMoved(raw, out var movedTo))
            {
                if (movedTo is { } field)
                {
                    _state = _state with { Draft = Draft with { CategoryCode = field.Code } };
                    Say(ConversationTexts.Corrected("lĩnh vực", field.Name));
                    GoTo(Step.Confirm);
                }
                else EditPart(DraftPart.Category);
                return true;
            }
            // "… chứ không phải hạ tầng thường đâu, chọn mục khác giúp tôi": at the offer, another field asked for whatever else
            // is said ("mục khác" is not the field named "Khác"); at the summary such words may come with the field meant.
            if (step is Step.ProblemOffer or Step.Confirm or Step.EditChoice && DeniesTheField(raw)
                || step == Step.ProblemOffer && Understanding.Names(Answer.AnotherField, raw))
            {
                EditPart(DraftPart.Category);
                return true;
            }
            var reading = Understanding.ReadInFlow(raw);
            // A reading of the rules that leads nowhere at this step ("không có ảnh đâu, điện thoại cục gạch không chụp
            // được" read as a correction of the photos) leaves the message to the second opinion, as one they cannot read.
            if (reading.Intent != FlowIntent.None && ActOn(reading, step, raw)) return true;
            // …and at the description, right after the field was chosen, a field denied with no other one read
            // ("nhầm rồi, không phải hạ tầng đâu cháu, là cán bộ phường thái độ cơ") opens the fields.
            if (step == Step.Description && Draft.Description is null && DeniesTheField(raw))
            {
                EditPart(DraftPart.Category);
                return true;
            }
            // "sửa là đèn đường trước nhà và cả đèn đầu ngõ đều hỏng" at the summary or the list: the problem told again
            // after a rewriting lead, in words mostly the description's — the description restated.
            // (Not where a part is named or words are quoted: "Phần mô tả bỏ câu "tối đi lại …" đi" says what to do with them.)
            if (step is Step.Confirm or Step.EditChoice && reading.Intent == FlowIntent.None && Understanding.PartNamed(raw) == DraftPart.None
                && raw.IndexOfAny(['"', '“', '”', '\'']) < 0 && RestatingLead().IsMatch(raw.Trim()) && Restated(Draft.Description, raw) is { } restated
                && (RewritesTheWhole(raw) ? restated : DescriptionClause.Replace(Draft.Description!, restated) ?? restated) is var retold
                && retold.Length <= Limits.MaxDescriptionLength)
            {
                _state = _state with { Draft = Draft with { Description = retold } };
                Say(ConversationTexts.Corrected("nội dung", retold));
                GoTo(Step.Confirm);
                return true;
            }
            // "người liên hệ là con trai bác, Nguyễn Văn Hùng, số vẫn thế" at the summary: another person named as the contact.
            if (step is Step.Confirm or Step.EditChoice && reading.Intent == FlowIntent.None && Understanding.PartNamed(raw) is DraftPart.Contact or DraftPart.Name
                && AnotherContact(raw) is { } another)
            {
                _state = _state with { Draft = Draft with { ContactName = another } };
                Say(ConversationTexts.Corrected("họ tên", another));
                GoTo(Step.Confirm);
                return true;
            }
            if (!SaysTheStepsOwnWords(step, raw) && Understanding.FlowOpinion(step, raw) is var opinion && !YesWithoutAYesWord(opinion, step, raw)
                && ActOn(opinion, step, raw)) return true;
            // "để tối nay e hỏi lại bố e r mới gửi nhé": the summary put off in words the later-phrases do not cover.
            // (Later decides whether it is put off at all.)
            if (step == Step.Confirm && reading.Intent == FlowIntent.None && !Understanding.Is(Answer.Submit, raw) && !Understanding.Is(Answer.Yes, raw)
                && Later(step, raw)) return true;
            // "… không nghe máy được, cứ gọi cho con trai bác là Hùng số 0976…", "tên tôi là Lê Văn Tùng còn số thì không
            // cho": a number or a name given at the contact step is the contact.
            if (step is Step.Place or Step.Area or Step.Attachments or Step.Contact or Step.Confirm && Understanding.IsAnotherProblem(raw)
                && !(step == Step.Contact && ContactParser.Split(raw) is { Phone: not null } or { Name: not null }))
            {
                KeepForLater(raw);
                return true;
            }
            return false;
        }

        /// <summary>Another matter told mid-flow: kept, not stored in this draft, and offered on its own once this complaint is filed or cancelled.</summary>
        private void KeepForLater(string raw)
        {
            var another = raw.Trim();
            _state = _state with { PendingProblem = another.Length <= Limits.MaxDescriptionLength ? another : another[..Limits.MaxDescriptionLength] };
            Say(AnotherProblemLater);
            Prompt();
        }

        // "thôi bỏ qua đi", "thôi khỏi ảnh đi" at the photos: the photos are skipped, not the complaint ("ảnh" typed
        // without marks reads as "anh", the form of address the cancel words allow).
        // "tối quá chụp ko rõ, thôi khỏi": the photo that cannot be taken is why — the photos are given up, not the matter.
        private static bool SkipsThePhotos(string raw) =>
            $" {TextNormalizer.Normalize(raw)} " is var n && (n.Contains(" bo qua ", StringComparison.Ordinal) || n.Contains(" khoi anh ", StringComparison.Ordinal)
                                                             || n.Contains(" khoi chup ", StringComparison.Ordinal) || n.Contains(" khoi hinh ", StringComparison.Ordinal)
                                                             || NoPhotoToTake().IsMatch(n) && !DropsTheMatter().IsMatch(n));

        [System.Text.RegularExpressions.GeneratedRegex(@"\bchup (\w+ ){0,2}(khong|ko|k|chang|cha|hong) (ro|duoc|dc|net|noi|thay)\b|\b(khong|ko|k|chang|hong) (co|chup duoc|chup dc) (anh|hinh)\b")]
        private static partial System.Text.RegularExpressions.Regex NoPhotoToTake();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(gui nua|huy|lam nua|phan anh nua|bao nua|khong gui|ko gui|k gui)\b")]
        private static partial System.Text.RegularExpressions.Regex DropsTheMatter();

        /// <summary>Acts on what a message typed at <paramref name="step"/> means; false when it leads nowhere here.</summary>
        private bool ActOn(FlowReading reading, Step step, string raw)
        {
            switch (reading.Intent)
            {
                case FlowIntent.Cancel when step == Step.Attachments && SkipsThePhotos(raw):
                    if (Later(step, raw)) return true;
                    break;
                case FlowIntent.Cancel:
                    OnGlobal(GlobalCommand.Cancel);
                    return true;
                // "thôi e vào ca rồi, để sau" at the list of fields: leaving off the whole matter, not putting off the choice
                // of a field (a bare "để sau" there files it under "Khác").
                case FlowIntent.Later when step == Step.Category && LeavesOff().IsMatch(TextNormalizer.Normalize(raw)):
                    OnGlobal(GlobalCommand.Cancel);
                    return true;
                // "thoi hok sua nua bo luon" at the list of parts: not mending it any more — dropping it altogether.
                case FlowIntent.Back when step is Step.EditChoice or Step.Confirm && DropsItAltogether().IsMatch(TextNormalizer.Normalize(raw)):
                    OnGlobal(GlobalCommand.Cancel);
                    return true;
                case FlowIntent.Back:
                    OnGlobal(GlobalCommand.Back);
                    return true;
                // "đúng rồi gửi đi em, mà em ghi thêm giúp chị là cái đèn đấy hỏng từ hôm rằm": sent as asked, with the words
                // added — only an addition; a change of what was there is shown in the summary first.
                // At the offer ("đúng rồi gửi đi, à ghi thêm là nước tràn vào cả sân nhà tôi nữa") it is accepted, with the
                // words added.
                case FlowIntent.Correction when step is Step.Confirm or Step.ProblemOffer && reading is { Adds: true, To: { } added }
                                                && Understanding.OpensWithASend(raw) && Corrected(reading, added) is ({ } draft, var said):
                    _state = _state with { Draft = draft };
                    Say(said);
                    if (step == Step.ProblemOffer) GoTo(NextMissing());
                    else if (!OfferToFollow()) SubmitTicket();
                    return true;
                // "sửa lại địa chỉ giúp mình, không phải số 12": only what is wrong is said — the part is opened to be
                // typed again, and the denial is never its value.
                case FlowIntent.Correction when step is Step.Confirm or Step.EditChoice && reading is { Part: not DraftPart.None, To: { } denied }
                                                && OnlyDenied().IsMatch(TextNormalizer.Normalize(denied)):
                    EditPart(reading.Part);
                    return true;
                // "khoan, tên sai rồi, Nguyễn Văn Ân chứ ko phải An" at the contact step: no name was kept yet, so the name
                // given is the answer.
                case FlowIntent.Correction or FlowIntent.Edit when step == Step.Contact && reading.Part == DraftPart.Name
                                                                  && (Understanding.LeadingFullName(raw) ?? Understanding.NameWithin(raw)) is { } named && !NamesAPlace(raw, named):
                    // "Nguyễn Văn Ân, số điện thoại …; tên tôi là Ân có dấu sắc chứ không phải An": the full name given first is the name.
                    // "dạ tôi tên là Nguyễn Văn An sđt 0912345678, gọi giờ hành chính": the number given with it is kept too.
                    OnContactText(ContactParser.Split(raw).Phone is { } number && VietnamesePhone.TryNormalizeCallable(number, out _) ? $"{named} {number}" : named);
                    return true;
                // "à nhầm, không phải thủ tục hành chính, là hạ tầng nhé" before anything is described: the field named is
                // the field, whichever was chosen.
                // Only a field's own name, said alone: a problem told ("cống … bị tắc") is the description.
                // At the field list too: "e chọn nhầm thủ tục hành chính, sửa lại thành Hạ tầng giúp e vs" is Hạ tầng.
                case FlowIntent.Correction when (step == Step.Category || step == Step.Description && Draft.Description is null) && reading.To is { } fieldSaid
                                                && FieldTail().Replace(FieldLead().Replace(TextNormalizer.Normalize(ClosingWords().Replace(fieldSaid, "")), ""), "") is var fieldName
                                                && fieldName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && !NamesWards(reading)
                                                && OptionMatcher.Match(fieldName, context.Categories, c => c.Name, _ => []) is { } field:
                    if (step == Step.Category)
                    {
                        OnCategory(field.Name, TextNormalizer.Normalize(field.Name));
                        return true;
                    }
                    _state = _state with { Draft = Draft with { CategoryCode = field.Code } };
                    Say(ConversationTexts.Corrected("lĩnh vực", field.Name));
                    Prompt();
                    return true;
                // "lĩnh vực nhầm rồi, phải là Thủ tục hành chính, tôi định báo việc xin giấy phép xây dựng bị chậm": the field
                // named in the first clause, and the problem told after the pause is the description.
                case FlowIntent.Correction when step == Step.Description && Draft.Description is null && reading is { Part: DraftPart.Category, To: { } moved }
                                                && moved.IndexOfAny([',', '.', ';']) is > 0 and var pause && moved[(pause + 1)..].Trim() is var told
                                                && told.Length >= Limits.MinDescriptionLength && told.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5
                                                && OptionMatcher.Match(FieldTail().Replace(FieldLead().Replace(TextNormalizer.Normalize(moved[..pause]), ""), ""),
                                                    context.Categories, c => c.Name, _ => []) is { } namedFirst:
                    _state = _state with { Draft = Draft with { CategoryCode = namedFirst.Code } };
                    Say(ConversationTexts.Corrected("lĩnh vực", namedFirst.Name));
                    OnDescription(told);
                    return true;
                // "khoan đã, không phải cả tuần đâu, Đèn đường … gần 1 tháng nay rồi" before anything is described: what it
                // should be, a clause of its own, is the description — without the words taking the slip back.
                // "sửa lại hộ e: đèn … gần 2 tuần r chứ k phải 1 tuần": from what it should be to the end, as told.
                case FlowIntent.Correction when step == Step.Description && Draft.Description is null && reading.To is { } told
                                                && StandsAfterAPause(raw, told) && raw[raw.LastIndexOf(told, StringComparison.Ordinal)..].Trim() is var toldToTheEnd
                                                && toldToTheEnd.Length >= Limits.MinDescriptionLength
                                                && toldToTheEnd.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5
                                                && CategoryCorrected(reading) is null && !NamesWards(reading):
                    OnDescription(toldToTheEnd);
                    return true;
                // "a nham ko phai 1 tuan dau 2 tuan roi" before anything is described, naming no problem: a slip about
                // words not kept here — never the description; the whole matter is asked for.
                // (Short and opening with the denial, "ko phai ca tuan dau may thang nay roi" names a length of time, not a problem.)
                case FlowIntent.Correction when step == Step.Description && Draft.Description is null && reading.To is null
                                                && (Understanding.Understand(raw).Scores.GetValueOrDefault("problem") == 0
                                                    || OpensWithADenial().IsMatch(TextNormalizer.Normalize(raw)) && raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10):
                    Say(NothingDescribedYet);
                    Prompt();
                    return true;
                // "An 0912345678, mà địa chỉ là ngõ 12 chứ ko phải số 12", "ngõ 5 Lý Thái Tổ bác ạ, với cả bác sửa lại giúp
                // là hỏng hai cột …": the step's answer and a correction of another part, each in its own clauses — both
                // are taken.
                // "quên chưa nói là ngay cạnh cổng chợ Giầu" at the place step: the place forgotten is the place asked for.
                case FlowIntent.Correction when step == Step.Place && Draft.Address is null && reading is { Adds: true, Part: DraftPart.Place, To: { } forgotten }:
                    OnPlaceText(forgotten, TextNormalizer.Normalize(forgotten));
                    return true;
                case FlowIntent.Correction when step is Step.Contact or Step.Place && AnswerAndCorrection(raw, step):
                    return true;
                // A description may say "không phải … mà là …" about the matter itself.
                // …but not of a ward: "nhầm, phường Võ Cường chứ không phải Kinh Bắc" corrects the ward at any step.
                // …nor of the field just chosen: "không phải hạ tầng mà là xe đưa đón công nhân".
                // …and at the contact step a number given with the correction is the contact itself ("à nhầm, số cuối là 9
                // chứ ko phải 8, 0912345679").
                case FlowIntent.Correction when (step != Step.Description || NamesWards(reading) || CategoryCorrected(reading) is not null)
                                                && !(step == Step.Contact && ContactParser.Split(raw).Phone is not null):
                    if (Correct(reading)) return true;
                    break;
                case FlowIntent.Edit when step == Step.Confirm && Understanding.SaysItIsRightAndSends(raw):
                    if (!OfferToFollow()) SubmitTicket();
                    return true;
                // "sdt sai r, 0912345687 nha" at the contact step: the number given is the contact asked for.
                case FlowIntent.Edit or FlowIntent.Correction when step == Step.Contact && reading.Part == DraftPart.Phone
                                                                  && ContactParser.Split(raw).Phone is { } given && VietnamesePhone.TryNormalizeCallable(given, out var callable):
                    OnContactText(VietnamesePhone.Display(callable));
                    return true;
                // A longer message at the description step may be the problem itself, unless it names none.
                case FlowIntent.Edit when step != Step.Description || raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6
                                          || Understanding.Understand(raw).Scores.GetValueOrDefault("problem") == 0:
                    EditPart(reading.Part);
                    return true;
                // "thôi khỏi ảnh" skips the photos at their step; elsewhere it is no answer to the step, which is asked again.
                case FlowIntent.Later when reading.Part is DraftPart.None || step == Step.Attachments || PartAsked(step) == reading.Part:
                    if (Later(step, raw)) return true;
                    break;
                case FlowIntent.Later:
                    Prompt();
                    return true;
                case FlowIntent.Agrees when step == Step.Attachments:
                    Advance(Step.Contact);
                    return true;
                case FlowIntent.Agrees when step == Step.Confirm:
                    if (!OfferToFollow()) SubmitTicket();
                    return true;
                // A name or a number given at the contact step is the contact, whatever else is said with it.
                case FlowIntent.AnotherMatter when !(step == Step.Contact && ContactParser.Split(raw) is { Phone: not null } or { Name: not null }):
                    KeepForLater(raw);
                    return true;
            }
            return false;
        }

        /// <summary>
        /// The message split at a comma or a full stop into the step's answer (a contact with its number, or a place) and
        /// a correction of another part: the correction applied and said, then the answer taken. False when no split
        /// reads so.
        /// </summary>
        private bool AnswerAndCorrection(string raw, Step step)
        {
            bool Answers(string clause) => step == Step.Contact
                ? ContactParser.Split(clause).Phone is not null
                : Understanding.ExtractPlace(clause, context.Areas).Address is not null && Understanding.ReadInFlow(clause).Intent == FlowIntent.None;
            DraftPart[] asked = step == Step.Contact ? [DraftPart.Name, DraftPart.Phone, DraftPart.Contact] : [DraftPart.Place, DraftPart.Area];
            // "Nguyễn Văn An, 0912345678. Với lại cho tôi sửa địa chỉ …": a full stop separates too, though not inside a number.
            var clauses = ClauseBreak().Split(raw).Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
            for (var k = 1; k < clauses.Length; k++)
            {
                var (head, tail) = (string.Join(", ", clauses[..k]), string.Join(", ", clauses[k..]));
                foreach (var (answer, correction) in new[] { (head, tail), (tail, head) })
                {
                    if (!Answers(answer) || step == Step.Contact && ContactParser.Split(correction).Phone is not null) continue;
                    var reading = Understanding.ReadInFlow(correction);
                    if (reading is not { Intent: FlowIntent.Correction, To: { } to } || asked.Contains(reading.Part)) continue;
                    if (Corrected(reading, to) is not ({ } draft, var said)) continue;
                    _state = _state with { Draft = draft };
                    Say(said);
                    if (step == Step.Contact) OnContactText(answer);
                    else OnPlaceText(answer, TextNormalizer.Normalize(answer));
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// "nhà e số 21 chứ k phải 12, sđt cũng đổi thành 0987654321 nha" at the summary: two parts corrected, each in its
        /// own clauses — both applied and said, and the summary shown again. False unless the message splits into two
        /// corrections of different parts that both apply.
        /// </summary>
        private bool TwoCorrections(string raw)
        {
            var clauses = ClauseBreak().Split(raw).Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
            for (var k = 1; k < clauses.Length; k++)
            {
                var (head, tail) = (string.Join(", ", clauses[..k]), string.Join(", ", clauses[k..]));
                // "…, rồi gửi đi ạ": a send after the correction is no second one.
                if (SaysSend().IsMatch(TextNormalizer.Normalize(head)) || SaysSend().IsMatch(TextNormalizer.Normalize(tail))) continue;
                var first = Understanding.ReadInFlow(head);
                var second = Understanding.ReadInFlow(tail);
                // Each names its part, or the words it replaces ("nhà e số 21 chứ k phải 12").
                static bool Placed(FlowReading r) => r.Part != DraftPart.None || r.From is not null;
                if (first is not { Intent: FlowIntent.Correction, Adds: false, To: { } firstTo } || !Placed(first)
                    || second is not { Intent: FlowIntent.Correction, Adds: false, To: { } secondTo } || !Placed(second)
                    || first.Part == second.Part) continue;
                var before = _state;
                if (Corrected(first, firstTo) is not ({ } once, var saidFirst)) continue;
                _state = _state with { Draft = once };
                if (Corrected(second, secondTo) is not ({ } twice, var saidSecond) || twice == once)
                {
                    _state = before;
                    continue;
                }
                _state = _state with { Draft = twice };
                Say(saidFirst);
                Say(saidSecond);
                if (_state.Step == Step.EditChoice) GoTo(Step.Confirm);
                else Prompt();
                return true;
            }
            return false;
        }

        /// <summary>
        /// At the place question, "sđt em là 0987654321 nhé" is the contact given early — kept for its step, never the
        /// address — and "gửi vị trí kiểu gì vậy" asks how to send a location, which is told; the place is asked again.
        /// </summary>
        private bool AnswersAnotherStepAtThePlace(string raw)
        {
            var (written, typed) = ContactParser.Split(raw);
            if (typed is not null && VietnamesePhone.TryNormalizeCallable(typed, out var phone)
                && Understanding.ExtractPlace(written ?? "", context.Areas).Address is null)
            {
                // Only a capitalised name is taken for one here: "sđt em là … nhé" leaves "nhé".
                var name = written is null ? null : Understanding.PersonName(written);
                var named = name is { Length: > 0 } && char.IsUpper(name[0]) && Understanding.CanBeContactName(name);
                _state = _state with { Draft = Draft with { ContactPhone = phone, ContactName = named ? name : Draft.ContactName } };
                Say(ContactKeptForLater(VietnamesePhone.Display(phone)));
                Prompt();
                return true;
            }
            if (typed is null && AsksHowToSendALocation().IsMatch(TextNormalizer.Normalize(raw)))
            {
                Say(HowToSendALocation);
                return true;
            }
            return false;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(vi tri|dinh vi|ban do|map|location|ghim)\b.*\b(the nao|nhu nao|kieu gi|sao|o dau|duoc khong|dc khong|duoc ko|dc ko|lam sao|cach nao)\b")]
        private static partial System.Text.RegularExpressions.Regex AsksHowToSendALocation();

        // The classifier's "answer" at the summary files the complaint: only when a word of agreement is in it ("đúng hết
        // rồi, gửi giúp bác nhé"), never for a request it has only seen the like of ("mô tả thêm là …").
        // …nor a yes with something held back or added ("đúng rồi, à mà thêm là gần trường tiểu học"): sending it would
        // lose what was added.
        private bool YesWithoutAYesWord(FlowReading opinion, Step step, string raw) =>
            opinion.Intent == FlowIntent.Agrees && step == Step.Confirm
            && (!Understanding.Names(Answer.Yes, raw) && !Understanding.Names(Answer.Submit, raw) || Understanding.AddsOrChangesSomething(raw));

        // "ừ", "vâng", "không có ảnh": the step's own words are its answer; a classifier, which knows them only from
        // examples, is not asked to read them otherwise ("ừ" at the summary was once read as "edit").
        private bool SaysTheStepsOwnWords(Step step, string raw) => step switch
        {
            Step.Confirm => Understanding.Is(Answer.Submit, raw) || Understanding.Is(Answer.Edit, raw),
            Step.ProblemOffer => Understanding.Is(Answer.Yes, raw) || Understanding.Is(Answer.Submit, raw) || Understanding.Is(Answer.No, raw),
            Step.Attachments => Understanding.Is(Answer.Done, raw) || Understanding.Is(Answer.Skip, raw),
            // "Tên thì vẫn Nguyễn Văn An nhé, nhưng số là 0392 661 458 của con gái chị": a number staff can call is the
            // contact asked for, whatever the model makes of the words around it.
            Step.Contact => Draft.ContactPhone is null && ContactParser.Split(raw).Phone is { } typed && VietnamesePhone.TryNormalizeCallable(typed, out _),
            _ => false,
        };

        // "sai số nhà rồi, là số 21 đường Lý Thái Tổ": capitalised words after a place word are a street, not a person.
        private bool NamesAPlace(string raw, string name)
        {
            var at = raw.IndexOf(name, StringComparison.Ordinal);
            if (at <= 0) return false;
            var start = raw[..at].TrimEnd().LastIndexOfAny([' ', ',', ':', '.']) + 1;
            return Understanding.OpensWithPlaceWord(raw[start..]);
        }

        /// <summary>The part of the draft a step asks for ("không nhớ số nhà, để sau" at the place step is about that step).</summary>
        private static DraftPart PartAsked(Step step) => step switch
        {
            Step.Category => DraftPart.Category,
            Step.Description => DraftPart.Description,
            Step.Place => DraftPart.Place,
            Step.Area => DraftPart.Area,
            Step.Attachments => DraftPart.Attachments,
            Step.Contact => DraftPart.Contact,
            _ => DraftPart.None,
        };

        /// <summary>"Sửa địa chỉ", "đổi lĩnh vực", "cho gửi thêm ảnh": straight to that part; from the summary, back to it after.</summary>
        private void EditPart(DraftPart part)
        {
            var step = part switch
            {
                DraftPart.Category => Step.Category,
                DraftPart.Description => Step.Description,
                DraftPart.Place => Step.Place,
                DraftPart.Area => context.Areas.Count > 0 ? Step.Area : Step.Place,
                DraftPart.Attachments => Step.Attachments,
                DraftPart.Contact or DraftPart.Name or DraftPart.Phone => Step.Contact,
                _ => Step.EditChoice,
            };
            var fromSummary = _state.Step is Step.Confirm or Step.EditChoice || _state.EditingFromConfirm;
            _state = _state with { Step = step, EditingFromConfirm = fromSummary && step != Step.EditChoice, FailedAttempts = 0 };
            Prompt();
        }

        /// <summary>
        /// "ko nhớ số nhà, đầu ngõ 5 Lý Thái Tổ": a first clause that does not know or puts off, then a clause holding a
        /// place — that clause (the last such) is the place given.
        /// </summary>
        private string? PlaceAfterWhatIsNotKnown(string raw)
        {
            var clauses = raw.Split([',', '.', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (clauses.Length < 2 || Understanding.ExtractPlace(clauses[0], context.Areas).Address is not null
                || Understanding.ReadInFlow(clauses[0]).Intent != FlowIntent.Later) return null;
            // "…, cứ ghi đầu ngõ 5 là được": the place as it may be written, without the words asking so — whatever it
            // names ("cứ ghi gần nhà văn hóa thôn là được": the citizen says that is how to find it).
            return clauses.Skip(1).Select(c => WriteItAs().Match(c) is { Success: true } m
                    ? (Place: m.Groups["place"].Value.Trim(), Asked: m.Groups["as"].Success || m.Groups["ok"].Success || TextNormalizer.Normalize(m.Groups["verb"].Value) != "de") : (Place: c, Asked: false))
                .LastOrDefault(c => c.Asked && c.Place.Length >= 5 || Understanding.ExtractPlace(c.Place, context.Areas).Address is not null
                                    || c.Place.Length >= 5 && Understanding.OpensWithPlaceWord(c.Place)).Place;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)(?<as>cứ |cu )?(?<verb>ghi|viết|viet|để|de)( là| la)? (?<place>.+?)(?<ok> là được| la duoc| là dc| la dc| cũng được| cung duoc)?( nhé| nhe| nha| ạ| a)?$")]
        private static partial System.Text.RegularExpressions.Regex WriteItAs();

        /// <summary>"Không biết", "để sau", "tí gửi": what that means at each step. False: it means nothing here.</summary>
        private bool Later(Step step, string raw)
        {
            switch (step)
            {
                case Step.Category when context.Categories.FirstOrDefault(c => AreaNames.WithoutPrefix(c.Name) == "khac") is { } other:
                    _state = _state with { Draft = Draft with { CategoryCode = other.Code } };
                    Say(CategoryNoted(other.Name));
                    if (Draft.Description is not null && !_state.EditingFromConfirm) GoTo(NextMissing());
                    else Advance(Step.Description);
                    return true;
                // The description cannot be skipped: the draft waits for it, and nothing is stored as the problem.
                case Step.Description:
                    Say(DescriptionLater);
                    return true;
                // "ko nhớ số nhà, đầu ngõ 5 Lý Thái Tổ": the number is not known, but a place is given — that is the place.
                case Step.Place when PlaceAfterWhatIsNotKnown(raw) is { } given:
                    OnPlaceText(given, TextNormalizer.Normalize(given));
                    return true;
                case Step.Place:
                    Say(PlaceLater);
                    Advance(context.Areas.Count > 0 && Draft.AreaCode is null ? Step.Area : Step.Attachments);
                    return true;
                case Step.Area:
                    Advance(Step.Attachments);
                    return true;
                // "không biết sửa cái nào nữa, cứ để vậy": nothing to change after all — the summary again.
                case Step.EditChoice when Understanding.PartNamed(raw) == DraftPart.None:
                    GoTo(Step.Confirm);
                    return true;
                case Step.Attachments:
                    // The buttons ("Bỏ qua", "Xong") need no comment; "để tí gửi sau" is told where the photos go.
                    if (Draft.Attachments.Count == 0 && !Understanding.Is(Answer.Skip, raw) && !Understanding.Is(Answer.Done, raw)) Say(PhotosLater);
                    Advance(Step.Contact);
                    return true;
                // "em ko muốn để tên, chỉ để sđt 0912000111 thôi": the number given is kept (and the name asked for).
                // "để tí nữa bác xem lại rồi gửi sau" at the summary: nothing is sent, and the summary waits as it is.
                // ("chưa có ảnh, cho bác gửi thêm cái ảnh" names a part: that is an edit, read elsewhere.)
                // (A bare "không biết" puts nothing off: the summary is shown again.)
                case Step.Confirm when Understanding.PartNamed(raw) == DraftPart.None && PutsOff().IsMatch(TextNormalizer.Normalize(raw)):
                    SayButtons(ConfirmLater, [Button.Say(Submit), Button.Say(Edit), Button.Say(Cancel)]);
                    return true;
                case Step.Contact when ContactParser.Split(raw).Phone is not null:
                    OnContactText(raw);
                    return true;
                case Step.Contact:
                    _state = _state with { FailedAttempts = _state.FailedAttempts + 1 };
                    Say(ContactNeeded);
                    return true;
                // "để mai đi bận quá", "để tối chụp ảnh rồi gửi sau": not now, but meant — the problem waits in the menu and
                // is offered again when the citizen comes back; nothing is filed.
                // "mai tôi gửi ảnh sau nhé, giờ gửi trước đi": only the photos wait — the problem goes on now.
                case Step.ProblemOffer when SendsNow().IsMatch(TextNormalizer.Normalize(raw)):
                    GoTo(NextMissing());
                    return true;
                case Step.ProblemOffer when !Understanding.Is(Answer.Skip, raw) && !Understanding.Is(Answer.No, raw) && !LetGo().IsMatch(TextNormalizer.Normalize(raw)):
                    _state = _state with { PausedStep = Step.ProblemOffer, Step = Step.Menu, FailedAttempts = 0 };
                    Say(ProblemKeptForLater);
                    return true;
                case Step.ProblemOffer:
                    // "thôi bỏ qua": not this — nothing is filed.
                    _state = WithoutDraft(_state);
                    Say(NotFiled);
                    MainMenu();
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// "số mới là 0987654321", "nhà ở ngõ 5 đường Lý Thái Tổ mới đúng": at the list of parts, a new phone number or
        /// a new numbered address given alone says which part it corrects.
        /// </summary>
        private FlowReading? NewValueAlone(string raw)
        {
            // A capitalised word beside the number is a name given with it: the contact step's business, not this.
            var (words, typed) = ContactParser.Split(raw);
            if (typed is not null && VietnamesePhone.TryNormalizeCallable(typed, out var phone) && phone != Draft.ContactPhone
                && (words is null || !words.Split(' ').Any(w => w.Length > 0 && char.IsUpper(w[0]))))
                return new FlowReading(FlowIntent.Correction, DraftPart.Phone, null, VietnamesePhone.Display(phone));
            if (typed is null && Understanding.ExtractPlace(raw, []).Address is { } address && address.Any(char.IsDigit) && address != Draft.Address)
                return new FlowReading(FlowIntent.Correction, DraftPart.Place, null, address);
            return null;
        }

        /// <summary>
        /// "Nhầm, không phải X mà là Y", "sai địa chỉ rồi, phải là số 21": applied to the draft and said back; at the
        /// summary, the summary is shown again with it. False when it cannot be placed.
        /// </summary>
        private bool Correct(FlowReading reading)
        {
            var to = reading.To!;
            var (draft, part) = Corrected(reading, to);
            if (draft is null)
            {
                // Nothing to correct yet at this step: what it should be is the answer.
                switch (_state.Step)
                {
                    // "sai r, den hong 2 cot": no part named, and what it should be tells the problem, not a place — a
                    // detail of the description, never the address.
                    case Step.Place when reading.Part == DraftPart.None && Draft.Description is { } held
                                         && Understanding.Understand(to).Scores.GetValueOrDefault("problem") > 0
                                         && !Understanding.OpensWithPlaceWord(to) && Understanding.ExtractPlace(to, context.Areas).Address is null
                                         && WithDetail(held, to) is { } detailed && detailed.Length <= Limits.MaxDescriptionLength:
                        _state = _state with { Draft = Draft with { Description = detailed } };
                        Say(ConversationTexts.Corrected("nội dung", detailed));
                        Prompt();
                        return true;
                    case Step.Place when reading.Part is DraftPart.None or DraftPart.Place or DraftPart.Area:
                        OnPlaceText(to, TextNormalizer.Normalize(to));
                        return true;
                    // "quay lại, tôi muốn mô tả thêm là …" at the place step: another part named is opened, never the address.
                    case Step.Place:
                        EditPart(reading.Part);
                        return true;
                    case Step.Contact when ContactParser.Split(to).Phone is not null:
                        OnContactText(to);
                        return true;
                    // A correction is never the contact's name: the part it names is opened, else the bot says where
                    // corrections are made and asks for the contact again.
                    case Step.Contact when reading.Part is not (DraftPart.None or DraftPart.Name or DraftPart.Phone or DraftPart.Contact):
                        EditPart(reading.Part);
                        return true;
                    case Step.Contact:
                        Say(CorrectAtTheSummary);
                        Prompt();
                        return true;
                    // The part is named but what it becomes cannot be told: that part is opened to be typed again.
                    case Step.Confirm or Step.EditChoice when reading.Part != DraftPart.None:
                        EditPart(reading.Part);
                        return true;
                    case Step.Confirm or Step.EditChoice:
                        _state = _state with { Step = Step.EditChoice, FailedAttempts = 0 };
                        SayButtons(CannotTellWhatToCorrect, EditFields().Select(f => Button.Say(f.Title)).ToList());
                        return true;
                    default:
                        return false;
                }
            }
            var wardChosen = _state.Step == Step.Area && draft.AreaCode is not null && draft.AreaCode != Draft.AreaCode;
            _state = _state with { Draft = draft };
            Say(part);
            if (_state.Step == Step.EditChoice) GoTo(Step.Confirm);
            // "à nhầm, nhà tôi thuộc phường Võ Cường chứ ko phải Kinh Bắc" at the ward list: the ward is chosen, as a tap would.
            else if (wardChosen) Advance(Step.Attachments);
            else Prompt();
            return true;
        }

        private (Draft? Draft, string Said) Corrected(FlowReading reading, string to)
        {
            // "không phải số mười hai đâu, số hai mươi mốt": a house number said in words is the number.
            if (reading.Part is DraftPart.Place or DraftPart.None)
            {
                to = SpokenNumber.InDigits(to);
                if (reading.From is { } wrong) reading = reading with { From = SpokenNumber.InDigits(wrong) };
            }
            // "số nhà 21 chứ", "Võ Cường mới đúng nhé": the words closing a correction are not the value.
            if (ClosingWords().Replace(to, "") is { Length: > 0 } bare) to = bare;
            // "mô tả lại tí, đèn hư 2 cái": nor the part's name said first.
            if (reading.Part == DraftPart.Description && DescriptionNamed().Replace(to.Trim(), "") is { Length: > 0 } named) to = named;
            // "sửa giúp e là đèn hỏng hơn 1 tháng rồi": nor are the words that introduce it.
            if (RestatingLead().Replace(to.Trim(), "") is { Length: > 0 } introduced) to = introduced;
            // "thêm địa chỉ cụ thể: cạnh quán phở Hùng": the words join the address.
            if (reading is { Adds: true, Part: DraftPart.Place } && Draft.Address is { } at)
            {
                var placed = $"{at.TrimEnd().TrimEnd('.', ',')}, {to}";
                return (Draft with { Address = placed }, ConversationTexts.Corrected("địa điểm", placed));
            }
            // "thêm vào mô tả là từ hôm qua": the words join the description.
            if (reading.Adds && Draft.Description is { } before)
            {
                var added = WithDetail(before, to);
                if (added.Length <= Limits.MaxDescriptionLength) return (Draft with { Description = added }, ConversationTexts.Corrected("nội dung", added));
            }
            if (CategoryCorrected(reading) is { } category)
                return (Draft with { CategoryCode = category.Code }, ConversationTexts.Corrected("lĩnh vực", category.Name));
            var phone = ContactParser.Split(to).Phone is { } p && VietnamesePhone.TryNormalizeCallable(p, out var normalized) ? normalized : null;
            if (phone is not null && reading.Part is DraftPart.Phone or DraftPart.Contact or DraftPart.None)
            {
                // "để tên vợ tôi là Nguyễn Thị Hoa sđt 0915888222 nhé": another person with the number — both are the contact.
                if (Understanding.NameWithin(to) is { } person && Understanding.CanBeContactName(person) && person != Draft.ContactName)
                    return (Draft with { ContactName = person, ContactPhone = phone }, ConversationTexts.Corrected("người liên hệ", $"{person}, {VietnamesePhone.Display(phone)}"));
                return (Draft with { ContactPhone = phone }, ConversationTexts.Corrected("số điện thoại", VietnamesePhone.Display(phone)));
            }

            // "à k phải cả tuần đâu, đèn đường trước nhà bị hỏng gần 1 tháng rồi": what it should be restates the
            // description (most of its words are the description's), so it is the whole description — swapping it in for
            // "cả tuần" would say the lamp twice.
            // …but where it restates one clause only, the other clauses stay ("…, tối đi lại rất nguy hiểm").
            if (reading.Part is DraftPart.None or DraftPart.Description && !reading.Quoted && Restated(Draft.Description, to) is { } restated)
            {
                var description = DescriptionClause.Replace(Draft.Description!, restated) ?? restated;
                return (Draft with { Description = description }, ConversationTexts.Corrected("nội dung", description));
            }

            if (reading.From is { } from)
            {
                string?[] order = reading.Part switch
                {
                    DraftPart.Place or DraftPart.Area => [nameof(Draft.Address)],
                    DraftPart.Description => [nameof(Draft.Description)],
                    DraftPart.Name or DraftPart.Contact => [nameof(Draft.ContactName)],
                    _ => [nameof(Draft.Description), nameof(Draft.Address), nameof(Draft.ContactName)],
                };
                foreach (var field in order)
                {
                    switch (field)
                    {
                        case nameof(Draft.Description) when Understanding.Replace(Draft.Description, from, to) is { } d:
                            return (Draft with { Description = d }, ConversationTexts.Corrected("nội dung", d));
                        case nameof(Draft.Address) when Understanding.Replace(Draft.Address, from, to) is { } a:
                            var placed = NamesTheStreetAfter(Draft.Address!, from, to) ? to : a;
                            return (Draft with { Address = placed }, ConversationTexts.Corrected("địa điểm", placed));
                        case nameof(Draft.ContactName) when Understanding.Replace(Draft.ContactName, from, to) is { } n:
                            // "Nguyễn Văn Ân chứ không phải An": the whole name given is the name, not a word swapped into it.
                            var name = Understanding.LeadingFullName(to) ?? n;
                            return (Draft with { ContactName = name }, ConversationTexts.Corrected("họ tên", name));
                    }
                }
            }

            // "không phải đèn trước nhà mà là đèn đường cả dãy phố đều tắt": the wrong words are the description's, so
            // what it should be is the description, though not word for word.
            if (reading is { Part: DraftPart.None, From: { } said } && to.Length >= Limits.MinDescriptionLength && !Understanding.OpensWithPlaceWord(to)
                && WordsOf(Draft.Description) is { Count: > 0 } described && WordsOf(said) is { Count: >= 2 } wrongWords
                && wrongWords.All(described.Contains) && !wrongWords.All(WordsOf(Draft.Address).Contains))
                return (Draft with { Description = to }, ConversationTexts.Corrected("nội dung", to));

            // "đèn hỏng từ mười hôm nay rồi chứ không phải một tuần": not a place, and about one clause of the description
            // (typed at the place step it had become the address).
            // A clause may be shorter than a description ("den hong 2 tuan"): the rest of the description stays.
            if (reading is { Part: DraftPart.None or DraftPart.Description, From: not null } && to.Length >= MinClauseLength
                && !Understanding.OpensWithPlaceWord(to) && Understanding.ExtractPlace(to, []).Address is null
                && Draft.Description is { } held && DescriptionClause.Replace(held, to) is { } rewritten)
                return (Draft with { Description = rewritten }, ConversationTexts.Corrected("nội dung", rewritten));

            // "mô tả sửa giúp tôi là hỏng hơn mười ngày chứ không phải một tuần": the words said wrong ("tuần") stand in the
            // description with their measure ("cả tuần nay"), and only that becomes what it should be.
            if (reading is { Part: DraftPart.None or DraftPart.Description, From: { } wrongly } && !Understanding.OpensWithPlaceWord(to)
                && Understanding.ExtractPlace(to, []).Address is null && Draft.Description is { } measured
                && DescriptionClause.ReplaceSpan(measured, wrongly, to) is { } spanned && spanned.Length <= Limits.MaxDescriptionLength)
                return (Draft with { Description = spanned }, ConversationTexts.Corrected("nội dung", spanned));

            // "mô tả thêm giúp là hỏng 3 cột liền chứ ko phải 1 cột": the description named, a detail it never held denied —
            // the detail is what it lacked, so it joins the description.
            // …and with no part named, when what it should be tells the problem ("hỏng hai cột liền nhau chứ không phải một cột").
            if ((reading is { Part: DraftPart.Description, From: not null } && to.Length < Limits.MinDescriptionLength
                 || reading is { Part: DraftPart.None, From: not null } && _state.Step != Step.ProblemOffer
                    && Understanding.ExtractPlace(to, []).Address is null && !Understanding.OpensWithPlaceWord(to)
                    && Understanding.Understand(to).Scores.GetValueOrDefault("problem") >= 1)
                && to.Length >= MinClauseLength
                && Draft.Description is { } lacking && WithDetail(lacking, WithItsDenial(reading, to)) is { } detailed && detailed.Length <= Limits.MaxDescriptionLength)
                return (Draft with { Description = detailed }, ConversationTexts.Corrected("nội dung", detailed));

            // "nhà số 21 chứ không phải ngõ 5": words of a place are about the address, named or not.
            // …and "tên thì vẫn thế nhưng sai số nhà rồi, là số 21 đường Lý Thái Tổ": a name mentioned, a place given.
            var part = reading.Part == DraftPart.Name && Understanding.OpensWithPlaceWord(to) ? DraftPart.Place
                : reading.Part != DraftPart.None ? reading.Part
                : NamesWards(reading) ? DraftPart.Area
                : Understanding.OpensWithPlaceWord(to) || reading.From is { } f && Understanding.OpensWithPlaceWord(f) ? DraftPart.Place
                : DraftPart.None;
            switch (part)
            {
                case DraftPart.Name when Understanding.PersonName(to) is { } name && Understanding.CanBeName(name):
                    return (Draft with { ContactName = name }, ConversationTexts.Corrected("họ tên", name));
                // "à nhầm, các anh liên hệ bác Phạm Văn Bình nhé, nhà đó là nhà bác ấy": another person is the contact.
                case DraftPart.Contact or DraftPart.Name when AnotherContact(to) is { } person:
                    return (Draft with { ContactName = person }, ConversationTexts.Corrected("họ tên", person));
                // "sai lĩnh vực, phải là thủ tục hành chính": the field named or described.
                // "… chọn cái khác" asks for the list again: "khác" there is another one, not the field "Khác".
                case DraftPart.Category when !AnotherOne().IsMatch(TextNormalizer.Normalize(to))
                        && (OptionMatcher.Match(TextNormalizer.Normalize(to), context.Categories, c => c.Name, c => c.Keywords)
                        ?? Understanding.SuggestCategory(to, context.Categories)) is { } field:
                    return (Draft with { CategoryCode = field.Code }, ConversationTexts.Corrected("lĩnh vực", field.Name));
                // "nhầm phường rồi, phải là phường Vũ Ninh": the ward, not the address.
                // "… nhà tôi ở Từ Sơn": the ward named anywhere in what it should be.
                case DraftPart.Area when (MatchArea(Understanding.ContentWords(to))
                        ?? context.Areas.FirstOrDefault(a => a.Code == Understanding.ExtractPlace(to, context.Areas).AreaCode)) is { } ward:
                    return (Draft with { AreaCode = ward.Code }, ConversationTexts.Corrected("phường/xã", ward.Name));
                // A ward said wrong with no ward named ("sửa phường ạ, tôi chọn nhầm") opens the ward list; it never
                // rewrites the address.
                case DraftPart.Place when Draft.Address is not null:
                    var address = to.Any(char.IsLetter) && !Understander.IsHouseNumberAlone(to) ? Understanding.ReplaceFromMarker(Draft.Address, to) : Understanding.ReplaceNumber(Draft.Address, to) ?? to;
                    return (Draft with { Address = address }, ConversationTexts.Corrected("địa điểm", address));
                case DraftPart.Description when to.Length >= Limits.MinDescriptionLength:
                    return (Draft with { Description = to }, ConversationTexts.Corrected("nội dung", to));
                case DraftPart.None when Understander.IsHouseNumberAlone(to) && Understanding.ReplaceNumber(Draft.Address, to) is { } numbered:
                    return (Draft with { Address = numbered }, ConversationTexts.Corrected("địa điểm", numbered));
                default:
                    return (null, "");
            }
        }

        private const int MinClauseLength = 10;

        /// <summary>A person named in full, other than the contact held, with no number given: the contact becomes them.</summary>
        private string? AnotherContact(string said) =>
            ContactParser.Split(said).Phone is null && Understanding.NameWithin(said) is { } person && person.Split(' ').Length >= 2
            && Understanding.CanBeContactName(person) && person != Draft.ContactName ? person : null;

        /// <summary>
        /// "số 21 Lý Thái Tổ chứ không phải số 12" against "số 12 đường Lý Thái Tổ": what it should be names the street
        /// the address goes on to name after the wrong words — it is the address, not a number swapped in before the
        /// street said twice.
        /// </summary>
        private static bool NamesTheStreetAfter(string address, string from, string to)
        {
            var at = address.IndexOf(from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var street = TextNormalizer.Normalize(address[(at + from.Length)..].Split(',')[0])
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("duong" or "pho" or "ngo")).ToArray();
            var said = TextNormalizer.Normalize(to).Split(' ');
            return street.Length >= 2 && street.All(said.Contains);
        }

        /// <summary>
        /// "đèn hư 2 cái chứ không phải 1": a detail joining the description keeps its denial, in the citizen's words —
        /// what was said wrong tells staff what the detail changes.
        /// </summary>
        private static string WithItsDenial(FlowReading reading, string to)
        {
            if (reading is not { Said: { } said, From: { } from }) return to;
            var at = said.IndexOf(to, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return to;
            var after = said[(at + to.Length)..];
            var denied = after.IndexOf(from, StringComparison.OrdinalIgnoreCase);
            return denied >= 0 && Denial().IsMatch(TextNormalizer.Normalize(after[..denied])) ? said.Substring(at, to.Length + denied + from.Length).Trim() : to;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(chu )?(khong|ko|k|kh|hong) phai( la)?\W*$")]
        private static partial System.Text.RegularExpressions.Regex Denial();

        // "mô tả lại tí, …", "phần mô tả thêm: …": the part named before what it becomes.
        [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)((phần|phan|cái|cai) )?(mô tả|mo ta|nội dung|noi dung)( lại| lai| thêm| them)?( (tí|ti|tý|ty|chút|chut|xíu|xiu))?( (nhé|nhe|nha|ạ))?\s*[,:.]\s*")]
        private static partial System.Text.RegularExpressions.Regex DescriptionNamed();

        private static string WithDetail(string description, string detail) =>
            $"{description.TrimEnd().TrimEnd('.')}. {char.ToUpperInvariant(detail[0])}{detail[1..]}";

        // "e muốn chọn thủ tục hành chính": the words before the field's name.
        [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:e|em|toi|minh|tui|bac|chau|con) )?(?:muon |xin )?(?:chon (?:lai )?|la )?(?:linh vuc |muc |phan )?")]
        private static partial System.Text.RegularExpressions.Regex FieldLead();

        // "… Hạ tầng giúp e vs": the words asking for it, after the field's name.
        [System.Text.RegularExpressions.GeneratedRegex(@"(?: (?:giup|gium|ho|nhe|nha|a|di|voi|vs|toi|em|e|minh|ad|cai|nay|luon))+$")]
        private static partial System.Text.RegularExpressions.Regex FieldTail();

        // "… chọn cái khác" asks for the list again (see Corrected).
        [System.Text.RegularExpressions.GeneratedRegex(@"^(chon |chon lai |doi )?(cai|loai|muc|linh vuc|the loai|nhom) khac( di| nhe| a| giup| voi)?$")]
        private static partial System.Text.RegularExpressions.Regex AnotherOne();

        /// <summary>
        /// The wrong words name the field the draft has ("không phải hạ tầng") and the right ones another: that field.
        /// </summary>
        private CategoryOption? CategoryCorrected(FlowReading reading)
        {
            if (reading is not { From: { } from, To: { } to } || Draft.CategoryCode is not { } current) return null;
            if (OptionMatcher.Match(TextNormalizer.Normalize(from), context.Categories, c => c.Name, c => c.Keywords)?.Code != current) return null;
            var field = OptionMatcher.Match(TextNormalizer.Normalize(to), context.Categories, c => c.Name, c => c.Keywords)
                        ?? Understanding.SuggestCategory(to, context.Categories);
            return field is not null && field.Code != current ? field : null;
        }

        /// <summary>Both sides of a correction are configured wards ("phường Võ Cường chứ không phải Kinh Bắc"), or what it becomes is one.</summary>
        private bool NamesWards(FlowReading reading) =>
            reading.To is { } to && MatchArea(Understanding.ContentWords(to)) is not null
            && (reading.From is null ? reading.Part is DraftPart.Area or DraftPart.None : MatchArea(Understanding.ContentWords(reading.From)) is not null);

        // "… ngã xe ở đó": after "ở", "tại", "chỗ" the "đó" is a place, not a particle.
        [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(\s*[,.!]?\s*(?<!\b(ở|tại|chỗ|đến|tới|trong|ngoài|bên)\s)\b(chứ|chu|nhé|nhe|nha|ạ|đấy|đó|mới đúng|moi dung|cơ)\b)+\s*[.!?]*\s*$")]
        private static partial System.Text.RegularExpressions.Regex ClosingWords();

        private static readonly System.Text.RegularExpressions.Regex CorrectionCue = new(
            @"\b(khong phai|ko phai|k phai|nham|sai|chua dung|khong dung|ko dung|sao lai|(sua|doi) (lai )?(phuong|xa|thanh|sang)|chu khong|chu ko|moi dung|phai la|chuyen sang|cat sang|nhap sang|thuoc ve)\b|\bchu( a| nhe| nha)? $",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// "đúng rồi nhưng mà phường Vũ Ninh, không phải Kinh Bắc, đoạn đó mới cắt sang": once the ward is chosen, another
        /// ward named with a word of correcting — the only one named besides the draft's — is the ward corrected.
        /// </summary>
        private AreaOption? WardCorrected(string raw, Step step)
        {
            if (Draft.AreaCode is null || step is not (Step.Attachments or Step.Contact or Step.Confirm or Step.EditChoice)) return null;
            var n = " " + TextNormalizer.Normalize(raw) + " ";
            if (!CorrectionCue.IsMatch(n)) return null;
            // "… lúc nãy bấm nhầm sang Quế Võ": the ward pressed by mistake is not the one meant.
            var named = context.Areas.Where(a => a.Code != Draft.AreaCode && n.Contains(" " + AreaNames.WithoutPrefix(a.Name) + " ", StringComparison.Ordinal)
                                                 && !PressedByMistake(n, AreaNames.WithoutPrefix(a.Name))).ToList();
            return named.Count == 1 ? named[0] : null;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:a|a nham|nham|khoan|o) )*(?:khong|ko|k|chu) phai\b")]
        private static partial System.Text.RegularExpressions.Regex OpensWithADenial();

        [System.Text.RegularExpressions.GeneratedRegex(@"\bgui\b")]
        private static partial System.Text.RegularExpressions.Regex SaysSend();

        [System.Text.RegularExpressions.GeneratedRegex(@"[,;]|\.(?!\d)")]
        private static partial System.Text.RegularExpressions.Regex ClauseBreak();

        private static bool PressedByMistake(string normalized, string ward) =>
            System.Text.RegularExpressions.Regex.IsMatch(normalized, $@"\b(nham|lon) (sang|qua|vao|thanh|o) (phuong |xa )?{System.Text.RegularExpressions.Regex.Escape(ward)}\b");

        /// <summary>The words <paramref name="part"/> end the message and a comma or a full stop stands before them.</summary>
        private static bool StandsAfterAPause(string raw, string part)
        {
            var at = raw.LastIndexOf(part, StringComparison.Ordinal);
            // "bà nói nhầm không phải một tuần đâu đèn hỏng mười ngày rồi": "đâu" (or "mô") closing the denial is the pause.
            return at > 0 && raw[..at].TrimEnd() is { Length: > 0 } before
                   && (before[^1] is ',' or '.' or ';' or '!' or ':' || DenialClosed().IsMatch(before));
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(bo luon|huy luon|bo het di|khoi gui (luon|nua)|(khong|ko|k|hok|hong) gui nua)( (nhe|nha|a|di|roi))*$")]
        private static partial System.Text.RegularExpressions.Regex DropsItAltogether();

        [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(không|khong|ko|k|hổng|chẳng|chả) phải\b.*\s(đâu|dau|mô)$")]
        private static partial System.Text.RegularExpressions.Regex DenialClosed();

        /// <summary>
        /// "ừ đúng, có điều không phải hạ tầng, chuyện này do ông tổ trưởng": the draft's field denied by its name ("mặt
        /// đường" is a place, though "đường" is one of its keywords), and no other field named — so the list of fields.
        /// </summary>
        private bool DeniesTheField(string raw)
        {
            if (Draft.CategoryCode is not { } current) return false;
            var n = TextNormalizer.Normalize(raw);
            var denial = FieldDenied().Match(n);
            if (!denial.Success) return false;
            var after = n[(denial.Index + denial.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var denied = Enumerable.Range(1, Math.Min(4, after.Length)).Any(k =>
                OptionMatcher.Match(string.Join(' ', after.Take(k)), context.Categories, c => c.Name, _ => [])?.Code == current);
            return denied && context.Categories.All(c => c.Code == current || !n.Contains(TextNormalizer.Normalize(c.Name), StringComparison.Ordinal));
        }

        /// <summary>
        /// "chuyển sang mục cán bộ", "cho vào mục khác", "đổi qua lĩnh vực thủ tục": the citizen moves the complaint to
        /// another field; <paramref name="field"/> is null when the words after the move pick no single one (the list is shown).
        /// </summary>
        private bool FieldMoved(string raw, out CategoryOption? field)
        {
            field = null;
            var moved = FieldMove().Match(TextNormalizer.Normalize(raw));
            // "à khoan, lĩnh vực để Hỗ trợ doanh nghiệp nhé, vì …": the field named first, then what it should be — only
            // where that is a field.
            if (!moved.Success && FieldSetTo().Match(TextNormalizer.Normalize(raw)) is { Success: true } set)
            {
                // A field's name is a few words; "chọn hổng đúng, cho tui đổi lại …" says it is wrong, not what it becomes.
                var named = MoveTail().Replace(set.Groups["to"].Value, "").Trim();
                if (named.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 5 } or { Length: 0 }
                    || FieldDenied().IsMatch(named) || named.Split(' ').Any(w => w is "khong" or "ko" or "hong" or "chua" or "sai" or "nham")) return false;
                field = OptionMatcher.Match(named, context.Categories, c => c.Name, c => c.Keywords);
                return field is not null;
            }
            if (!moved.Success) return false;
            var words = MoveTail().Replace(moved.Groups["to"].Value, "").Trim();
            field = words is "khac" or "" ? null : OptionMatcher.Match(words, context.Categories, c => c.Name, c => c.Keywords);
            return true;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:a|thoi|ad|ban|em|e|anh|chi|chau|giup|cho toi|cho em|cho minh) )*(?:doi|chuyen|cho|de|xep|sua|chon|bo)(?: lai)? (?:sang|vao|qua|thanh|ve) (?:muc|linh vuc|phan|loai|nhom)(?: la)?\b(?<to>.*)$")]
        private static partial System.Text.RegularExpressions.Regex FieldMove();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(giup|gium|ho|nhe|nha|a|di|voi|vs|toi|em|minh|cho|nhe ad|ad)\b")]
        private static partial System.Text.RegularExpressions.Regex MoveTail();

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:a|ah|o|u|khoan|khoan da|thoi|oi) )*(?:linh vuc|muc)(?: thi)? (?:de|la|chon|thanh|sang|doi sang|doi thanh|chuyen sang|sua thanh)(?: lai)? (?<to>.+?)(?: (?:nhe|nha|di|giup|vi|boi vi|tai vi|do|chu)\b.*)?$")]
        private static partial System.Text.RegularExpressions.Regex FieldSetTo();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b(khong|ko|k|chu dau|dau|chang) phai (la )?(linh vuc |muc |loai )?")]
        private static partial System.Text.RegularExpressions.Regex FieldDenied();

        /// <summary>
        /// The description said again with a change: five words or more, at least half of them (and three) the
        /// description's — or any, after "viết lại:".
        /// </summary>
        private string? Restated(string? description, string to)
        {
            if (description is null) return null;
            var lead = RestatingLead().Match(to.Trim());
            var text = to.Trim()[lead.Length..];
            var words = TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var described = WordsOf(description);
            var shared = words.Count(described.Contains);
            if (words.Length < 5 || !RewritesTheWhole(to) && (shared < 3 || shared * 2 < words.Length) || text.Length < Limits.MinDescriptionLength) return null;
            return char.ToUpperInvariant(text[0]) + text[1..];
        }

        // "viết lại: …": a rewriting verb and a colon say the whole of it is new, whatever words it shares; so does a lead
        // that names the description ("cái mô tả đó cháu sửa lại giùm bác là …").
        private static bool RewritesTheWhole(string raw) =>
            RestatingLead().Match(raw.Trim()) is { Success: true } lead && (lead.Value.TrimEnd().EndsWith(':') || lead.Groups["part"].Success);

        // "ghi lại là …", "sửa thành …", "sửa giúp e là …": the words that introduce what it should be.
        // "với cả bác sửa lại giúp là …": the words joining it to what came before go too.
        [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)((với cả|voi ca|với lại|voi lai|còn|con|mà|ma|à|a) )?(?<part>(cái |cai |phần |phan )?(mô tả|mo ta)( (đó|do|này|nay|ấy|ay|nãy))? )?((ý|y) (bác|bac|cháu|chau|em|e|tôi|toi|mình|minh) (là|la) )?((bác|bac|cháu|chau|em|e|tôi|toi|mình|minh) )?((xin|phải|phai|cần|can) )?((?<verb>" + Understander.RewritingVerbLead + @")|là|la)\s+")]
        private static partial System.Text.RegularExpressions.Regex RestatingLead();

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?i)((à|a|ờ|o|dạ|da) )?((bác|bac|cháu|chau|em|e|tôi|toi|mình|minh|tui) )?(xin )?(nói|noi|kể|ke|ghi|viết|viet|sửa|sua) lại( (chút|chut|tí|ti|xíu|xiu))?( (nhé|nhe|nha|ạ|a))?\s*[,:.]\s*")]
        private static partial System.Text.RegularExpressions.Regex SayingItAgain();

        private static HashSet<string> WordsOf(string? text) =>
            text is null ? [] : TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        /// <summary>The problem named mid-flow, offered for filing now that the complaint before it is done.</summary>
        private void OfferPendingProblem()
        {
            if (_state.PendingProblem is not { } pending) return;
            _state = _state with { PendingProblem = null };
            Say(PendingProblemNow);
            OfferProblem(pending, pending);
        }

        // ---- danger first ----

        /// <summary>
        /// Danger named in the middle of a complaint: the numbers first, the draft made urgent (fewest steps from here).
        /// At the steps that take the problem's words the message is still their answer; elsewhere the step is asked again.
        /// At the summary and the edit list the draft is whole, so danger told there that corrects nothing is another
        /// matter ("gửi thì gửi nhưng đang có mùi gas nồng nặc ở hành lang"): the numbers, then it waits its turn.
        /// </summary>
        private bool DangerInFlow(string raw, Step step)
        {
            if (Draft.Urgent || step == Step.ProblemOffer) return false;
            var kind = Understanding.Danger(raw);
            if (kind == DangerKind.None) return false;
            _greetFirst = false;
            Say(DangerTexts.EmergencyLine(kind, context.Emergency));
            if (step is Step.Confirm or Step.EditChoice && Understanding.ReadInFlow(raw).Intent == FlowIntent.None)
            {
                KeepForLater(raw);
                return true;
            }
            _state = _state with { Draft = Draft with { Urgent = true } };
            if (step is Step.Category or Step.Description) return false;
            // A correction, a cancel or an edit is still done after the numbers ("không phải đèn đường mà là cột điện nghiêng").
            if (Understanding.ReadInFlow(raw).Intent != FlowIntent.None) return false;
            Prompt();
            return true;
        }

        /// <summary>
        /// Immediate danger: the numbers to call are the very first line; then the complaint is recorded as urgent with
        /// the fewest steps (no confirmation tap before it starts, no photo step, no ward list, no publication question).
        /// </summary>
        private bool TryDanger(string raw)
        {
            var kind = Understanding.Danger(raw);
            if (kind != DangerKind.None && Understanding.DangerDoubted(raw)) kind = DangerKind.None;
            if (kind == DangerKind.None) kind = Understanding.DangerOpinion(raw);
            if (kind == DangerKind.None) return false;
            _greetFirst = false;
            Say(DangerTexts.EmergencyLine(kind, context.Emergency));
            var text = raw.Trim();
            if (text.Length > Limits.MaxDescriptionLength) text = text[..Limits.MaxDescriptionLength];
            var category = Understanding.SuggestCategory(text, context.Categories)
                ?? context.Categories.FirstOrDefault(c => AreaNames.WithoutPrefix(c.Name) == "khac") ?? (context.Categories.Count > 0 ? context.Categories[0] : null);
            var place = Understanding.ExtractPlace(text, context.Areas);
            _state = WithoutDraft(_state) with
            {
                Draft = new Draft
                {
                    Description = text, CategoryCode = category?.Code, Address = place.Address, AreaCode = place.AreaCode,
                    Urgent = true, Track = TicketTracks.Pakn,
                },
            };
            Say(DangerTexts.RecordedUrgent(text));
            GoTo(NextMissing());
            return true;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^(chu )?(khong|ko|k|kh|hong|dau) phai (la )?(?!.*\b(ma|chu|phai la|moi dung|moi phai)\b)")]
        private static partial System.Text.RegularExpressions.Regex OnlyDenied();

        [System.Text.RegularExpressions.GeneratedRegex(@"^(?!.*\bgui (di|luon|ngay|giup|gium|dum|ho)\b).*\b(xem lai (da|sau|roi moi|r moi|ky|ki)|ti nua|ty nua|lat nua|chut nua|xiu nua|gui sau|de sau|sau da|de mai|mai gui|hoi lai|moi gui|hom khac|khi khac|suy nghi them|nghi them)\b")]
        private static partial System.Text.RegularExpressions.Regex PutsOff();

        [System.Text.RegularExpressions.GeneratedRegex(@"^(thoi|thui)\b.*\b(de sau|de khi khac|khi khac|hom khac|luc khac|gui sau)\b")]
        private static partial System.Text.RegularExpressions.Regex LeavesOff();

        [System.Text.RegularExpressions.GeneratedRegex(@"\bgui (truoc|luon|ngay)\b|\b(gio|bay gio) gui (di|luon)\b")]
        private static partial System.Text.RegularExpressions.Regex SendsNow();

        // "thôi bỏ qua", "khỏi": the offer let go, not put off.
        [System.Text.RegularExpressions.GeneratedRegex(@"\b(bo qua|khoi|thoi)\b")]
        private static partial System.Text.RegularExpressions.Regex LetGo();
    }
}
