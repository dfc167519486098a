using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// The errors of metadata writes, with the names, codes and messages of Dataverse's web service error codes
/// (reference/web-service-error-codes). Where no code is documented the comment says so.
/// </summary>
public static class CustomizationErrors
{
    /// <summary>InvalidSchemaName: a table with this schema (and so logical) name exists.</summary>
    public static DataverseFault DuplicateTable(string schemaName) =>
        new(400, "0x8004700b", $"An entity with the specified name already exists. Please specify a unique name. SchemaName: {schemaName}");

    /// <summary>DuplicateAttributeSchemaName.</summary>
    public static DataverseFault DuplicateColumn(string table, string column) =>
        new(400, "0x80047013", $"An attribute with the schema name {column} already exists on entity {table}.");

    /// <summary>InvalidNamePrefix; <paramref name="type"/> is Entity, Attribute or EntityKey.</summary>
    public static DataverseFault InvalidPrefix(string? schemaName, string type) =>
        new(400, "0x80044366",
            $"The schema name {schemaName} for type {type} is invalid or missing.Custom attribute, entity, entitykey, option set and relationship " +
            "names must start with a valid customization prefix.The prefix for a solution component should match the prefix that is " +
            "specified for the publisher of the solution.");

    /// <summary>
    /// The solution named by MSCRM.SolutionUniqueName does not exist. Text as users report it
    /// ("Not Found: The given solution unique name (x) is not valid"); the code is not documented.
    /// </summary>
    public static DataverseFault UnknownSolution(string uniqueName) =>
        new(404, DataverseErrors.ObjectNotFound, $"The given solution unique name ({uniqueName}) is not valid");

    /// <summary>InvalidPrimaryFieldForActivity.</summary>
    public static DataverseFault ActivityPrimaryNameNotSubject() =>
        new(400, "0x8004F127", "A custom entity defined as an activity cannot have primary attribute other than subject.");

    /// <summary>ColumnNameNotFound: a key names a column the table does not have.</summary>
    public static DataverseFault UnknownColumn(string table, string column) =>
        new(400, "0x80090101", $"The column with name '{column}' cannot be found on the table with name '{table}'.");

    /// <summary>EntityKeyNameExists.</summary>
    public static DataverseFault DuplicateKeyName(string key, string table) =>
        new(400, "0x80060893", $"An entity key with the name {key} already exists on entity {table}.");

    /// <summary>EntityKeyWithSelectedAttributesExists.</summary>
    public static DataverseFault DuplicateKeyColumns() =>
        new(400, "0x80060894", "An entity key with the selected attributes already exists on entity.");

    public static DataverseFault Invalid(string message) => DataverseErrors.BadRequest(message);
}
