using ZaloBot.Benchmarks;

// Harness entry: figures are printed, never asserted (see docs/benchmarks.md).
// The queue and track benchmarks read tickets through the service's own queries, which read statuses through Dapper.
ZaloBot.Storage.TicketStatusTypeHandler.Register();
return args switch
{
    ["ingest-requests", var count, var appId, var secret, var output] =>
        IngestRequests.Write(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), appId, secret, output),
    ["fuzz", var url, var connectionString, var token, var appId, var oaId, var secret, var count, var seed, var concurrency] =>
        await FuzzRun.RunAsync(url, connectionString, token, appId, oaId, secret,
            int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), FuzzRun.ParseSeed(seed), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture)),
    ["delivery", var url, var latencyMs, var rate, var seconds, var burst, var appId, var secret, .. var rest] =>
        MessagesPerComplaint.Run() | await DeliveryBenchmark.RunAsync(url, Int(latencyMs), Int(rate), Int(seconds), Int(burst), appId, secret, rest is [var oas] ? Int(oas) : 1),
    ["wave", var url, var latencyMs, var count, var appId, var secret, var connectionString, var servicePid, var postgresPid] =>
        MessagesPerComplaint.Run() | await WaveBenchmark.RunAsync(new WaveBenchmark.Settings(url, Int(latencyMs), Int(count), appId, secret, connectionString, Int(servicePid), Int(postgresPid))),
    ["steady", var url, var latencyMs, var rate, var seconds, var runs, var appId, var secret] =>
        await DeliveryBenchmark.RunSteadyAsync(url, Int(latencyMs), Int(rate), Int(seconds), Int(runs), appId, secret),
    ["drain-load", var connectionString, var count, var appId] => await DrainBenchmark.LoadAsync(connectionString, Int(count), appId),
    ["drain", var url, var connectionString, var servicePid, var postgresPid] => await DrainBenchmark.RunAsync(url, connectionString, Int(servicePid), Int(postgresPid)),
    ["start", var url, var label, var appId, var secret] => await StartBenchmark.RunAsync(url, label, appId, secret),
    ["messages"] => MessagesPerComplaint.Run(),
    ["evidence", var runs] => await EvidenceBenchmark.RunAsync(null, Int(runs)),
    ["evidence", var runs, var s3] => await EvidenceBenchmark.RunAsync(s3, Int(runs)),
    ["faults", var lb, var zalo, var connectionString, var appId, var secret, var script, var citizens, var rate, var seconds, var burst, var outage] =>
        await FaultRun.RunAsync(new FaultRun.Settings(lb, zalo, connectionString, appId, secret, script, Int(citizens), Int(rate), Int(seconds), Int(burst), Int(outage))),
    ["faults-ha", var lb, var zalo, var connectionString, var appId, var secret, var script, var citizens, var rate, var roundSeconds, var staffToken] =>
        await HaFaultRun.RunAsync(new FaultRun.Settings(lb, zalo, connectionString, appId, secret, script, Int(citizens), Int(rate), Int(roundSeconds), 0, 0), staffToken, Int(roundSeconds)),
    ["queue", var connectionString] => await QueueBenchmark.RunAsync(connectionString, 200),
    ["queue", var connectionString, var runs] => await QueueBenchmark.RunAsync(connectionString, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture)),
    ["open311-seed", var connectionString] => await Open311Benchmark.SeedAsync(connectionString),
    ["open311", var url, var connectionString, var runs] => await Open311Benchmark.RunAsync(url, connectionString, Int(runs)),
    ["tracks", var connectionString] => await TrackBenchmark.RunAsync(connectionString, 100),
    ["tracks", var connectionString, var runs] => await TrackBenchmark.RunAsync(connectionString, Int(runs)),
    ["explain", var corpus, var message] => IntentBenchmark.Explain(corpus, message),
    ["explain-flow", var corpus, var step, var message] => IntentBenchmark.ExplainFlow(corpus, step, message),
    ["model", var corpus, .. var flags] when flags.All(f => f is "--hindsight" or "--shipped-kind") =>
        ModelBenchmark.Run(corpus, hindsight: flags.Contains("--hindsight"), shippedKindOnly: flags.Contains("--shipped-kind")),
    ["model-kind", var corpus, var kind] => ModelBenchmark.RunKind(corpus, kind),
    ["model-kind", var corpus, var kind, "--list"] => ModelBenchmark.RunKind(corpus, kind, listDisagreements: true),
    ["flow-model", var corpus] => FlowModelBenchmark.Run(corpus),
    ["validate", var corpus] => ValidationBenchmark.Run(corpus),
    ["intents", var corpus, .. var rest] when rest.Count(r => !r.StartsWith("--", StringComparison.Ordinal)) <= 1 =>
        IntentBenchmark.Run(corpus, rest.FirstOrDefault(r => !r.StartsWith("--", StringComparison.Ordinal)), rest.Contains("--mistakes"), rest.Contains("--phrases-only")),
    _ => Usage(),
};

static int Int(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: ZaloBot.Benchmarks delivery <baseUrl> <latencyMs> <messagesPerSecond> <seconds> <burst> <appId> <oaSecretKey>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks steady <baseUrl> <latencyMs> <messagesPerSecond> <seconds> <runs> <appId> <oaSecretKey>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks drain-load <connectionString> <count> <appId> | drain <baseUrl> <connectionString> <servicePid> <postgresPid>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks start <baseUrl> <label> <appId> <oaSecretKey>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks wave <baseUrl> <latencyMs> <citizens> <appId> <oaSecretKey> <connectionString> <servicePid> <postgresPid>");
    Console.Error.WriteLine("usage: ZaloBot.Benchmarks ingest-requests <count> <appId> <oaSecretKey> <output.tsv>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks faults <loadBalancerUrl> <zaloUrl> <connectionString> <appId> <oaSecretKey> <cluster.sh> <citizens> <rate> <seconds> <burst> <zaloOutageSeconds>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks faults-ha <loadBalancerUrl> <zaloUrl> <connectionString> <appId> <oaSecretKey> <cluster.sh> <citizensPerRound> <rate> <roundSeconds> <staffToken>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks queue <connectionString> [runs]");
    Console.Error.WriteLine("       ZaloBot.Benchmarks open311-seed <connectionString> | open311 <baseUrl> <connectionString> <runs>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks evidence <runs> [s3Endpoint]");
    Console.Error.WriteLine("       ZaloBot.Benchmarks tracks <connectionString> [runs]");
    Console.Error.WriteLine("       ZaloBot.Benchmarks fuzz <baseUrl> <connectionString> <adminToken> <appId> <oaId> <oaSecretKey> <count> <seed> <concurrency>");
    Console.Error.WriteLine("       ZaloBot.Benchmarks intents <corpusDirectory> [operatorPhrases.json] [--mistakes] [--phrases-only]   (the phrases with the shipped model, or the phrases alone)");
    Console.Error.WriteLine("       ZaloBot.Benchmarks model <corpusDirectory> [--hindsight]   (tuning.tsv, heldout.tsv; province.json and articles.json from the repository when absent)");
    Console.Error.WriteLine("       ZaloBot.Benchmarks flow-model <corpusDirectory>   (flow-tuning.tsv, flow-heldout.tsv: a classifier for typed answers, chosen by cross-validation)");
    Console.Error.WriteLine("       ZaloBot.Benchmarks validate <corpusDirectory>     (validation.tsv, flow-validation.tsv: how far to trust the models, by the registered rule)");
    Console.Error.WriteLine("       ZaloBot.Benchmarks explain <corpusDirectory> <message> | explain-flow <corpusDirectory> <step> <message>");
    return 2;
}
