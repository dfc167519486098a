namespace SalesBridge.Emulator.Schema;

/// <summary>Dataverse's AttributeTypeCode values that the emulated tables use.</summary>
public enum AttributeType
{
    Boolean,
    Customer,
    DateTime,
    Decimal,
    Double,
    Integer,
    Lookup,
    Memo,
    Money,
    Owner,
    Picklist,
    State,
    Status,
    String,
    Uniqueidentifier,
    BigInt,
    EntityName,
}

public static class AttributeTypeExtensions
{
    /// <summary>Lookup-like columns are read as <c>_name_value</c> and written through navigation properties.</summary>
    public static bool IsLookup(this AttributeType type) =>
        type is AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner;

    /// <summary>Choice-like columns carry an option set and a formatted label.</summary>
    public static bool IsChoice(this AttributeType type) =>
        type is AttributeType.Picklist or AttributeType.State or AttributeType.Status;

    /// <summary>The Web API's metadata type name (<c>Microsoft.Dynamics.CRM.AttributeTypeCode</c>).</summary>
    public static string ToTypeCode(this AttributeType type) => type.ToString();

    /// <summary>The derived metadata type a client casts to, e.g. <c>PicklistAttributeMetadata</c>.</summary>
    public static string ToMetadataTypeName(this AttributeType type) => type switch
    {
        AttributeType.Customer or AttributeType.Owner or AttributeType.Lookup => "LookupAttributeMetadata",
        AttributeType.Uniqueidentifier => "UniqueIdentifierAttributeMetadata",
        AttributeType.BigInt => "BigIntAttributeMetadata",
        _ => type + "AttributeMetadata",
    };
}
