using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>The errors of change-tracking reads (page: use change tracking to synchronize data with external systems).</summary>
public static class ChangeTrackingErrors
{
    /// <summary>ExpiredVersionStamp.</summary>
    public const string ExpiredVersionStamp = "0x80044352";

    /// <summary>Documented text; the docs give no error code for it, so the OData parse code 0x0 is used.</summary>
    public static DataverseFault OptionNotSupported(string option) =>
        DataverseErrors.BadRequest($"The \"{option}\" query parameter isn't supported when Change Tracking is enabled.", DataverseErrors.QueryParseError);

    /// <summary>The docs say only that the table must have change tracking enabled; the wording here is the emulator's.</summary>
    public static DataverseFault NotEnabled(TableDefinition table) =>
        DataverseErrors.BadRequest($"Change tracking is not enabled for the entity '{table.LogicalName}' (ChangeTrackingEnabled is false).");

    /// <summary>The status is not documented (DATAVERSE.md: unverified); <see cref="ChangeTrackingPolicy.ExpiredTokenStatus"/> sets it.</summary>
    public static DataverseFault Expired(int status) =>
        new(status, ExpiredVersionStamp, "Version stamp associated with the client has expired. Please perform a full sync.");

    public static DataverseFault Malformed(string token) =>
        DataverseErrors.BadRequest($"The delta token '{token}' is not valid.", DataverseErrors.QueryParseError);

    public static DataverseFault OtherTable(string token, string issuedFor, TableDefinition table) =>
        DataverseErrors.BadRequest($"The delta token '{token}' was issued for the entity '{issuedFor}' and cannot be used with '{table.LogicalName}'.");

    public static DataverseFault NeedsOrganizationRead(TableDefinition table, Guid userId) =>
        new(403, DataverseErrors.PrivilegeDenied,
            $"Principal user (Id={userId}, type=8) needs organization-level read on entity '{table.LogicalName}' to track its changes.");
}
