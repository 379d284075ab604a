using ZaloBot.Domain.Understanding;

namespace ZaloBot.IntentModel;

/// <summary>
/// How the trained model joins the rules, always adding and never taking away: it has the last word on a message's
/// intent whenever it is at least <see cref="Threshold"/> sure (<see cref="OpinionPolicy.Always"/>); it names the track
/// (khiếu nại, tố cáo) of a message the rules read as a plain complaint when at least <see cref="TrackThreshold"/> sure;
/// and it gives a first message the emergency line the rules' danger words missed when at least
/// <see cref="DangerThreshold"/> sure (never for a danger the rules read as over or only feared). Policy and thresholds
/// were chosen by 5-fold cross-validation on the tuning half (scripts/bench.sh model). Danger, ticket codes, adverts and
/// abuse are read before the intent, so the model can never take a message from the emergency line or the abuse reply.
/// </summary>
public static class ModelOpinion
{
    public const OpinionPolicy Policy = OpinionPolicy.Always;
    public const double Threshold = 0.8;
    public const double TrackThreshold = 0.6;
    public const double DangerThreshold = 0.9;

    /// <summary>The same understander with <paramref name="model"/> as the second opinion on its intent and track.</summary>
    public static Understander WithModel(this Understander phrases, IntentClassifier model) =>
        phrases.WithIntentDecision((raw, meaning) => SecondOpinion.Decide(Policy, Threshold, meaning, model.Opine(raw)))
            .WithTrackOpinion(raw => SecondOpinion.TrackOf(model.Opine(raw), TrackThreshold))
            .WithDangerOpinion(raw => SecondOpinion.IsDanger(model.Opine(raw), DangerThreshold));
}
