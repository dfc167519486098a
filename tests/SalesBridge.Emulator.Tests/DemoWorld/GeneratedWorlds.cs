using SalesBridge.Emulator.DemoWorld;
using World = SalesBridge.Emulator.DemoWorld.GeneratedWorld;

namespace SalesBridge.Emulator.Tests.DemoWorld;

/// <summary>Worlds shared by the tests that only read them; generation is deterministic, so sharing is safe.</summary>
internal static class GeneratedWorlds
{
    private static readonly Lazy<World> TinyWorld = new(() => DemoWorldGenerator.Generate(DemoWorldSpec.Tiny));
    private static readonly Lazy<World> DemoWorldInstance = new(() => DemoWorldGenerator.Generate(DemoWorldSpec.Demo));

    public static World Tiny => TinyWorld.Value;
    public static World Demo => DemoWorldInstance.Value;

    public static World Named(string preset) => preset switch
    {
        nameof(Tiny) => Tiny,
        nameof(Demo) => Demo,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
