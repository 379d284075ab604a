using System.Net.Sockets;

namespace ZaloBot.Storage;

public static class StorageErrors
{
    private const string ReadOnlyTransaction = "25006";

    /// <summary>A write was refused because the session is on a standby (or a primary being demoted).</summary>
    public static bool ReachedStandby(Exception ex) => ex is PostgresException { SqlState: ReadOnlyTransaction };

    /// <summary>
    /// True when an exception means the database could not be reached or refused the work for a reason
    /// that is not the caller's fault (down, restarting, not accepting connections, pool exhausted, schema missing).
    /// Callers answer 503 so the sender retries.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState switch
        {
            var s when s.StartsWith("08", StringComparison.Ordinal) => true, // connection exception
            var s when s.StartsWith("53", StringComparison.Ordinal) => true, // insufficient resources
            var s when s.StartsWith("57", StringComparison.Ordinal) => true, // operator intervention (shutdown, cannot connect now)
            "55000" or "3D000" or "42P01" => true, // database not accepting connections / missing / schema not migrated
            // A write reached a standby: during a failover or switchover a new connection can land on the node that is
            // being demoted before the proxy in front of PostgreSQL moves to the new primary. Retrying reaches the new one.
            ReadOnlyTransaction => true,
            _ => pg.IsTransient,
        },
        NpgsqlException => true,
        TimeoutException or SocketException or IOException => true,
        _ => false,
    };
}
