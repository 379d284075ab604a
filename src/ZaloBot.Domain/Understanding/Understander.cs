using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;

namespace ZaloBot.Domain.Understanding;

/// <summary>What a whole message at the menu (or as a first message) is about.</summary>
public enum MessageIntent
{
    None,
    Greeting,
    Thanks,
    Help,
    Info,
    Complaint,
    Status,
    Question,
}

/// <summary>
/// What the understander made of a message. <paramref name="Description"/> is the text with a leading greeting or
/// "I want to complain" preamble removed, when enough is left to be a description of a problem;
/// <paramref name="ExplicitComplaint"/> says the citizen used a complaint word ("phản ánh", "kiến nghị"…) rather than
/// only describing something.
/// </summary>
/// <param name="ByOpinion">The second opinion overruled the phrases' intent: the phrase scores no longer tell what was meant.</param>
public sealed record Meaning(MessageIntent Intent, bool Greeted, bool ExplicitComplaint, string? Description, IReadOnlyDictionary<string, double> Scores, bool ByOpinion = false);

/// <summary>The answer sets of the phrase table's "answers" section.</summary>
public static class Answer
{
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Help = "help";
    public const string Menu = "menu";
    public const string StartOver = "startOver";
    public const string Greeting = "greeting";
    public const string Yes = "yes";
    public const string No = "no";
    public const string Submit = "submit";
    public const string Edit = "edit";
    public const string Done = "done";
    public const string Skip = "skip";
    public const string Resume = "resume";
    public const string Afresh = "afresh";
    public const string UseContact = "useContact";
    public const string ClearAttachments = "clearAttachments";
    public const string OtherCategory = "otherCategory";
    /// <summary>Words that ask for another field wherever they stand in a message ("…, chọn mục khác giúp tôi").</summary>
    public const string AnotherField = "anotherField";
}

/// <summary>
/// Understands citizens' free text with a compiled <see cref="PhraseTable"/>: weighted phrases matched on normalised
/// words, tolerant of a slip in phrases of six letters or more. Pure and thread-safe once built; the engine gets it
/// through <see cref="ConversationContext.Understanding"/>; the service adds a trained model's second opinion (ZaloBot.IntentModel, docs/understanding.md).
/// </summary>
public sealed partial class Understander
{
    /// <summary>A score at or above this makes an intent (one clear phrase such as "phản ánh" or "giải quyết chưa").</summary>
    private const double IntentThreshold = 2;

    /// <summary>A message this long with no known phrase is still most likely a citizen describing a problem.</summary>
    private const int FallbackContentWords = 5;
    private const int DescriptionContentWords = 4;

    private static readonly Lazy<Understander> BuiltIn = new(() => new Understander(PhraseTable.BuiltIn()));

    private readonly Tokenizer _tokenizer;
    private readonly Dictionary<string, Phrase[]> _intents;
    private readonly Phrase[] _allIntents;
    private readonly Phrase[][] _tableCategories;

    /// <summary>Every word of the table. A slip is only forgiven in a word outside it: "cần" is a word, "phna" a typo.</summary>
    private readonly HashSet<string> _known;
    private readonly Dictionary<string, Phrase[]> _answers;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Phrase[]> _categoryCache = new();
    private readonly Phrase[] _fillers;
    private readonly PlaceWords _place;
    private readonly Phrase[] _honorifics;
    private readonly Phrase[] _contactLabels;

    public Understander(PhraseTable table)
    {
        Table = table;
        _tokenizer = new Tokenizer(table);
        _known = table.Intents.Values.SelectMany(i => i.Keys)
            .Concat(table.Answers.Values.SelectMany(a => a)).Concat(table.Categories.Values.SelectMany(c => c.Keys)).Concat(table.Signals.Values.SelectMany(c => c.Keys))
            .Concat(table.Fillers).Concat(table.Place.StopWords).Concat(table.Place.Named).Concat(table.Place.Numbered)
            .SelectMany(p => _tokenizer.Tokenize(p).Tokens.Select(t => t.Text))
            .ToHashSet();
        _intents = table.Intents.ToDictionary(i => i.Key, i => Compile(i.Value, intent: i.Key));
        _tableCategories = table.Categories.Values.Select(c => Compile(c)).ToArray();
        _allIntents = _intents.Values.SelectMany(p => p).OrderByDescending(p => p.Words.Length).ThenByDescending(p => p.Weight).ToArray();
        _answers = table.Answers.ToDictionary(a => a.Key, a => Compile(a.Value.ToDictionary(p => p, _ => 1.0)));
        // Fillers must match exactly: a slip could turn a content word into "nothing".
        _fillers = Compile(table.Fillers.ToDictionary(f => f, _ => 0.0), fuzzy: false);
        _place = new PlaceWords(this, table.Place);
        _honorifics = Compile(table.Contact.Honorifics.ToDictionary(h => h, _ => 0.0), fuzzy: false);
        _contactLabels = Compile(table.Contact.Labels.ToDictionary(h => h, _ => 0.0), fuzzy: false);
    }

    /// <summary>The built-in table, compiled once.</summary>
    public static Understander Default => BuiltIn.Value;

    public PhraseTable Table { get; }

    // ---- phrases ----

    /// <summary>
    /// A phrase as normalised words; <see cref="Slips"/> is how many typing slips still match it. <see cref="Accented"/>
    /// is set for a short single word written with diacritics in the table: without them such words collide
    /// ("đổ", "đó", "do" are all "do"), so when the citizen typed diacritics too, they must agree.
    /// <see cref="Marks"/> holds, per word of a longer phrase, the word as written with its marks (null without): "vỡ
    /// đê" is not "Võ đề nghị", "đổ đè" not "lý do, đề nghị" — where the citizen typed marks, they must agree, or lack
    /// only the tone.
    /// </summary>
    private sealed record Phrase(string[] Words, string Joined, double Weight, int Slips, string? Accented = null, string Intent = "", string?[]? Marks = null, bool[]? Pauses = null);

    private const int AmbiguousWordLength = 4;

    private Phrase[] Compile(Dictionary<string, double> phrases, bool fuzzy = true, string intent = "") =>
        phrases
            .Select(p => (Tokens: _tokenizer.Tokenize(p.Key).Tokens, p.Value, p.Key))
            .Where(p => p.Tokens.Count > 0)
            .Select(p =>
            {
                var words = p.Tokens.Select(t => t.Text).ToArray();
                var joined = string.Join(' ', words);
                var slips = !fuzzy || joined.Any(char.IsAsciiDigit) ? 0 : joined.Length >= 12 ? 2 : joined.Length >= 6 ? 1 : 0;
                // Written without diacritics in the table, a short word is that plain word: "anh" (a form of address)
                // is not the "ảnh" (photo) a citizen typed with its marks, "cho" is not "chó".
                var accented = words.Length == 1 && joined.Length <= AmbiguousWordLength ? p.Tokens[0].Accented ?? PlainTyped(p.Key, p.Tokens[0]) : null;
                var marks = words.Length > 1 ? p.Tokens.Select(t => t.Accented is { } a ? WithoutStroke(a) : null).ToArray() : null;
                var pauses = words.Length > 1 ? p.Tokens.Select(t => t.BreakBefore).ToArray() : null;
                return new Phrase(words, joined, p.Value, slips, accented, intent, marks is not null && marks.Any(m => m is not null) ? marks : null, pauses);
            })
            // Longest first, so that "gửi phản ánh" wins over "phản ánh" at the same place.
            .OrderByDescending(p => p.Words.Length).ThenByDescending(p => p.Weight)
            .ToArray();

    internal TokenizedText Tokenize(string raw) => _tokenizer.Tokenize(raw);

    /// <summary>A table word typed without marks, as a citizen's plain typing would read (letters only, no abbreviation).</summary>
    private static string? PlainTyped(string written, Token token) =>
        written.Trim().Equals(token.Text, StringComparison.OrdinalIgnoreCase) && token.Text.All(char.IsAsciiLetterLower) ? token.Text : null;

    /// <summary>How many words from <paramref name="at"/> the phrase covers (0: no match).</summary>
    private int Match(TokenizedText text, int at, Phrase phrase)
    {
        var k = phrase.Words.Length;
        if (at + k <= text.Count)
        {
            var exact = true;
            for (var j = 0; j < k && exact; j++) exact = text.Tokens[at + j].Text == phrase.Words[j];
            if (exact && phrase.Accented is not null && (text.Tokens[at].Accented ?? (text.WrittenWithMarks ? text.Tokens[at].Text : null)) is { } typed && typed != phrase.Accented) return 0;
            // A phrase does not run across a pause it does not have: "lý do, đề nghị" is not "đổ đè".
            if (exact && phrase.Pauses is { } pauses)
                for (var j = 1; j < k; j++)
                    if (!pauses[j] && text.ClauseBreakBefore(at + j)) return 0;
            if (exact && phrase.Marks is { } marks)
                for (var j = 0; j < k; j++)
                    if (!MarksAgree(text.Tokens[at + j], marks[j])) return 0;
            if (exact) return k;
        }
        if (phrase.Slips == 0) return 0;
        // The same words with a slip, a missing space ("phananh") or an extra one ("phan an h").
        foreach (var length in (ReadOnlySpan<int>)[k, k - 1, k + 1])
        {
            if (length < 1 || at + length > text.Count) continue;
            // The window's first letter and length, its digits and known words are read from its words: most phrases
            // fail here, and the words are joined only for the few left.
            var size = text.WindowLength(at, length);
            var first = text.Tokens[at].Text is { Length: > 0 } word ? word[0] : size > 0 ? ' ' : text.Window(at, length)[0];
            if (first != phrase.Joined[0] || Math.Abs(size - phrase.Joined.Length) > phrase.Slips) continue;
            if (text.AnyDigit(at, length)) continue;
            // Known words typed correctly mean something else ("cần phản ánh" is not "cách phản ánh").
            if (AllKnown(text, at, length)) continue;
            // A word typed with its marks is the word meant: "có giọt nào" is not "co giật", a slip or not.
            if (length == k && MarkedOtherWord(text, at, phrase)) continue;
            if (Fuzzy.Distance(text.Window(at, length), phrase.Joined, phrase.Slips) <= phrase.Slips) return length;
        }
        return 0;
    }

    /// <summary>
    /// A word typed with marks (beyond the đ stroke, which citizens drop freely) against the table's: the same, or the
    /// same without its tone ("ngâp" for "ngập" — a tone left off is a slip, a different vowel is another word).
    /// </summary>
    private static bool MarksAgree(Token token, string? written)
    {
        if (written is null || token.Accented is not { } accented) return true;
        var typed = WithoutStroke(accented);
        if (typed == token.Text) return true;
        return typed == written || typed == written.TrimEnd('\u0300', '\u0301', '\u0303', '\u0309', '\u0323');
    }

    private static string WithoutStroke(string word) => word.Replace('đ', 'd');

    private static bool MarkedOtherWord(TokenizedText text, int at, Phrase phrase)
    {
        for (var j = 0; j < phrase.Words.Length; j++)
            if (text.Tokens[at + j] is { Accented: not null } typed && typed.Text != phrase.Words[j]) return true;
        return false;
    }

    private bool AllKnown(TokenizedText text, int at, int length) => text.NextUnknown(at, _known) >= at + length;

    /// <summary>The longest phrase matching at <paramref name="at"/>: (words covered, weight, the phrase).</summary>
    private (int Length, double Weight, Phrase? Phrase) Best(TokenizedText text, int at, Phrase[] phrases)
    {
        (int Length, double Weight, Phrase? Phrase) best = (0, 0.0, null);
        // Past the last word (a message of only "-" or an emoji has none) nothing matches.
        if (at >= text.Count) return best;
        foreach (var phrase in Candidates(text, at, phrases))
        {
            var length = Match(text, at, phrase);
            if (length > best.Length || (length == best.Length && length > 0 && phrase.Weight > best.Weight)) best = (length, phrase.Weight, phrase);
        }
        return best;
    }

    /// <summary>
    /// The phrases that can match at a word: exactly or with a slip, a phrase matches only where it begins with the
    /// word's first letter (<see cref="Match"/> compares the window's first letter before anything else), so only those
    /// are tried, in the table's order (ties go to the first, as before). Grouped once per phrase list. A slip is
    /// forgiven only in a window holding a word the table does not know: when there is none within the longest window a
    /// slip could cover, only the phrases whose first word is this very word can match, and only those are tried.
    /// </summary>
    private Phrase[] Candidates(TokenizedText text, int at, Phrase[] phrases)
    {
        var word = text.Tokens[at].Text;
        if (word.Length == 0) return phrases;
        var index = _indexes.GetValue(phrases, static list => new PhraseIndex(list));
        if (text.NextUnknown(at, _known) >= at + index.LongestSlipWindow)
            return index.ByFirstWord.TryGetValue(word, out var exact) ? exact : [];
        return index.ByFirstLetter.TryGetValue(word[0], out var candidates) ? candidates : [];
    }

    private sealed class PhraseIndex(Phrase[] list)
    {
        public Dictionary<char, Phrase[]> ByFirstLetter { get; } =
            list.Where(p => p.Joined.Length > 0).GroupBy(p => p.Joined[0]).ToDictionary(g => g.Key, g => g.ToArray());

        public Dictionary<string, Phrase[]> ByFirstWord { get; } =
            list.GroupBy(p => p.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        /// <summary>The most words a window matched with a slip can have (a phrase's words and one more for an extra space).</summary>
        public int LongestSlipWindow { get; } = list.Where(p => p.Slips > 0).Select(p => p.Words.Length + 1).DefaultIfEmpty(0).Max();
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Phrase[], PhraseIndex> _indexes = new();

    /// <summary>Sum of the weights of non-overlapping phrases found anywhere, and which words they cover.</summary>
    private (double Score, bool[] Used) Score(TokenizedText text, Phrase[] phrases)
    {
        var used = new bool[text.Count];
        var score = 0.0;
        for (var i = 0; i < text.Count;)
        {
            var (length, weight, _) = Best(text, i, phrases);
            if (length == 0)
            {
                i++;
                continue;
            }
            score += weight;
            for (var j = i; j < i + length; j++) used[j] = true;
            i += length;
        }
        return (score, used);
    }

    private bool[] Fillers(TokenizedText text)
    {
        var fillers = new bool[text.Count];
        for (var i = 0; i < text.Count;)
        {
            var length = Best(text, i, _fillers).Length;
            if (length == 0)
            {
                i++;
                continue;
            }
            for (var j = i; j < i + length; j++) fillers[j] = true;
            i += length;
        }
        return fillers;
    }

    // ---- short answers at a step ----

    /// <summary>
    /// The whole message is this answer: one of its phrases (with a slip in longer ones), or only its phrases and
    /// politeness ("ok gửi đi nhé"). A word outside them ("hủy chuyến xe buýt") makes it not this answer.
    /// </summary>
    public bool Is(string answer, string raw)
    {
        if (!_answers.TryGetValue(answer, out var phrases)) return false;
        var normalized = TextNormalizer.Normalize(raw);
        if (normalized.Length == 0) return false;
        var text = Tokenize(raw);
        var expanded = text.Window(0, text.Count);
        foreach (var phrase in phrases)
        {
            if (Fuzzy.SameWords(normalized, phrase.Joined) || Fuzzy.SameWords(expanded, phrase.Joined)) return true;
        }
        return Covers(text, phrases);
    }

    /// <summary>One of this answer's phrases stands somewhere in the message, whatever else is said around it.</summary>
    public bool Names(string answer, string raw) => _answers.TryGetValue(answer, out var phrases) && Found(Tokenize(raw), phrases);

    private bool Covers(TokenizedText text, Phrase[] phrases)
    {
        var matched = false;
        for (var i = 0; i < text.Count;)
        {
            var length = Best(text, i, phrases).Length;
            if (length > 0)
            {
                matched = true;
                i += length;
                continue;
            }
            var filler = Best(text, i, _fillers).Length;
            if (filler == 0) return false;
            i += filler;
        }
        return matched;
    }

    /// <summary>A global command typed as a whole message ("hủy", "quay lại nhé"), else <see cref="GlobalCommand.None"/>.</summary>
    public GlobalCommand Command(string raw) =>
        Is(Answer.Cancel, raw) ? GlobalCommand.Cancel
        : Is(Answer.Back, raw) ? GlobalCommand.Back
        : Is(Answer.Help, raw) ? GlobalCommand.Help
        : Is(Answer.Menu, raw) ? GlobalCommand.Menu
        : Is(Answer.StartOver, raw) ? GlobalCommand.StartOver
        : GlobalCommand.None;

    // ---- whole messages ----

    /// <summary>
    /// The message cut into phrases, longest first across all intents (so "phản ánh" inside "phản ánh hôm trước" counts
    /// once, for the status question), and each phrase's weight added to its intent. Returns the scores, the phrase
    /// (if any) covering each word, and the phrases found, for explaining a decision.
    /// </summary>
    private (Dictionary<string, double> Scores, string?[] IntentOf, List<(string Intent, string Words, double Weight)> Found) Segment(TokenizedText text)
    {
        var scores = _intents.Keys.ToDictionary(k => k, _ => 0.0);
        var intentOf = new string?[text.Count];
        var found = new List<(string, string, double)>();
        for (var i = 0; i < text.Count;)
        {
            var (length, weight, phrase) = Best(text, i, _allIntents);
            if (phrase is null)
            {
                i++;
                continue;
            }
            scores[phrase.Intent] += weight;
            for (var j = i; j < i + length; j++) intentOf[j] = phrase.Intent;
            found.Add((phrase.Intent, text.Window(i, length), weight));
            i += length;
        }
        return (scores, intentOf, found);
    }

    private const string QuestionEnd = "questionEnd";
    private const string ProgressEnd = "progressEnd";
    private const string Negation = "negation";

    /// <summary>
    /// The message ends with one of <paramref name="phrases"/>, politeness after it allowed ("… phường nào vậy ạ").
    /// A phrase is tried before its words are taken for politeness: "nào" is both.
    /// </summary>
    /// <returns>Where the phrase starts, or -1.</returns>
    private int EndsWith(TokenizedText text, bool[] fillers, Phrase[] phrases)
    {
        for (var end = text.Count - 1; end >= 0; end--)
        {
            foreach (var phrase in phrases)
            {
                var start = end - phrase.Words.Length + 1;
                if (start >= 0 && Match(text, start, phrase) == phrase.Words.Length) return start;
            }
            if (!fillers[end]) return -1;
        }
        return -1;
    }

    /// <summary>A negation before <paramref name="at"/> — "không biết … ở đâu" asks, so "không biết/rõ" is not one.</summary>
    private bool Negated(TokenizedText text, int at)
    {
        var negations = _answers.GetValueOrDefault(Negation, []);
        for (var i = 0; i < at; i++)
        {
            var length = Best(text, i, negations).Length;
            if (length > 0 && !(i + length < text.Count && text.Tokens[i + length].Text is "biet" or "ro")) return true;
        }
        return false;
    }

    /// <summary>The phrases found in a message and the intent they vote for: why a message went where it went.</summary>
    public IReadOnlyList<(string Intent, string Words, double Weight)> Explain(string raw) => Segment(Tokenize(raw)).Found;

    /// <summary>What a message typed at the menu is about, and the problem it describes, if any.</summary>
    public Meaning Understand(string raw)
    {
        var text = Tokenize(raw);
        if (text.Count == 0) return new Meaning(MessageIntent.None, false, false, null, new Dictionary<string, double>());
        var (scores, intentOf, found) = Segment(text);
        DenyHelp(text, intentOf, scores);
        HelpThatIsNot(text, intentOf, scores);
        IndefiniteUnderNegation(text, scores);
        AskingInTheStory(text, intentOf, scores);
        HowToSendHere(raw, scores);
        ChaseWhatWasSent(raw, scores, found);
        // A contested decision is a khiếu nại to file, never a question, whatever topic it names.
        var contested = ContestsDecision(raw);
        if (contested)
            scores["problem"] = Math.Max(scores.GetValueOrDefault("problem"), Math.Max(scores.GetValueOrDefault("question"), scores.GetValueOrDefault("status")) + 1);
        var fillers = Fillers(text);

        // "… có làm việc thứ bảy không ạ", "… ở phường nào": a question ends with its question word.
        // After a negation the same words are indefinite: "không ai thông báo gì" says nobody told anything.
        if (text.Count >= 3 && EndsWith(text, fillers, _answers.GetValueOrDefault(QuestionEnd, [])) is var q and >= 0
            && !Negated(text, q))
            scores["question"] = scores.GetValueOrDefault("question") + 2.5;
        // "tuần sau có cắt điện khu mình không ạ, cho em xin lịch": the question may end the first clause instead.
        else if (text.FirstClauseBreak() is var firstBreak and >= 3 && Tokenize(text.RawBefore(firstBreak)) is var head
                 && EndsWith(head, Fillers(head), _answers.GetValueOrDefault(QuestionEnd, [])) is var hq and >= 0 && !Negated(head, hq))
            scores["question"] = scores.GetValueOrDefault("question") + 2.5;
        // "năm nay có phát tiền hỗ trợ lũ lụt không cháu, nhà bác ngập hết lúa": "có … không" said to someone asks.
        else if (AskedToSomeone.IsMatch(TextNormalizer.Normalize(raw)))
            scores["question"] = scores.GetValueOrDefault("question") + 2.5;
        if (raw.Contains('?')) scores["question"] = scores.GetValueOrDefault("question") + 1.5;
        // "… phản ánh hôm bữa có ai xem chưa": asking whether something happened yet is chasing what was sent, and
        // the complaint word in it names what is chased, not a new complaint.
        if (text.Count >= 3 && EndsWith(text, fillers, _answers.GetValueOrDefault(ProgressEnd, [])) is var p and >= 0 && intentOf[p] != "problem")
            scores["status"] = scores.GetValueOrDefault("status") + 2.5 + scores.GetValueOrDefault("complaint");

        // "kiến nghị tháng trước của tôi được trả lời ở đâu": with words of chasing and nothing wrong named, the
        // complaint word names what is chased — unless the citizen asks to send one ("muốn/cần/xin phản ánh").
        if (scores.GetValueOrDefault("status") >= IntentThreshold && scores.GetValueOrDefault("problem") == 0
            && !found.Any(f => f.Intent == "complaint" && f.Words.Split(' ')[0] is "muon" or "can" or "xin"))
            scores["status"] += scores.GetValueOrDefault("complaint");

        ChasesAnEarlierReport(raw, scores, found);
        DossierStillWaiting(raw, scores);
        AsksWhichWay(raw, scores);
        var askedHowToBring = AsksHowADisputeIsBrought(raw, scores);
        AsksEntitlement(raw, scores);
        RhetoricalAboutAWrong(raw, scores);
        ThanksForWhatWasDone(raw, scores);
        CanSendThisHere(raw, scores);
        // After the question's own words are counted: who the channel is outweighs them.
        AboutTheChannel(raw, scores);
        RefusedRepeatedly(raw, scores);
        OfficialsConduct(raw, scores);
        WantsToSendOne(raw, scores);
        ChangesWhatWasSent(raw, scores);
        var smallTalk = SetAsideSmallTalk(raw, scores);
        // Wrongdoing in office told is a tố cáo to file, even asked as a question ("có phải xếp danh sách theo quan hệ không").
        var denounced = !askedHowToBring && DenouncedToFile(raw);
        if (denounced)
            scores["problem"] = Math.Max(scores.GetValueOrDefault("problem"), Highest(scores, "question", "status", "help", "info") + 1);

        double S(string intent) => scores.GetValueOrDefault(intent);
        bool Preamble(int i) => intentOf[i] is "greeting" or "thanks" or "complaint" || fillers[i];
        var contentWords = Enumerable.Range(0, text.Count).Count(i => !Preamble(i));
        var description = contentWords >= DescriptionContentWords ? DescriptionOf(text, Preamble, i => intentOf[i] is "greeting" or "thanks" or "complaint") : null;

        // Only greetings, thanks and politeness ("chào bạn ạ", "có ai ở đó không", "ok cảm ơn").
        if (Enumerable.Range(0, text.Count).All(i => intentOf[i] is "greeting" or "thanks" || fillers[i]) && S("greeting") + S("thanks") > 0)
            return Decided(raw, new Meaning(S("greeting") > 0 ? MessageIntent.Greeting : MessageIntent.Thanks, S("greeting") > 0, false, null, scores), description);

        // The strongest reading wins; on a tie a problem beats a question (the citizen confirms before anything is filed).
        (MessageIntent Intent, double Score)[] readings =
        [
            (MessageIntent.Status, S("status")), (MessageIntent.Complaint, S("complaint") + S("problem")), (MessageIntent.Help, S("help")),
            (MessageIntent.Question, S("question")), (MessageIntent.Info, S("info")),
        ];
        var best = readings.Aggregate((a, b) => b.Score > a.Score ? b : a);
        // A real problem named ties with status: "… vỡ hết rồi, cho người xuống xem giúp" asks to come and see it.
        if (best.Intent == MessageIntent.Status && S("problem") >= IntentThreshold && S("complaint") + S("problem") >= best.Score)
            best = (MessageIntent.Complaint, S("complaint") + S("problem"));
        MessageIntent intent;
        if (best.Score >= IntentThreshold) intent = best.Intent;
        // "cảm ơn cán bộ đã xử lý nhanh": opened with thanks and nothing to act on is thanks, however long.
        // A stray weak word ("hỗ trợ" read as a question word) does not make it more than thanks; anything wrong does.
        else if ((intentOf[0] == "thanks" || FramedByThanks(raw)) && S("thanks") >= IntentThreshold && S("problem") == 0 && S("complaint") == 0) intent = MessageIntent.Thanks;
        else if (OnlyIntroducesThemself(raw, scores)) intent = MessageIntent.Greeting;
        else if (contentWords >= FallbackContentWords && raw.Trim().Length >= 20 && !smallTalk) intent = MessageIntent.Complaint;
        // "đèn đường", "rác": naming a thing the province takes complaints about is starting one.
        else if (_tableCategories.Any(c => Score(text, c).Score >= IntentThreshold)) intent = MessageIntent.Complaint;
        else if (S("greeting") > 0) intent = MessageIntent.Greeting;
        else if (S("thanks") > 0) intent = MessageIntent.Thanks;
        else if (best.Score > 0 && contentWords > 0) intent = best.Intent;
        else intent = MessageIntent.None;

        return Decided(raw, new Meaning(intent, S("greeting") > 0, S("complaint") >= IntentThreshold, intent == MessageIntent.Complaint ? description : null, scores), description,
            byTrackRule: contested || denounced, byChannelRule: ChannelQuestions.AsksWhoIsAnswering(raw));
    }

    /// <summary>
    /// A second opinion on the phrases' decision (an experiment's policy, e.g. a trained model consulted where the
    /// phrases are weak); null: the phrases decide. Only the intent is decided here: danger, ticket codes, adverts and
    /// abuse are read by the engine before it asks for the intent, so no second opinion can move a message from them.
    /// </summary>
    private Func<string, Meaning, MessageIntent>? _decide;

    /// <summary>The same understander (its compiled table shared) with <paramref name="decide"/> having the last word on the intent.</summary>
    public Understander WithIntentDecision(Func<string, Meaning, MessageIntent> decide)
    {
        var copy = (Understander)MemberwiseClone();
        copy._decide = decide;
        return copy;
    }

    /// <summary>
    /// A second opinion on the track of a message the rules read as a plain complaint (a trained model's "khiếu nại" or
    /// "tố cáo"); null: the rules alone. Asked only after the rules found no track, so it can add one, never remove one.
    /// </summary>
    private Func<string, string?>? _track;

    /// <summary>The same understander with <paramref name="track"/> consulted where the rules find no track.</summary>
    public Understander WithTrackOpinion(Func<string, string?> track)
    {
        var copy = (Understander)MemberwiseClone();
        copy._track = track;
        return copy;
    }

    /// <summary>The track code the second opinion gives a message the rules found no track in; null when none (or no opinion).</summary>
    public string? TrackOpinion(string raw) => _track?.Invoke(raw);

    private bool DenouncedToFile(string raw) => DenouncesWrongdoing(raw) && !ChasesWhatWasSent(raw) && ChannelQuestions.Of(raw) == ChannelQuestion.None
        && !AskedInTheAbstract.IsMatch(TextNormalizer.Normalize(raw));

    /// <summary>A track's own rule makes the message a matter to file: a contested decision, or wrongdoing in office told.</summary>
    public bool FiledByATrackRule(string raw) => ContestsDecision(raw) || DenouncedToFile(raw);

    /// <summary>
    /// The second opinion's last word on the intent — except over a complaint that a track's own rule made one: "chú công
    /// an bảo đưa 500k thì làm luôn, thế có được phép ko ạ" asks, but what it tells is a bribe asked for; and over
    /// whether a person or a machine answers, asked in a few words ("m là bot à", "đang nói chuyện với cán bộ hay máy").
    /// </summary>
    private Meaning Decided(string raw, Meaning phrases, string? description, bool byTrackRule = false, bool byChannelRule = false)
    {
        if (_decide is null || byTrackRule && phrases.Intent == MessageIntent.Complaint || byChannelRule && phrases.Intent == MessageIntent.Info) return phrases;
        var intent = _decide(raw, phrases);
        return intent == phrases.Intent ? phrases
            : phrases with { Intent = intent, Description = intent == MessageIntent.Complaint ? description : null, ByOpinion = true };
    }

    // "có … không cháu", "có phải đk hộ kinh doanh ko ạ hay cứ bán": asked, though not at the end.
    private static readonly System.Text.RegularExpressions.Regex AskedToSomeone = new(
        @"^(\w+ ){0,4}co (\w+ ){1,8}(khong|ko) (chau|ad|admin|anh|chi|em|bac|co|chu|ban|a|ha|nhi|vay)\b|\bco phai (\w+ ){1,6}(khong|ko)( a)? hay\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The message from its first content word, when everything before it is greeting, politeness or "I want to
    /// complain". Only a real preamble is removed: a run of particles alone stays ("o ga…" is a pothole, not "ở"; "toi
    /// nao…" is every night), and after the preamble only the words that join it to the matter ("về việc", "ạ").
    /// </summary>
    private static string DescriptionOf(TokenizedText text, Func<int, bool> preamble, Func<int, bool> preamblePhrase)
    {
        var run = 0;
        while (run < text.Count && preamble(run)) run++;
        var first = 0;
        for (var i = 0; i < run; i++)
            if (preamblePhrase(i)) first = i + 1;
        while (first < run && Joiners.Contains(text.Tokens[first].Text)) first++;
        var description = first == 0 ? text.Raw.Trim() : text.Raw[text.Tokens[first].Start..].Trim();
        return description.Length > 0 ? char.ToUpperInvariant(description[0]) + description[1..] : description;
    }

    private static readonly HashSet<string> Joiners = ["ve", "viec", "a", "oi", "nhe", "la", "rang", "chut", "voi", "cho", "giup", "gium", "ad", "admin", "ban"];

    // ---- categories ----

    /// <summary>
    /// The category a text most likely belongs to, from the table's phrases for each category code and the category's
    /// own keywords; null when nothing points clearly at one category.
    /// </summary>
    public CategoryOption? SuggestCategory(string raw, IReadOnlyList<CategoryOption> categories)
    {
        if (categories.Count == 0) return null;
        var text = Tokenize(raw);
        var scores = new double[categories.Count];
        for (var c = 0; c < categories.Count; c++) scores[c] = Score(text, CategoryPhrases(categories[c])).Score;
        var best = scores.Max();
        if (best < IntentThreshold || scores.Count(s => s == best) > 1) return null;
        return categories[Array.IndexOf(scores, best)];
    }

    /// <summary>The table's phrases for the category's code with its own keywords added (cached: categories rarely change).</summary>
    private Phrase[] CategoryPhrases(CategoryOption category) =>
        _categoryCache.GetOrAdd(category.Code + "\n" + string.Join("\n", category.Keywords), _ =>
        {
            // The table's phrases keep their diacritics ("cống" is not "công"); keywords add what the table lacks.
            var phrases = new Dictionary<string, double>(Table.Categories.GetValueOrDefault(category.Code) ?? []);
            var present = phrases.Keys.Select(TextNormalizer.Normalize).ToHashSet();
            foreach (var keyword in category.Keywords)
            {
                if (present.Add(TextNormalizer.Normalize(keyword))) phrases[keyword] = 1.5;
            }
            return Compile(phrases);
        });

    // ---- contact ----

    /// <summary>
    /// A name as people write it next to their number, without "tên tôi là"-style labels. The form of address stays:
    /// it is how the citizen asks to be called back ("bác Hai", "chị Trang"); the one-letter ones are written out
    /// ("a Hùng" → "anh Hùng").
    /// </summary>
    public string? PersonName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = Tokenize(name);
        var first = SkipLabelsAndAnswerWords(text);
        if (first >= text.Count) return null;
        var last = LastBeforeParticles(text, first);
        var result = WrittenOut(text.Raw[text.Tokens[first].Start..text.Tokens[last].End].Trim());
        return result.Length >= 2 && result.Any(char.IsLetter) ? result : null;
    }

    // "tên là …", "người liên hệ: …", "vâng ạ …": the words before the name, in any order and number.
    private int SkipLabelsAndAnswerWords(TokenizedText text)
    {
        var first = 0;
        while (first < text.Count)
        {
            var label = Best(text, first, _contactLabels).Length;
            if (label > 0) first += label;
            else if (AnswerWord(text, first)) first++;
            else break;
        }
        return first;
    }

    // "vâng ạ Trần Văn Bình, …": a yes opening the line is no part of the name ("a" alone is anh; "ạ", "à" are not).
    private static readonly HashSet<string> AnswerWords = ["vang", "da", "u", "uh", "ok", "oke", "okay", "um"];

    private static bool AnswerWord(TokenizedText text, int i) =>
        AnswerWords.Contains(text.Tokens[i].Text) || text.Tokens[i].Text == "a" && !IsFormOfAddress(text.Raw[text.Tokens[i].Start..text.Tokens[i].End]);

    private static readonly Dictionary<string, string> OneLetterAddress = new(StringComparer.Ordinal) { ["a"] = "anh", ["c"] = "chị", ["e"] = "em" };

    // "ạ Trần Văn Bình" closes a clause with "ạ"; only the plain letters are forms of address.
    private static bool IsFormOfAddress(string word) => word.Length > 1 || OneLetterAddress.ContainsKey(word);

    /// <summary>"a Hùng" → "anh Hùng": a one-letter form of address opening a name, written out.</summary>
    private static string WrittenOut(string name) =>
        name.IndexOf(' ') is var space and > 0 && OneLetterAddress.TryGetValue(name[..space], out var word) ? word + name[space..] : name;
}
