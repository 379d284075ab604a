using System.Diagnostics;

namespace ZaloBot.Tests.Infrastructure;

public sealed record ScriptResult(int Exit, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}

/// <summary>Runs the repository's own scripts (scripts/*.sh), as an operator would.</summary>
public static class RepoScripts
{
    public static string Root { get; } = FindRoot();

    public static async Task<ScriptResult> RunAsync(string script, string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Root, "scripts", script));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "ZaloBot.sln"))) root = Path.GetDirectoryName(root)!;
        return root;
    }
}
