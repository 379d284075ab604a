namespace ZaloBot.Domain.Understanding;

/// <summary>
/// A trained classifier's answer for a message: a corpus label (see corpus/intents), the probability it gave it, and
/// the probability it gave immediate danger (0 for a model without that label).
/// </summary>
public readonly record struct Opinion(string Label, double Probability, double Danger = 0);

/// <summary>When a second opinion may overrule the phrases' intent (see <see cref="SecondOpinion.Decide"/>).</summary>
public enum OpinionPolicy
{
    /// <summary>The phrases alone.</summary>
    Phrases,

    /// <summary>The classifier whenever it is sure enough.</summary>
    Always,

    /// <summary>The classifier only where the phrases are weak (<see cref="SecondOpinion.Weak"/>).</summary>
    WhenWeak,

    /// <summary>The classifier only between complaint, question and status, both ways.</summary>
    WithinSet,

    /// <summary>Both limits: weak phrases, and only between complaint, question and status.</summary>
    WeakWithinSet,
}

/// <summary>
/// How a classifier's opinion is combined with the phrases' intent for a first message. Pure, so the experiment's
/// policies are the same functions whether played in the benchmark or tested. The engine reads danger, ticket codes,
/// adverts and abuse before the intent (<see cref="Understander.WithIntentDecision"/>), so none of these policies can
/// take a message away from the emergency line; a classifier's "danger" still files the message, never drops it.
/// </summary>
public static class SecondOpinion
{
    /// <summary>The phrases are weak: no reading reaches 2, or the two strongest are within 1 of each other.</summary>
    public const double Strong = 2, Margin = 1;

    private static readonly MessageIntent[] Movable = [MessageIntent.Complaint, MessageIntent.Question, MessageIntent.Status];

    /// <summary>The engine intent a corpus label leads to: the tracks and danger are complaints; adverts, abuse, codes and noise nothing.</summary>
    public static MessageIntent IntentOf(string label) => label switch
    {
        "complaint" or "khieunai" or "tocao" or "danger" => MessageIntent.Complaint,
        "status" => MessageIntent.Status,
        "question" => MessageIntent.Question,
        "help" => MessageIntent.Help,
        "info" => MessageIntent.Info,
        "greeting" => MessageIntent.Greeting,
        "thanks" => MessageIntent.Thanks,
        _ => MessageIntent.None,
    };

    /// <summary>The readings the phrases choose between (as <see cref="Understander.Understand"/> weighs them), strongest first.</summary>
    public static double[] Readings(Meaning meaning)
    {
        double S(string intent) => meaning.Scores.GetValueOrDefault(intent);
        double[] readings = [S("status"), S("complaint") + S("problem"), S("help"), S("question"), S("info")];
        Array.Sort(readings, (a, b) => b.CompareTo(a));
        return readings;
    }

    public static bool Weak(Meaning meaning)
    {
        var readings = Readings(meaning);
        return readings[0] < Strong || readings[0] - readings[1] <= Margin;
    }

    /// <summary>A classifier's label says immediate danger, and it is at least <paramref name="threshold"/> sure.</summary>
    public static bool IsDanger(Opinion opinion, double threshold) => opinion.Label == "danger" && opinion.Probability >= threshold;

    /// <summary>
    /// A classifier doubts the danger the rules read: it gives immediate danger less than <paramref name="threshold"/>
    /// (words like "cháy" or "nổ" in an advert, a debt, a past event the rules did not see as such).
    /// </summary>
    public static bool DoubtsDanger(Opinion opinion, double threshold) => opinion.Label != "danger" && opinion.Danger < threshold;

    /// <summary>The track a classifier's label names, when it is at least <paramref name="threshold"/> sure; null otherwise.</summary>
    public static string? TrackOf(Opinion opinion, double threshold) =>
        opinion.Probability < threshold ? null : opinion.Label switch
        {
            "khieunai" => Tracks.TicketTracks.KhieuNai,
            "tocao" => Tracks.TicketTracks.ToCao,
            _ => null,
        };

    public static MessageIntent Decide(OpinionPolicy policy, double threshold, Meaning phrases, Opinion opinion)
    {
        if (policy == OpinionPolicy.Phrases || opinion.Probability < threshold) return phrases.Intent;
        var model = IntentOf(opinion.Label);
        var withinSet = Movable.Contains(phrases.Intent) && Movable.Contains(model);
        return policy switch
        {
            OpinionPolicy.Always => model,
            OpinionPolicy.WhenWeak when Weak(phrases) => model,
            OpinionPolicy.WithinSet when withinSet => model,
            OpinionPolicy.WeakWithinSet when withinSet && Weak(phrases) => model,
            _ => phrases.Intent,
        };
    }

    /// <summary>
    /// What a flow label leads to when a classifier is at least <paramref name="threshold"/> sure: the commands, never an
    /// answer — except at the photos and the summary, where an answer in words can only say yes (nothing typed is stored
    /// there: the photos are sent, the complaint is to be sent); and another matter, kept for later, where the draft holds
    /// its problem already.
    /// </summary>
    public static FlowIntent FlowIntentOf(Opinion opinion, double threshold, Conversations.Step step) =>
        opinion.Probability < threshold ? FlowIntent.None : opinion.Label switch
        {
            "answer" when step is Conversations.Step.Attachments or Conversations.Step.Confirm => FlowIntent.Agrees,
            "cancel" => FlowIntent.Cancel,
            "back" => FlowIntent.Back,
            "edit" => FlowIntent.Edit,
            "correct" => FlowIntent.Correction,
            "skip" => FlowIntent.Later,
            // Where the draft holds a problem already and the step asks for something else than the problem's words.
            "newproblem" when step is Conversations.Step.Place or Conversations.Step.Area or Conversations.Step.Attachments
                or Conversations.Step.Contact or Conversations.Step.Confirm => FlowIntent.AnotherMatter,
            _ => FlowIntent.None,
        };

    /// <summary>A message typed at a step as a flow classifier reads it: the step is a word of its own in front of the text.</summary>
    public static string FlowText(Conversations.Step step, string raw) => $"step{step.ToString().ToLowerInvariant()} {raw}";
}
