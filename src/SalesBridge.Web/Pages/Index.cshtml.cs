using Microsoft.AspNetCore.Mvc;

namespace SalesBridge.Web.Pages;

/// <summary>Home: seat holders start at their leads, admins without a seat at the admin settings.</summary>
public sealed class IndexModel : WorkspacePageModel
{
    public IActionResult OnGet() => Redirect(Caller.HasSeat ? "/Leads" : "/Admin");
}
