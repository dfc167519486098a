using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmImport.Preview;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// CRM Sync > Preview (SPEC B4): what a run would import per seat, changing nothing. The preview reads the CRM live, so it
/// runs only when the admin presses the button (a GET with <c>run=true</c>: safe to repeat or bookmark, no script needed).
/// </summary>
public sealed class PreviewModel(PreviewImport previewImport) : AdminPageModel
{
    public ImportPreview? Preview { get; private set; }

    public Task<IActionResult> OnGetAsync([FromQuery] bool run, CancellationToken cancellationToken) => !run
        ? Task.FromResult<IActionResult>(Page())
        : RunAsync(async () =>
        {
            Preview = await previewImport.HandleAsync(Caller, new PreviewImport.Request(), cancellationToken);
            return Page();
        });

    /// <summary>"12 (9 matched, 3 unmatched)"; the ids the CRM did not return are named, since a run reports them as errors.</summary>
    public static string Counts(PreviewCounts counts) =>
        $"{counts.Total} ({counts.Matched} matched, {counts.Unmatched} unmatched{(counts.NotReadable > 0 ? $", {counts.NotReadable} not readable" : "")})";

    public static string Score(double? score) => score is { } value ? value.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
