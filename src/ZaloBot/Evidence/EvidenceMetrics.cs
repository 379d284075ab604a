using Prometheus;

namespace ZaloBot.Evidence;

internal static class EvidenceMetrics
{
    private static readonly Counter Downloads = Metrics.CreateCounter(
        "zalobot_evidence_downloads_total", "Attempts to download a citizen's attachment, by outcome (stored, refused, retry, unavailable).", "outcome");

    private static readonly Counter Bytes = Metrics.CreateCounter(
        "zalobot_evidence_stored_bytes_total", "Bytes of evidence written to the store.");

    public static void Count(string outcome) => Downloads.WithLabels(outcome).Inc();

    public static void Stored(long bytes) => Bytes.Inc(bytes);
}
