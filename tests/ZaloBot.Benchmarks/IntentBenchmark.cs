using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Plays the labelled corpus through the engine and prints accuracy per intent and the share of "not understood":
/// the held-out part is the figure that counts; the tuning part is what the phrase table was adjusted against (and the
/// shipped model trained on). As the service reads messages: the phrases with the trained model's second opinion,
/// unless <c>--phrases-only</c>.
/// </summary>
public static class IntentBenchmark
{
    public static int Run(string corpusDirectory, string? phrasesFile, bool listMistakes, bool phrasesOnly)
    {
        var table = PhraseTable.BuiltIn();
        if (phrasesFile is not null) table = table.Merge(PhraseTable.Parse(File.ReadAllText(phrasesFile)));
        var (context, articleKeys) = IntentCorpus.Context(File.ReadAllText(Path.Combine(corpusDirectory, "province.json")),
            File.ReadAllText(Path.Combine(corpusDirectory, "articles.json")), Understanding(new Understander(table), phrasesOnly, phrasesFile is not null));
        Console.WriteLine(phrasesOnly ? "the phrases alone (--phrases-only)" : "the phrases with the shipped model's second opinion (as the service reads)");

        foreach (var part in new[] { "tuning", "heldout" })
        {
            var title = part == "heldout" ? "held-out part (the figures that count)" : "tuning part";
            // Misses are listed for the tuning part only: reading the held-out misses would turn them into tuning data.
            var list = listMistakes && part == "tuning";
            var entries = IntentCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, part + ".tsv")));
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcomes = IntentCorpus.Evaluate(entries, context, articleKeys);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Console.Write(IntentCorpus.Report(title, outcomes, list));
            Console.WriteLine($"  ({elapsed.TotalMilliseconds / entries.Count:0.00} ms per message through the engine)");
            var flow = FlowCorpus.Evaluate(FlowCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, $"flow-{part}.tsv"))), context);
            Console.Write(FlowCorpus.Report(title, flow, list));
            Console.WriteLine();
        }
        return 0;
    }

    // As the service builds it (PhraseTableProvider): an operator's phrases that change the intent decide over the model.
    private static Understander Understanding(Understander phrases, bool phrasesOnly, bool operatorPhrases = false) =>
        phrasesOnly ? phrases : operatorPhrases ? phrases.AsShippedOver(Understander.Default) : phrases.AsShipped();

    /// <summary>Why a message goes where it goes: the intent scores, the model's opinion, the description, category and place found.</summary>
    public static int Explain(string corpusDirectory, string message)
    {
        var (categories, areas) = IntentCorpus.ParseProvince(File.ReadAllText(Path.Combine(corpusDirectory, "province.json")));
        var understander = Understander.Default;
        var meaning = understander.Understand(message);
        var opinion = IntentClassifier.Shipped.Opine(message);
        var decided = Understanding(understander, false).Understand(message).Intent;
        Console.WriteLine($"phrases: {meaning.Intent}  model: {opinion.Label} p={opinion.Probability:0.00} (danger {opinion.Danger:0.000})  decided: {decided}  greeted: {meaning.Greeted}  explicit complaint: {meaning.ExplicitComplaint}");
        Console.WriteLine("phrases: " + string.Join(", ", understander.Explain(message).Select(p => $"\"{p.Words}\" ({p.Intent} {p.Weight:0.#})")));
        Console.WriteLine("scores: " + string.Join(", ", meaning.Scores.Select(s => $"{s.Key} {s.Value:0.#}")) + $"  channel question: {ChannelQuestions.Of(message)}");
        var shipped = Understanding(understander, false);
        Console.WriteLine($"danger: rules {understander.Danger(message)}, second opinion {shipped.DangerOpinion(message)}");
        Console.WriteLine($"description: {meaning.Description ?? "-"}");
        Console.WriteLine($"category: {understander.SuggestCategory(message, categories)?.Code ?? "-"}");
        var place = understander.ExtractPlace(message, areas);
        Console.WriteLine($"place: {place.Address ?? "-"}  ward: {place.AreaCode ?? "-"}");
        // What the citizen is told, as shipped: the intent decided is not yet the way the engine goes.
        var (context, _) = IntentCorpus.Context(File.ReadAllText(Path.Combine(corpusDirectory, "province.json")),
            File.ReadAllText(Path.Combine(corpusDirectory, "articles.json")), shipped);
        var result = ConversationEngine.Handle(ConversationState.New(), new TextInput(message, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7))), context);
        foreach (var effect in result.Effects)
            Console.WriteLine(effect switch { SendText t => $"said: {t.Text.ReplaceLineEndings(" ⏎ ")}", SendButtons b => $"said: {b.Text.ReplaceLineEndings(" ⏎ ")}", _ => $"effect: {effect.GetType().Name}" });
        return 0;
    }

    /// <summary>What a message typed at a step of the flow does there: the flow reading, the step after it, the draft and the replies.</summary>
    public static int ExplainFlow(string corpusDirectory, string step, string message)
    {
        var (context, _) = IntentCorpus.Context(File.ReadAllText(Path.Combine(corpusDirectory, "province.json")),
            File.ReadAllText(Path.Combine(corpusDirectory, "articles.json")), Understanding(Understander.Default, false));
        var reading = Understander.Default.ReadInFlow(message);
        var opinion = IntentClassifier.ShippedFlow.Opine(SecondOpinion.FlowText(FlowCorpus.StateAt(step).Step, message));
        Console.WriteLine($"flow reading: {reading.Intent} {reading.Part} from «{reading.From}» to «{reading.To}»{(reading.Adds ? " (adds)" : "")}  fixed-answer: {Understander.Default.AnswerToFixed(message)}");
        Console.WriteLine($"flow model: {opinion.Label} p={opinion.Probability:0.00} (acted on at p ≥ {ModelOpinion.Shipped.FlowThreshold:0.0##} where the rules read nothing)");
        var outcome = FlowCorpus.Evaluate([new FlowEntry(step, "answer", null, message, 0)], context)[0];
        Console.WriteLine($"after: {outcome.What}");
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));
        var result = ConversationEngine.Handle(FlowCorpus.StateAt(step) with { LastActivityAt = at }, new TextInput(message, at), step == "fixed" ? FlowCorpus.FixedContext(context) : context);
        foreach (var said in result.Effects.OfType<SendText>()) Console.WriteLine($"said: {said.Text.ReplaceLineEndings(" ⏎ ")}");
        return 0;
    }
}
