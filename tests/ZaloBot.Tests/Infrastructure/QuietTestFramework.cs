using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("ZaloBot.Tests.Infrastructure.QuietTestFramework", "ZaloBot.Tests")]

namespace ZaloBot.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, with one addition: while a test runs, the services it uses (its class fixture, and any it
/// builds) log into a <see cref="TestLogCapture"/>, and when the test fails those events are appended to its output.
/// The runner prints the output of failed tests only, so a green run shows no logs at all. The chain of runner classes
/// below only exists to reach the point where a test case is run with the message bus.
/// </summary>
public sealed class QuietTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        // xunit limits how many collections run at once inside the method replaced here (as many as maxParallelThreads,
        // by default one per core); without this limit every test class started at once and exhausted PostgreSQL.
        private readonly SemaphoreSlim _slots = new(Slots(executionOptions));

        protected override async Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            await _slots.WaitAsync(cancellationTokenSource.Token);
            try
            {
                return await new CollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
            }
            finally
            {
                _slots.Release();
            }
        }

        private static int Slots(ITestFrameworkExecutionOptions options)
        {
            if (options.DisableParallelizationOrDefault()) return 1;
            var threads = options.MaxParallelThreadsOrDefault();
            return threads > 0 ? threads : threads < 0 ? int.MaxValue : Environment.ProcessorCount;
        }
    }

    private sealed class CollectionRunner(ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : XunitTestCollectionRunner(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
    {
        protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
            new ClassRunner(testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings).RunAsync();
    }

    private sealed class ClassRunner(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, IDictionary<Type, object> collectionFixtureMappings)
        : XunitTestClassRunner(testClass, @class, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource, collectionFixtureMappings)
    {
        protected override Task<RunSummary> RunTestMethodAsync(ITestMethod testMethod, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, object[] constructorArguments) =>
            new MethodRunner(testMethod, Class, method, testCases, DiagnosticMessageSink, MessageBus, new ExceptionAggregator(Aggregator), CancellationTokenSource, constructorArguments).RunAsync();
    }

    private sealed class MethodRunner : XunitTestMethodRunner
    {
        // xunit keeps these private; the test case needs them again to run.
        private readonly IMessageSink _diagnostics;
        private readonly object[] _arguments;

        public MethodRunner(ITestMethod testMethod, IReflectionTypeInfo @class, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, object[] constructorArguments)
            : base(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
        {
            _diagnostics = diagnosticMessageSink;
            _arguments = constructorArguments;
        }

        protected override Task<RunSummary> RunTestCaseAsync(IXunitTestCase testCase) =>
            testCase.RunAsync(_diagnostics, new CapturingBus(MessageBus, _arguments), _arguments, new ExceptionAggregator(Aggregator), CancellationTokenSource);
    }

    /// <summary>
    /// Sees each test start, fail and finish. It is called synchronously from the test's own async flow, so the
    /// capture set at "starting" is the one the test body (and any service it builds) sees.
    /// </summary>
    private sealed class CapturingBus(IMessageBus inner, object[] constructorArguments) : IMessageBus
    {
        private TestLogCapture? _capture;

        public bool QueueMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestStarting:
                    _capture = new TestLogCapture();
                    TestLogCapture.CurrentCapture.Value = _capture;
                    foreach (var service in Services()) service.Logs.Attach(_capture);
                    break;
                case ITestFailed failed when _capture?.Render() is { Length: > 0 } logs:
                    message = new TestFailed(failed.Test, failed.ExecutionTime, JoinOutput(failed.Output, logs),
                        failed.ExceptionTypes, failed.Messages, failed.StackTraces, failed.ExceptionParentIndices);
                    break;
                case ITestFinished when _capture is not null:
                    foreach (var service in Services()) service.Logs.Detach(_capture);
                    TestLogCapture.CurrentCapture.Value = null;
                    _capture = null;
                    break;
            }
            return inner.QueueMessage(message);
        }

        private IEnumerable<ServiceFactory> Services() => constructorArguments.OfType<ServiceFactory>();

        private static string JoinOutput(string? output, string logs) => string.IsNullOrEmpty(output) ? logs : output.TrimEnd() + Environment.NewLine + logs;

        // The inner bus belongs to the assembly runner, which disposes it.
        public void Dispose()
        {
        }
    }
}
