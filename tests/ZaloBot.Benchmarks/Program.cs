using ZaloBot.Benchmarks;

// Harness entry: figures are printed, never asserted (see docs/benchmarks.md).
return args switch
{
    ["ingest-requests", var count, var appId, var secret, var output] =>
        IngestRequests.Write(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), appId, secret, output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ZaloBot.Benchmarks ingest-requests <count> <appId> <oaSecretKey> <output.tsv>");
    return 2;
}
