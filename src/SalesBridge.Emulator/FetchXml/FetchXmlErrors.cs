using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// FetchXML failures with Dataverse's QueryBuilder error codes (the platform's error code list). Messages
/// quote Dataverse where its text is known from the docs or from users' reports; the others are marked.
/// </summary>
public static class FetchXmlErrors
{
    public const string InvalidXml = "0x80040201";
    public const string NoEntity = "0x80041102";
    public const string NoAttribute = "0x80041103";
    public const string InvalidValueCode = "0x80041108";
    public const string InvalidLinkType = "0x80041117";
    public const string InvalidNode = "0x8004111c";
    public const string InvalidConditionOperator = "0x80041120";
    public const string InvalidFilterType = "0x80041122";
    public const string EntitiesDontMatch = "0x80041128";
    public const string InvalidPaging = "0x8004110c";

    // Dataverse's own text for malformed XML is not documented; this names the parser's complaint.
    public static DataverseFault Malformed(string detail) =>
        new(400, InvalidXml, $"The fetchXml parameter is not valid XML: {detail}");

    /// <summary>As reported by Dataverse users (MetadataCache lookup of an unknown logical name).</summary>
    public static DataverseFault UnknownEntity(string name) =>
        new(400, NoEntity, $"The entity with a name = '{name}' with namemapping = 'Logical' was not found in the MetadataCache.");

    /// <summary>As reported by Dataverse users: "'Account' entity doesn't contain attribute with Name = 'contactid'."</summary>
    public static DataverseFault UnknownAttribute(TableDefinition table, string name) =>
        new(400, NoAttribute, $"'{table.SchemaName}' entity doesn't contain attribute with Name = '{name}' and NameMapping = 'Logical'.");

    /// <summary>As reported by Dataverse users ("Unknown Condition Operator: contains").</summary>
    public static DataverseFault UnknownOperator(string name) =>
        new(400, InvalidConditionOperator, $"Unknown Condition Operator: {name}");

    /// <summary>As Dataverse words it: "Invalid Child Node, valid nodes are ... NodeName = x".</summary>
    public static DataverseFault InvalidChild(string parent, string child, string valid) =>
        new(400, InvalidNode, $"Invalid Child Node, valid nodes are {valid}. NodeName = {child} NodeXml = <{parent}>");

    // Undocumented text: the Web API answers the entity set, so the fetch must name the same table.
    public static DataverseFault EntitySetMismatch(TableDefinition table, string fetchEntity) =>
        new(400, EntitiesDontMatch,
            $"The entity name '{fetchEntity}' in the fetchXml does not match the entity set '{table.EntitySetName}' (entity '{table.LogicalName}').");

    // Undocumented text.
    public static DataverseFault InvalidValue(string attribute, string value, string expected) =>
        new(400, InvalidValueCode, $"The value '{value}' of the condition on attribute '{attribute}' is not a valid {expected}.");

    public static DataverseFault Invalid(string message, string code = InvalidNode) => new(400, code, message);
}
