using System.Globalization;

namespace SalesBridge.CrmConnection;

/// <summary>
/// The org version as <c>RetrieveVersion</c> reports it (<c>9.2.24044.00150</c>, or just <c>8.0</c>): SalesBridge
/// needs 8.2 or newer (SPEC S2, issue 7).
/// </summary>
/// <remarks>
/// SPEC S2 also names "Dynamics 2016 Online (8.x)", which would admit 8.0 and 8.1; issue 7 asks for 8.2 as the floor
/// and for 8.0 to be refused. 8.2 is kept: no online org runs 8.0/8.1 any more, and the client speaks Web API v9.x,
/// which those versions do not serve. Lowering <see cref="Minimum"/> is the one change needed should that be wanted.
/// </remarks>
public static class CrmVersion
{
    public static readonly Version Minimum = new(8, 2);

    /// <summary>The major and minor part of <paramref name="reported"/>; false when it does not start with two numbers.</summary>
    public static bool TryParse(string reported, out Version version)
    {
        var parts = reported.Trim().Split('.');
        if (parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            version = new Version(major, minor);
            return true;
        }
        version = new Version(0, 0);
        return false;
    }

    /// <summary>Why <paramref name="reported"/> is refused, or empty when it is supported.</summary>
    public static string Refusal(string reported)
    {
        if (!TryParse(reported, out var version))
        {
            return $"The org reported the version '{reported}', which SalesBridge does not recognise; it needs Dynamics 365 online {Minimum} or newer.";
        }
        return version < Minimum
            ? $"The org runs Dynamics version {reported}. SalesBridge needs Dynamics 365 online {Minimum} or newer; ask Microsoft to update the org."
            : "";
    }
}
