namespace SalesBridge.Emulator.Schema;

/// <summary>The options of a choice column (local to the column, or global by name).</summary>
public sealed class OptionSetDefinition(string name, IReadOnlyList<OptionDefinition> options, bool isGlobal = false)
{
    public string Name { get; } = name;
    public bool IsGlobal { get; } = isGlobal;
    public IReadOnlyList<OptionDefinition> Options { get; } = options;
    public Guid MetadataId { get; } = StableId.For("optionset", name);

    public OptionDefinition? Find(int value)
    {
        foreach (var option in Options)
        {
            if (option.Value == value) return option;
        }
        return null;
    }
}
