namespace ZaloBot.Domain.Understanding;

// Corrections typed inside the flow: "à nhầm, không phải X mà là Y", "sai số nhà rồi, phải là 21", "ghi nhầm thành …".
public sealed partial class Understander
{
    private static readonly string[][] Nots = [["chu", "khong", "phai"], ["khong", "phai"]];
    private static readonly string[][] RewritingLeads = [["ghi", "lai", "la"], ["sua", "lai", "la"], ["viet", "lai", "la"], ["sua", "thanh"], ["ghi", "la"]];
    private static readonly string[][] Buts = [["ma", "la"], ["ma", "phai", "la"], ["ma"], ["la"]];
    private static readonly string[][] Musts = [["phai", "la"], ["dung", "la"], ["doi", "thanh"], ["sua", "thanh"], ["thanh"], ["chuyen", "sang"], ["doi", "sang"]];
    private static readonly string[] Cues = ["nham", "sai", "sua", "doi", "thay", "chinh", "them", "bo sung", "viet lai", "ghi lai", "nhap lai", "go nham", "ghi nham", "viet nham", "nhap nham", "khong phai", "dung la", "phai la", "chu khong phai", "moi dung", "moi phai", "moi chinh xac", "moi la dung", "chua dung", "khong dung", "chua chinh xac", "khong chinh xac", "khong den", "chua den"];
    private static readonly string[][] RightAfter = [["moi", "dung"], ["moi", "phai"], ["moi", "chinh", "xac"], ["moi", "la", "dung"], ["moi", "dung", "nhat"]];
    private static readonly HashSet<string> ReplacingVerbs = ["sua", "doi", "thay", "chinh", "viet", "ghi", "nhap"];
    private static readonly HashSet<string> Joining = ["lai", "giup", "gium", "dum", "tui", "ho", "cho", "toi", "em", "minh", "thanh", "la", "nhu", "sau", "nay", "ve", "phan", "muc", "di", "nhe", "nha", "a", "voi", "cua", "de", "chut", "xiu"];
    private static readonly string Me = ZaloBot.Domain.Text.TextNormalizer.ToneLast("tôi");

    // "ghi thêm là tối nào cũng tối om": typed with its marks, "tối" (night) is the words added, not "tôi" asking.
    private static bool Joins(Token token) => Joining.Contains(token.Text) && !(token.Text == "toi" && token.Accented is { } typed && typed != Me);

    private static readonly string House = ZaloBot.Domain.Text.TextNormalizer.ToneLast("nhà");

    private static readonly string Spot = ZaloBot.Domain.Text.TextNormalizer.ToneLast("chỗ");
    private static readonly HashSet<string> Another = ["khac", "moi", "cu", "so", "cai", "sang", "hoan", "toan", "lai", "het", "ca", "luon"];
    private static readonly HashSet<string> WrongWords = ["bi", "sai", "nham", "chua", "khong", "dung", "roi", "chinh", "xac", "ro", "lam", "ghi", "go", "nhap"];
    private static readonly HashSet<string> LeadingNoise = ["ma", "a", "ah", "ak", "o", "oh", "u", "uh", "um", "ua", "nham", "roi", "xin", "loi", "chet", "thoi", "a nham", "ay"];
    private static readonly HashSet<string> TrailingNoise = ["co", "thoi", "a", "nhe", "nha", "nhen", "chu", "dau", "roi", "di", "moi", "dung", "oi", "ad", "admin", "ban", "giup", "toi", "em", "nhe", "chau", "bac"];

    private static int SequenceAt(TokenizedText text, int at, string[][] options)
    {
        foreach (var option in options)
        {
            if (at + option.Length > text.Count) continue;
            var ok = true;
            for (var j = 0; j < option.Length && ok; j++) ok = text.Tokens[at + j].Text == option[j];
            if (ok) return option.Length;
        }
        return 0;
    }

    /// <summary>How many words before "là" the part it sets may be named.</summary>
    private const int PartBeforeIs = 5;

    // Cue words typed with other marks are other words: "đối diện" is not "đổi", "thấy" (see) not "thay", "sủa" (bark) not "sửa".
    private static readonly Dictionary<string, string> CueMarks = new()
    {
        ["doi"] = ZaloBot.Domain.Text.TextNormalizer.ToneLast("đổi"), ["sua"] = ZaloBot.Domain.Text.TextNormalizer.ToneLast("sửa"),
        ["thay"] = "thay", ["nham"] = ZaloBot.Domain.Text.TextNormalizer.ToneLast("nhầm"), ["them"] = ZaloBot.Domain.Text.TextNormalizer.ToneLast("thêm"),
    };

    private static string CueWords(TokenizedText text) =>
        " " + string.Join(' ', text.Tokens.Select(t => t.Accented is { } typed && CueMarks.TryGetValue(t.Text, out var cue) && typed != cue ? "_" : t.Text)) + " ";

    private FlowReading? Correction(TokenizedText text)
    {
        var joined = CueWords(text);
        // "phường là Vũ Ninh cơ": a part named and what it is, said at another step, is a correction too.
        // Not the contact's own labels ("tên tôi là Lan, sđt …"): that is how a contact is given.
        // The part may stand a few words back ("sửa địa chỉ trước đã, là …", "phần mô tả, ghi lại là …").
        var partIs = Enumerable.Range(1, Math.Max(0, text.Count - 2)).Any(i => text.Tokens[i].Text == "la"
            && PartIn(text, Math.Max(0, i - PartBeforeIs), i) is not (DraftPart.None or DraftPart.Name or DraftPart.Phone or DraftPart.Contact));
        if (MissingFromTheDescription(text) is { } missing) return missing;
        // "đổi chữ "nguy hiểm" thành "tối đi lại rất khó khăn"": the words quoted, and what they become, quoted.
        if (QuotedSwap().Match(text.Raw) is { Success: true } swap && swap.Groups["to"].Value.Any(char.IsLetterOrDigit))
            return new FlowReading(FlowIntent.Correction, DraftPart.None, swap.Groups["from"].Value.Trim(), swap.Groups["to"].Value.Trim(), Quoted: true);
        if (!partIs && !Cues.Any(c => joined.Contains(" " + c + " ", StringComparison.Ordinal))) return null;
        // "thêm vào mô tả là …": what is added may hold "là" or "không phải" of its own.
        if (ReplacedPart(text) is { Adds: true } added) return added;

        // "không phải X mà là Y"
        for (var i = 0; i < text.Count; i++)
        {
            var not = SequenceAt(text, i, Nots);
            if (not == 0) continue;
            for (var j = i + not + 1; j < text.Count; j++)
            {
                var but = SequenceAt(text, j, Buts);
                // A bare "là" only after a pause: "không phải đèn đường đâu, là cống".
                if (but == 0 || (text.Tokens[j].Text == "la" && but == 1 && !text.Tokens[j].BreakBefore)) continue;
                var from = Trim(text, i + not, j - 1);
                var to = Trim(text, j + but, text.Count - 1);
                if (from is null || to is null) break;
                return new FlowReading(FlowIntent.Correction, PartNearest(text, i), text.Span(from.Value.First, from.Value.Last), text.Span(to.Value.First, to.Value.Last));
            }
            // "à hổng phải một tuần mô cái đèn hư từ tết tới chừ": "đâu" (or "mô") closes what it is not, pause or none.
            // "à không cháu ơi bác nói nhầm không phải số 12 đâu số 21 cơ bác già rồi hay lẫn": the denial may follow words
            // owning the slip, and what is meant ends at its "cơ".
            if ((i <= 3 || OwnsTheSlip(text, i)) && text.Tokens[i].Text != "chu" && Enumerable.Range(i + not + 1, Math.Max(0, text.Count - i - not - 2)).FirstOrDefault(k => ClosesADenial(text.Tokens[k]) && !text.Tokens[k + 1].BreakBefore) is var closing and > 0
                && Trim(text, i + not, closing - 1) is { } denied && Trim(text, closing + 1, EndOfMeant(text, closing + 1)) is { } meant && meant.Last - meant.First >= 1)
                return new FlowReading(FlowIntent.Correction, PartIn(text, 0, i), text.Span(denied.First, denied.Last), text.Span(meant.First, meant.Last));
            // "à mà không phải đèn đâu, cái cống cơ": the wrong thing, a pause, the right one — opening the message. The
            // engine applies it only where the wrong words are in the draft; elsewhere the message is the step's answer.
            if (i <= 3 && text.Tokens[i].Text != "chu" && Enumerable.Range(i + not + 1, Math.Max(0, text.Count - i - not - 1)).FirstOrDefault(k => text.Tokens[k].BreakBefore) is var pause and > 0
                && Trim(text, i + not, pause - 1) is { } wrong && Trim(text, pause, text.Count - 1) is { } right)
                return new FlowReading(FlowIntent.Correction, PartIn(text, 0, i), text.Span(wrong.First, wrong.Last), text.Span(right.First, right.Last));
        }

        if (SlipThenDenied(text) is { } slip) return slip;

        // "phải là Y (chứ không phải X)", "[part] đúng là Y", "sửa tên là Y", "địa chỉ là Y không phải X"
        for (var i = 0; i < text.Count; i++)
        {
            var must = SequenceAt(text, i, Musts);
            // "ghi nhầm thành 12": what it was wrongly made, not what it should be.
            if (must > 0 && text.Tokens[i].Text == "thanh" && i > 0 && text.Tokens[i - 1].Text is "nham" or "sai") continue;
            if (must == 0 && text.Tokens[i].Text == "la" && i > 0 && PartIn(text, Math.Max(0, i - PartBeforeIs), i) != DraftPart.None && !SaysItIsRight(text, i + 1)) must = 1;
            if (must == 0) continue;
            var end = text.Count;
            var fromStart = -1;
            for (var k = i + must; k < text.Count; k++)
            {
                // "tên em là Nguyễn Văn Ân, ghi nhầm thành An": after a pause, the rest only says what went wrong.
                if (text.Tokens[k].BreakBefore && k > i + must && Enumerable.Range(k, text.Count - k).Any(j => text.Tokens[j].Text is "nham" or "sai"))
                {
                    end = k;
                    break;
                }
                var not = SequenceAt(text, k, Nots);
                // "địa chỉ là số mười hai chứ máy nó ghi …": "chứ" opening anything but a denial opens a remark.
                if (not == 0 && text.Tokens[k].Text == "chu" && text.Tokens[k].Accented == Rather && k > i + must)
                {
                    end = k;
                    break;
                }
                if (not == 0) continue;
                end = k;
                fromStart = k + not;
                break;
            }
            var to = Trim(text, i + must, end - 1);
            if (to is null) return null;
            // "lĩnh vực sai rồi, chuyển sang Hạ tầng, môi trường": what it moves to is the value — unless that names a part
            // ("đổi sang lĩnh vực khác" asks for the list).
            if (text.Tokens[i + must - 1].Text == "sang" && PartIn(text, to.Value.First, to.Value.Last + 1) != DraftPart.None) continue;
            // "ko nhớ số nhà, cứ đi qua là thấy", "cứ hỏi bác Hòa là ra": "là" that says what follows, not what a part is.
            if (to.Value.Last - to.Value.First <= 1 && Enumerable.Range(to.Value.First, to.Value.Last - to.Value.First + 1).All(k => FoundAtOnce.Contains(text.Tokens[k].Text))) continue;
            // "chỉ có chỗ địa điểm là bác muốn sửa lại tí": what follows "là" only asks for the part to be mended — it is opened.
            if (AsksToMend(text, to.Value.First, to.Value.Last) && PartIn(text, 0, i) is not DraftPart.None and var mended)
                return new FlowReading(FlowIntent.Edit, mended);
            // "… chứ không phải một cột đâu, còn địa chỉ thì …": what it is not ends at a pause; the rest is about another part.
            var fromEnd = fromStart < 0 ? text.Count : Enumerable.Range(fromStart + 1, Math.Max(0, text.Count - fromStart - 1)).FirstOrDefault(j => text.Tokens[j].BreakBefore, text.Count);
            var from = fromStart >= 0 ? Trim(text, fromStart, fromEnd - 1) : null;
            return new FlowReading(FlowIntent.Correction, PartNearest(text, i),
                from is null ? null : text.Span(from.Value.First, from.Value.Last), text.Span(to.Value.First, to.Value.Last));
        }

        // "Mô tả ghi cả tuần nay là chưa đúng, hỏng từ đầu tháng rồi": what was written, that it is wrong, a pause, what it should be.
        if (WrittenWrongThenRight(text) is { } written) return written;

        // "sai phường rồi, Từ Sơn": the wrong part named, a pause, and what it should be.
        if (WrongPartThenValue(text) is { } wrongThen) return wrongThen;

        // "sai tên rồi, Nguyễn Văn Anh mới đúng": what it should be, then "mới đúng".
        for (var k = 1; k < text.Count; k++)
        {
            var right = SequenceAt(text, k, RightAfter);
            // "… mới đúng, phường thì Kinh Bắc": "mới đúng" may close a clause rather than the message.
            if (right == 0 || Trim(text, k + right, text.Count - 1) is not null && !(k + right < text.Count && text.Tokens[k + right].BreakBefore)) continue;
            var start = k - 1;
            while (start > 0 && !text.Tokens[start].BreakBefore) start--;
            if (!text.Tokens[start].BreakBefore) start = SkipCueWords(text, 0, k);
            var to = Trim(text, start, k - 1);
            if (to is null) return null;
            return new FlowReading(FlowIntent.Correction, PartIn(text, 0, start), null, text.Span(to.Value.First, to.Value.Last));
        }

        // "à mà nhà số 21 đường Lý Thái Tổ nhé, lúc nãy gõ nhầm": what it is, then that it was mistyped.
        if ((MistypedAtTheEnd(text) ?? MistypedFirst(text)) is { } mistyped) return mistyped;

        // "sửa mô tả giúp: đèn đường bị chập chờn", "đổi sđt 0987…": a replacing verb, the part, and what it becomes.
        if (ReplacedPart(text) is { } replaced) return replaced;

        // "ghi lại là đèn hỏng gần hai tuần, không phải một tuần": a rewriting lead, what it is, a pause, what it is not.
        if (SequenceAt(text, SkipLeadingNoise(text, 0, text.Count), RewritingLeads) is > 0 and var leadLength)
        {
            var start = SkipLeadingNoise(text, 0, text.Count) + leadLength;
            for (var k = start + 1; k < text.Count; k++)
            {
                if (!text.Tokens[k].BreakBefore || text.Tokens[k].Text == "chu" || SequenceAt(text, k, Nots) is not (> 0 and var not)) continue;
                if (Trim(text, start, k - 1) is { } to && Trim(text, k + not, text.Count - 1) is { } from)
                    return new FlowReading(FlowIntent.Correction, DraftPart.None, text.Span(from.First, from.Last), text.Span(to.First, to.Last));
                break;
            }
        }

        // "Ừ đúng, mà đèn hỏng từ tối hôm kia thôi, không đến cả tuần đâu": what it is, then a last short clause saying what it is not.
        if (DeniedLast(text) is { } deniedLast) return deniedLast;

        // "số nhà 34 chứ không phải 12": what it is first, then what it is not.
        for (var k = 1; k < text.Count; k++)
        {
            if (text.Tokens[k].Text != "chu" || SequenceAt(text, k, Nots) != 3) continue;
            var to = Trim(text, SkipPreamble(text, SkipLeadingNoise(text, 0, k), k), k - 1);
            // What it is not ends at a pause: "…chứ không phải An, chữ Ấn có dấu" — the rest is a remark.
            var pause = Enumerable.Range(k + 4, Math.Max(0, text.Count - k - 4)).FirstOrDefault(j => text.Tokens[j].BreakBefore, text.Count);
            var from = Trim(text, k + 3, pause - 1);
            if (to is null || from is null) return null;
            return new FlowReading(FlowIntent.Correction, PartIn(text, 0, k), text.Span(from.Value.First, from.Value.Last), text.Span(to.Value.First, to.Value.Last));
        }
        return null;
    }

    private static readonly string Where = ZaloBot.Domain.Text.TextNormalizer.ToneLast("mô");

    private static readonly string NotAtAll = ZaloBot.Domain.Text.TextNormalizer.ToneLast("đâu");

    // "đầu ngõ" is not "đâu": typed with marks, only "đâu" (or the Central "mô") closes a denial.
    private static bool ClosesADenial(Token token) => token.Text == "dau" && (token.Accented is null || token.Accented == NotAtAll) || token.Text == "mo" && token.Accented == Where;

    private static readonly HashSet<string> FoundAtOnce = ["thay", "ra", "biet", "den", "toi", "duoc", "dc", "xong", "ngay", "lien"];

    private static readonly string[][] IsWrong = [["chua", "dung"], ["khong", "dung"], ["chua", "chuan"], ["khong", "chinh", "xac"], ["chua", "chinh", "xac"], ["sai"], ["nham"]];
    private static readonly HashSet<string> Writing = ["ghi", "viet", "nhap", "go", "noi"];

    /// <summary>
    /// "Mô tả ghi cả tuần nay là chưa đúng, hỏng từ đầu tháng rồi": the words written after "ghi" (or after the part
    /// named), "là" and that they are wrong, then after a pause what they should be.
    /// </summary>
    private FlowReading? WrittenWrongThenRight(TokenizedText text)
    {
        for (var i = 2; i < text.Count - 2; i++)
        {
            if (text.Tokens[i].Text != "la" || SequenceAt(text, i + 1, IsWrong) is not (> 0 and var wrong)) continue;
            var pause = i + 1 + wrong;
            while (pause < text.Count && !text.Tokens[pause].BreakBefore && text.Tokens[pause].Text is "roi" or "a" or "dau" or "lam" or "nhe") pause++;
            if (pause >= text.Count || !text.Tokens[pause].BreakBefore || Trim(text, pause, text.Count - 1) is not { } right) return null;
            var start = Enumerable.Range(0, i).LastOrDefault(k => Writing.Contains(text.Tokens[k].Text), -1) + 1;
            if (start == 0)
            {
                var part = Enumerable.Range(0, i).FirstOrDefault(k => PartAt(text, k).Length > 0, -1);
                if (part < 0) return null;
                start = part + PartAt(text, part).Length;
            }
            if (i - start is < 1 or > 6 || Enumerable.Range(start, i - start).Any(k => text.Tokens[k].BreakBefore && k > start)) return null;
            return new FlowReading(FlowIntent.Correction, PartNearest(text, start), text.Span(start, i - 1), text.Span(right.First, right.Last));
        }
        return null;
    }

    private static readonly string[][] NotAsMuch = [["khong", "phai"], ["khong", "den"], ["chua", "den"], ["dau", "phai"]];
    private const int DeniedWords = 6;

    private FlowReading? DeniedLast(TokenizedText text)
    {
        if (text.Count < 4) return null;
        var last = Enumerable.Range(1, text.Count - 1).LastOrDefault(k => text.Tokens[k].BreakBefore);
        if (last == 0 || SequenceAt(text, last, NotAsMuch) is not (> 0 and var not) || text.Count - last > DeniedWords + not + 1) return null;
        var end = text.Count - 1;
        if (text.Tokens[end].Text == "dau") end--;
        // "à nhầm, không phải đèn đường mà là cống": a denial with what it is in it is read as that.
        if (Trim(text, last + not, end) is not { } denied || Enumerable.Range(denied.First, denied.Last - denied.First + 1).Any(k => text.Tokens[k].Text is "ma" or "la")) return null;
        var first = Enumerable.Range(1, last - 1).LastOrDefault(k => text.Tokens[k].BreakBefore);
        // Only a yes may stand before what it is: "Đề nghị sửa lại họ tên: Nguyễn Văn Ân (…), không phải An" is read otherwise.
        if (!Enumerable.Range(0, first).All(k => LeadingNoise.Contains(text.Tokens[k].Text) || text.Tokens[k].Text is "dung" or "vang" or "da" or "ok" or "oke" or "u" or "uh" or "phai")) return null;
        while (first < last && text.Tokens[first].Text is "ma" or "nhung" or "voi" or "ca") first++;
        if (Trim(text, first, last - 1) is not { } said || said.Last - said.First < 1
            || Enumerable.Range(said.First, said.Last - said.First + 1).All(k => LeadingNoise.Contains(text.Tokens[k].Text) || WrongWords.Contains(text.Tokens[k].Text))) return null;
        // "cái đèn hỏng là ở đầu ngõ 5 cơ, không phải trước nhà": the thing, "là ở", and where — the place is what is said.
        var where = Enumerable.Range(said.First + 1, Math.Max(0, said.Last - said.First - 2)).FirstOrDefault(k => text.Tokens[k].Text == "la" && text.Tokens[k + 1].Text == "o");
        if (where > 0)
            return new FlowReading(FlowIntent.Correction, DraftPart.Place, text.Span(denied.First, denied.Last), text.Span(where + 2, said.Last));
        return new FlowReading(FlowIntent.Correction, PartNearest(text, said.Last + 1), text.Span(denied.First, denied.Last), text.Span(said.First, said.Last));
    }

    /// <summary>"Nội dung như vậy là đúng, …": after "là", that the part is right — not what it becomes.</summary>
    private static bool SaysItIsRight(TokenizedText text, int at)
    {
        if (at >= text.Count || text.Tokens[at].Text is not ("dung" or "chuan" or "ok" or "on")) return false;
        while (at < text.Count && text.Tokens[at].Text is "dung" or "chuan" or "ok" or "on" or "chinh" or "xac" or "roi" or "het" or "ca" or "a") at++;
        return at == text.Count || text.Tokens[at].BreakBefore;
    }

    /// <summary>Words a part's value must have after the part named alone, so that "mô tả ạ, sửa giúp" is not one.</summary>
    private const int ValueWords = 4;

    /// <summary>
    /// "Mô tả ạ, đèn nó nhấp nháy lúc sáng lúc tắt chứ không hỏng hẳn" at the summary or the edit list: the opening
    /// clause only names a part (with particles), and the rest, after a pause, is what that part becomes — or, said
    /// so ("Mô tả. Tôi muốn nói thêm là …"), what it gains. Null where the rules read anything else in the message, or
    /// where the rest is short or a remark on the part ("mô tả, ghi thiếu mất đoạn …": it is opened instead).
    /// </summary>
    public FlowReading? PartThenValue(string raw)
    {
        var text = Tokenize(raw);
        var pause = text.FirstClauseBreak();
        if (pause == 0 || text.Count - pause < ValueWords || ReadInFlow(raw).Intent != FlowIntent.None) return null;
        var opening = Tokenize(text.RawBefore(pause));
        var part = PartIn(opening, 0, opening.Count);
        if (part is DraftPart.None or DraftPart.Attachments or DraftPart.Category
            || !CoveredBy(opening, [.. FlowAnswers.Parts.Select(p => Set(p.Set))], Set(FlowAnswers.Fillers))) return null;
        var rest = Tokenize(text.RawFrom(pause));
        var added = AddingSaid(rest, 0);
        if (added > 0 && part is DraftPart.Description or DraftPart.Place)
            return Trim(rest, added, rest.Count - 1) is { } more ? new FlowReading(FlowIntent.Correction, part, null, rest.Span(more.First, more.Last), Adds: true) : null;
        var joined = " " + rest.Window(0, rest.Count) + " ";
        // "phần mô tả, tôi muốn viết rõ hơn": how it should read, not what it becomes — the part is opened.
        if (joined.Contains(" thieu ", StringComparison.Ordinal) || Cues.Any(c => joined.Contains(" " + c + " ", StringComparison.Ordinal))
            || RemarkOnTheWriting().IsMatch(joined) || WantsToWriteIt().IsMatch(joined)) return null;
        return Trim(rest, 0, rest.Count - 1) is { } value && value.Last - value.First + 1 >= ValueWords
            ? new FlowReading(FlowIntent.Correction, part, null, rest.Span(value.First, value.Last)) : null;
    }

    /// <summary>"sai phường rồi, Từ Sơn", "nhầm số điện thoại, 0912…": a cue, a part, a pause, then the value alone.</summary>
    private FlowReading? WrongPartThenValue(TokenizedText text)
    {
        // "nhầm" is also leading noise ("à nhầm, …"): here it is the cue itself.
        var at = SkipLeadingNoise(text, 0, text.Count);
        if (at > 0 && text.Tokens[at - 1].Text == "nham") at--;
        if (at >= text.Count || text.Tokens[at].Text is not ("sai" or "nham")) return null;
        at++;
        (int Length, DraftPart Part) best = at < text.Count ? PartAt(text, at) : (0, DraftPart.None);
        // "sai chỗ rồi": "chỗ" is the place only here — elsewhere, typed plain, it is as likely "cho" (for).
        if (best.Part == DraftPart.None && at + 1 < text.Count && text.Tokens[at] is { Text: "cho" } spot && (spot.Accented is null || spot.Accented == Spot)
            && (text.Tokens[at + 1].Text is "roi" or "r" || text.Tokens[at + 1].BreakBefore))
            best = (1, DraftPart.Place);
        if (best.Part == DraftPart.None) return null;
        at += best.Length;
        // "rồi" closes the clause as a comma would: "sai phường rồi nhà tôi ở Từ Sơn".
        var closed = false;
        while (at < text.Count && !text.Tokens[at].BreakBefore && text.Tokens[at].Text is "roi" or "a" or "nhe" or "r")
            closed |= text.Tokens[at++].Text is "roi" or "r";
        // "sai chỗ rồi", "nhầm phường rồi" and nothing more: the part is opened.
        if (at >= text.Count) return closed ? new FlowReading(FlowIntent.Edit, best.Part) : null;
        if (!(text.Tokens[at].BreakBefore || closed)) return null;
        // "sai chỗ rồi, ko phải bên này đâu, bên kia cầu …": what it is not, a clause of its own, is passed over.
        if (SequenceAt(text, at, Nots) > 0 && Enumerable.Range(at + 1, text.Count - at - 1).FirstOrDefault(k => text.Tokens[k].BreakBefore) is > 0 and var next)
            at = next;
        // "sai chỗ rồi, đèn hỏng là ở trước cổng chùa cơ, không phải trước nhà": the place is what follows "là ở", to the pause.
        if (best.Part == DraftPart.Place && Enumerable.Range(at + 1, Math.Max(0, text.Count - at - 2)).FirstOrDefault(k => text.Tokens[k].Text == "o" && text.Tokens[k - 1].Text == "la") is > 0 and var where)
        {
            var end = Enumerable.Range(where + 1, text.Count - where - 1).FirstOrDefault(k => text.Tokens[k].BreakBefore, text.Count);
            return Trim(text, where + 1, end - 1) is { } there ? new FlowReading(FlowIntent.Correction, DraftPart.Place, null, text.Span(there.First, there.Last)) : null;
        }
        // "sai chỗ rồi, ở trước cổng chợ": "ở" only leads into the place.
        if (best.Part == DraftPart.Place && at + 1 < text.Count && text.Tokens[at].Text == "o") at++;
        // The value alone: "phải là …", "… mới đúng" and "không phải …" are read by their own rules.
        if (Enumerable.Range(at, text.Count - at).Any(i => text.Tokens[i].Text is "phai" or "moi" or "la")) return null;
        // "sai dia chi roi sua lai": what follows only asks for it to be mended — the part is opened, never set to "sua lai".
        if (Enumerable.Range(at, text.Count - at).All(i => PreambleWords.Contains(text.Tokens[i].Text))) return new FlowReading(FlowIntent.Edit, best.Part);
        return Trim(text, at, text.Count - 1) is { } to ? new FlowReading(FlowIntent.Correction, best.Part, null, text.Span(to.First, to.Last)) : null;
    }

    private static readonly HashSet<string> Wishes = ["muon", "can", "ti", "chut", "xiu", "it", "tet", "phai"];

    /// <summary>Words first..last only ask for something to be mended ("bác muốn sửa lại tí"), naming no value.</summary>
    private static bool AsksToMend(TokenizedText text, int first, int last) =>
        Enumerable.Range(first, last - first + 1).Any(k => text.Tokens[k].Text is "sua" or "doi" or "chinh")
        && Enumerable.Range(first, last - first + 1).All(k => PreambleWords.Contains(text.Tokens[k].Text) || Wishes.Contains(text.Tokens[k].Text));

    private static readonly HashSet<string> PreambleWords =
    [
        "khoan", "da", "luc", "nay", "vua", "viet", "ghi", "go", "nhap", "nham", "sai", "sua", "lai", "giup", "gium", "ho", "toi",
        "em", "minh", "bac", "chau", "con", "oi", "a", "ma", "noi", "cho", "dung", "xin", "loi", "quen", "chua", "roi", "thoi",
        "chet", "ay", "u", "o", "anh", "chi", "ad", "admin", "mo", "ta", "dia", "thieu", "chinh", "xac", "ro", "cai", "nhe", "nha",
        "thua", "kinh", "dinh", "phan", "e",
    ];

    /// <summary>
    /// From <paramref name="from"/>, past whole clauses that only say a correction is coming ("khoan, lúc nãy viết nhầm,
    /// đèn hỏng gần 2 tuần rồi…", "à mà sửa lại giúp tôi, …"): what it should be starts after them.
    /// </summary>
    private static int SkipPreamble(TokenizedText text, int from, int before)
    {
        while (true)
        {
            var pause = Enumerable.Range(from + 1, Math.Max(0, before - from - 1)).FirstOrDefault(k => text.Tokens[k].BreakBefore);
            if (pause == 0 || !Enumerable.Range(from, pause - from).All(k => PreambleWords.Contains(text.Tokens[k].Text))) return from;
            from = pause;
        }
    }

    /// <summary>From <paramref name="from"/>, past the interjections a correction opens with ("à", "ờ", "nhầm").</summary>
    private static int SkipLeadingNoise(TokenizedText text, int from, int before)
    {
        while (from < before - 1 && LeadingNoise.Contains(text.Tokens[from].Text)) from++;
        return from;
    }

    /// <summary>From <paramref name="from"/>, past the words that say a correction and the part it names ("sai tên rồi").</summary>
    private int SkipCueWords(TokenizedText text, int from, int before)
    {
        Phrase[][] parts = [.. FlowAnswers.Parts.Select(p => Set(p.Set)), Set(FlowAnswers.Fillers)];
        while (from < before)
        {
            var word = text.Tokens[from].Text;
            if (word is "sai" or "nham" or "sua" or "doi" or "la" or "roi" or "phai" || LeadingNoise.Contains(word)) { from++; continue; }
            var length = parts.Max(set => Best(text, from, set).Length);
            if (length == 0) break;
            from += length;
        }
        return from;
    }

    /// <summary>
    /// A replacing verb opening the message, the part it names, and what that part becomes ("sửa mô tả giúp: đèn đường
    /// bị chập chờn", "đổi địa chỉ số 21 Lý Thái Tổ", "sửa sđt 0987…"). Nothing after the part: an edit, not this.
    /// </summary>
    /// <summary>"mô tả thiếu, đèn còn chập chờn nữa": the description said to lack something, then what it lacks.</summary>
    private FlowReading? MissingFromTheDescription(TokenizedText text)
    {
        var at = SkipLeadingNoise(text, 0, text.Count);
        var part = at < text.Count ? Best(text, at, Set(FlowAnswers.Parts.First(p => p.Part == DraftPart.Description).Set)).Length : 0;
        if (part == 0) return null;
        at += part;
        while (at < text.Count && text.Tokens[at].Text is "con" or "van" or "bi" or "hoi" or "dang") at++;
        if (at >= text.Count || text.Tokens[at].Text != "thieu") return null;
        at++;
        while (at < text.Count && Joins(text.Tokens[at])) at++;
        return Trim(text, at, text.Count - 1) is { } lacking
            ? new FlowReading(FlowIntent.Correction, DraftPart.Description, null, text.Span(lacking.First, lacking.Last), Adds: true)
            : null;
    }

    private FlowReading? ReplacedPart(TokenizedText text)
    {
        var at = SkipLeadingNoise(text, 0, text.Count);
        // "cháu ghi thêm giúp bà là …": the person asked may come first; before "bổ sung", which only ever adds, asking
        // leave to may too ("à cho bác bổ sung là …") — before "sửa" or "thêm" that asks to open the part.
        var leave = at;
        while (leave < text.Count - 1 && (Speakers.Contains(text.Tokens[leave].Text) || text.Tokens[leave].Text is "cho" or "xin" or "phep")) leave++;
        if (leave + 1 < text.Count && text.Tokens[leave].Text == "bo" && text.Tokens[leave + 1].Text == "sung") at = leave;
        while (at < text.Count - 1 && Speakers.Contains(text.Tokens[at].Text)) at++;
        if (at >= text.Count) return null;
        // "thêm", "bổ sung", "ghi thêm": added to the description rather than put in its place.
        var adds = text.Tokens[at].Text == "them" || (text.Tokens[at].Text == "bo" && at + 1 < text.Count && text.Tokens[at + 1].Text == "sung")
            || (ReplacingVerbs.Contains(text.Tokens[at].Text) && at + 1 < text.Count && text.Tokens[at + 1].Text == "them");
        if (!adds && !ReplacingVerbs.Contains(text.Tokens[at].Text)) return null;
        at += adds && text.Tokens[at].Text != "them" ? 2 : 1;
        while (adds && at < text.Count && text.Tokens[at].Text is "vao" or "them") at++;
        // "sửa lại cái mô tả …": the classifier before the part named.
        // "ghi thêm giúp chị là …": the person asked, or asking, between the verb and what follows.
        while (at < text.Count && (Joins(text.Tokens[at]) || text.Tokens[at].Text == "cai" || adds && (Speakers.Contains(text.Tokens[at].Text) || text.Tokens[at].Text is "ba" or "ong" or "co" or "chu" or "cau" or "di")
                                        && text.Tokens[at - 1].Text is "giup" or "gium" or "ho" or "cho")) at++;
        (int Length, DraftPart Part) best = at < text.Count ? PartAt(text, at) : (0, DraftPart.None);
        // Words added with no part named ("ghi thêm là có cả dây điện lòng thòng") add to the description: that is the
        // part that takes more words.
        if (adds && best.Part == DraftPart.None && at < text.Count) best = (0, DraftPart.Description);
        // "thêm địa chỉ cụ thể: cạnh quán phở Hùng": words added to the place too.
        if (best.Part == DraftPart.None || (adds && best.Part is not (DraftPart.Description or DraftPart.Place))) return null;
        at += best.Length;
        while (at < text.Count && Joins(text.Tokens[at]) && text.Tokens[at].Text != "cho") at++;
        if (at + 1 < text.Count && text.Tokens[at].Text is "cu" or "chi" && text.Tokens[at + 1].Text is "the" or "tiet") at += 2;
        while (at < text.Count && Joins(text.Tokens[at]) && text.Tokens[at].Text != "cho") at++;
        // "sửa phần mô tả, em muốn thêm là …", "sửa lại địa chỉ, ghi rõ thêm tòa B tầng 6": the adding said after the part.
        if (best.Part is DraftPart.Description or DraftPart.Place && AddingSaid(text, at) is var after and > 0)
        {
            adds = true;
            at = after;
        }
        if (Trim(text, at, text.Count - 1) is not { } to) return null;
        // How it should be, not what: "sửa mô tả cho rõ", "viết lại địa chỉ chi tiết hơn" open the part — unless what it
        // becomes follows a colon ("sửa địa chỉ cho chính xác hơn: số 12 …").
        // "sửa lại cái mô tả đi, viết thế đọc chả ai hiểu": a remark on how it reads, not what it becomes.
        if (text.Tokens[to.First] is { Text: "cho", Accented: null } || Enumerable.Range(to.First, to.Last - to.First + 1).Any(i => text.Tokens[i].Text == "hon")
            || RemarkOnTheWriting().IsMatch(text.Window(to.First, to.Last - to.First + 1)))
            return Enumerable.Range(to.First + 1, to.Last - to.First).FirstOrDefault(i => ColonBefore(text, i)) is > 0 and var colon && to.Last - colon >= 1
                ? new FlowReading(FlowIntent.Correction, best.Part, null, text.Span(colon, to.Last), adds)
                : new FlowReading(FlowIntent.Edit, best.Part);
        // What follows must say something: not only politeness ("sửa địa chỉ giúp mình với"), "another one" or that it
        // is wrong ("đổi số điện thoại khác", "sửa địa chỉ bị sai") — that asks to type it again — nor, but for a name,
        // one lower-case word ("sửa địa chỉ nhà").
        var fillers = Fillers(text);
        var words = Enumerable.Range(to.First, to.Last - to.First + 1).ToList();
        // "sửa lại địa chỉ đi, địa chỉ chưa đúng": the part named again only to say it is wrong.
        var namedAgain = new bool[text.Count];
        foreach (var i in words)
            for (var (k, length) = (0, PartAt(text, i).Length); k < length && i + k < text.Count; k++) namedAgain[i + k] = true;
        if (words.All(i => (fillers[i] || Another.Contains(text.Tokens[i].Text) || WrongWords.Contains(text.Tokens[i].Text)
                            || namedAgain[i] || text.Tokens[i].Text is "chua" or "dung" or "khong" or "ko" or "di" or "lai") && !text.Tokens[i].IsNumber)
            || (words.Count == 1 && best.Part != DraftPart.Name && !text.Tokens[to.First].IsNumber && !text.Tokens[to.First].Capitalised))
            return new FlowReading(FlowIntent.Edit, best.Part);
        return new FlowReading(FlowIntent.Correction, best.Part, null, text.Span(to.First, to.Last), adds);
    }

    private static bool ColonBefore(TokenizedText text, int i) =>
        text.Tokens[i].BreakBefore && text.Raw.AsSpan(text.Tokens[i - 1].End, text.Tokens[i].Start - text.Tokens[i - 1].End).Contains(':');

    /// <summary>Where the words added begin, after "(em) (muốn) thêm (vào) (là)" at <paramref name="at"/>; 0 when adding is not said there.</summary>
    private static int AddingSaid(TokenizedText text, int at)
    {
        while (at < text.Count && (Speakers.Contains(text.Tokens[at].Text) || text.Tokens[at].Text is "muon" or "can" or "xin" or "ghi" or "viet" or "noi" or "ro")) at++;
        if (at >= text.Count || text.Tokens[at].Text != "them") return 0;
        at++;
        // "thêm là chỗ đó có khúc cua": "chỗ" typed with its mark is the place, not "cho".
        while (at < text.Count && (text.Tokens[at].Text is "vao" or "la" or "y" || text.Tokens[at] is { Text: "cho", Accented: null })) at++;
        return at < text.Count ? at : 0;
    }

    private static readonly HashSet<string> MistypedWords = ["luc", "nay", "ban", "vua", "roi", "khi", "nay", "em", "toi", "minh", "go", "ghi", "viet", "nhap", "danh", "nham", "sai", "bi", "a", "nhe", "ad"];

    /// <summary>
    /// The message ends by saying something was mistyped ("…, lúc nãy gõ nhầm", "…, e ghi sai"): the words before that
    /// pause are what it should be. Which part is the engine's to find (a place word makes it the address).
    /// </summary>
    private FlowReading? MistypedAtTheEnd(TokenizedText text)
    {
        var end = text.Count - 1;
        while (end > 0 && text.Tokens[end].Text is "a" or "nhe" or "nha" or "ad" or "admin" or "roi") end--;
        // "…, chị ghi nhầm thành 12 rồi": what it was wrongly written as may follow the cue.
        var written = Enumerable.Range(2, Math.Max(0, end - 1)).LastOrDefault(i => text.Tokens[i].Text == "thanh" && text.Tokens[i - 1].Text is "nham" or "sai");
        if (written > 0 && end - written <= 4 && !Enumerable.Range(written, end - written + 1).Any(i => text.Tokens[i].BreakBefore)) end = written - 1;
        if (end < 2 || text.Tokens[end].Text is not ("nham" or "sai")) return null;
        var start = end;
        while (start > 0 && !text.Tokens[start].BreakBefore) start--;
        if (start == 0 || !Enumerable.Range(start, end - start + 1).All(i => MistypedWords.Contains(text.Tokens[i].Text) || Speakers.Contains(text.Tokens[i].Text))) return null;
        var to = Trim(text, ValueStart(text, SkipLeadingNoise(text, 0, start), start), start - 1);
        if (to is null) return null;
        // "nhà tôi số 14 chứ không phải 12, ghi nhầm": what it is not, said before the slip is owned, is no part of the value.
        var denial = Enumerable.Range(to.Value.First + 1, Math.Max(0, to.Value.Last - to.Value.First)).FirstOrDefault(k => text.Tokens[k].Text == "chu" && SequenceAt(text, k, Nots) == 3);
        if (denial > 0 && Trim(text, to.Value.First, denial - 1) is { } affirmed && Trim(text, denial + 3, to.Value.Last) is { } denied)
            return new FlowReading(FlowIntent.Correction, PartIn(text, affirmed.First, affirmed.Last + 1), text.Span(denied.First, denied.Last), text.Span(affirmed.First, affirmed.Last));
        return new FlowReading(FlowIntent.Correction, PartIn(text, to.Value.First, to.Value.Last + 1), null, text.Span(to.Value.First, to.Value.Last));
    }

    /// <summary>
    /// Where the value begins, from <paramref name="from"/>: past an opening said on its own ("khoan, …") and the words
    /// that open a value without being part of it ("nhà bác số 31 …" is "số 31 …").
    /// </summary>
    private static int ValueStart(TokenizedText text, int from, int before)
    {
        var pause = Enumerable.Range(from + 1, Math.Max(0, before - from - 1)).FirstOrDefault(i => text.Tokens[i].BreakBefore);
        if (pause > 0 && Enumerable.Range(from, pause - from).All(i => Interjections.Contains(text.Tokens[i].Text))) from = pause;
        for (; from < before - 1; from++)
        {
            var word = text.Tokens[from];
            var opener = ValueOpeners.Contains(word.Text) && word.Accented != House;
            var homeOfTheSpeaker = word.Text == "nha" && Speakers.Contains(text.Tokens[from + 1].Text);
            var speakerAfterHome = from > 0 && text.Tokens[from - 1].Text == "nha" && Speakers.Contains(word.Text);
            if (!opener && !homeOfTheSpeaker && !speakerAfterHome) break;
        }
        return from;
    }

    private static readonly HashSet<string> Interjections = ["khoan", "a", "o", "ay", "ui", "oi", "chet", "da", "thoi"];

    // "nhà tôi", "nhà tui", "của tôi", "là": what opens the right value without being part of it.
    private static readonly HashSet<string> ValueOpeners = ["nha", "toi", "tui", "em", "minh", "cua", "la", "phai", "dung"];

    /// <summary>
    /// The message opens by saying something was mistyped and the next clause is what it should be ("ghi nhầm rồi, nhà
    /// tôi số 21", "nhầm rồi, số 21 đường Lý Thái Tổ"). As at the end, which part is the engine's to find.
    /// </summary>
    private FlowReading? MistypedFirst(TokenizedText text)
    {
        // "khoan, lúc nãy viết nhầm, …": an interjection said on its own first is only the pause before it.
        var opening = 0;
        var pause = text.FirstClauseBreak();
        if (pause > 0 && Enumerable.Range(0, pause).All(i => Interjections.Contains(text.Tokens[i].Text)))
        {
            opening = pause;
            pause = opening + 1;
            while (pause < text.Count && !text.ClauseBreakBefore(pause)) pause++;
            if (pause >= text.Count) return null;
        }
        if (pause - opening is 0 or > 5 || !Enumerable.Range(opening, pause - opening).All(i => MistypedWords.Contains(text.Tokens[i].Text) || Speakers.Contains(text.Tokens[i].Text))
            || !Enumerable.Range(opening, pause - opening).Any(i => text.Tokens[i].Text is "nham" or "sai")) return null;
        // "nhầm rồi, là cống chứ không phải đèn": the rest says what it is not as well — read as that, not as this.
        if (Enumerable.Range(pause, text.Count - pause).Any(i => text.Tokens[i].Text == "phai")) return null;
        var first = pause;
        while (first < text.Count - 1 && ValueOpeners.Contains(text.Tokens[first].Text) && text.Tokens[first].Accented != House
               || first < text.Count - 1 && text.Tokens[first].Text == "nha" && text.Tokens[first + 1].Text is "toi" or "tui" or "em" or "minh") first++;
        var to = Trim(text, first, text.Count - 1);
        return to is null ? null : new FlowReading(FlowIntent.Correction, PartIn(text, to.Value.First, to.Value.Last + 1), null, text.Span(to.Value.First, to.Value.Last));
    }

    // Words before a denial that only own the slip: "à không cháu ơi bác nói nhầm …".
    private static readonly HashSet<string> SlipOwning =
        ["a", "o", "u", "khong", "ko", "k", "chau", "con", "em", "e", "oi", "bac", "toi", "tui", "minh", "noi", "ghi", "go", "viet", "nham", "sai", "roi", "ad", "ban", "anh", "chi", "co", "chu"];

    private const int SlipOwningAtMost = 10;

    private static bool OwnsTheSlip(TokenizedText text, int denial) =>
        denial <= SlipOwningAtMost && Enumerable.Range(0, denial).All(k => SlipOwning.Contains(text.Tokens[k].Text))
        && Enumerable.Range(0, denial).Any(k => text.Tokens[k].Text is "nham" or "sai");

    // "lúc nãy", "hồi nãy", "vừa rồi": when the slip was made.
    private static readonly HashSet<string> SlipTime = ["luc", "hoi", "nay", "vua", "ban", "khi"];

    private static readonly HashSet<string> Denying = ["khong", "ko", "k", "chang", "hong"];

    /// <summary>
    /// "à lúc nãy tôi nói nhầm, đèn không hỏng hẳn mà đèn chập chờn lúc sáng lúc tắt": the slip owned in a clause of its
    /// own, then the thing (a few words), what it is not and what it is — a correction of the matter.
    /// </summary>
    private static FlowReading? SlipThenDenied(TokenizedText text)
    {
        var pause = Enumerable.Range(1, Math.Max(0, text.Count - 1)).FirstOrDefault(k => text.Tokens[k].BreakBefore);
        if (pause is 0 or > SlipOwningAtMost
            || !Enumerable.Range(0, pause).All(k => SlipOwning.Contains(text.Tokens[k].Text) || SlipTime.Contains(text.Tokens[k].Text))
            || !Enumerable.Range(0, pause).Any(k => text.Tokens[k].Text is "nham" or "sai")) return null;
        for (var i = pause + 1; i <= Math.Min(pause + 3, text.Count - 1); i++)
        {
            if (!Denying.Contains(text.Tokens[i].Text) || text.Tokens[i].BreakBefore) continue;
            var but = Enumerable.Range(i + 2, Math.Max(0, text.Count - i - 3)).FirstOrDefault(k => text.Tokens[k].Text == "ma" && !text.Tokens[k].BreakBefore);
            if (but == 0) return null;
            var meantFrom = but + 1 < text.Count && text.Tokens[but + 1].Text == "la" ? but + 2 : but + 1;
            return Trim(text, i + 1, but - 1) is { } denied && Trim(text, meantFrom, text.Count - 1) is { } meant && meant.Last - meant.First >= 1
                ? new FlowReading(FlowIntent.Correction, DraftPart.None, text.Span(denied.First, denied.Last), text.Span(meant.First, meant.Last))
                : null;
        }
        return null;
    }

    private static readonly string Rather = ZaloBot.Domain.Text.TextNormalizer.ToneLast("chứ");

    private static readonly string Emphatic = ZaloBot.Domain.Text.TextNormalizer.ToneLast("cơ");

    /// <summary>"số 21 cơ bác già rồi hay lẫn": the emphatic "cơ" closes what is meant; the chatter after it is no part of it.</summary>
    private static int EndOfMeant(TokenizedText text, int first)
    {
        for (var k = first + 1; k < text.Count - 1; k++)
            if (text.Tokens[k].Text == "co" && text.Tokens[k].Accented == Emphatic) return k;
        return text.Count - 1;
    }

    /// <summary>The words first..last without trailing particles; null when nothing is left.</summary>
    private static (int First, int Last)? Trim(TokenizedText text, int first, int last)
    {
        // "nhà" (a house) is not the particle "nha"; and "rồi" closing a sentence of five words or more is part of it
        // ("đèn hỏng hai tuần rồi": for two weeks now), where after a value it is only a particle ("số 21 rồi").
        while (last >= first && TrailingNoise.Contains(text.Tokens[last].Text) && text.Tokens[last].Accented != House
               && !(text.Tokens[last].Text is "roi" && last - first >= 5 && !TrailingNoise.Contains(text.Tokens[last - 1].Text)))
            last--;
        return last >= first ? (first, last) : null;
    }

    /// <summary>
    /// <paramref name="value"/> with the words <paramref name="from"/> replaced by <paramref name="to"/>, compared
    /// without case or diacritics; null when they are not in it. A lone number is replaced by the number in
    /// <paramref name="to"/> ("12" → "số 21" makes "số 21", not "số số 21"), and a marker already before the words is
    /// not repeated ("đường Lý Thái Tổ" with "đường Trần Phú").
    /// </summary>
    public string? Replace(string? value, string from, string to)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var text = Tokenize(value);
        var words = Tokenize(from).Tokens.Select(t => t.Text).ToArray();
        if (words.Length == 0) return null;
        for (var i = 0; i + words.Length <= text.Count; i++)
        {
            var ok = true;
            for (var j = 0; j < words.Length && ok; j++) ok = text.Tokens[i + j].Text == words[j];
            if (!ok) continue;
            var replacement = to.Trim();
            var toText = Tokenize(replacement);
            if (words.Length == 1 && text.Tokens[i].IsNumber && toText.Tokens.Count(t => t.IsNumber) == 1)
                replacement = toText.Tokens.First(t => t.IsNumber) is var n ? replacement[n.Start..n.End] : replacement;
            // "ảnh này chụp trước số 14 chứ không phải số 12", "… cống tắc từ cuối ngõ chứ ko phải đầu ngõ": what it should be
            // is the same shape at the end of the words said ("số 14" for "số 12", "cuối ngõ" for "đầu ngõ"), the rest only
            // how the citizen noticed.
            else if (words.Length > 1 && toText.Count > words.Length
                     && toText.Tokens[toText.Count - words.Length].Text == words[0])
                replacement = replacement[toText.Tokens[toText.Count - words.Length].Start..];
            else if (toText.Count > 0)
            {
                // "đổi "nguy hiểm" thành "tối đi lại rất khó khăn"" in "…, tối đi lại rất nguy hiểm": the words standing before
                // the ones replaced, said again, are not written twice …
                var said = Enumerable.Range(1, Math.Max(0, Math.Min(i, toText.Count - 1))).LastOrDefault(k =>
                    Enumerable.Range(0, k).All(j => toText.Tokens[j].Text == text.Tokens[i - k + j].Text));
                // … nor those standing after them ("số 21 đường Lý Thái Tổ chứ không phải số 12" in "số 12 đường Lý Thái Tổ").
                var after = i + words.Length;
                var again = Enumerable.Range(1, Math.Max(0, Math.Min(text.Count - after, toText.Count - 1 - said))).LastOrDefault(k =>
                    Enumerable.Range(0, k).All(j => toText.Tokens[toText.Count - k + j].Text == text.Tokens[after + j].Text));
                var first = toText.Tokens[said];
                // The same opening word keeps the draft's spelling: "so 21" for "số 12" is "số 21".
                var opening = said == 0 && first.Text == words[0] ? value[text.Tokens[i].Start..text.Tokens[i].End] : replacement[first.Start..first.End];
                if (said > 0 || again > 0 || opening != replacement[first.Start..first.End])
                    replacement = opening + replacement[first.End..toText.Tokens[toText.Count - 1 - again].End];
            }
            return value[..text.Tokens[i].Start] + replacement + value[text.Tokens[i + words.Length - 1].End..];
        }
        return null;
    }

    /// <summary>The first number in <paramref name="value"/> replaced by the first in <paramref name="to"/> ("số nhà sai, phải là 21").</summary>
    public string? ReplaceNumber(string? value, string to)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var number = Tokenize(value).Tokens.FirstOrDefault(t => t.IsNumber);
        var toNumber = Tokenize(to).Tokens.FirstOrDefault(t => t.IsNumber);
        if (number.Text is null || toNumber.Text is null) return null;
        return value[..number.Start] + to[toNumber.Start..toNumber.End] + value[number.End..];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bmuon (viet|ghi|sua|noi|ke)\b.*\b(hon|lai)\b")]
    private static partial System.Text.RegularExpressions.Regex WantsToWriteIt();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(viet (the|vay|nhu the)|doc (cha|chang|khong|ko|k) (ai )?hieu|kho hieu|lung cung|lon xon|chua (ro|ro rang|du)|(dai|ngan|so sai) qua|sai chinh ta)\b")]
    private static partial System.Text.RegularExpressions.Regex RemarkOnTheWriting();

    [System.Text.RegularExpressions.GeneratedRegex(@"[""“](?<from>[^""“”]{1,80})[""”]\s*(?:thành|thanh|sang|bằng|bang|là|la)\s*[""“](?<to>[^""“”]{1,200})[""”]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex QuotedSwap();
}
