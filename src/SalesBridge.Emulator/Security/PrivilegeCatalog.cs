using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Security;

/// <summary>
/// Privilege names as Dataverse spells them: <c>prv{Right}{Entity}</c> with the table's schema name, except
/// that all activity tables share the <c>Activity</c> privileges (activity parties too: access to a party follows
/// access to its activity), notes are <c>Note</c> and users <c>User</c>.
/// </summary>
public static class PrivilegeCatalog
{
    public const string ActOnBehalfOfAnotherUser = "prvActOnBehalfOfAnotherUser";

    /// <summary>Customization privileges (System Customizer): creating tables, columns and alternate keys.</summary>
    public const string CreateEntity = "prvCreateEntity";
    public const string CreateAttribute = "prvCreateAttribute";
    public const string CreateEntityKey = "prvCreateEntityKey";

    public static readonly AccessRight[] Rights =
    [
        AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Delete,
        AccessRight.Append, AccessRight.AppendTo, AccessRight.Assign, AccessRight.Share,
    ];

    public static string EntityPart(TableDefinition table) => table switch
    {
        { IsActivity: true } or { LogicalName: StandardSchema.ActivityParty } => "Activity",
        { LogicalName: "annotation" } => "Note",
        { LogicalName: "systemuser" } => "User",
        _ => table.SchemaName,
    };

    public static string Name(TableDefinition table, AccessRight right) => $"prv{right}{EntityPart(table)}";

    public static Guid IdOf(string privilegeName) => StableId.For("privilege", privilegeName);

    /// <summary>Every privilege of the org's tables, plus the miscellaneous ones the emulator knows.</summary>
    public static IEnumerable<string> All(OrgSchema schema) =>
        schema.Tables
            .SelectMany(t => Rights.Select(r => Name(t, r)))
            .Append(ActOnBehalfOfAnotherUser).Append(CreateEntity).Append(CreateAttribute).Append(CreateEntityKey)
            .Distinct(StringComparer.Ordinal);
}
