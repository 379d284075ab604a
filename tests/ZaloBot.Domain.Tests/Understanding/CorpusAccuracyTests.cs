using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>
/// The labelled corpus (corpus/intents), played through the engine as the service reads messages (the phrases with the
/// trained model's second opinion, <see cref="ModelOpinion"/>): the targets asserted on the tuning half, measured floors
/// on the held-out half. An accuracy figure, not a timing one, so it is stable on any machine.
/// </summary>
public class CorpusAccuracyTests
{
    private static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus", "intents");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("corpus/intents not found above " + AppContext.BaseDirectory);
    }

    private static (ConversationContext Context, IReadOnlyDictionary<long, string> Keys) Context()
    {
        var directory = CorpusDirectory();
        return IntentCorpus.Context(File.ReadAllText(Path.Combine(directory, "province.json")), File.ReadAllText(Path.Combine(directory, "articles.json")),
            Understander.Default.AsShipped());
    }

    private static IReadOnlyList<CorpusOutcome> Play(string part)
    {
        var directory = CorpusDirectory();
        var (context, keys) = Context();
        return IntentCorpus.Evaluate(IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, part + ".tsv"))), context, keys);
    }

    /// <summary>
    /// The held-out figures as measured (docs/understanding.md): the floors keep them from slipping back. They are
    /// floors, not the targets (97 % of first messages, every danger message, no abuse or spam filed): each fresh round
    /// of citizens' phrasing is split before any run, so its held-out half meets the phrases untuned — asserting the
    /// targets there would push the next engineer to tune on the held-out half. The targets are asserted on the
    /// tuning half, where a miss is a phrase-table bug to fix.
    /// </summary>
    [Fact]
    public void Held_out_first_answers_stay_above_their_measured_floors()
    {
        var outcomes = Play("heldout");
        outcomes.Count.ShouldBeGreaterThanOrEqualTo(250);
        var report = IntentCorpus.Report("held-out", outcomes, listMistakes: false);
        (outcomes.Count(o => o.RightPath) / (double)outcomes.Count).ShouldBeGreaterThanOrEqualTo(0.946, report);
        var danger = outcomes.Where(o => o.Entry.Intent == "danger").ToList();
        (danger.Count(o => o.EmergencyFirst) / (double)danger.Count).ShouldBeGreaterThanOrEqualTo(0.957, report);
        // A share, not a count: each fresh round brings its own held-out adverts and insults, and a count would have to
        // be raised with every round that merely grows the corpus.
        var unwanted = outcomes.Where(o => o.Entry.Intent is "abuse" or "spam").ToList();
        (unwanted.Count(o => o.OfferedForFiling) / (double)unwanted.Count).ShouldBeLessThanOrEqualTo(0.065, report);
        var questions = outcomes.Where(o => o.OnTopic is not null).ToList();
        (questions.Count(o => o.OnTopic == true) / (double)questions.Count).ShouldBeGreaterThanOrEqualTo(0.906, report);
    }

    [Fact]
    public void Tuning_half_meets_the_targets_with_danger_first_and_no_abuse_filed()
    {
        var outcomes = Play("tuning");
        var report = IntentCorpus.Report("tuning", outcomes, listMistakes: true);
        (outcomes.Count(o => o.RightPath) / (double)outcomes.Count).ShouldBeGreaterThanOrEqualTo(0.97, report);
        outcomes.Where(o => o.Entry.Intent == "danger").ShouldAllBe(o => o.EmergencyFirst, report);
        outcomes.Where(o => o.Entry.Intent is "abuse" or "spam").ShouldAllBe(o => !o.OfferedForFiling, report);
    }

    [Fact]
    public void Held_out_typed_answers_inside_the_flow_are_handled_and_rarely_kept_as_data()
    {
        var directory = CorpusDirectory();
        var (context, _) = Context();
        var outcomes = FlowCorpus.Evaluate(FlowCorpus.Parse(File.ReadAllText(Path.Combine(directory, "flow-heldout.tsv"))), context);
        outcomes.Count.ShouldBeGreaterThanOrEqualTo(130);
        var report = FlowCorpus.Report("held-out", outcomes, listMistakes: false);
        (outcomes.Count(o => o.Handled) / (double)outcomes.Count).ShouldBeGreaterThanOrEqualTo(0.944, report);
        // A share for the reason the offered adverts are one: each round's held-out half brings its own.
        (outcomes.Count(o => o.KeptAsData) / (double)outcomes.Count).ShouldBeLessThanOrEqualTo(0.0025, report);
    }

    [Fact]
    public void The_corpus_has_at_least_800_labelled_messages_half_held_out()
    {
        var directory = CorpusDirectory();
        var tuning = IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, "tuning.tsv")));
        var heldOut = IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, "heldout.tsv")));
        var flowTuning = FlowCorpus.Parse(File.ReadAllText(Path.Combine(directory, "flow-tuning.tsv")));
        var flowHeldOut = FlowCorpus.Parse(File.ReadAllText(Path.Combine(directory, "flow-heldout.tsv")));
        (tuning.Count + heldOut.Count + flowTuning.Count + flowHeldOut.Count).ShouldBeGreaterThanOrEqualTo(800);
        (heldOut.Count + flowHeldOut.Count).ShouldBeGreaterThanOrEqualTo(400);
        tuning.Select(e => e.Text).Intersect(heldOut.Select(e => e.Text)).ShouldBeEmpty();
        flowTuning.Select(e => e.Step + e.Text).Intersect(flowHeldOut.Select(e => e.Step + e.Text)).ShouldBeEmpty();
        string[] intents = ["complaint", "danger", "khieunai", "tocao", "status", "lookup", "question", "abuse", "spam", "greeting", "help", "info", "thanks", "unknown"];
        tuning.Concat(heldOut).ShouldAllBe(e => intents.Contains(e.Intent));
    }

    [Fact]
    public void The_validation_set_is_apart_from_both_halves()
    {
        // The validation set chooses how far to trust the models (scripts/bench.sh validate); a row it shares with the
        // tuning half would reward what was tuned, one shared with the held-out half would count twice.
        var directory = CorpusDirectory();
        IReadOnlyList<string> First(string part) => IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, part + ".tsv"))).Select(e => e.Text).ToList();
        IReadOnlyList<string> Flow(string part) => FlowCorpus.Parse(File.ReadAllText(Path.Combine(directory, part + ".tsv"))).Select(e => e.Step + " " + e.Text).ToList();
        var validation = First("validation");
        var flowValidation = Flow("flow-validation");
        validation.ShouldNotBeEmpty();
        validation.Intersect(First("tuning").Concat(First("heldout"))).ShouldBeEmpty();
        flowValidation.Intersect(Flow("flow-tuning").Concat(Flow("flow-heldout"))).ShouldBeEmpty();
    }
}
