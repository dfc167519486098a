using SalesBridge.Lists;

namespace SalesBridge.Web.Pages.Lists;

/// <summary>The "New list" form of the leads, accounts and lists pages; the use case checks it.</summary>
public sealed class NewListInput
{
    public string? Name { get; set; }
    public SavedListKind Kind { get; set; }
}
