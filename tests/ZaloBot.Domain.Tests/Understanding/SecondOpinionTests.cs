using ZaloBot.Domain.Conversations;
using ZaloBot.Domain.Understanding;

namespace ZaloBot.Domain.Tests.Understanding;

/// <summary>
/// The second-opinion policies the model benchmark measures (a trained classifier overruling the phrases' intent), and
/// the engine's guarantee they rely on: danger and abuse are read before the intent, so no opinion moves them.
/// </summary>
public class SecondOpinionTests
{
    private static string Corpus(string file) => RulesThroughTheEngineTests.Corpus(file);

    private static Meaning Phrases(MessageIntent intent, params (string Intent, double Score)[] scores) =>
        new(intent, false, false, null, scores.ToDictionary(s => s.Intent, s => s.Score));

    [Fact]
    public void An_opinion_overrules_the_phrases_only_where_its_policy_lets_it()
    {
        var strongComplaint = Phrases(MessageIntent.Complaint, ("problem", 4));
        var weakComplaint = Phrases(MessageIntent.Complaint, ("problem", 2), ("question", 1.5));
        var help = Phrases(MessageIntent.Help, ("help", 1));
        var sureQuestion = new Opinion("question", 0.95);

        SecondOpinion.Decide(OpinionPolicy.Phrases, 0, weakComplaint, sureQuestion).ShouldBe(MessageIntent.Complaint);
        SecondOpinion.Decide(OpinionPolicy.Always, 0.99, weakComplaint, sureQuestion).ShouldBe(MessageIntent.Complaint, "below the threshold");
        SecondOpinion.Decide(OpinionPolicy.Always, 0.9, strongComplaint, sureQuestion).ShouldBe(MessageIntent.Question);
        SecondOpinion.Decide(OpinionPolicy.WhenWeak, 0.9, strongComplaint, sureQuestion).ShouldBe(MessageIntent.Complaint, "the phrases are strong");
        SecondOpinion.Decide(OpinionPolicy.WhenWeak, 0.9, weakComplaint, sureQuestion).ShouldBe(MessageIntent.Question);
        SecondOpinion.Decide(OpinionPolicy.WithinSet, 0.9, help, sureQuestion).ShouldBe(MessageIntent.Help, "help is outside complaint/question/status");
        SecondOpinion.Decide(OpinionPolicy.WithinSet, 0.9, strongComplaint, new Opinion("greeting", 1)).ShouldBe(MessageIntent.Complaint);
        SecondOpinion.Decide(OpinionPolicy.WeakWithinSet, 0.9, strongComplaint, sureQuestion).ShouldBe(MessageIntent.Complaint);
        SecondOpinion.Decide(OpinionPolicy.WeakWithinSet, 0.9, weakComplaint, new Opinion("status", 0.9)).ShouldBe(MessageIntent.Status);
    }

    [Theory]
    [InlineData("em đi làm căn cước, anh công an bảo đưa 300k thì làm luôn, thế có được phép không ạ")]
    [InlineData("hồ sơ của tôi bị từ chối, bảo không đủ điều kiện, tôi không đồng ý, vậy phải làm sao ạ")]
    public void No_opinion_turns_a_complaint_a_tracks_own_rule_made_into_a_question(string message)
    {
        var sureQuestion = Understander.Default.WithIntentDecision((_, _) => MessageIntent.Question);
        Understander.Default.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);
        sureQuestion.Understand(message).Intent.ShouldBe(MessageIntent.Complaint);
        sureQuestion.Understand("cho hỏi làm căn cước cần giấy tờ gì").Intent.ShouldBe(MessageIntent.Question);
    }

    [Theory]
    [InlineData("toi dang nhan tin voi ai vay")]
    [InlineData("m là bot à")]
    [InlineData("cháu đang nói chuyện với cán bộ hay là máy trả lời tự động ạ")]
    [InlineData("ai trả lời đây")]
    public void Whether_a_person_or_a_machine_answers_is_information_whatever_the_opinion(string message)
    {
        var sureOfAnything = Understander.Default.WithIntentDecision((_, _) => MessageIntent.Status).WithDangerOpinion(_ => true);
        sureOfAnything.Understand(message).Intent.ShouldBe(MessageIntent.Info);
        sureOfAnything.DangerOpinion(message).ShouldBe(DangerKind.None);
    }

    [Fact]
    public void A_machine_named_in_a_complaint_is_no_question_of_who_answers()
    {
        var sureStatus = Understander.Default.WithIntentDecision((_, _) => MessageIntent.Status);
        sureStatus.Understand("tiếng ồn là máy khoan bê tông nhà bên cạnh chạy từ 5h sáng").Intent.ShouldBe(MessageIntent.Status);
    }

    [Theory]
    [InlineData("danger")]
    [InlineData("tocao")]
    [InlineData("khieunai")]
    public void A_classifiers_danger_or_track_files_the_message_and_never_drops_it(string label) =>
        SecondOpinion.IntentOf(label).ShouldBe(MessageIntent.Complaint);

    [Fact]
    public void The_engine_takes_the_opinion_it_is_given()
    {
        // If the override were lost on the way, every hybrid would silently measure as the phrases.
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var entry = IntentCorpus.Parse("greeting | - | - | - | xin chào").Single();
        IntentCorpus.Evaluate([entry], context, keys).Single().Path.ShouldBe("greeting");
        IntentCorpus.Evaluate([entry], context, keys, (_, _) => MessageIntent.Status).Single().Path.ShouldBe("status");
    }

    [Fact]
    public void No_opinion_moves_a_message_from_the_emergency_line_or_the_abuse_reply()
    {
        var (context, keys) = IntentCorpus.Context(Corpus("province.json"), Corpus("articles.json"));
        var entries = IntentCorpus.Parse(Corpus("tuning.tsv")).Where(e => e.Intent is "danger" or "abuse").ToList();
        var phrases = IntentCorpus.Evaluate(entries, context, keys);
        phrases.Count(o => o.EmergencyFirst).ShouldBeGreaterThan(0);
        foreach (var opinion in new[] { MessageIntent.None, MessageIntent.Question, MessageIntent.Complaint, MessageIntent.Greeting })
        {
            var overruled = IntentCorpus.Evaluate(entries, context, keys, (_, _) => opinion);
            foreach (var (before, after) in phrases.Zip(overruled).Where(p => p.First.EmergencyFirst || p.First.Path == "abuse"))
            {
                after.Path.ShouldBe(before.Path, $"{opinion}: {before.Entry.Text}");
                after.EmergencyFirst.ShouldBe(before.EmergencyFirst);
            }
        }
    }
}
