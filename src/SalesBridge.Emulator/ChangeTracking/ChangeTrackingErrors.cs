using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// The errors of change-tracking reads. Codes and messages come from Microsoft's pages (use-change-tracking-synchronize-
/// data-external-systems, reference/web-service-error-codes); the HTTP statuses are not documented and say so.
/// </summary>
internal static class ChangeTrackingErrors
{
    /// <summary><c>ExpiredVersionStamp</c> (-2147204270).</summary>
    public const string ExpiredVersionStamp = "0x80044352";
    /// <summary><c>ChangeTrackingNotEnabledForEntity</c> (-2147015535).</summary>
    public const string ChangeTrackingNotEnabledForEntity = "0x80072491";

    public const string ExpiredMessage = "Version stamp associated with the client has expired. Please perform a full sync.";

    // The error code table gives the code and text; the status is not documented: 400, like other refused requests.
    public static DataverseFault NotEnabled(TableDefinition table) =>
        new(400, ChangeTrackingNotEnabledForEntity, $"Entity {table.LogicalName} isn't enabled for change tracking.");

    // The message is documented; the code is not: 0x0, what the Web API gives its other query-option refusals.
    public static DataverseFault OptionNotSupported(string option) =>
        new(400, DataverseErrors.QueryParseError, $"The \"{option}\" query parameter isn't supported when Change Tracking is enabled.");

    public static DataverseFault Expired(int status) => new(status, ExpiredVersionStamp, ExpiredMessage);

    // Dataverse's tokens do not name their table; the emulator binds them to it so that a mixed-up link fails loudly.
    public static DataverseFault IssuedForOtherTable(string token, TableDefinition table, IEnumerable<string> issuedFor) =>
        DataverseErrors.BadRequest($"The $deltatoken '{token}' was issued for {string.Join(", ", issuedFor)}, not for {table.EntitySetName}. " +
            "Use the @odata.deltaLink returned by a change-tracking read of the same table.");

    public static DataverseFault UnknownToken(string token, TableDefinition table) =>
        DataverseErrors.BadRequest($"The $deltatoken '{token}' was not issued by this org for {table.EntitySetName}. " +
            "Use the @odata.deltaLink returned by a change-tracking read of the table without changing it.");

    /// <summary>
    /// "The calling user must have organization level read access to the table. If the user has limited read access, the
    /// system throws a privilege check error": Dataverse's privilege error, naming the depth that is missing.
    /// </summary>
    public static DataverseFault OrganizationReadRequired(Caller caller, TableDefinition table, PrivilegeDepth depth)
    {
        var privilege = PrivilegeCatalog.Name(table, AccessRight.Read);
        return new DataverseFault(403, DataverseErrors.PrivilegeDenied,
            $"Principal user (Id={caller.UserId}, type=8) is missing {privilege} privilege (Id={PrivilegeCatalog.IdOf(privilege)}) " +
            $"at Global depth (it holds {depth}) on OTC={table.ObjectTypeCode} for entity '{table.LogicalName}': change tracking " +
            $"requires organization-level read access. context.Caller={caller.RealUserId}");
    }
}
