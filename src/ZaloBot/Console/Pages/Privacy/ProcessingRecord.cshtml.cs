using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Privacy;

namespace ZaloBot.StaffConsole.Pages.Privacy;

/// <summary>The processing record as generated from the running configuration (the same document as GET /api/privacy/processing-record).</summary>
[Authorize(Policy = ConsoleAuth.SupervisorPolicy)]
public sealed class ProcessingRecordModel(ProcessingRecord record) : PageModel
{
    public ProcessingRecordDocument Document { get; private set; } = null!;

    public void OnGet() => Document = record.Build();
}
