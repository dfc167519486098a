using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class CustomizationPrivilegeTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task CreateTable_WithoutCustomizationPrivilege_Returns403AndCreatesNothing()
    {
        var seller = await emulator.ClientAsync(emulator.Salesperson);
        var tables = emulator.Server.Org.Schema.Tables.Count();

        var response = await seller.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", new { SchemaName = "new_Sneaky", IsActivity = false }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Message.ShouldContain("prvCreateEntity");
        emulator.Server.Org.Schema.Tables.Count().ShouldBe(tables);
    }
}
