using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Customization;

/// <summary>Publisher and solution rows carry a description, as in Dataverse's publisher and solution tables.</summary>
[Collection("CustomizedOrg")]
public sealed class PublisherTests(CustomizedOrgFixture org)
{
    [Fact]
    public async Task PostPublishersAndSolutions_WithDescription_StoresAndReadsItBack()
    {
        using var client = org.AdminClient();
        var name = Unique("pub").Replace("-", "", StringComparison.Ordinal);

        var publisher = await client.CreateAsync("publishers", new
        {
            uniquename = name, friendlyname = "Described", customizationprefix = "dsc", customizationoptionvalueprefix = 61000,
            description = "Publisher of a described solution.",
        });
        var solution = await client.CreateAsync("solutions", new Dictionary<string, object>
        {
            ["uniquename"] = name + "sol", ["friendlyname"] = "Described", ["version"] = "1.0.0.0",
            ["description"] = "A described solution.", ["publisherid@odata.bind"] = $"/publishers({publisher})",
        });

        (await (await client.GetAsync($"publishers({publisher})?$select=description")).JsonAsync())
            .GetProperty("description").GetString().ShouldBe("Publisher of a described solution.");
        (await (await client.GetAsync($"solutions({solution})?$select=description")).JsonAsync())
            .GetProperty("description").GetString().ShouldBe("A described solution.");
    }
}
