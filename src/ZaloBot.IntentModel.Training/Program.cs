using ZaloBot.IntentModel.Training;

// Run by the build of ZaloBot.IntentModel (its TrainIntentModel target) whenever corpus/intents/tuning.tsv changes.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ZaloBot.IntentModel.Training <tuning.tsv> <model.zip>");
    return 2;
}
var started = System.Diagnostics.Stopwatch.GetTimestamp();
IntentModelTrainer.TrainToFile(args[0], args[1]);
Console.WriteLine($"intent model trained from {args[0]} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {args[1]} ({new FileInfo(args[1]).Length / 1024} KiB)");
return 0;
