using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Maps the emulator's start options onto a demo-world specification.</summary>
public static class DemoWorldSpecs
{
    public static DemoWorldSpec From(EmulatorOptions options)
    {
        var preset = options.Size.ToLowerInvariant() switch
        {
            "tiny" => DemoWorldSpec.Tiny,
            "demo" => DemoWorldSpec.Demo,
            "large" => DemoWorldSpec.Large,
            _ => throw new ArgumentException($"Unknown demo world size '{options.Size}'. Use tiny, demo or large.", nameof(options)),
        };
        return preset with
        {
            Seed = options.Seed,
            IntegrationClientId = options.IntegrationClientId ?? preset.IntegrationClientId,
            IntegrationClientSecret = options.IntegrationClientSecret ?? preset.IntegrationClientSecret,
            DemoPassword = options.DemoPassword ?? preset.DemoPassword,
        };
    }
}
