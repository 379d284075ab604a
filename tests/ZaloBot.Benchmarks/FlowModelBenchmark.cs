using System.Globalization;
using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;
using ZaloBot.IntentModel.Training;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Whether a classifier trained on the typed answers (flow-tuning.tsv: each message with its step in front) helps the
/// flow's rules where they read nothing: its cancel, back, edit or later when it is at least p sure. Kind and threshold
/// are chosen by 5-fold cross-validation on the tuning half (the most typed answers handled, no more commands kept as
/// data, ties to the cautious); the held-out half is played once, after the choice. Deterministic: fixed seed, one
/// thread, folds by row order.
/// </summary>
public static class FlowModelBenchmark
{
    private const int Folds = 5;
    private static readonly double?[] Thresholds = [null, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string corpusDirectory)
    {
        // The first messages' model as shipped (a few typed answers are read as first messages); the flow's rules alone.
        var (context, _) = IntentCorpus.Context(File.ReadAllText(ModelBenchmark.SampleFile(corpusDirectory, "province.json")),
            File.ReadAllText(ModelBenchmark.SampleFile(corpusDirectory, "articles.json")), Understander.Default.WithModel(IntentClassifier.Shipped));
        var tuning = Trainable(FlowCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, "flow-tuning.tsv"))));
        var heldout = Trainable(FlowCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, "flow-heldout.tsv"))));
        Console.WriteLine($"flow model benchmark: {tuning.Count} tuning, {heldout.Count} held-out typed answers at the steps the rules read ({corpusDirectory})");

        var rules = FlowCorpus.Evaluate(tuning, context);
        Console.WriteLine($"\n{Folds}-fold cross-validation on the tuning half (the rules were tuned on it, so they are at their best here):");
        Console.WriteLine($"  {"rules alone",-40} {Describe(rules)}");
        var results = new List<(ModelKind Kind, double? Threshold, IReadOnlyList<FlowOutcome> Outcomes)>();
        foreach (var kind in IntentModelTrainer.Kinds)
        {
            var opinions = new Dictionary<string, Opinion>(StringComparer.Ordinal);
            for (var fold = 0; fold < Folds; fold++)
            {
                var model = Train(kind, tuning.Where((_, i) => i % Folds != fold));
                foreach (var entry in tuning.Where((_, i) => i % Folds == fold)) opinions.TryAdd(Key(entry), model.Opine(Text(entry)));
            }
            var alone = tuning.Count(e => opinions[Key(e)].Label == e.Expected);
            Console.WriteLine($"  {kind.Name + ": label alone",-40} {alone}/{tuning.Count} {IntentCorpus.Percent(alone, tuning.Count)}");
            foreach (var threshold in Thresholds.Where(t => t is not null))
            {
                var outcomes = FlowCorpus.Evaluate(tuning, With(context, opinions, threshold));
                results.Add((kind, threshold, outcomes));
                Console.WriteLine($"    p ≥ {threshold!.Value.ToString("0.00", Inv),-34} {Describe(outcomes)}  {FixedBroke(outcomes, rules)}");
            }
        }
        var kept = rules.Count(o => o.KeptAsData);
        var chosen = results.Where(r => r.Outcomes.Count(o => o.KeptAsData) <= kept)
            .OrderByDescending(r => r.Outcomes.Count(o => o.Handled)).ThenByDescending(r => r.Threshold).FirstOrDefault();
        if (chosen.Outcomes is null || chosen.Outcomes.Count(o => o.Handled) <= rules.Count(o => o.Handled))
        {
            Console.WriteLine("\n  chosen on cross-validation: the rules alone (no setting handles more without keeping more commands as data)");
            return 0;
        }
        Console.WriteLine($"\n  chosen on cross-validation: {chosen.Kind.Name}, p ≥ {chosen.Threshold!.Value.ToString("0.00", Inv)} — {Describe(chosen.Outcomes)}  {FixedBroke(chosen.Outcomes, rules)}");

        // ---- the held-out half, once ----
        var full = Train(chosen.Kind, tuning);
        var held = new Dictionary<string, Opinion>(StringComparer.Ordinal);
        foreach (var entry in heldout) held.TryAdd(Key(entry), full.Opine(Text(entry)));
        var before = FlowCorpus.Evaluate(heldout, context);
        var after = FlowCorpus.Evaluate(heldout, With(context, held, chosen.Threshold));
        Console.WriteLine($"\nheld-out half ({heldout.Count} typed answers), model trained on the whole tuning half:");
        Console.WriteLine($"  {"rules alone",-40} {Describe(before)}");
        Console.WriteLine($"  {"rules + model (chosen)",-40} {Describe(after)}  {FixedBroke(after, before)}");
        foreach (var group in heldout.Select((e, i) => (e.Expected, i)).GroupBy(x => x.Expected).OrderByDescending(g => g.Count()))
            Console.WriteLine($"    {group.Key,-12} {group.Count(x => before[x.i].Handled)}/{group.Count()} → {group.Count(x => after[x.i].Handled)}/{group.Count()}");
        var gain = after.Count(o => o.Handled) - before.Count(o => o.Handled);
        var adopt = 100.0 * gain / heldout.Count >= 1.0 && after.Count(o => o.KeptAsData) <= before.Count(o => o.KeptAsData);
        Console.WriteLine($"\n  {100.0 * gain / heldout.Count:+0.0;-0.0;0.0} points, commands kept as data {after.Count(o => o.KeptAsData) - before.Count(o => o.KeptAsData):+0;-0;0} → "
            + (adopt ? "meets the bar for adoption (≥ 1 point, no more kept as data)" : "does not meet the bar for adoption (≥ 1 point, no more kept as data)"));
        return 0;
    }

    /// <summary>The steps the flow's rules read (the "is it fixed?" answers have their own reading and no step).</summary>
    private static List<FlowEntry> Trainable(IEnumerable<FlowEntry> entries) => entries.Where(e => e.Step != "fixed").ToList();

    private static Step StepOf(FlowEntry entry) => FlowCorpus.StateAt(entry.Step).Step;

    private static string Text(FlowEntry entry) => SecondOpinion.FlowText(StepOf(entry), entry.Text);

    private static string Key(FlowEntry entry) => Key(StepOf(entry), entry.Text);

    private static string Key(Step step, string raw) => step + "\t" + TextNormalizer.Normalize(raw);

    /// <summary>As the build trains the shipped flow model (<see cref="FlowCorpus.Labelled"/>), for any kind.</summary>
    private static IntentClassifier Train(ModelKind kind, IEnumerable<FlowEntry> entries)
    {
        var (ml, model) = IntentModelTrainer.Train(kind, FlowCorpus.Labelled(entries));
        return IntentClassifier.From(ml, model);
    }

    private static ConversationContext With(ConversationContext context, IReadOnlyDictionary<string, Opinion> opinions, double? threshold) =>
        threshold is not { } t ? context : context with
        {
            Understanding = context.Understanding.WithFlowOpinion((step, raw) =>
                opinions.TryGetValue(Key(step, raw), out var opinion) ? SecondOpinion.FlowIntentOf(opinion, t, step) : FlowIntent.None),
        };

    private static string Describe(IReadOnlyList<FlowOutcome> outcomes)
    {
        var handled = outcomes.Count(o => o.Handled);
        var commands = outcomes.Count(o => o.Entry.IsCommand);
        return $"handled {handled}/{outcomes.Count} {IntentCorpus.Percent(handled, outcomes.Count),7}  kept as data {outcomes.Count(o => o.KeptAsData)}/{commands}";
    }

    private static string FixedBroke(IReadOnlyList<FlowOutcome> outcomes, IReadOnlyList<FlowOutcome> baseline) =>
        $"fixed {outcomes.Zip(baseline).Count(x => x.First.Handled && !x.Second.Handled)}, broke {outcomes.Zip(baseline).Count(x => !x.First.Handled && x.Second.Handled)}";
}
