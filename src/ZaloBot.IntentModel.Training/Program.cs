using ZaloBot.IntentModel.Training;

// Run by the build of ZaloBot.IntentModel (its TrainIntentModel and TrainFlowModel targets) whenever the corpus file
// it reads or the trainer changes.
if (args is not [("first" or "flow") and var kind, var corpus, var model])
{
    Console.Error.WriteLine("usage: ZaloBot.IntentModel.Training first <tuning.tsv> <intent-model.zip>");
    Console.Error.WriteLine("       ZaloBot.IntentModel.Training flow <flow-tuning.tsv> <flow-model.zip>");
    return 2;
}
var started = System.Diagnostics.Stopwatch.GetTimestamp();
if (kind == "first") IntentModelTrainer.TrainToFile(corpus, model);
else IntentModelTrainer.TrainFlowToFile(corpus, model);
Console.WriteLine($"{kind} model trained from {corpus} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {model} ({new FileInfo(model).Length / 1024} KiB)");
return 0;
