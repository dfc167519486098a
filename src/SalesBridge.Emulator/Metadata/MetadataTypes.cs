using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Metadata;

/// <summary>The metadata types the endpoint serves, with the properties and navigation properties each has.</summary>
public static class MetadataTypes
{
    private static readonly TableDefinition Sample = StandardSchema.Create().GetTable("account");

    public static readonly MetadataType Entity = new(EntityMetadataJson.TypeName,
        Names(EntityMetadataJson.Entity(Sample)), EntityMetadataJson.Navigations);

    public static readonly MetadataType OptionSet = new(OptionSetMetadataJson.TypeName,
        Names(OptionSetMetadataJson.OptionSet(Sample, Sample.FindAttribute("industrycode")!))
            .Concat(["TrueOption", "FalseOption"]).ToHashSet(StringComparer.Ordinal), []);

    public static readonly MetadataType Key = new("EntityKeyMetadata",
        Names(EntityMetadataJson.Key(Sample, new AlternateKeyDefinition("k", ["a"]))), []);

    public static readonly MetadataType OneToMany = new("OneToManyRelationshipMetadata",
        Names(EntityMetadataJson.OneToMany(new OrgSchema(), new OneToManyRelationship("r", "a", "b", "c", "d", "e"))), []);

    public static readonly MetadataType ManyToMany = new("ManyToManyRelationshipMetadata",
        Names(EntityMetadataJson.ManyToMany(new ManyToManyRelationship("r", "a", "b", "c", "d"))), []);

    /// <summary>AttributeMetadata, or the derived type a request casts to (which adds its own properties).</summary>
    public static MetadataType Attribute(string? castType) => new(castType ?? AttributeMetadataJson.BaseTypeName,
        AttributeMetadataJson.PropertiesOf(castType),
        castType is "PicklistAttributeMetadata" or "StateAttributeMetadata" or "StatusAttributeMetadata" or "BooleanAttributeMetadata"
            ? AttributeMetadataJson.OptionSetNavigations
            : []);

    private static HashSet<string> Names(System.Text.Json.Nodes.JsonObject sample) => sample.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
}
