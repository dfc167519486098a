using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;

namespace SalesBridge.CrmRecords;

/// <summary>
/// The "In CRM" link of an imported record (SPEC S9: records keep their CRM ids and open in Dynamics). Built in the
/// documented URL-addressable form, "Open apps, forms, views, dialogs, and reports with a URL"
/// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url):
/// <c>https://myorg.crm.dynamics.com/main.aspx?etn=account&amp;pagetype=entityrecord&amp;id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D</c>.
/// That form works on every version we accept (8.x and later; the same page documents it back to CRM 2013), unlike the
/// Unified Interface's <c>pagetype=entityrecord&amp;etn=…</c> with an <c>appid</c>, which depends on the org's apps.
/// </summary>
public static class CrmRecordLink
{
    public const string Contact = "contact";
    public const string Account = "account";

    /// <param name="organizationUrl">The org's root URL as the connection stored it (with or without a trailing slash).</param>
    /// <param name="logicalName">The table's logical name, <see cref="Contact"/> or <see cref="Account"/>.</param>
    /// <param name="crmId">The row's id in the org.</param>
    public static string For(string organizationUrl, string logicalName, Guid crmId) =>
        // The documented example sends the id in braces, escaped (%7B…%7D); "B" formats it braced and upper-case like the docs.
        string.Create(CultureInfo.InvariantCulture,
            $"{organizationUrl.TrimEnd('/')}/main.aspx?etn={Uri.EscapeDataString(logicalName)}&pagetype=entityrecord&id={Uri.EscapeDataString(crmId.ToString("B").ToUpperInvariant())}");

    /// <summary>
    /// The org URL links of the contract point at, or null when it has no connection or an admin disconnected it: a
    /// disconnected org may be gone or another customer's, so no link is offered then. A failing or paused connection
    /// still links: the record is still in the org, only the sync is unwell.
    /// </summary>
    public static Task<string?> OrganizationUrlAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        db.OrgConnections
            .Where(connection => connection.ContractId == contractId && connection.Status != OrgConnectionStatus.Disconnected)
            .Select(connection => connection.OrganizationUrl)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The link to a row when the contract is connected and the item has a CRM row; otherwise null.</summary>
    public static string? ForOptional(string? organizationUrl, string logicalName, Guid? crmId) =>
        organizationUrl is not null && crmId is { } id ? For(organizationUrl, logicalName, id) : null;
}
