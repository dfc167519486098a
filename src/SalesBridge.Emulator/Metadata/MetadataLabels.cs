using System.Text.Json.Nodes;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Metadata;

/// <summary>The <c>Label</c> complex type: en-US (1033) labels, which is the only language the emulated org has.</summary>
public static class MetadataLabels
{
    public const int LanguageCode = 1033;

    public static JsonObject Label(string? text, params string[] idParts)
    {
        if (text is null) return new JsonObject { ["LocalizedLabels"] = new JsonArray(), ["UserLocalizedLabel"] = null };
        return new JsonObject
        {
            ["LocalizedLabels"] = new JsonArray(Localized(text, idParts)),
            ["UserLocalizedLabel"] = Localized(text, idParts),
        };
    }

    public static JsonObject Empty() => Label(null);

    public static JsonObject ManagedProperty(bool value, string logicalName, bool canBeChanged = true) => new()
    {
        ["Value"] = value, ["CanBeChanged"] = canBeChanged, ["ManagedPropertyLogicalName"] = logicalName,
    };

    private static JsonObject Localized(string text, string[] idParts) => new()
    {
        ["Label"] = text,
        ["LanguageCode"] = LanguageCode,
        ["IsManaged"] = true,
        ["MetadataId"] = StableId.For(["label", .. idParts]),
        ["HasChanged"] = null,
    };
}
