using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ZaloBot.Tests.Infrastructure;

/// <summary>
/// The service's log events during one test, kept in memory and shown in the test's output only when it fails
/// (<see cref="QuietTestFramework"/>): a green run prints no logs, a red one prints the failing test's own.
/// </summary>
public sealed class TestLogCapture
{
    /// <summary>Enough for the story of a failure without letting a chatty test hold every event it caused.</summary>
    public const int MaxEvents = 400;

    private readonly ConcurrentQueue<LogEvent> _events = new();
    private int _dropped;

    /// <summary>The test running in this async flow, for services a test builds itself.</summary>
    public static TestLogCapture? Current => CurrentCapture.Value;

    internal static readonly AsyncLocal<TestLogCapture?> CurrentCapture = new();

    public void Add(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        while (_events.Count > MaxEvents && _events.TryDequeue(out _)) Interlocked.Increment(ref _dropped);
    }

    public string Render()
    {
        var events = _events.ToArray();
        if (events.Length == 0) return "";
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"---- the service's log during this test ({events.Length} events{(_dropped > 0 ? $", {_dropped} earlier ones dropped" : "")}) ----");
        foreach (var e in events)
        {
            e.Properties.TryGetValue("SourceContext", out var source);
            text.WriteLine($"[{e.Timestamp:HH:mm:ss.fff} {Level(e.Level)}] {source?.ToString().Trim('"')}: {e.RenderMessage(CultureInfo.InvariantCulture)}");
            if (e.Exception is not null) text.WriteLine("    " + e.Exception.ToString().Replace("\n", "\n    ", StringComparison.Ordinal));
        }
        return text.ToString();
    }

    private static string Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };
}

/// <summary>
/// One service instance's Serilog sink: events go to the test it currently serves. A class fixture serves each test of
/// its class in turn (the test runner attaches it); a service a test builds itself belongs to that test. Events while
/// no test is attached (a fixture starting up) are held and handed to the next test.
/// </summary>
public sealed class TestLogSink : ILogEventSink
{
    private readonly Lock _gate = new();
    private readonly Queue<LogEvent> _unattached = new();
    private TestLogCapture? _test = TestLogCapture.Current;

    public void Attach(TestLogCapture test)
    {
        lock (_gate)
        {
            _test = test;
            // Start-up events (migrations, a failing start) belong to the first test that sees the service.
            while (_unattached.TryDequeue(out var held)) test.Add(held);
        }
    }

    public void Detach(TestLogCapture test)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_test, test)) _test = null;
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_test is not null)
            {
                _test.Add(logEvent);
                return;
            }
            _unattached.Enqueue(logEvent);
            if (_unattached.Count > TestLogCapture.MaxEvents) _unattached.Dequeue();
        }
    }
}
