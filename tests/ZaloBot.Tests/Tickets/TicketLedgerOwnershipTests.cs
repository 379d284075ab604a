using System.Text.RegularExpressions;

namespace ZaloBot.Tests.Tickets;

/// <summary>The ledger stays the only writer of tickets and their audit trail: the source tree is searched for the SQL.</summary>
public partial class TicketLedgerOwnershipTests
{
    private static readonly string Root = FindRoot();
    private static readonly string LedgerFolder = Path.Combine("src", "ZaloBot", "Tickets", "Ledger") + Path.DirectorySeparatorChar;

    [GeneratedRegex(@"update\s+tickets\b|insert\s+into\s+ticket_events\b|insert\s+into\s+tickets\b", RegexOptions.IgnoreCase)]
    private static partial Regex TicketWrite();

    [Fact]
    public void Only_the_ledger_writes_tickets_and_ticket_events()
    {
        var writers = SourceFiles()
            .Where(f => TicketWrite().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();

        writers.ShouldNotBeEmpty("the ledger itself writes tickets; finding nothing means the search looked in the wrong place");
        writers.Where(f => !f.StartsWith(LedgerFolder, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_search_would_catch_a_writer_elsewhere()
    {
        TicketWrite().IsMatch("""
            UPDATE  tickets set status = 'closed'
            """).ShouldBeTrue();
        TicketWrite().IsMatch("insert into ticket_events (ticket_id) values (1)").ShouldBeTrue();
        TicketWrite().IsMatch("update ticket_tracks set resolution_days = 1").ShouldBeFalse();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ZaloBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ZaloBot.sln not found above " + AppContext.BaseDirectory);
    }
}
