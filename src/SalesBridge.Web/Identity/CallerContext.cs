using SalesBridge.Access;

namespace SalesBridge.Web.Identity;

/// <summary>The signed-in caller of the current request, as <see cref="CallerResolution"/> read it from the database.</summary>
internal sealed class CallerContext
{
    public Caller? Current { get; set; }
}
