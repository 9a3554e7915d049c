using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Features.Shared;

/// <summary>
/// What the pages do with a use case's refusal, in one place: field errors go on their fields
/// (<c>home.communeInsee</c> → <c>Input.home.communeInsee</c>; model-state keys ignore case) and the page is shown
/// again; a rule that refuses the action is shown as an alert; out of scope is the « not found » page; not allowed
/// is the « access denied » page. Nothing else is caught: the error page never shows a stack trace.
/// </summary>
public sealed class UseCaseErrorsPageFilter : IAsyncPageFilter
{
    public const string InputPrefix = "Input";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || executed.HandlerInstance is not PageModel page) return;
        var state = executed.ModelState;
        switch (executed.Exception)
        {
            case ValidationFailedException v:
                foreach (var (field, messages) in v.Errors)
                    foreach (var message in messages) state.AddModelError(Key(field), message);
                break;
            case DomainRuleException d:
                state.AddModelError(Key(d.Field), d.Message);
                break;
            case SearchUnavailableException:
                // Nothing to reload: the page is shown with the reason instead of results, as 503.
                state.AddModelError("", executed.Exception.Message);
                executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
                executed.ExceptionHandled = true;
                return;
            case PlacementConflictException or IllegalTransitionException:
                state.AddModelError("", executed.Exception.Message);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                return;
            case ForbiddenException:
                executed.Result = new ForbidResult();
                executed.ExceptionHandled = true;
                return;
            default:
                return;
        }
        await page.OnRefusedAsync();
        executed.Result = page.Page();
        executed.ExceptionHandled = true;
    }

    private static string Key(string field) => field.Length == 0 ? "" : $"{InputPrefix}.{field}";
}

/// <summary>Lets a page reload what it shows before it is rendered again with the errors of a refused action.</summary>
public static class PageModelRefusals
{
    public static Task OnRefusedAsync(this PageModel page) =>
        page is IReloadsOnRefusal reload ? reload.ReloadAsync(page.HttpContext.RequestAborted) : Task.CompletedTask;
}

/// <summary>A page whose displayed data must be read again when a POST is refused (the form stays as posted).</summary>
public interface IReloadsOnRefusal
{
    Task ReloadAsync(CancellationToken ct);
}
