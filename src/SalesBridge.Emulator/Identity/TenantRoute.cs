namespace SalesBridge.Emulator.Identity;

/// <summary>How the <c>{tenant}</c> segment of a request was understood.</summary>
internal enum TenantRouteKind
{
    Unknown,
    ConfiguredTenant,

    /// <summary><c>organizations</c> or <c>common</c>: accepted for user sign-in, resolved to the one tenant.</summary>
    MultiTenant,
}

internal static class TenantRoute
{
    public static TenantRouteKind Classify(string segment, Guid tenant)
    {
        if (Guid.TryParse(segment, out var id))
        {
            return id == tenant ? TenantRouteKind.ConfiguredTenant : TenantRouteKind.Unknown;
        }

        return segment.Equals("organizations", StringComparison.OrdinalIgnoreCase)
            || segment.Equals("common", StringComparison.OrdinalIgnoreCase)
            ? TenantRouteKind.MultiTenant
            : TenantRouteKind.Unknown;
    }
}
