using System.Text;
using ZaloBot.Domain.Tickets;
using ZaloBot.Domain.Understanding;
using static ZaloBot.Domain.Conversations.ConversationTexts;

namespace ZaloBot.Domain.Conversations;

public static partial class ConversationEngine
{
    /// <summary>The complaint's steps: category, description, place, ward, attachments, contact, confirmation.</summary>
    private sealed partial class Turn
    {
        // ---- intake steps ----

        private void OnCategory(string raw, string n)
        {
            var category = OptionMatcher.Match(n, context.Categories, c => c.Name, c => c.Keywords)
                ?? OptionMatcher.Match(Understanding.ContentWords(raw), context.Categories, c => c.Name, c => c.Keywords);
            if (category is null)
            {
                // "cái đèn đường ấy", or the whole problem typed here: the same understanding as at the menu.
                if (Draft.Description is null && !_state.EditingFromConfirm
                    && Understanding.Understand(raw).Description is { } description && description.Length >= Limits.MinDescriptionLength)
                {
                    var place = Understanding.ExtractPlace(description, context.Areas);
                    _state = _state with
                    {
                        Draft = Draft with
                        {
                            Description = description.Length <= Limits.MaxDescriptionLength ? description : description[..Limits.MaxDescriptionLength],
                            Address = Draft.HasPlace ? Draft.Address : place.Address, AreaCode = Draft.AreaCode ?? place.AreaCode,
                        },
                    };
                }
                category = Understanding.SuggestCategory(raw, context.Categories);
            }
            // "doanh nghiệp": one of the business-support fields, but which — asked between those only.
            if (category is null && OptionMatcher.Tied(n, context.Categories, c => c.Name, c => c.Keywords) is { Count: > 0 } tied)
            {
                Fail(AskWhichCategory(context.Categories, tied), tied.Select(c => Button.Say(c.Name)).ToList());
                return;
            }
            if (category is null)
            {
                RecordNotUnderstood(raw, Step.Category);
                if (Draft.Description is not null && _state.FailedAttempts == 0) Say(ProblemNoted(Draft.Description));
                Fail(AskCategory(context.Categories), CategoryButtons());
                return;
            }
            _state = _state with { Draft = Draft with { CategoryCode = category.Code } };
            // A draft that began with the citizen's own description goes on to what is still missing.
            if (Draft.Description is not null && !_state.EditingFromConfirm) GoTo(NextMissing());
            else Advance(Step.Description);
        }

        private void OnDescription(string raw)
        {
            var text = raw.Trim();
            // "Tôi xin viết lại: …" after a description the citizen thinks was taken: the lead is no part of it.
            if (RewritesTheWhole(text)) text = text[RestatingLead().Match(text).Length..].Trim();
            // "À bác nói lại, đèn đường …", "à ghi lại chút, …": saying it again, as the lead says; the lead is no part of it.
            else if (SayingItAgain().Match(text) is { Success: true } again && text.Length - again.Length >= Limits.MinDescriptionLength)
                text = text[again.Length..].Trim();
            // "sửa lại giúp e là đèn nhấp nháy …" before anything was described: the citizen rewrites what they think was
            // taken; the verb of rewriting and its "là" are no part of the matter. A bare "là"/"la" lead stays ("la hét …").
            else if (RestatingLead().Match(text) is { Success: true } lead && lead.Groups["verb"].Success
                     && text.Length - lead.Length >= Limits.MinDescriptionLength)
                text = text[lead.Length..].Trim();
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
            var address = (PlaceAfterWhatIsNotKnown(raw) ?? Understanding.SelfCorrectedAddress(raw) ?? raw).Trim();
            if (n.Length < 5)
            {
                Fail(AddressTooShort);
                return;
            }
            // An address that names a configured ward answers the next question too.
            var area = context.Areas.FirstOrDefault(a => n.Contains(AreaNames.WithoutPrefix(a.Name), StringComparison.Ordinal))?.Code
                ?? Understanding.ExtractPlace(raw, context.Areas).AreaCode;
            _state = _state with { Draft = Draft with { Address = address, Latitude = null, Longitude = null, AreaCode = area ?? Draft.AreaCode } };
            Advance(AfterPlace());
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

        private void OnArea(string raw, string n)
        {
            if (Understanding.Is(Answer.Skip, raw))
            {
                Advance(Step.Attachments);
                return;
            }
            var area = WardAfterATakeBack(raw) ?? MatchArea(Understanding.ContentWords(raw)) ?? WardBesidesTheDenied(raw) ?? OptionMatcher.Match(n, context.Areas, a => a.Name, _ => []) ?? WardAfterASlip(raw)
                ?? WardOfTheHome(raw) ?? WardBeforeThePause(raw) ?? MatchArea(Understanding.ContentWords(Hedge().Replace(raw, " ")));
            if (area is null)
            {
                Fail(AskArea(context.Areas), AreaButtons());
                return;
            }
            _state = _state with { Draft = Draft with { AreaCode = area.Code } };
            Advance(Step.Attachments);
        }

        /// <summary>
        /// "Võ Cường cháu ạ, không phải Kinh Bắc đâu", "lúc nãy e chọn nhầm Kinh Bắc, chỗ e trọ là Vũ Ninh cơ": of two wards
        /// named, the one not denied or owned up to as the slip.
        /// </summary>
        private AreaOption? WardBesidesTheDenied(string raw)
        {
            var n = " " + Text.TextNormalizer.Normalize(raw) + " ";
            var named = context.Areas.Select(a => (Area: a, Name: AreaNames.WithoutPrefix(a.Name)))
                .Where(a => n.Contains(" " + a.Name + " ", StringComparison.Ordinal)).ToList();
            var kept = named.Where(a => !System.Text.RegularExpressions.Regex.IsMatch(n,
                @"\b((khong|ko|k|chang|cha) phai (la )?|(chon|bam|ghi|go|an) (nham|lon|sai) (vao |sang |thanh )?)((phuong|p|xa|thi tran) )?" + System.Text.RegularExpressions.Regex.Escape(a.Name) + " ",
                System.Text.RegularExpressions.RegexOptions.CultureInvariant)).ToList();
            return named.Count > kept.Count && kept.Count == 1 ? kept[0].Area : null;
        }

        /// <summary>
        /// "Vũ Ninh à nhầm Từ Sơn, số 4", "lúc nãy bác bấm Kinh Bắc là nhầm, nhà bác ở Võ Cường cơ": of the wards named, the
        /// one alone after the slip is owned up to ("nhầm", "sai", "lộn").
        /// </summary>
        private AreaOption? WardAfterASlip(string raw)
        {
            var n = " " + Text.TextNormalizer.Normalize(raw) + " ";
            var slip = new[] { " nham ", " sai ", " lon " }.Select(w => n.LastIndexOf(w, StringComparison.Ordinal)).Max();
            if (slip < 0) return null;
            var after = n[slip..];
            var named = context.Areas.Where(a => after.Contains(" " + AreaNames.WithoutPrefix(a.Name) + " ", StringComparison.Ordinal)).ToList();
            return named.Count == 1 && !System.Text.RegularExpressions.Regex.IsMatch(after, @"^ (nham|lon) (sang|qua|vao|thanh|o) ") ? named[0] : null;
        }

        /// <summary>"giáp ranh Từ Sơn với Võ Cường mà nhà tui bên Từ Sơn": of the wards named, the one the citizen's home is in.</summary>
        private AreaOption? WardOfTheHome(string raw)
        {
            var home = HomeIn().Match(Text.TextNormalizer.Normalize(raw));
            return home.Success ? MatchArea(home.Groups["ward"].Value) : null;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"\bnha (toi|tui|em|e|minh|chau|bac|ba|con|t) (o |nam )?(ben|o|thuoc|tai) (phuong |xa |p )?(?<ward>\w+( \w+)?)\s*$")]
        private static partial System.Text.RegularExpressions.Regex HomeIn();

        // "1 ạ hình như vậy", "chắc là Võ Cường": the hedge around the choice is no part of it.
        [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(hình như|hinh nhu|chắc là|chac la|có lẽ|co le)( là| la| vậy| vay| thế| the)?\b")]
        private static partial System.Text.RegularExpressions.Regex Hedge();

        /// <summary>"kinh bac nha, nha e o ngay gan den do": the ward alone before the first pause, chatter after it.</summary>
        private AreaOption? WardBeforeThePause(string raw)
        {
            var pause = raw.IndexOfAny([',', '.', ';']);
            return pause > 0 ? MatchArea(Understanding.ContentWords(raw[..pause])) : null;
        }

        /// <summary>
        /// "vu ninh, à ko, 2 đó": a ward, the words taking it back, then the one meant — by name or by number — after a
        /// pause.
        /// </summary>
        private AreaOption? WardAfterATakeBack(string raw)
        {
            var taken = TakeBack().Match(raw);
            if (!taken.Success) return null;
            var rest = Understanding.ContentWords(raw[(taken.Index + taken.Length)..]);
            return MatchArea(rest) ?? MatchArea(Understanding.ContentWords(System.Text.RegularExpressions.Regex.Replace(rest, @"\b(do|day|nha|nhe|a|co|moi dung|cua|toi|em)\b", " ").Trim()));
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"(?i)[,.]\s*(à|a|ờ|o)\s+(không|khong|ko|k|nhầm|nham)\s*[,.]")]
        private static partial System.Text.RegularExpressions.Regex TakeBack();

        /// <summary>"Vũ Ninh ạ", "p kinh bac a", "số 1", "tu son": a ward by number, name, unique beginning or a word of it.</summary>
        private AreaOption? MatchArea(string words)
        {
            if (words.Length == 0) return null;
            var typed = AreaNames.WithoutPrefix(words);
            var names = context.Areas.Select(a => AreaNames.WithoutPrefix(a.Name)).ToList();
            // A ward whose name is a number ("Phường 1") is that ward, before any place in the list.
            var exact = names.IndexOf(typed);
            if (exact >= 0) return context.Areas[exact];
            if (Intents.Ordinal(words, context.Areas.Count, names) is { } number) return number >= 1 && number <= context.Areas.Count ? context.Areas[number - 1] : null;
            var fits = Fits(typed, names);
            // "phường Vũ Linh": where l and n are one sound in the north, a name heard with the other one.
            if (fits.Count == 0) fits = Fits(LOrN(typed), names.Select(LOrN).ToList());
            // "vo cuonq": every word of one name, a long word with one slip.
            if (fits.Count == 0) fits = Enumerable.Range(0, names.Count).Where(i => Text.Fuzzy.AllWordsWithOneSlip(typed, names[i])).ToList();
            // "kinh bawcs": typed with the Vietnamese keyboard off.
            if (fits.Count == 0 && Text.Telex.Undo(typed) is var plain && plain != typed) fits = Fits(plain, names);
            // "kinhbac", "vo-cuong": the words run together.
            if (fits.Count == 0 && typed.Length >= 5)
                fits = Enumerable.Range(0, names.Count).Where(i => Joined(names[i]) == Joined(typed)).ToList();
            return fits.Count == 1 ? context.Areas[fits[0]] : null;

            static List<int> Fits(string typed, List<string> names) => Enumerable.Range(0, names.Count)
                .Where(i => typed.Length >= 2 && (names[i].StartsWith(typed, StringComparison.Ordinal) || (" " + names[i] + " ").Contains(" " + typed + " ", StringComparison.Ordinal)
                    || (" " + typed + " ").Contains(" " + names[i] + " ", StringComparison.Ordinal)))
                .ToList();
            static string Joined(string words) => new([.. words.Where(char.IsLetterOrDigit)]);
            static string LOrN(string words) => System.Text.RegularExpressions.Regex.Replace(words, @"\bl", "n");
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

        private void OnAttachmentsText(string raw)
        {
            if (Understanding.Is(Answer.Done, raw) || Understanding.Is(Answer.Skip, raw) || Understanding.SaysPhotosSent(raw)) Advance(Step.Contact);
            else if (Understanding.Is(Answer.ClearAttachments, raw))
            {
                _state = _state with { Draft = Draft with { Attachments = [] } };
                Prompt();
            }
            else Fail(AskAttachments(Limits.MaxAttachments), [Button.Say(Done), Button.Say(Skip)]);
        }

        private void OnContactText(string raw)
        {
            if (Draft.HasContact && Understanding.Is(Answer.UseContact, raw))
            {
                Advance(Step.Confirm);
                return;
            }
            var (written, phoneText) = ContactParser.Split(raw);
            // "cho mình ẩn danh được không": a question about privacy is answered, never kept as a name.
            if (phoneText is null && ChannelQuestions.Of(raw) == ChannelQuestion.Privacy)
            {
                _state = _state with { FailedAttempts = _state.FailedAttempts + 1 };
                Say(ContactNeeded);
                return;
            }
            // "a Hùng 0912…" is anh Hùng, as he asks to be called; "tên tôi là Lan" is Lan.
            var name = Understanding.PersonName(written);
            // A long line may name the person among other words ("…, người liên hệ: chị Lê Thu Trang").
            // "sửa mô tả giúp…", "quay lại…": words of a command are never kept as the citizen's name; beside a phone
            // ("0903… gọi giờ hành chính nhé, tên không cần ghi") the phone is kept and the name asked for.
            // A longer line may name the person after a title ("Ông Trần Văn Bình, tổ trưởng tổ dân phố số 3").
            if (name is not null && !Understanding.CanBeContactName(name))
            {
                // "Trần Thị Hoa 0987… con gái bác An, …": a full name opening the line, before the number, is the name;
                // "nguyen van an 0912345678 goi sau 5h chieu nhe": so are the words before the number when nothing else is.
                var before = ContactParser.BeforeThePhone(raw);
                name = (before is not null && Understanding.LeadingFullName(before) is { } full && Understanding.CanBeContactName(full) ? full : null)
                       ?? Understanding.NameWithin(raw) ?? Understanding.NameAfterTheLastIs(written)
                       ?? (before is not null && Understanding.PersonName(before) is { } first && Understanding.CanBeContactName(first) ? first : null);
                if (name is null && phoneText is null)
                {
                    Fail(AskContact);
                    return;
                }
            }
            // "chị Hằng kế toán 0904…", "Trần Thị Hồng, phòng hành chính nhân sự, 0904…": the role said after the name stays with it.
            if (name is not null) name = Understanding.WithRole(raw, name);
            if (phoneText is null)
            {
                // "tổ dân phố số 3" holds a digit but is no phone tried: only a run of digits is a number mistyped.
                var phoneTried = System.Text.RegularExpressions.Regex.IsMatch(raw, @"\d[\d\s.]{3,}\d");
                if (phoneTried || name is null)
                {
                    KeepNameOfAWrongNumber(name);
                    Fail(phoneTried ? InvalidPhone : AskContact);
                    return;
                }
                // Only a name: keep it, and ask for the phone unless we already have it.
                _state = _state with { Draft = Draft with { ContactName = name } };
                if (Draft.ContactPhone is null) Fail(MissingPhone);
                else Advance(Step.Confirm);
                return;
            }
            // A landline is a number staff can call back (a business's switchboard, an older citizen's home phone).
            if (!Contacts.VietnamesePhone.TryNormalizeCallable(phoneText, out var phone))
            {
                KeepNameOfAWrongNumber(name);
                Fail(InvalidPhone);
                return;
            }
            _state = _state with { Draft = Draft with { ContactPhone = phone, ContactName = name ?? Draft.ContactName } };
            if (Draft.ContactName is null) Fail(MissingName);
            else Advance(Step.Confirm);
        }

        // "Bà Phạm Thị Lụa, số máy 0243 856 112": the number is asked again, the name is not.
        private void KeepNameOfAWrongNumber(string? name)
        {
            if (name is not null) _state = _state with { Draft = Draft with { ContactName = name } };
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

        // "👍", "👌", "✅" alone at the summary: the yes of a citizen who answers with a tap of an emoji.
        private static bool ThumbsUp(string raw) =>
            raw.Trim() is { Length: > 0 } said && said.EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r) && r.Value != 0xFE0F && !(r.Value is >= 0x1F3FB and <= 0x1F3FF))
                .All(r => r.Value is 0x1F44D or 0x1F44C or 0x2705 or 0x1F197 or 0x2714);

        private void OnConfirm(string raw)
        {
            if (Understanding.Is(Answer.Submit, raw) || Understanding.AgreesAmongClauses(raw, Answer.Submit) || ThumbsUp(raw)) { if (!OfferToFollow()) SubmitTicket(); }
            else if (Understanding.Is(Answer.Edit, raw))
            {
                _state = _state with { Step = Step.EditChoice, FailedAttempts = 0 };
                Prompt();
            }
            else
            {
                RecordNotUnderstood(raw, Step.Confirm);
                Fail(null);
            }
        }

        private void OnEditChoice(string raw, string n)
        {
            var fields = EditFields();
            if (Understanding.PartNamed(raw) is var part and not DraftPart.None)
            {
                EditPart(part);
                return;
            }
            var choice = OptionMatcher.Match(n, fields, f => f.Title, f => f.Title == EditAttachments ? ["anh", "tep", "hinh"] : []);
            if (choice is null)
            {
                Fail(AskWhatToEdit, fields.Select(f => Button.Say(f.Title)).ToList());
                return;
            }
            _state = _state with { Step = choice.Step, EditingFromConfirm = true, FailedAttempts = 0 };
            Prompt();
        }

        /// <summary>
        /// At the edit list, a part told in the citizen's own words: "phần tôi kể chuyện cái đèn", "cái đoạn tôi nói về tình
        /// trạng" (what was told) or "cái chỗ nhà tôi ở ấy" (where).
        /// </summary>
        private static DraftPart PartInOwnWords(string n) =>
            WhatWasTold().IsMatch(n) ? DraftPart.Description : WhereItIs().IsMatch(n) ? DraftPart.Place : DraftPart.None;

        [System.Text.RegularExpressions.GeneratedRegex(@"\b((phan|doan|cho|cau|chuyen) (\w+ ){0,2}(ke|noi|viet)( (ve|chuyen|lai))?|(ke|noi|viet|ta) (ve|chuyen) (cai |tinh trang|su viec|viec)|tinh trang (cai|cua)|su viec)\b")]
        private static partial System.Text.RegularExpressions.Regex WhatWasTold();

        [System.Text.RegularExpressions.GeneratedRegex(@"\b((cho|noi) (nha )?(toi|em|e|minh|bac|chau|tui) (o|song)|cho (xay ra|bi hong)|(cho|noi) (\w+ ){0,2}(o dau|xay ra))\b")]
        private static partial System.Text.RegularExpressions.Regex WhereItIs();

        private sealed record EditField(string Title, Step Step);

        private static List<EditField> EditFields() =>
        [
            new(EditCategory, Step.Category), new(EditDescription, Step.Description), new(EditPlace, Step.Place),
            new(EditAttachments, Step.Attachments), new(EditContact, Step.Contact),
        ];

        private void SubmitTicket()
        {
            if (AskTrackFirst()) return;
            var category = context.Categories.First(c => c.Code == Draft.CategoryCode);
            // The code says what it is: PA-, KN- or TC-.
            var track = Draft.Track ?? Tracks.TicketTracks.Pakn;
            var code = TicketCodePrefix.Apply(context.NewTicketCode, track);
            _effects.Add(new CreateTicket(
                code, category.Code, Draft.Description!, Draft.Address, Draft.Latitude, Draft.Longitude,
                Draft.AreaCode, Draft.Attachments, Draft.ContactName!, Draft.ContactPhone!, _state.ServiceCentreCode,
                _state.ServiceCentreCode is null ? null : _state.ServiceCentreSource));
            _effects.Add(TrackOf(code, Draft));
            Say(track == Tracks.TicketTracks.Pakn
                ? Submitted(code, category.ExpectedDeadline)
                : Tracks.TrackTexts.SubmittedAs(track, code, context.Tracks.FirstOrDefault(t => t.Code == track)));
            // A tố cáo is never published; an urgent report skips the question to stay short.
            var askedAboutPublication = track != Tracks.TicketTracks.ToCao && !Draft.Urgent && AskAboutPublication(category, code);
            // The centre is where this complaint started; the next one may start elsewhere.
            _state = WithoutDraft(_state) with { ServiceCentreCode = null, ServiceCentreSource = null };
            // The publication question must stay the last thing read; the other problem then follows its answer.
            if (!askedAboutPublication) OfferPendingProblem();
        }
    }
}
