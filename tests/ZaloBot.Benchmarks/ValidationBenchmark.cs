using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;

namespace ZaloBot.Benchmarks;

/// <summary>
/// How far to trust the models, chosen on a third set. Cross-validation on the tuning half favours the rules, which
/// were tuned on it; the held-out half must stay the measure. So fresh rounds, measured before anyone reads them, are
/// kept apart as the validation set (<c>validation.tsv</c>, <c>flow-validation.tsv</c>), and the settings below — and
/// the rule that picks among them — were registered in this file before any of its rows existed (see its history).
/// Each candidate runs the shipped models through the real engine; only the thresholds differ. The set chose once
/// (2026-12-05, 319 first messages: "any, tr .5 dg .7", now shipped); the candidates vary around what is shipped, so
/// the next choice needs rows the set has not yet seen played.
/// </summary>
public static class ValidationBenchmark
{
    private static readonly OpinionSettings Shipped = ModelOpinion.Shipped;

    /// <summary>First-message candidates: from the shipped trust down to the model's intent whenever it speaks, and the
    /// model's danger taken at lower probabilities.</summary>
    private static readonly (string Name, OpinionSettings Settings)[] FirstCandidates =
    [
        ("shipped", Shipped),
        ("intent .5", Shipped with { Threshold = 0.5 }),
        ("intent .3", Shipped with { Threshold = 0.3 }),
        ("intent any", Shipped with { Threshold = 0.0 }),
        ("int .5 tr .6 dg .8", Shipped with { Threshold = 0.5, TrackThreshold = 0.6, DangerThreshold = 0.8 }),
        ("any, tr .5 dg .7", Shipped with { Threshold = 0.0, TrackThreshold = 0.5, DangerThreshold = 0.7 }),
        ("danger .8", Shipped with { DangerThreshold = 0.8 }),
        ("danger .6", Shipped with { DangerThreshold = 0.6 }),
    ];

    /// <summary>Typed-answer candidates: the flow model's threshold around the shipped one.</summary>
    private static readonly (string Name, OpinionSettings Settings)[] FlowCandidates =
    [
        ("shipped", Shipped),
        ("flow .5", Shipped with { FlowThreshold = 0.5 }),
        ("flow .7", Shipped with { FlowThreshold = 0.7 }),
        ("flow .8", Shipped with { FlowThreshold = 0.8 }),
    ];

    /// <summary>The registered rule: a candidate replaces the shipped setting only if it puts at least this share of the
    /// set more on the right path, misses no more danger, offers no more abuse or spam for filing, keeps no more commands
    /// as data, and adds no more false alarms than the dangers it catches. Of those, the most right.</summary>
    private const double Margin = 0.01;

    /// <summary>Fewer first messages than this, or typed answers, choose nothing: a margin of one or two rows is noise.
    /// (Registered 2026-12-05, before the set's first rows were committed.)</summary>
    private const int MinimumSet = 150;

    public static int Run(string corpusDirectory)
    {
        string File(string name) => Path.Combine(corpusDirectory, name);
        if (!System.IO.File.Exists(File("validation.tsv")) || !System.IO.File.Exists(File("flow-validation.tsv")))
        {
            Console.Error.WriteLine($"no validation set in {corpusDirectory} (validation.tsv and flow-validation.tsv)");
            return 2;
        }
        var province = System.IO.File.ReadAllText(File("province.json"));
        var articles = System.IO.File.ReadAllText(File("articles.json"));
        var first = IntentCorpus.Parse(System.IO.File.ReadAllText(File("validation.tsv")));
        var flow = FlowCorpus.Parse(System.IO.File.ReadAllText(File("flow-validation.tsv")));
        Console.WriteLine($"validation set: {first.Count} first messages, {flow.Count} typed answers ({corpusDirectory}); the shipped models, thresholds as registered");

        IReadOnlyList<CorpusOutcome> PlayFirst(Understander understanding)
        {
            var (context, keys) = IntentCorpus.Context(province, articles, understanding);
            return IntentCorpus.Evaluate(first, context, keys);
        }
        IReadOnlyList<FlowOutcome> PlayFlow(Understander understanding) =>
            FlowCorpus.Evaluate(flow, IntentCorpus.Context(province, articles, understanding).Context);

        var firstColumns = new List<(string Name, IReadOnlyList<CorpusOutcome> Outcomes)> { ("rules alone", PlayFirst(Understander.Default)) };
        firstColumns.AddRange(FirstCandidates.Select(c => (c.Name, PlayFirst(Understander.Default.AsShipped(c.Settings)))));
        PrintFirst(firstColumns);

        var flowColumns = new List<(string Name, IReadOnlyList<FlowOutcome> Outcomes)> { ("rules alone", PlayFlow(Understander.Default)) };
        flowColumns.AddRange(FlowCandidates.Select(c => (c.Name, PlayFlow(Understander.Default.AsShipped(c.Settings)))));
        PrintFlow(flowColumns);

        var firstChoice = first.Count < MinimumSet ? $"too few to choose (< {MinimumSet}), shipped stays" : ChooseFirst(firstColumns.Skip(1).ToList());
        var flowChoice = flow.Count < MinimumSet ? $"too few to choose (< {MinimumSet}), shipped stays" : ChooseFlow(flowColumns.Skip(1).ToList());
        Console.WriteLine($"\nby the registered rule (≥ {Margin:P0} more right, no safety figure worse than shipped): first messages → {firstChoice}; typed answers → {flowChoice}");
        return 0;
    }

    private static string ChooseFirst(IReadOnlyList<(string Name, IReadOnlyList<CorpusOutcome> Outcomes)> columns)
    {
        var shipped = IntentCorpus.Figures(columns[0].Outcomes);
        var bar = shipped.RightPath + Math.Ceiling(Margin * shipped.Messages);
        return columns.Skip(1).Select(c => (c.Name, Figures: IntentCorpus.Figures(c.Outcomes)))
            .Where(c => c.Figures.RightPath >= bar && c.Figures.DangerFirst >= shipped.DangerFirst && c.Figures.AbuseOffered <= shipped.AbuseOffered
                && c.Figures.FalseAlarms - shipped.FalseAlarms <= c.Figures.DangerFirst - shipped.DangerFirst)
            .OrderByDescending(c => c.Figures.RightPath).Select(c => c.Name).FirstOrDefault() ?? "shipped stays";
    }

    private static string ChooseFlow(IReadOnlyList<(string Name, IReadOnlyList<FlowOutcome> Outcomes)> columns)
    {
        var shipped = columns[0].Outcomes;
        var bar = shipped.Count(o => o.Handled) + Math.Ceiling(Margin * shipped.Count);
        return columns.Skip(1).Where(c => c.Outcomes.Count(o => o.Handled) >= bar && c.Outcomes.Count(o => o.KeptAsData) <= shipped.Count(o => o.KeptAsData))
            .OrderByDescending(c => c.Outcomes.Count(o => o.Handled)).Select(c => c.Name).FirstOrDefault() ?? "shipped stays";
    }

    private static void PrintFirst(IReadOnlyList<(string Name, IReadOnlyList<CorpusOutcome> Outcomes)> columns)
    {
        Console.WriteLine($"\nfirst messages\n  {"",-12}" + string.Join("", columns.Select(c => $"{c.Name,20}")));
        var entries = columns[0].Outcomes.Select(o => o.Entry).ToList();
        foreach (var group in entries.Select((e, i) => (e.Intent, i)).GroupBy(x => x.Intent).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Key,-12}" + string.Join("", columns.Select(c => $"{group.Count(x => c.Outcomes[x.i].RightPath) + "/" + group.Count(),20}")));
        var figures = columns.Select(c => IntentCorpus.Figures(c.Outcomes)).ToList();
        Console.WriteLine($"  {"right path",-12}" + string.Join("", figures.Select(f => $"{IntentCorpus.Percent(f.RightPath, f.Messages),20}")));
        Console.WriteLine($"  {"danger line",-12}" + string.Join("", figures.Select(f => $"{f.DangerFirst + "/" + f.Danger,20}")));
        Console.WriteLine($"  {"abuse offer",-12}" + string.Join("", figures.Select(f => $"{f.AbuseOffered + "/" + f.Abuse,20}")));
        Console.WriteLine($"  {"false alarm",-12}" + string.Join("", figures.Select(f => $"{f.FalseAlarms + "/" + f.NotDanger,20}")));
        Console.WriteLine($"  {"on topic",-12}" + string.Join("", columns.Select(c =>
            $"{c.Outcomes.Count(o => o.OnTopic == true) + "/" + c.Outcomes.Count(o => o.OnTopic is not null),20}")));
    }

    private static void PrintFlow(IReadOnlyList<(string Name, IReadOnlyList<FlowOutcome> Outcomes)> columns)
    {
        Console.WriteLine($"\ntyped answers\n  {"",-12}" + string.Join("", columns.Select(c => $"{c.Name,20}")));
        var entries = columns[0].Outcomes.Select(o => o.Entry).ToList();
        foreach (var group in entries.Select((e, i) => (e.Expected, i)).GroupBy(x => x.Expected).OrderByDescending(g => g.Count()))
            Console.WriteLine($"  {group.Key,-12}" + string.Join("", columns.Select(c => $"{group.Count(x => c.Outcomes[x.i].Handled) + "/" + group.Count(),20}")));
        Console.WriteLine($"  {"handled",-12}" + string.Join("", columns.Select(c => $"{IntentCorpus.Percent(c.Outcomes.Count(o => o.Handled), c.Outcomes.Count),20}")));
        Console.WriteLine($"  {"kept as data",-12}" + string.Join("", columns.Select(c =>
            $"{c.Outcomes.Count(o => o.KeptAsData) + "/" + c.Outcomes.Count(o => o.Entry.IsCommand),20}")));
    }
}
