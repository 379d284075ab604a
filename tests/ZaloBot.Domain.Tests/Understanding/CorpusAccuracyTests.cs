using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>
/// The held-out part of the labelled corpus (corpus/intents/heldout.tsv), played through the engine as first messages:
/// the targets, asserted. An accuracy figure, not a timing one, so it is stable on any machine.
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

    private static IReadOnlyList<CorpusOutcome> Play(string part)
    {
        var directory = CorpusDirectory();
        var (context, keys) = IntentCorpus.Context(File.ReadAllText(Path.Combine(directory, "province.json")), File.ReadAllText(Path.Combine(directory, "articles.json")));
        return IntentCorpus.Evaluate(IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, part + ".tsv"))), context, keys);
    }

    [Fact]
    public void Held_out_first_answers_are_on_the_right_path_and_rarely_not_understood()
    {
        var outcomes = Play("heldout");
        outcomes.Count.ShouldBeGreaterThanOrEqualTo(150);
        var report = IntentCorpus.Report("held-out", outcomes, listMistakes: false);
        (outcomes.Count(o => o.RightPath) / (double)outcomes.Count).ShouldBeGreaterThanOrEqualTo(0.95, report);
        (outcomes.Count(o => o.NotUnderstood) / (double)outcomes.Count).ShouldBeLessThanOrEqualTo(0.03, report);
    }

    [Fact]
    public void The_corpus_has_at_least_300_labelled_messages_in_two_parts()
    {
        var directory = CorpusDirectory();
        var tuning = IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, "tuning.tsv")));
        var heldOut = IntentCorpus.Parse(File.ReadAllText(Path.Combine(directory, "heldout.tsv")));
        (tuning.Count + heldOut.Count).ShouldBeGreaterThanOrEqualTo(300);
        tuning.Select(e => e.Text).Intersect(heldOut.Select(e => e.Text)).ShouldBeEmpty();
        string[] intents = ["complaint", "danger", "khieunai", "tocao", "status", "lookup", "question", "abuse", "spam", "greeting", "help", "info", "thanks", "unknown"];
        tuning.Concat(heldOut).ShouldAllBe(e => intents.Contains(e.Intent));
    }
}
