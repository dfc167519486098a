using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Metadata;

/// <summary>Failures of metadata requests, in Dataverse's error shape.</summary>
public static class MetadataErrors
{
    /// <summary>
    /// Dataverse's RetrieveEntity reports "Could not find an entity with name x and id y" (0x80040217, seen in
    /// users' reports); the Web API answers it with 404.
    /// </summary>
    public static DataverseFault EntityNotFound(string? logicalName, Guid? id) =>
        new(404, DataverseErrors.ObjectNotFound,
            $"Could not find an entity with name {logicalName} and id {id ?? Guid.Empty}.");

    // Undocumented text, modelled on the entity message above.
    public static DataverseFault AttributeNotFound(string entity, string? logicalName, Guid? id) =>
        new(404, DataverseErrors.ObjectNotFound,
            $"Could not find an attribute with name {logicalName} and id {id ?? Guid.Empty} on entity {entity}.");

    // Undocumented text: the attribute exists but is not of the type the URL casts it to.
    public static DataverseFault WrongCast(string entity, string attribute, string actualType, string castType) =>
        new(404, DataverseErrors.ObjectNotFound,
            $"The attribute {attribute} of entity {entity} is a {actualType}, not a {castType}.");

    /// <summary>The OData library's message for an unknown property, as Dataverse returns it for $select and $filter.</summary>
    public static DataverseFault UnknownProperty(string type, string property) =>
        new(400, DataverseErrors.QueryParseError, $"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{type}'.");

    public static DataverseFault BadQuery(string message) => new(400, DataverseErrors.QueryParseError, message);
}
