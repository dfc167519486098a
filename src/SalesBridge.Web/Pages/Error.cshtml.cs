using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SalesBridge.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    private int ShownStatus => Code ?? HttpContext.Response.StatusCode;

    public string Heading => ShownStatus switch
    {
        404 => "Not found",
        403 => "Not allowed",
        _ => "Something went wrong",
    };

    /// <summary>The refusal's own reason when a page action was refused (e.g. which role is missing).</summary>
    public string? Reason => RefusalPageFilter.RefusalOf(HttpContext)?.Message;

    public string Explanation => ShownStatus switch
    {
        404 => "This page or record does not exist, or it is not part of your contract.",
        403 => "Your account cannot open this page. Seat-holder pages need a seat; admin pages need admin rights.",
        _ => "The request could not be completed. Nothing was changed; please try again.",
    };

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
