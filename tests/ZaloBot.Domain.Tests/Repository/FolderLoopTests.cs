using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Tests.Repository;

/// <summary>
/// Feature folders of the service depend on each other one way: a folder that uses a type of another (through its
/// namespace) and is used by it back is a loop, reported with the files that make each side. A loop that had to stay
/// would be listed with the reason it stays; a new one fails the test.
/// </summary>
public partial class FolderLoopTests
{
    // Empty: every loop between folders has been made one way. A loop that must stay is listed here with its reason.
    private static readonly Dictionary<(string, string), string> Allowed = new();

    [Fact]
    public void Feature_folders_have_no_loops_but_the_listed_ones()
    {
        var edges = Edges(out var evidence);
        var loops = edges.SelectMany(e => e.Value.Where(b => string.CompareOrdinal(e.Key, b) < 0 && edges.TryGetValue(b, out var back) && back.Contains(e.Key)).Select(b => (e.Key, b))).ToList();

        edges.Count.ShouldBeGreaterThan(15, "the scan found the feature folders");
        var unexplained = loops.Where(l => !Allowed.ContainsKey(l))
            .Select(l => $"{l.Item1} <-> {l.Item2}: {evidence[(l.Item1, l.Item2)]} / {evidence[(l.Item2, l.Item1)]}").ToList();
        unexplained.ShouldBeEmpty("make the dependency run one way (an interface the lower folder owns, or move the code to the folder that uses both)");
        Allowed.Keys.Where(a => !loops.Contains(a)).ShouldBeEmpty("a loop that is gone leaves the list");
    }

    /// <summary>For each folder under src/ZaloBot, the folders whose types it uses, with one file and type as evidence.</summary>
    private static Dictionary<string, HashSet<string>> Edges(out Dictionary<(string, string), string> evidence)
    {
        var root = Path.Combine(RepositoryRoot(), "src", "ZaloBot");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml")
            .Where(f => !f.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal) && !f.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal))
            .Select(f => (Folder: Folder(root, f), Path: Path.GetRelativePath(root, f), Text: File.ReadAllText(f)))
            .Where(f => f.Folder is not null)
            .ToList();

        // Each namespace's folders and declared types.
        var namespaces = new Dictionary<string, (HashSet<string> Folders, HashSet<string> Types)>();
        foreach (var f in files)
        {
            if (Namespace().Match(f.Text) is not { Success: true } ns) continue;
            var entry = namespaces.TryGetValue(ns.Groups[1].Value, out var e) ? e : namespaces[ns.Groups[1].Value] = ([], []);
            entry.Folders.Add(f.Folder!);
            foreach (Match t in Declaration().Matches(f.Text)) entry.Types.Add(t.Groups[1].Value);
        }

        var edges = new Dictionary<string, HashSet<string>>();
        evidence = [];
        foreach (var f in files)
        {
            var own = Namespace().Match(f.Text) is { Success: true } m ? m.Groups[1].Value : "";
            var visible = Using().Matches(f.Text).Select(u => u.Groups[1].Value).ToHashSet();
            var parts = own.Split('.');
            for (var i = 1; i <= parts.Length; i++) visible.Add(string.Join('.', parts[..i]));
            var identifiers = Identifier().Matches(f.Text).Select(x => x.Value).ToHashSet();
            foreach (var (ns, (folders, types)) in namespaces)
            {
                foreach (var target in folders.Where(t => t != f.Folder))
                {
                    var used = visible.Contains(ns) ? types.FirstOrDefault(identifiers.Contains) : null;
                    used ??= types.FirstOrDefault(t => f.Text.Contains($"{ns["ZaloBot.".Length..]}.{t}", StringComparison.Ordinal) && Regex.IsMatch(f.Text, $@"\b{Regex.Escape(ns["ZaloBot.".Length..])}\.{t}\b"));
                    if (used is null) continue;
                    (edges.TryGetValue(f.Folder!, out var set) ? set : edges[f.Folder!] = []).Add(target);
                    evidence.TryAdd((f.Folder!, target), $"{f.Path} uses {used}");
                }
            }
        }
        return edges;
    }

    private static string? Folder(string root, string file)
    {
        var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 ? parts[0] : null;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZaloBot.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No ZaloBot.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }

    [GeneratedRegex(@"^namespace\s+(ZaloBot(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*@?using\s+(ZaloBot(?:\.\w+)*)\s*;?\s*$", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();
}
