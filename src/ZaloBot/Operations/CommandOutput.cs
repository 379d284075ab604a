namespace ZaloBot.Operations;

/// <summary>
/// Where a command-line command writes: the process's own streams when run from a shell, string writers in tests (the
/// process-wide <c>Console.SetOut</c> would mix the output of tests running at once).
/// </summary>
public sealed record CommandOutput(TextWriter Out, TextWriter Error)
{
    public static CommandOutput Process => new(System.Console.Out, System.Console.Error);
}
