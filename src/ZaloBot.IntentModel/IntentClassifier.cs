using Microsoft.ML;
using Microsoft.ML.Data;
using ZaloBot.Domain.Text;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.IntentModel;

/// <summary>
/// A trained classifier (docs/understanding.md, "The trained second opinion"): a corpus label and how sure it is, for
/// any text — first messages (<c>intent-model.zip</c>) or typed answers with their step in front (<c>flow-model.zip</c>).
/// Each is loaded once from the file the build trained beside this assembly.
/// A prediction engine is not thread-safe, so each thread keeps its own; the model itself is shared.
/// </summary>
public sealed class IntentClassifier : IDisposable
{
    public const string FileName = "intent-model.zip";
    public const string FlowFileName = "flow-model.zip";

    private readonly ThreadLocal<PredictionEngine<Input, Output>> _engines;

    // A message's intent, track and danger are asked one after the other on the same thread: one prediction serves all.
    private readonly ThreadLocal<(string Raw, Opinion Opinion)?> _last = new();

    // Where the danger label's probability sits among the scores; -1 for a model without that label (the flow's).
    private readonly int _dangerSlot;

    private IntentClassifier(MLContext ml, ITransformer model)
    {
        _engines = new ThreadLocal<PredictionEngine<Input, Output>>(() => ml.Model.CreatePredictionEngine<Input, Output>(model));
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        _engines.Value!.OutputSchema["Score"].GetSlotNames(ref names);
        _dangerSlot = names.DenseValues().Select(n => n.ToString()).ToList().IndexOf("danger");
    }

    /// <summary>The first-message model the build trained from corpus/intents/tuning.tsv, loaded once per process.</summary>
    public static IntentClassifier Shipped => ShippedModel.Value;

    /// <summary>The typed-answer model the build trained from corpus/intents/flow-tuning.tsv, loaded once per process.</summary>
    public static IntentClassifier ShippedFlow => ShippedFlowModel.Value;

    private static readonly Lazy<IntentClassifier> ShippedModel = new(() => Load(Path.Combine(AppContext.BaseDirectory, FileName)));
    private static readonly Lazy<IntentClassifier> ShippedFlowModel = new(() => Load(Path.Combine(AppContext.BaseDirectory, FlowFileName)));

    /// <summary>A model trained in this process (the benchmark's folds), read the same way as the shipped file.</summary>
    public static IntentClassifier From(MLContext ml, ITransformer model) => new(ml, model);

    public static IntentClassifier Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The model {path} is missing: it is trained when ZaloBot.IntentModel builds (corpus/intents/tuning.tsv, flow-tuning.tsv).", path);
        var ml = new MLContext();
        using var stream = File.OpenRead(path);
        return new IntentClassifier(ml, ml.Model.Load(stream, out _));
    }

    /// <summary>The label the model gives <paramref name="raw"/> (as the corpus labels first messages) and its probability.</summary>
    public Opinion Opine(string raw)
    {
        if (_last.Value is { } last && string.Equals(last.Raw, raw, StringComparison.Ordinal)) return last.Opinion;
        var output = _engines.Value!.Predict(new Input { Text = TextNormalizer.Normalize(raw) });
        var opinion = new Opinion(output.PredictedLabel, output.Score.Length == 0 ? 0 : output.Score.Max(),
            _dangerSlot >= 0 && _dangerSlot < output.Score.Length ? output.Score[_dangerSlot] : 0);
        _last.Value = (raw, opinion);
        return opinion;
    }

    public void Dispose()
    {
        _engines.Dispose();
        _last.Dispose();
    }

    // Column names are the trainer's (ZaloBot.IntentModel.Training): the pipeline saved in the file binds by name, and
    // it begins by mapping the label, so a prediction's input carries an empty one.
    private sealed class Input
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class Output
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }
}
