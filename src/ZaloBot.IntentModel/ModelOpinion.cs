using ZaloBot.Domain.Understanding;

namespace ZaloBot.IntentModel;

/// <summary>
/// How the trained model joins the phrases: it has the last word on a message's intent whenever it is at least
/// <see cref="Threshold"/> sure (<see cref="OpinionPolicy.Always"/>). Policy and threshold were chosen by 5-fold
/// cross-validation on the tuning half (scripts/bench.sh model); danger, ticket codes, adverts and abuse are read by
/// the engine before the intent, so the model can never take a message from the emergency line or the abuse reply.
/// </summary>
public static class ModelOpinion
{
    public const OpinionPolicy Policy = OpinionPolicy.Always;
    public const double Threshold = 0.8;

    /// <summary>The same understander with <paramref name="model"/> as the second opinion on its intent.</summary>
    public static Understander WithModel(this Understander phrases, IntentClassifier model) =>
        phrases.WithIntentDecision((raw, meaning) => SecondOpinion.Decide(Policy, Threshold, meaning, model.Opine(raw)));
}
