using System.Text.RegularExpressions;

namespace ZaloBot.Domain.Tests.Repository;

/// <summary>
/// A newcomer has this repository and nothing else: code, tests and docs may cite only what is in it. Issue-tracker
/// numbers and the team's private notes are not; the fact they stood for belongs in docs/ (docs/zalo-platform.md for
/// Zalo's rules, docs/operations.md, docs/reliability.md) or in the comment itself.
/// </summary>
public partial class SelfContainedTests
{
    private static readonly string[] Scanned = ["src", "tests", "docs", "README.md", "CONTRIBUTING.md"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".cshtml", ".razor", ".css", ".js", ".sql", ".md", ".json", ".csproj", ".props", ".targets", ".sh", ".yml", ".yaml", ".http", ".txt", ".xml",
    };

    [Fact]
    public void Nothing_points_outside_the_repository_or_to_an_issue_number()
    {
        var root = RepositoryRoot();
        var offences = new List<string>();
        var scannedFiles = 0;
        foreach (var file in Files(root))
        {
            if (Path.GetFileName(file) == $"{nameof(SelfContainedTests)}.cs") continue; // holds the patterns themselves
            scannedFiles++;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in OutsideReference().Matches(lines[i]))
                    offences.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: \"{match.Value}\"");
            }
        }

        scannedFiles.ShouldBeGreaterThan(100, "the scan found the source tree");
        offences.ShouldBeEmpty(
            "Cite a document in this repository (docs/zalo-platform.md, docs/operations.md, docs/reliability.md, …) or say the reason " +
            "in the comment itself, instead of a folder outside the repository, an issue number or a section of a private design note");
    }

    [Theory]
    [InlineData("rules in ../shared/zalo-oa-api.md")]
    [InlineData("see shared/design.md")]
    [InlineData("as zalo-oa-api.md says")]
    [InlineData("// Issue 12: urgent tickets")]
    [InlineData("(issue #13)")]
    [InlineData("the merges of issues 12 and 13")]
    [InlineData("configuration (design §3)")]
    public void The_patterns_catch_what_they_are_meant_to(string text) => OutsideReference().IsMatch(text).ShouldBeTrue();

    [Theory]
    [InlineData("docs/zalo-platform.md")]
    [InlineData("an issue with the token")]
    [InlineData("#TT-BN01")]
    [InlineData("the design of the queue")]
    public void The_patterns_leave_ordinary_text_alone(string text) => OutsideReference().IsMatch(text).ShouldBeFalse();

    private static IEnumerable<string> Files(string root)
    {
        foreach (var entry in Scanned.Select(e => Path.Combine(root, e)))
        {
            if (File.Exists(entry))
            {
                yield return entry;
                continue;
            }
            if (!Directory.Exists(entry)) continue;
            foreach (var file in Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)) continue;
                if (TextExtensions.Contains(Path.GetExtension(file))) yield return file;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZaloBot.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No ZaloBot.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }

    // ../shared/…, shared/<name>.md, the Zalo study's and design note's file names, "issue 12", "issue #12", "issues 12",
    // and "design §3".
    [GeneratedRegex(@"\.\./shared\b|\bshared/[\w.-]+\.md\b|\bzalo-oa-api\.md\b|\bdesign\.md\b|\bissues?\s*#?\d+|\bdesign\s*§", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();
}
