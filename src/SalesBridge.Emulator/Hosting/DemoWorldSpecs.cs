using SalesBridge.Emulator.DemoWorld;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Maps the emulator's start options onto a demo-world specification.</summary>
public static class DemoWorldSpecs
{
    /// <summary>An additional org's world: its own seed and size, its users under <c>@{UrlName}.example.com</c>.</summary>
    public static DemoWorldSpec From(AdditionalOrg org) => Preset(org.Size) with
    {
        Seed = org.Seed,
        EmailDomain = $"{org.UrlName}.example.com",
        IntegrationClientId = Schema.StableId.For("integration-client", org.UrlName),
        IntegrationClientSecret = $"{org.UrlName}-integration-secret",
    };

    public static DemoWorldSpec From(EmulatorOptions options)
    {
        var preset = Preset(options.Size);
        return preset with
        {
            Seed = options.Seed,
            IntegrationClientId = options.IntegrationClientId ?? preset.IntegrationClientId,
            IntegrationClientSecret = options.IntegrationClientSecret ?? preset.IntegrationClientSecret,
            DemoPassword = options.DemoPassword ?? preset.DemoPassword,
        };
    }

    private static DemoWorldSpec Preset(string size) => size.ToLowerInvariant() switch
    {
        "tiny" => DemoWorldSpec.Tiny,
        "demo" => DemoWorldSpec.Demo,
        "large" => DemoWorldSpec.Large,
        _ => throw new ArgumentException($"Unknown demo world size '{size}'. Use tiny, demo or large.", nameof(size)),
    };
}
