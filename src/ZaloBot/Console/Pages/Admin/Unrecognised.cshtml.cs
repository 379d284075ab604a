using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Understanding;

namespace ZaloBot.StaffConsole.Pages.Admin;

/// <summary>What citizens wrote that the bot did not understand (phone numbers masked), so operators can add phrases.</summary>
public sealed class UnrecognisedModel(NpgsqlDataSource dataSource) : PageModel
{
    public IReadOnlyList<UnrecognisedMessage> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await UnrecognisedMessages.ListAsync(dataSource, before: null, limit: 200, cancellationToken);
}
