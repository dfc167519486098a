using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Web.Identity;

namespace SalesBridge.Web.Pages;

/// <summary>
/// Base of the signed-in pages: gives the current <see cref="Caller"/> and runs a page action so that a refused
/// request shows its reason next to the field that caused it (validation), or as the page's error (others).
/// </summary>
public abstract class WorkspacePageModel : PageModel
{
    protected Caller Caller => HttpContext.RequestServices.GetRequiredService<CallerContext>().Current
        ?? throw new InvalidOperationException("Signed-in pages need a caller.");

    /// <summary>A message for the whole form, shown above it.</summary>
    public string? FormError { get; protected set; }

    /// <param name="fieldPrefix">The bound property the form posts into (e.g. "Input"), so errors land next to its fields.</param>
    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, string? fieldPrefix = null, Func<Task>? reloadPage = null)
    {
        if (!ModelState.IsValid)
        {
            if (reloadPage is not null) await reloadPage();
            return Page();
        }

        try
        {
            return await action();
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                var key = string.IsNullOrEmpty(field) ? "" : fieldPrefix is null ? Capitalize(field) : $"{fieldPrefix}.{Capitalize(field)}";
                foreach (var message in messages) ModelState.AddModelError(key, message);
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RequestRefusedException refused)
        {
            FormError = refused.Message;
        }

        if (reloadPage is not null) await reloadPage();
        return Page();
    }

    private static string Capitalize(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
