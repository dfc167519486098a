namespace SalesBridge.Web.Pages.Shared;

/// <summary>Counts in page text: "1 lead", "2 leads", "1 list entry", "3 list entries".</summary>
public static class Counted
{
    public static string Of(int count, string singular, string? plural = null) =>
        $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}";
}
