using System.Text.RegularExpressions;
using ZaloBot.Domain.Tickets;

namespace ZaloBot.Domain.Tests.Repository;

/// <summary>
/// A ticket status is spelled in one place, the mapping in ZaloBot.Domain/Tickets/TicketStatus.cs (and, for SQL, the
/// rule functions of migration 0024, checked against it by TicketStatusStorageTests). Everywhere else compares
/// <see cref="TicketStatus"/> values, calls the rules (IsOpen, ClockRuns…) or passes names built from the mapping.
/// </summary>
public class StatusLiteralTests
{
    private const string Mapping = "src/ZaloBot.Domain/Tickets/TicketStatus.cs";

    /// <summary>Files that may hold a quoted word that is also a status name, and why it is not a status there.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        [Mapping] = "the mapping itself",
        ["src/ZaloBot/Zalo/NoticeTemplates.cs"] = "notice kinds: the keys an operator configures as Zalo:Templates:<kind> (transferred, started, replied…), a vocabulary of notices that shares some words with statuses",
        ["src/ZaloBot.Domain/Tickets/TicketActions.cs"] = "each action's notice kind (as above) and its past participle for refusals (\"cannot be accepted\")",
        ["src/ZaloBot/Open311/Open311Api.cs"] = "Open311 GeoReport v2's own two statuses, \"open\" and \"closed\", mapped from ours through IsAnswered",
        ["src/ZaloBot.Domain/Publication/PublicView.cs"] = "as above: Open311's \"closed\"",
    };

    [Fact]
    public void Status_names_appear_only_in_the_mapping()
    {
        var root = RepositoryRoot();
        var offences = new List<string>();
        var scanned = 0;
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (Allowed.ContainsKey(relative)) continue;
            scanned++;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (IsComment(lines[i])) continue;
                foreach (Match match in QuotedStatus().Matches(lines[i]))
                    offences.Add($"{relative}:{i + 1}: {match.Value}");
            }
        }

        scanned.ShouldBeGreaterThan(300, "the scan found the source tree");
        offences.ShouldBeEmpty("compare TicketStatus values, call its rules (IsOpen, IsAnswered, ClockRuns, AwaitsAcceptance, HasResult) " +
                               "or, in SQL, the functions ticket_is_open & co. or a parameter built from TicketStatusNames");
    }

    [Fact]
    public void Every_allowed_file_exists_and_the_mapping_really_spells_every_status()
    {
        var root = RepositoryRoot();
        foreach (var file in Allowed.Keys) File.Exists(Path.Combine(root, file)).ShouldBeTrue(file);
        var mapping = File.ReadAllText(Path.Combine(root, Mapping));
        foreach (var status in Enum.GetValues<TicketStatus>()) mapping.ShouldContain($"\"{status.ToName()}\"");
    }

    [Theory]
    [InlineData("where status in ('accepted', 'assigned')")]
    [InlineData("if (ticket.Status is \"closed\" or \"rejected\")")]
    [InlineData("@if (t.Status == \"in_progress\")")]
    [InlineData("payload->>'to' = 'resolved'")]
    public void The_pattern_catches_a_spelled_status(string line) => QuotedStatus().IsMatch(line).ShouldBeTrue();

    [Theory]
    [InlineData("where ticket_is_open(t.status)")]
    [InlineData("the ticket was received yesterday")]
    [InlineData("status = @resolved")]
    public void The_pattern_leaves_other_text_alone(string line) => QuotedStatus().IsMatch(line).ShouldBeFalse();

    private static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("--", StringComparison.Ordinal) || trimmed.StartsWith("@*", StringComparison.Ordinal);
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" or ".js" or ".sql")
            .Where(f => !f.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal) && !f.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal))
            // Migrations are history: a shipped one is never edited; 0024 defines the SQL rules from the names once.
            .Where(f => !f.Replace('\\', '/').Contains("/Storage/Migrations/", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZaloBot.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No ZaloBot.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }

    // Built from the mapping, so a new status is searched for as soon as it has a name.
    private static readonly Regex Quoted = new($"[\"']({string.Join('|', TicketStatusNames.Names(_ => true))})[\"']", RegexOptions.Compiled);

    private static Regex QuotedStatus() => Quoted;
}
