using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Protocol;

/// <summary>
/// The errors Dataverse returns, with the codes and messages Microsoft documents (Web API client errors,
/// conditional operations, web service error codes). Where the docs give no exact text, the message follows
/// the OData library Dataverse is built on and says so.
/// </summary>
public static class DataverseErrors
{
    public const string ObjectNotFound = "0x80040217";
    public const string ResourceNotFound = "0x8006088a";
    public const string ConcurrencyVersionMismatch = "0x80060882";
    public const string DuplicateRecord = "0x80040237";
    public const string DuplicateKey = "0x80060892";
    public const string InvalidArgument = "0x80040203";
    public const string StringTooLong = "0x80044331";
    public const string PrivilegeDenied = "0x80040220";
    public const string QueryParseError = "0x0";
    public const string InvalidProperty = "0x80060888";
    public const string PageSizeTooLarge = "0x80060891";

    /// <summary>404 for a row that does not exist (documented: "&lt;entity&gt; With Id = &lt;id&gt; Does Not Exist").</summary>
    public static DataverseFault RowNotFound(string table, Guid id) =>
        new(404, ObjectNotFound, $"{table} With Id = {id} Does Not Exist");

    /// <summary>404 for a row addressed by alternate key that does not exist.</summary>
    public static DataverseFault RowNotFoundByKey(string table, string keyText) =>
        new(404, ObjectNotFound, $"A record with the specified key values does not exist in {table} entity");

    public static DataverseFault UnknownSegment(string segment) =>
        new(404, ResourceNotFound, $"Resource not found for the segment '{segment}'.");

    public static DataverseFault UnknownProperty(TableDefinition table, string property) =>
        new(400, QueryParseError, $"Could not find a property named '{property}' on type '{table.QualifiedTypeName}'.");

    public static DataverseFault InvalidPayloadProperty(TableDefinition table, string property) =>
        new(400, InvalidProperty, $"Invalid property '{property}' was found in entity '{table.QualifiedTypeName}'.");

    public static DataverseFault KeyExists() =>
        new(412, DuplicateKey, "A record with matching key values already exists.");

    public static DataverseFault DuplicateId(string table, Guid id) =>
        new(412, DuplicateRecord, $"A record with matching key values already exists.");

    public static DataverseFault VersionMismatch() =>
        new(412, ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

    public static DataverseFault BadRequest(string message, string code = InvalidArgument) => new(400, code, message);

    public static DataverseFault MethodNotAllowed(string url) =>
        new(405, "", $"No HTTP resource was found that matches the request URI '{url}'.");
}
