using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ZaloBot.StaffConsole;

/// <summary>
/// "?handler=Nope" selects no handler, and Razor Pages would then render the page with nothing loaded. A page that has
/// handlers answers 400 to a request none of them takes, instead of failing inside its view.
/// </summary>
public sealed class RequireKnownHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}
