using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;
using ZaloBot.IntentModel;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>
/// The trained models the service ships (trained from corpus/intents/tuning.tsv and flow-tuning.tsv when
/// ZaloBot.IntentModel builds): that they are there and read like the corpus, that one model serves many threads, and
/// where they have the last word.
/// </summary>
public class IntentClassifierTests
{
    private static readonly IntentClassifier Model = IntentClassifier.Shipped;

    [Theory]
    [InlineData("đèn đường trước ngõ 5 hỏng cả tuần nay tối om", "complaint")]
    [InlineData("cho hỏi làm căn cước gắn chip cần mang giấy tờ gì", "question")]
    [InlineData("toi gui phan anh tu thang truoc sao chua thay ai tra loi", "status")]
    [InlineData("cảm ơn các cháu nhiều nhé", "thanks")]
    public void The_shipped_model_reads_plain_messages_as_the_corpus_labels_them(string message, string label)
    {
        var opinion = Model.Opine(message);
        opinion.Label.ShouldBe(label);
        opinion.Probability.ShouldBeInRange(0, 1);
    }

    [Fact]
    public void One_model_gives_every_thread_the_same_opinions()
    {
        // Prediction engines are not thread-safe; each thread must get its own and the answers must not mix.
        var texts = IntentCorpus.Parse(RulesThroughTheEngineTests.Corpus("tuning.tsv")).Take(400).Select(e => e.Text).ToList();
        var sequential = texts.Select(Model.Opine).ToList();
        var parallel = new Opinion[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Model.Opine(texts[i]));
        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void The_model_has_the_last_word_on_the_intent_only_when_it_is_sure_and_no_tracks_rule_filed_it()
    {
        var phrases = Understander.Default;
        var withModel = phrases.WithModel(Model);
        var corpus = IntentCorpus.Parse(RulesThroughTheEngineTests.Corpus("tuning.tsv"));
        var moved = 0;
        foreach (var entry in corpus)
        {
            var opinion = Model.Opine(entry.Text);
            var own = phrases.Understand(entry.Text).Intent;
            var ruled = own == MessageIntent.Complaint && phrases.FiledByATrackRule(entry.Text);
            var expected = opinion.Probability >= ModelOpinion.Shipped.Threshold && !ruled ? SecondOpinion.IntentOf(opinion.Label) : own;
            withModel.Understand(entry.Text).Intent.ShouldBe(expected, entry.Text);
            if (expected != phrases.Understand(entry.Text).Intent) moved++;
        }
        moved.ShouldBeGreaterThan(0, "the model never disagreed with the phrases: it is not being consulted");
    }

    [Fact]
    public void A_phrase_an_operator_adds_decides_the_intent_it_reads_over_the_model()
    {
        const string message = "loa kẹo kéo";
        var table = PhraseTable.BuiltIn().Merge(PhraseTable.Parse("""{"intents": {"complaint": {"loa kẹo kéo": 6}}}"""));
        var operatorPhrases = new Understander(table);
        operatorPhrases.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);
        Understander.Default.Understand(message).Intent.ShouldNotBe(MessageIntent.Complaint);
        operatorPhrases.AsShipped().Understand(message).Intent.ShouldNotBe(MessageIntent.Complaint, "the model alone would overrule the operator");
        operatorPhrases.AsShippedOver(Understander.Default).Understand(message).Intent.ShouldBe(MessageIntent.Complaint);
        // Where the operator's phrases read what the built-in table reads, the model keeps its word.
        const string plain = "đèn đường trước ngõ 5 hỏng cả tuần nay tối om";
        operatorPhrases.AsShippedOver(Understander.Default).Understand(plain).Intent.ShouldBe(Understander.Default.AsShipped().Understand(plain).Intent);
    }

    [Theory]
    [InlineData(Step.Place, "thôi dẹp đi, nói mãi chẳng ai làm", "cancel")]
    [InlineData(Step.Attachments, "máy cùi bắp chụp ko được ad ơi", "skip")]
    [InlineData(Step.Contact, "ko để tên đc ko ad", "skip")]
    public void The_shipped_flow_model_is_sure_of_commands_the_rules_read_nothing_in(Step step, string message, string label)
    {
        Understander.Default.ReadInFlow(message).Intent.ShouldBe(FlowIntent.None, "the rules already read it: pick a message they miss");
        var opinion = IntentClassifier.ShippedFlow.Opine(SecondOpinion.FlowText(step, message));
        opinion.Label.ShouldBe(label);
        opinion.Probability.ShouldBeGreaterThanOrEqualTo(ModelOpinion.Shipped.FlowThreshold);
    }

    [Fact]
    public void As_shipped_a_cancel_the_rules_miss_drops_the_draft_instead_of_becoming_the_address()
    {
        var shipped = Conversations.Fixtures.Context() with { Understanding = Understander.Default.AsShipped() };
        var script = Conversations.Script.Start(shipped).Says("Gửi phản ánh").Says("Hạ tầng, môi trường")
            .Says("Đèn đường trước nhà bị hỏng cả tuần nay, tối đi lại rất nguy hiểm").ExpectStep(Step.Place)
            .Says("thôi dẹp đi, nói mãi chẳng ai làm").ExpectStep(Step.Menu);
        script.State.HasDraftInProgress.ShouldBeFalse();
    }

    [Fact]
    public void A_missing_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", IntentClassifier.FileName);
        Should.Throw<FileNotFoundException>(() => IntentClassifier.Load(missing)).Message.ShouldContain("corpus/intents/tuning.tsv");
    }
}
