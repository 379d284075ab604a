using ZaloBot.Domain.Understanding;

namespace ZaloBot.IntentModel;

/// <summary>
/// How the trained models join the rules, always adding and never taking away. The first-message model has the last
/// word on a message's intent whenever it is at least <see cref="OpinionSettings.Threshold"/> sure (<see cref="OpinionPolicy.Always"/>; as shipped, at any certainty);
/// it names the track (khiếu nại, tố cáo) of a message the rules read as a plain complaint when at least
/// <see cref="OpinionSettings.TrackThreshold"/> sure; and it gives a first message the emergency line the rules' danger words missed
/// when at least <see cref="OpinionSettings.DangerThreshold"/> sure (never for a danger the rules read as over or only feared). It
/// could take the rules' danger from a first message it gives immediate danger less than
/// <see cref="OpinionSettings.DangerDoubtThreshold"/>; cross-validation admits a threshold only if it drops no true danger out of
/// fold, and none has yet (even 0.01 dropped two of 392, 2026-12-05), so it is 0: never. The
/// typed-answer model reads cancel, back, edit, later or another matter in a message typed at a step where the rules
/// read nothing in it, when at least <see cref="OpinionSettings.FlowThreshold"/> sure. Policy and thresholds were chosen by 5-fold cross-validation on
/// the tuning half (scripts/bench.sh model, scripts/bench.sh flow-model), then the first-message thresholds by the validation set. Danger, ticket codes, adverts and abuse are
/// read before the intent, so the model can never take a message from the emergency line or the abuse reply.
/// </summary>
public static class ModelOpinion
{
    /// <summary>
    /// What the service runs. Cross-validation chose intent .7, track .8, danger .9; the validation set (319 first
    /// messages never used for tuning, played once under the rule registered before its rows, 2026-12-05) chose the
    /// model's label whatever its certainty, track .5 and danger .7: 94.0 % right against 92.5 %, one more danger with
    /// the line first, no advert offered, no more false alarms (docs/understanding.md).
    /// </summary>
    public static OpinionSettings Shipped { get; } = new(OpinionPolicy.Always, Threshold: 0.0, TrackThreshold: 0.5, DangerThreshold: 0.7,
        DangerDoubtThreshold: 0.0, FlowThreshold: 0.6);

    /// <summary>The phrases with the two models the build trained: what the service runs and the corpus measures.</summary>
    public static Understander AsShipped(this Understander phrases) => phrases.AsShipped(Shipped);

    /// <summary>The phrases with the two shipped models trusted as far as <paramref name="settings"/> say (the validation plays alternatives).</summary>
    public static Understander AsShipped(this Understander phrases, OpinionSettings settings) =>
        phrases.WithModel(IntentClassifier.Shipped, settings).WithFlowModel(IntentClassifier.ShippedFlow, settings.FlowThreshold);

    /// <summary>
    /// An operator's phrase table laid over the built-in one, with the shipped models — except that where the operator's
    /// phrases read another intent than the built-in table does, the operator's reading stands: the model was trained
    /// before those phrases existed, and as shipped it has the last word at any certainty.
    /// </summary>
    public static Understander AsShippedOver(this Understander withOperatorPhrases, Understander builtIn) =>
        withOperatorPhrases.WithModel(IntentClassifier.Shipped, Shipped, (raw, meaning) => builtIn.Understand(raw).Intent != meaning.Intent)
            .WithFlowModel(IntentClassifier.ShippedFlow, Shipped.FlowThreshold);

    /// <summary>The same understander with <paramref name="model"/> as the second opinion on its intent and track.</summary>
    public static Understander WithModel(this Understander phrases, IntentClassifier model) => phrases.WithModel(model, Shipped);

    /// <summary>The same understander with <paramref name="model"/> trusted as far as <paramref name="settings"/> say (cross-validation plays alternatives).</summary>
    public static Understander WithModel(this Understander phrases, IntentClassifier model, OpinionSettings settings) => phrases.WithModel(model, settings, null);

    private static Understander WithModel(this Understander phrases, IntentClassifier model, OpinionSettings settings,
        Func<string, Meaning, bool>? operatorDecides) =>
        phrases.WithIntentDecision((raw, meaning) => operatorDecides?.Invoke(raw, meaning) == true
                ? meaning.Intent
                : SecondOpinion.Decide(settings.Policy, settings.Threshold, meaning, model.Opine(raw)))
            .WithTrackOpinion(raw => SecondOpinion.TrackOf(model.Opine(raw), settings.TrackThreshold))
            .WithDangerOpinion(raw => SecondOpinion.IsDanger(model.Opine(raw), settings.DangerThreshold))
            .WithAbuseOpinion(raw => model.Opine(raw) is { Label: "abuse" } opinion && opinion.Probability >= settings.Threshold)
            .WithDoubtIfAdmitted(model, settings.DangerDoubtThreshold);

    // Off, no prediction is spent on a danger the rules read (the engine answers it before it asks for the intent).
    private static Understander WithDoubtIfAdmitted(this Understander understander, IntentClassifier model, double threshold) =>
        threshold > 0 ? understander.WithDangerDoubt(raw => SecondOpinion.DoubtsDanger(model.Opine(raw), threshold)) : understander;

    /// <summary>The same understander with <paramref name="flow"/> as the second opinion on what a typed answer means.</summary>
    public static Understander WithFlowModel(this Understander phrases, IntentClassifier flow) => phrases.WithFlowModel(flow, Shipped.FlowThreshold);

    private static Understander WithFlowModel(this Understander phrases, IntentClassifier flow, double threshold) =>
        phrases.WithFlowOpinion((step, raw) => SecondOpinion.FlowIntentOf(flow.Opine(SecondOpinion.FlowText(step, raw)), threshold, step));
}

/// <summary>How far the rules trust the models: the thresholds <see cref="ModelOpinion"/> describes.</summary>
public sealed record OpinionSettings(OpinionPolicy Policy, double Threshold, double TrackThreshold, double DangerThreshold, double DangerDoubtThreshold, double FlowThreshold);
