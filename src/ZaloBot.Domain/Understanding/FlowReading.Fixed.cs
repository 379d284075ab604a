namespace ZaloBot.Domain.Understanding;

// The answer to "is it fixed?" typed in words.
public sealed partial class Understander
{
    /// <summary>"chưa", "vẫn còn", "rồi", "xong rồi", "ok rồi", the buttons' titles — while "is it fixed?" is open.</summary>
    public FixedAnswer AnswerToFixed(string raw)
    {
        var text = Tokenize(raw);
        if (text.Count == 0) return FixedAnswer.None;
        var fillers = Set(FlowAnswers.Fillers);
        var notFixed = Set(FlowAnswers.NotFixed);
        if (CoveredBy(text, [notFixed], fillers)) return FixedAnswer.NotFixed;
        Phrase[] politeness = [.. fillers, .. _intents.GetValueOrDefault("thanks") ?? []];
        if (CoveredBy(text, [Set(FlowAnswers.Fixed)], politeness)) return FixedAnswer.Fixed;
        // "đèn sáng lại rồi": one word naming the thing, the rest an answer — unless that word is a problem ("hỏng rồi").
        if (Uncovered(text, [Set(FlowAnswers.Fixed)], politeness, out var saidFixed) == 1 && saidFixed
            && Score(text, notFixed).Score == 0 && !ProblemBesideThanks(text))
            return FixedAnswer.Fixed;
        // "sửa được 2 hôm lại hỏng": mended, then broken again — not fixed, and said in the citizen's words.
        if (Found(text, Set(FlowAnswers.BrokeAgain))) return FixedAnswer.NotFixedSaid;
        // "có mấy anh xuống chỉ chụp ảnh xong đi": nobody mended anything, whatever "xong" says.
        if (NobodyCame.IsMatch(text.Window(0, text.Count))) return FixedAnswer.NotFixedSaid;
        if (FixedBut(text, Set(FlowAnswers.Fixed), notFixed)) return FixedAnswer.Fixed;
        if (FixedInOtherWords(text) || FixedAmongWords(text, Set(FlowAnswers.Fixed), notFixed) || FixedAtTheOpening(text, politeness, notFixed)) return FixedAnswer.Fixed;
        if (FixedAfterTheTurn(text, notFixed)) return FixedAnswer.Fixed;
        if (StillThere(text) || NotYetAfterBut(text, notFixed)) return FixedAnswer.NotFixedSaid;
        // Starts with "chưa…"/"vẫn…" and goes on to say what remains.
        var first = Best(text, 0, notFixed).Length;
        if (first == 0 && text.Count > 1 && Best(text, 1, notFixed).Length > 0 && Best(text, 0, fillers).Length == 1) first = 1 + Best(text, 1, notFixed).Length;
        return first > 0 && text.Count - first >= 2 ? FixedAnswer.NotFixedSaid : FixedAnswer.None;
    }

    /// <summary>
    /// "tôi đi công tác chưa về nên chưa biết, để về xem rồi báo lại", "thôi khỏi hỏi nữa": no answer to "is it fixed?"
    /// yet, or none wanted — never a "not fixed" (the "chưa" of "chưa biết" is not the "chưa" of "chưa sửa") and never
    /// a new complaint. Whatever says it is still broken or fixed in two words or more ("vẫn còn", "chưa sửa", "xong
    /// rồi") outweighs it.
    /// </summary>
    public bool PutsOffFixed(string raw)
    {
        var text = Tokenize(raw);
        var putOff = Set(FlowAnswers.NotCheckedYet);
        if (!Found(text, putOff) || StillThere(text) || Found(text, Set(FlowAnswers.BrokeAgain))) return false;
        // "không biết thủ tục làm sổ đỏ thế nào", "không biết ai đổ rác ở đầu ngõ": a question or a new problem, not an answer.
        var scores = Understand(raw).Scores;
        if (scores.GetValueOrDefault("question") >= 3 || scores.GetValueOrDefault("problem") >= 3 || scores.GetValueOrDefault("complaint") >= 2) return false;
        var covered = new bool[text.Count];
        for (var i = 0; i < text.Count; i++)
            for (var j = 0; j < Best(text, i, putOff).Length; j++) covered[i + j] = true;
        Phrase[] said = [.. Set(FlowAnswers.NotFixed), .. Set(FlowAnswers.Fixed)];
        for (var i = 0; i < text.Count; i++)
            if (!covered[i] && Best(text, i, said).Length >= 2) return false;
        return true;
    }

    /// <summary>
    /// "hôm qua thì vẫn tối om như mọi khi, nhưng mà sáng nay có mấy anh công nhân đến trèo lên cột … tối nay đèn sáng
    /// rồi": a story that turns — what follows its last "but" says fixed, with nothing still wrong in it, and decides.
    /// </summary>
    private bool FixedAfterTheTurn(TokenizedText text, Phrase[] notFixed)
    {
        var turn = Enumerable.Range(1, Math.Max(0, text.Count - 1)).LastOrDefault(i => text.Tokens[i].Text == "nhung");
        if (turn == 0) return false;
        var from = turn + 1;
        if (from < text.Count && text.Tokens[from].Text == "ma") from++;
        if (text.Count - from < 3) return false;
        return FixedAmongWords(Tokenize(text.RawFrom(from)), Set(FlowAnswers.Fixed), notFixed);
    }

    /// <summary>
    /// "rồi cháu ạ, hôm qua có mấy chú thợ điện xuống thay bóng, tối qua sáng trưng": the opening clause is wholly a
    /// "fixed", and what follows tells how — nothing still wrong, nothing broken again, no "but".
    /// </summary>
    private bool FixedAtTheOpening(TokenizedText text, Phrase[] politeness, Phrase[] notFixed)
    {
        var pause = text.FirstClauseBreak();
        if (pause == 0) return false;
        var seen = WhenSeen(text, pause);
        if (seen >= pause || !CoveredBy(Tokenize(text.Raw[text.Tokens[seen].Start..text.Tokens[pause].Start]), [Set(FlowAnswers.Fixed)], politeness)) return false;
        var rest = Tokenize(text.RawFrom(pause));
        return Score(rest, notFixed).Score == 0 && !Found(rest, Set(FlowAnswers.BrokeAgain))
               && !rest.Tokens.Any(t => t.Text is "chua" or "van" or "nhung" or "khong" or "ko" or "hong" or "con");
    }

    /// <summary>
    /// "sáng nay thấy sáng rồi, mà phải chửi mới làm", "ôi sửa rồi nha, …": when and how it was seen, or an exclamation,
    /// before the answer — the first word after them.
    /// </summary>
    private static int WhenSeen(TokenizedText text, int before)
    {
        var at = 0;
        while (at < before - 1)
        {
            var (word, next) = (text.Tokens[at].Text, text.Tokens[at + 1].Text);
            if (word is "sang" or "toi" or "dem" or "chieu" or "trua" or "hom" && next is "nay" or "qua") at += 2;
            else if (word == "bay" && next == "gio") at += 2;
            // "ôi sửa rồi nha": an exclamation first.
            else if (word is "thay" or "nay" or "gio" or "da" or "oi" or "ui" or "a" or "o" or "u" or "uh" or "chao") at++;
            else break;
        }
        return at;
    }
}
