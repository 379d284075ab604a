using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;
using ZaloBot.IntentModel.Training;

namespace ZaloBot.Benchmarks;

/// <summary>
/// Whether a trained classifier reads first messages better than the phrases: an ML.NET multiclass model trained on
/// the tuning half's labels only, measured alone and as a second opinion on the phrases' intent (the policies of
/// <see cref="SecondOpinion"/>), through the real engine and the corpus's own scoring. The model, policy and threshold
/// are chosen by 5-fold cross-validation on the tuning half; the held-out half is played once, after the choice.
/// Deterministic: a fixed seed, one training thread, folds by row order.
/// </summary>
public static class ModelBenchmark
{
    private const int Folds = 5;
    private static readonly double[] Thresholds = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    private static readonly OpinionPolicy[] Policies = [OpinionPolicy.Always, OpinionPolicy.WhenWeak, OpinionPolicy.WithinSet, OpinionPolicy.WeakWithinSet];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly ModelKind[] Kinds = IntentModelTrainer.Kinds;

    /// <summary>
    /// Fixed on 2026-12-03 after the first run, from the hindsight figures of the held-out half (the model's intent
    /// whenever it is at least 0.5 sure; danger, codes, adverts and abuse still read first): the current held-out half
    /// chose it, so it proves nothing there — it is printed so that a new round, never seen, can confirm or refute it.
    /// </summary>
    private static readonly Setting Preregistered = new(Kinds.Single(k => k.Name == "lbfgs w1-2 c3-5 l2=.01"), OpinionPolicy.Always, 0.5);

    private sealed record Setting(ModelKind Kind, OpinionPolicy Policy, double Threshold)
    {
        public override string ToString() => $"{Kind.Name}, {Policy}, p ≥ {Threshold.ToString("0.00", Inv)}";
    }

    /// <param name="hindsight">Also print every setting's held-out figures: for the record only, never for choosing.</param>
    /// <param name="shippedKindOnly">Only the shipped kind (the policy and thresholds again, in a fifth of the time).</param>
    public static int Run(string corpusDirectory, bool hindsight = false, bool shippedKindOnly = false)
    {
        ModelKind[] kinds = shippedKindOnly ? [IntentModelTrainer.Shipped] : Kinds;
        var (context, articleKeys) = IntentCorpus.Context(File.ReadAllText(SampleFile(corpusDirectory, "province.json")),
            File.ReadAllText(SampleFile(corpusDirectory, "articles.json")));
        var tuning = IntentCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, "tuning.tsv")));
        var heldout = IntentCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, "heldout.tsv")));
        Console.WriteLine($"model benchmark: {tuning.Count} tuning, {heldout.Count} held-out first messages ({corpusDirectory})");

        // ---- cross-validation on the tuning half: each message's opinion from a model that did not see it ----
        Console.WriteLine($"\n{Folds}-fold cross-validation on the tuning half (folds by row number mod {Folds}; the phrases were tuned on this half, so they are at their best here):");
        var phrasesCvOutcomes = IntentCorpus.Evaluate(tuning, context, articleKeys);
        var phrasesCv = IntentCorpus.Figures(phrasesCvOutcomes);
        string FixedBroke(IReadOnlyList<bool> right) =>
            $"fixed {right.Zip(phrasesCvOutcomes).Count(x => x.First && !x.Second.RightPath)}, broke {right.Zip(phrasesCvOutcomes).Count(x => !x.First && x.Second.RightPath)}";
        Console.WriteLine($"  {"phrases alone",-48} {Describe(phrasesCv)}");
        var results = new List<(Setting Setting, CorpusFigures Figures, IReadOnlyList<bool> Right)>();
        var outOfFoldByKind = new Dictionary<ModelKind, IReadOnlyDictionary<string, Opinion>>();
        foreach (var kind in kinds)
        {
            var opinions = new Dictionary<string, Opinion>(StringComparer.Ordinal);
            outOfFoldByKind[kind] = opinions;
            var outOfFold = new Opinion[tuning.Count];
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = tuning.Where((_, i) => i % Folds != fold).ToList();
                var model = Train(kind, train);
                var test = Enumerable.Range(0, tuning.Count).Where(i => i % Folds == fold).ToList();
                var predicted = model.Predict(test.Select(i => tuning[i].Text).ToList());
                for (var j = 0; j < test.Count; j++) outOfFold[test[j]] = predicted[j];
            }
            for (var i = 0; i < tuning.Count; i++) opinions.TryAdd(Key(tuning[i].Text), outOfFold[i]);
            Console.WriteLine($"  {kind.Name + ": model alone (label)",-48} {Describe(LabelFigures(tuning, outOfFold))}");
            foreach (var policy in Policies)
            foreach (var threshold in Thresholds)
            {
                var setting = new Setting(kind, policy, threshold);
                var outcomes = IntentCorpus.Evaluate(tuning, context, articleKeys, Decider(setting, opinions));
                results.Add((setting, IntentCorpus.Figures(outcomes), outcomes.Select(o => o.RightPath).ToList()));
            }
            foreach (var policy in Policies)
            {
                var best = BestOf(results.Where(r => r.Setting.Kind == kind && r.Setting.Policy == policy), phrasesCv);
                Console.WriteLine($"  {"  " + policy + " (best p " + best.Setting.Threshold.ToString("0.0", Inv) + ")",-48} {Describe(best.Figures)}  {FixedBroke(best.Right)}");
            }
        }
        Console.WriteLine("  every setting (right path on the tuning half, out of fold), by threshold " + string.Join(" ", Thresholds.Select(t => t.ToString("0.0", Inv))) + ":");
        foreach (var kind in kinds)
        foreach (var policy in Policies)
            Console.WriteLine($"    {kind.Name,-22} {policy,-14} " + string.Join(" ", results.Where(r => r.Setting.Kind == kind && r.Setting.Policy == policy)
                .Select(r => $"{r.Figures.RightPath,4}{(r.Figures.NoWorseSafety(phrasesCv) ? " " : "!")}")) + "  (! = a safety figure worse than the phrases')");

        // The choice, without the held-out half: the most first messages on the right path with no safety figure worse
        // than the phrases'; on a tie the more cautious setting (higher threshold, narrower policy).
        var chosen = BestOf(results, phrasesCv);
        Console.WriteLine($"\n  chosen on cross-validation: {chosen.Setting} — {Describe(chosen.Figures)}  {FixedBroke(chosen.Right)}");
        Console.WriteLine($"  (vs phrases {chosen.Figures.RightPath - phrasesCv.RightPath:+0;-0;0} first messages on the tuning half)");

        // The track (khiếu nại, tố cáo) from the chosen model where the rules find none: its threshold by the same folds.
        Console.WriteLine("\n  the chosen setting with the model naming the track where the rules find none, by threshold (out of fold):");
        var chosenOpinions = outOfFoldByKind[chosen.Setting.Kind];
        var trackResults = TrackThresholds.Select(t =>
        {
            var outcomes = IntentCorpus.Evaluate(tuning, context, articleKeys, Decider(chosen.Setting, chosenOpinions), Tracker(t, chosenOpinions));
            var figures = IntentCorpus.Figures(outcomes);
            Console.WriteLine($"    track p ≥ {(t is { } v ? v.ToString("0.0", Inv) : "off"),-4} {Describe(figures)}  {FixedBroke(outcomes.Select(o => o.RightPath).ToList())}");
            return (Threshold: t, Figures: figures);
        }).ToList();
        // The most right paths with safety no worse than the chosen setting's; ties to the cautious (off, then the higher threshold).
        var trackThreshold = trackResults.Where(r => r.Figures.NoWorseSafety(chosen.Figures))
            .OrderByDescending(r => r.Figures.RightPath).ThenByDescending(r => r.Threshold ?? 2).First().Threshold;
        Console.WriteLine($"  chosen: track p ≥ {(trackThreshold is { } tt ? tt.ToString("0.0", Inv) : "off")}");

        // Danger the rules' words miss, from the same model: a missed danger weighs at least as much as a false alarm,
        // so the threshold with the most (danger lines first − false alarms); ties to the cautious.
        Console.WriteLine("\n  and the model giving the emergency line where the rules find no danger, by threshold (out of fold):");
        var dangerResults = TrackThresholds.Select(t =>
        {
            var outcomes = IntentCorpus.Evaluate(tuning, context, articleKeys, Decider(chosen.Setting, chosenOpinions), Tracker(trackThreshold, chosenOpinions), Alarm(t, chosenOpinions));
            var figures = IntentCorpus.Figures(outcomes);
            Console.WriteLine($"    danger p ≥ {(t is { } v ? v.ToString("0.0", Inv) : "off"),-4} {Describe(figures)}");
            return (Threshold: t, Figures: figures);
        }).ToList();
        var dangerThreshold = dangerResults.Where(r => r.Figures.AbuseOffered <= chosen.Figures.AbuseOffered)
            .OrderByDescending(r => r.Figures.DangerFirst - r.Figures.FalseAlarms).ThenByDescending(r => r.Figures.RightPath)
            .ThenByDescending(r => r.Threshold ?? 2).First().Threshold;
        Console.WriteLine($"  chosen: danger p ≥ {(dangerThreshold is { } dt ? dt.ToString("0.0", Inv) : "off")}");

        // The rules' danger doubted where the model gives it less than a threshold. The rules were tuned on this half and
        // read all its danger, so every true danger the doubt drops shows here out of fold: a threshold is admissible only
        // if it drops none; of those, the most right paths, ties to the cautious (off, then the lower threshold).
        Console.WriteLine("\n  and the rules' danger doubted where the model gives immediate danger less than a threshold (out of fold):");
        var doubtResults = DoubtThresholds.Select(t =>
        {
            var outcomes = IntentCorpus.Evaluate(tuning, context, articleKeys, Decider(chosen.Setting, chosenOpinions), Tracker(trackThreshold, chosenOpinions),
                Alarm(dangerThreshold, chosenOpinions), Doubt(t, chosenOpinions));
            var figures = IntentCorpus.Figures(outcomes);
            Console.WriteLine($"    doubt p < {(t is { } v ? v.ToString("0.00", Inv) : "off"),-4} {Describe(figures)}");
            return (Threshold: t, Figures: figures);
        }).ToList();
        var noDoubt = doubtResults[0].Figures;
        var doubtThreshold = doubtResults.Where(r => r.Figures.DangerFirst >= noDoubt.DangerFirst && r.Figures.AbuseOffered <= noDoubt.AbuseOffered)
            .OrderByDescending(r => r.Figures.RightPath).ThenBy(r => r.Threshold ?? -1).First().Threshold;
        Console.WriteLine($"  chosen: doubt p < {(doubtThreshold is { } ut ? ut.ToString("0.00", Inv) : "off")}");

        // ---- the held-out half, played once with models trained on the whole tuning half ----
        var columns = new List<(string Name, IReadOnlyList<bool> Right, CorpusFigures Figures)>();
        var phrases = IntentCorpus.Evaluate(heldout, context, articleKeys);
        columns.Add(("phrases", phrases.Select(o => o.RightPath).ToList(), IntentCorpus.Figures(phrases)));
        var full = Train(chosen.Setting.Kind, tuning);
        var heldOpinions = full.Predict(heldout.Select(e => e.Text).ToList());
        var byText = new Dictionary<string, Opinion>(StringComparer.Ordinal);
        for (var i = 0; i < heldout.Count; i++) byText.TryAdd(Key(heldout[i].Text), heldOpinions[i]);
        columns.Add(("model", heldout.Select((e, i) => LabelPath(heldOpinions[i].Label) == e.ExpectedPath).ToList(), LabelFigures(heldout, heldOpinions)));
        foreach (var policy in Policies)
        {
            var setting = policy == chosen.Setting.Policy ? chosen.Setting
                : BestOf(results.Where(r => r.Setting.Kind == chosen.Setting.Kind && r.Setting.Policy == policy), phrasesCv).Setting;
            var outcomes = IntentCorpus.Evaluate(heldout, context, articleKeys, Decider(setting, byText));
            var name = Short(policy) + " " + setting.Threshold.ToString("0.0", Inv) + (setting == chosen.Setting ? "*" : "");
            columns.Add((name, outcomes.Select(o => o.RightPath).ToList(), IntentCorpus.Figures(outcomes)));
        }
        if (trackThreshold is not null || dangerThreshold is not null)
        {
            var outcomes = IntentCorpus.Evaluate(heldout, context, articleKeys, Decider(chosen.Setting, byText), Tracker(trackThreshold, byText), Alarm(dangerThreshold, byText));
            columns.Add(("+track/danger", outcomes.Select(o => o.RightPath).ToList(), IntentCorpus.Figures(outcomes)));
        }
        if (doubtThreshold is not null)
        {
            var outcomes = IntentCorpus.Evaluate(heldout, context, articleKeys, Decider(chosen.Setting, byText), Tracker(trackThreshold, byText), Alarm(dangerThreshold, byText),
                Doubt(doubtThreshold, byText));
            columns.Add(("+doubt", outcomes.Select(o => o.RightPath).ToList(), IntentCorpus.Figures(outcomes)));
        }
        {
            var model = Preregistered.Kind == chosen.Setting.Kind ? full : Train(Preregistered.Kind, tuning);
            var opinions = model.Predict(heldout.Select(e => e.Text).ToList());
            var preregistered = new Dictionary<string, Opinion>(StringComparer.Ordinal);
            for (var i = 0; i < heldout.Count; i++) preregistered.TryAdd(Key(heldout[i].Text), opinions[i]);
            var outcomes = IntentCorpus.Evaluate(heldout, context, articleKeys, Decider(Preregistered, preregistered));
            columns.Add(("pre-reg", outcomes.Select(o => o.RightPath).ToList(), IntentCorpus.Figures(outcomes)));
            Console.WriteLine($"\n  one message's opinion ({Preregistered.Kind.Name}, one prediction engine, one thread): {model.MicrosecondsPerMessage(heldout.Select(e => e.Text).ToList()):0} µs");
        }
        Console.WriteLine($"\nheld-out half ({heldout.Count} first messages), model {chosen.Setting.Kind.Name} trained on the whole tuning half;");
        Console.WriteLine("  model = the label alone; the other columns are the engine's path with the policy's intent (p: the CV-chosen threshold; * the chosen setting);");
        Console.WriteLine($"  pre-reg = {Preregistered} (fixed after the first run from this half's hindsight: meaningful on a new round only):");
        Console.WriteLine($"  {"",-12}" + string.Join("", columns.Select(c => $"{c.Name,14}")));
        foreach (var group in heldout.Select((e, i) => (e.Intent, i)).GroupBy(x => x.Intent).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Key,-12}" + string.Join("", columns.Select(c => $"{group.Count(x => c.Right[x.i]) + "/" + group.Count(),14}")));
        Console.WriteLine($"  {"right path",-12}" + string.Join("", columns.Select(c => $"{IntentCorpus.Percent(c.Figures.RightPath, c.Figures.Messages),14}")));
        Console.WriteLine($"  {"danger line",-12}" + string.Join("", columns.Select(c => $"{c.Figures.DangerFirst + "/" + c.Figures.Danger,14}")));
        Console.WriteLine($"  {"abuse offer",-12}" + string.Join("", columns.Select(c => $"{c.Figures.AbuseOffered + "/" + c.Figures.Abuse,14}")));
        Console.WriteLine($"  {"false alarm",-12}" + string.Join("", columns.Select(c => $"{c.Figures.FalseAlarms + "/" + c.Figures.NotDanger,14}")));
        Console.WriteLine($"  {"fixed/broke",-12}" + string.Join("", columns.Select(c =>
            $"{c.Right.Zip(columns[0].Right).Count(x => x.First && !x.Second) + "/" + c.Right.Zip(columns[0].Right).Count(x => !x.First && x.Second),14}"))
            + "   (against the phrases' path)");
        var weak = heldout.Count(e => SecondOpinion.Weak(Understander.Default.Understand(e.Text)));
        Console.WriteLine($"  phrases weak (no reading at {SecondOpinion.Strong}, or the top two within {SecondOpinion.Margin}) on {weak} of the {heldout.Count} held-out messages");

        var hybrid = columns.Single(c => c.Name.EndsWith('*')).Figures;
        if (columns.FirstOrDefault(c => c.Name == "+track/danger") is { Name: not null } addOn)
            Console.WriteLine($"\n  the chosen setting with the model's track and danger (CV-chosen thresholds) against it alone: right path {addOn.Figures.RightPath - hybrid.RightPath:+0;-0;0}, "
                + $"danger lines {addOn.Figures.DangerFirst - hybrid.DangerFirst:+0;-0;0}, false alarms {addOn.Figures.FalseAlarms - hybrid.FalseAlarms:+0;-0;0}, abuse/spam offered {addOn.Figures.AbuseOffered - hybrid.AbuseOffered:+0;-0;0}");
        var phrasesHeld = columns[0].Figures;
        var gain = 100.0 * (hybrid.RightPath - phrasesHeld.RightPath) / phrasesHeld.Messages;
        var adopt = gain >= 1.0 && hybrid.NoWorseSafety(phrasesHeld);
        if (hindsight) Hindsight(kinds, heldout, context, articleKeys, tuning, columns[0].Figures);
        Console.WriteLine($"\n  chosen setting vs phrases on the held-out half: {gain:+0.0;-0.0;0.0} points, safety {(hybrid.NoWorseSafety(phrasesHeld) ? "no worse" : "WORSE")} → "
            + (adopt ? "meets the bar for adoption (≥ 1 point, no safety figure worse)" : "does not meet the bar for adoption (≥ 1 point, no safety figure worse)"));
        return 0;
    }

    /// <summary>
    /// One featurisation and trainer by the same folds of the tuning half, alone and with the shipped policy (the model's
    /// intent whenever it has one), so kinds can be compared in parallel processes without the whole grid.
    /// </summary>
    /// <param name="listDisagreements">Also list the tuning rows the whole shipped pipeline (rules with the fold's model,
    /// as <see cref="ModelOpinion.WithModel(Understander, IntentClassifier)"/> joins them) gets wrong out of fold while the
    /// model's label alone is right: where the rules overrule or fail to follow the model. Tuning rows only.</param>
    public static int RunKind(string corpusDirectory, string kindName, bool listDisagreements = false)
    {
        var kind = IntentModelTrainer.Kinds.Single(k => k.Name == kindName);
        var (context, articleKeys) = IntentCorpus.Context(File.ReadAllText(SampleFile(corpusDirectory, "province.json")),
            File.ReadAllText(SampleFile(corpusDirectory, "articles.json")));
        var tuning = IntentCorpus.Parse(File.ReadAllText(Path.Combine(corpusDirectory, "tuning.tsv")));
        var phrases = IntentCorpus.Evaluate(tuning, context, articleKeys);
        var outOfFold = new Opinion[tuning.Count];
        var pipeline = new CorpusOutcome[tuning.Count];
        var variants = new Dictionary<OpinionSettings, CorpusFigures>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var (ml, transformer) = IntentModelTrainer.Train(kind, tuning.Where((_, i) => i % Folds != fold).ToList());
            using var classifier = IntentClassifier.From(ml, transformer);
            var test = Enumerable.Range(0, tuning.Count).Where(i => i % Folds == fold).ToList();
            foreach (var i in test) outOfFold[i] = classifier.Opine(tuning[i].Text);
            var asShipped = context with { Understanding = context.Understanding.WithModel(classifier) };
            var outcomes = IntentCorpus.Evaluate(test.Select(i => tuning[i]), asShipped, articleKeys);
            for (var j = 0; j < test.Count; j++) pipeline[test[j]] = outcomes[j];
            foreach (var variant in Variants)
            {
                var played = IntentCorpus.Evaluate(test.Select(i => tuning[i]), context with { Understanding = context.Understanding.WithModel(classifier, variant) }, articleKeys);
                variants[variant] = variants.TryGetValue(variant, out var sum) ? sum + IntentCorpus.Figures(played) : IntentCorpus.Figures(played);
            }
        }
        var opinions = new Dictionary<string, Opinion>(StringComparer.Ordinal);
        for (var i = 0; i < tuning.Count; i++) opinions.TryAdd(Key(tuning[i].Text), outOfFold[i]);
        var shipped = IntentCorpus.Evaluate(tuning, context, articleKeys, Decider(new Setting(kind, OpinionPolicy.Always, 0), opinions));
        Console.WriteLine($"{kind.Name}, {Folds} folds of {tuning.Count} tuning first messages:");
        Console.WriteLine($"  {"phrases alone",-24} {Describe(IntentCorpus.Figures(phrases))}");
        Console.WriteLine($"  {"model alone (label)",-24} {Describe(LabelFigures(tuning, outOfFold))}");
        Console.WriteLine($"  {"always, p ≥ 0",-24} {Describe(IntentCorpus.Figures(shipped))}");
        Console.WriteLine($"  {"as shipped (all opinions)",-24} {Describe(IntentCorpus.Figures(pipeline))}");
        foreach (var (variant, figures) in variants)
            Console.WriteLine(string.Create(Inv, $"  {$"danger p ≥ {variant.DangerThreshold:0.00}, doubt p < {variant.DangerDoubtThreshold:0.000}",-24} {Describe(figures)}"));
        var modelRight = tuning.Select((e, i) => LabelPath(outOfFold[i].Label) == e.ExpectedPath).ToList();
        var disagreements = Enumerable.Range(0, tuning.Count).Where(i => modelRight[i] && !pipeline[i].RightPath).ToList();
        Console.WriteLine($"  model right, as shipped wrong: {disagreements.Count}; as shipped right, model wrong: {Enumerable.Range(0, tuning.Count).Count(i => !modelRight[i] && pipeline[i].RightPath)}");
        var went = disagreements.GroupBy(i => $"{tuning[i].ExpectedPath}→{pipeline[i].Path}").OrderByDescending(g => g.Count());
        Console.WriteLine($"  where those went: {string.Join(", ", went.Select(g => $"{g.Key} {g.Count()}"))}");
        if (listDisagreements)
            foreach (var i in disagreements)
                Console.WriteLine(string.Create(Inv, $"  ≠ line {tuning[i].Line}: {tuning[i].Intent} → {pipeline[i].Path} (model {outOfFold[i].Label} {outOfFold[i].Probability:0.00}, danger {outOfFold[i].Danger:0.00})  {tuning[i].Text}"));
        return 0;
    }

    /// <summary>The shipped settings with the model's danger trusted further, and the rules' danger doubted, for <see cref="RunKind"/>.</summary>
    private static readonly OpinionSettings[] Variants =
    [
        .. new[] { 0.4, 0.5, 0.6 }.Select(t => ModelOpinion.Shipped with { DangerThreshold = t }),
        .. new[] { 0.005, 0.01, 0.02 }.Select(t => ModelOpinion.Shipped with { DangerDoubtThreshold = t }),
    ];

    /// <summary>Every setting on the held-out half, after the choice: what a choice made by looking at it would have given.</summary>
    private static void Hindsight(IReadOnlyList<ModelKind> kinds, IReadOnlyList<CorpusEntry> heldout, Domain.Conversations.ConversationContext context, IReadOnlyDictionary<long, string> articleKeys,
        IReadOnlyList<CorpusEntry> tuning, CorpusFigures phrases)
    {
        Console.WriteLine($"\n  hindsight (NOT used for the choice): held-out right path per setting, phrases {phrases.RightPath}; by threshold "
            + string.Join(" ", Thresholds.Select(t => t.ToString("0.0", Inv))) + " (! = a safety figure worse than the phrases'):");
        foreach (var kind in kinds)
        {
            var model = Train(kind, tuning);
            var opinions = model.Predict(heldout.Select(e => e.Text).ToList());
            Console.WriteLine($"    {kind.Name,-22} one message's opinion {model.MicrosecondsPerMessage(heldout.Select(e => e.Text).ToList()):0} µs");
            var byText = new Dictionary<string, Opinion>(StringComparer.Ordinal);
            for (var i = 0; i < heldout.Count; i++) byText.TryAdd(Key(heldout[i].Text), opinions[i]);
            foreach (var policy in Policies)
                Console.WriteLine($"    {kind.Name,-22} {policy,-14} " + string.Join(" ", Thresholds.Select(t =>
                {
                    var f = IntentCorpus.Figures(IntentCorpus.Evaluate(heldout, context, articleKeys, Decider(new Setting(kind, policy, t), byText)));
                    return $"{f.RightPath,4}{(f.NoWorseSafety(phrases) ? " " : "!")}";
                })));
        }
    }

    private static string Short(OpinionPolicy policy) => policy switch
    {
        OpinionPolicy.Always => "always",
        OpinionPolicy.WhenWeak => "weak",
        OpinionPolicy.WithinSet => "c/q/s",
        OpinionPolicy.WeakWithinSet => "weak+c/q/s",
        _ => "phrases",
    };

    /// <summary>The most right paths among the settings whose safety is no worse than the phrases'; ties to the cautious.</summary>
    private static (Setting Setting, CorpusFigures Figures, IReadOnlyList<bool> Right) BestOf(IEnumerable<(Setting Setting, CorpusFigures Figures, IReadOnlyList<bool> Right)> results, CorpusFigures phrases)
    {
        var safe = results.Where(r => r.Figures.NoWorseSafety(phrases)).ToList();
        if (safe.Count == 0) safe = results.ToList();
        return safe.OrderByDescending(r => r.Figures.RightPath).ThenByDescending(r => r.Setting.Threshold)
            .ThenByDescending(r => (int)r.Setting.Policy).First();
    }

    private static readonly double?[] TrackThresholds = [null, 0.5, 0.6, 0.7, 0.8, 0.9];

    private static Func<string, string?>? Tracker(double? threshold, IReadOnlyDictionary<string, Opinion> opinions) =>
        threshold is not { } t ? null : raw => opinions.TryGetValue(Key(raw), out var opinion) ? SecondOpinion.TrackOf(opinion, t) : null;

    private static Func<string, bool>? Alarm(double? threshold, IReadOnlyDictionary<string, Opinion> opinions) =>
        threshold is not { } t ? null : raw => opinions.TryGetValue(Key(raw), out var opinion) && SecondOpinion.IsDanger(opinion, t);

    private static readonly double?[] DoubtThresholds = [null, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

    private static Func<string, bool>? Doubt(double? threshold, IReadOnlyDictionary<string, Opinion> opinions) =>
        threshold is not { } t ? null : raw => opinions.TryGetValue(Key(raw), out var opinion) && SecondOpinion.DoubtsDanger(opinion, t);

    private static Func<string, Meaning, MessageIntent> Decider(Setting setting, IReadOnlyDictionary<string, Opinion> opinions) =>
        (raw, meaning) => opinions.TryGetValue(Key(raw), out var opinion) ? SecondOpinion.Decide(setting.Policy, setting.Threshold, meaning, opinion) : meaning.Intent;

    private static string Key(string raw) => TextNormalizer.Normalize(raw);

    private static string LabelPath(string label) => label == "spam" ? "unknown" : label;

    /// <summary>The model alone, read from its labels: danger gets the emergency line; complaints, tracks, danger and questions are offered for filing.</summary>
    private static CorpusFigures LabelFigures(IReadOnlyList<CorpusEntry> entries, IReadOnlyList<Opinion> opinions)
    {
        var pairs = entries.Zip(opinions).ToList();
        var danger = pairs.Where(p => p.First.Intent == "danger").ToList();
        var abuse = pairs.Where(p => p.First.Intent is "abuse" or "spam").ToList();
        return new CorpusFigures(pairs.Count(p => LabelPath(p.Second.Label) == p.First.ExpectedPath), pairs.Count,
            danger.Count(p => p.Second.Label == "danger"), danger.Count,
            abuse.Count(p => p.Second.Label is "complaint" or "khieunai" or "tocao" or "danger" or "question"), abuse.Count,
            pairs.Count(p => p.Second.Label == "danger" && p.First.Intent != "danger"), pairs.Count - danger.Count);
    }

    private static string Describe(CorpusFigures f) =>
        $"right path {f.RightPath,3}/{f.Messages} {IntentCorpus.Percent(f.RightPath, f.Messages),7}  danger line {f.DangerFirst}/{f.Danger}  abuse/spam offered {f.AbuseOffered}/{f.Abuse}  false alarms {f.FalseAlarms}/{f.NotDanger}";

    /// <summary>The sample province and articles: from the corpus directory, else from the repository's (a fresh round's directory may hold only the two halves).</summary>
    internal static string SampleFile(string corpusDirectory, string name)
    {
        var own = Path.Combine(corpusDirectory, name);
        if (File.Exists(own)) return own;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents", name);
            if (!File.Exists(candidate)) continue;
            Console.WriteLine($"({name} is not in {corpusDirectory}: the repository's {candidate} is used)");
            return candidate;
        }
        throw new FileNotFoundException($"{name} is neither in {corpusDirectory} nor in the repository's corpus/intents");
    }

    // ---- the model ----

    /// <summary>A trained model read as the service reads the shipped one (<see cref="IntentClassifier"/>).</summary>
    public sealed class Model(IntentClassifier classifier)
    {
        public IReadOnlyList<Opinion> Predict(IReadOnlyList<string> texts) => texts.Select(classifier.Opine).ToList();

        /// <summary>What one message costs, as the service calls it (after a warm-up pass).</summary>
        public double MicrosecondsPerMessage(IReadOnlyList<string> texts)
        {
            const int rounds = 3;
            foreach (var text in texts) classifier.Opine(text);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var r = 0; r < rounds; r++)
                foreach (var text in texts) classifier.Opine(text);
            return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / (rounds * texts.Count);
        }
    }

    /// <summary>The trainer the build uses for the shipped model (<see cref="IntentModelTrainer"/>), for any kind.</summary>
    public static Model Train(ModelKind kind, IReadOnlyList<CorpusEntry> entries)
    {
        var (ml, transformer) = IntentModelTrainer.Train(kind, entries);
        return new Model(IntentClassifier.From(ml, transformer));
    }
}
