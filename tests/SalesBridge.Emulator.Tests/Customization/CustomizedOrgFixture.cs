using System.Net.Http.Headers;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Customization;

/// <summary>
/// An emulator of its own ("tiny" world) whose schema the customization and activity tests change, so that the
/// shared demo org keeps the standard schema. Holds the SalesBridge publisher (prefix <c>sb</c>) and solution,
/// created through the Web API as an installer would.
/// </summary>
public sealed class CustomizedOrgFixture : IAsyncLifetime
{
    public const string Prefix = "sb";
    public const string SolutionName = "SalesBridgeCore";

    private string? _adminToken;

    public EmulatorServer Server { get; private set; } = null!;
    public Uri WebApi => Server.WebApiUri;
    public Guid SolutionId { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" });
        var admin = Server.World.Users.First(u => u.Role == DemoUserRole.SystemAdministrator);
        _adminToken = await TokenClient.SignInAsync(Server, admin.DomainName, admin.Password!);
        using var client = AdminClient();
        var publisher = await client.CreateAsync("publishers", new
        {
            uniquename = "salesbridge", friendlyname = "SalesBridge", customizationprefix = Prefix, customizationoptionvalueprefix = 51000,
        });
        SolutionId = await client.CreateAsync("solutions", new Dictionary<string, object>
        {
            ["uniquename"] = SolutionName, ["friendlyname"] = "SalesBridge Core", ["version"] = "1.0.0.0",
            ["publisherid@odata.bind"] = $"/publishers({publisher})",
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A Web API client signed in as the org's System Administrator.</summary>
    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = WebApi };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>
    /// Installs a custom activity table with an external key column and an alternate key on it, in the SalesBridge
    /// solution, and fails the calling test if any step fails.
    /// </summary>
    public async Task<CustomActivity> InstallActivityAsync(string stem)
    {
        using var client = AdminClient();
        var schemaName = UniqueSchemaName(stem);
        var table = await client.SendAsync(Json(HttpMethod.Post, "EntityDefinitions", TableDefinitions.ActivityTable(schemaName),
            (SolutionHeader, SolutionName)));
        if ((int)table.StatusCode != 204) throw new InvalidOperationException($"Table: {(int)table.StatusCode} {await table.Content.ReadAsStringAsync()}");
        var logicalName = schemaName.ToLowerInvariant();
        var keyColumn = $"{Prefix}_externalkey";
        var key = await client.SendAsync(Json(HttpMethod.Post, $"EntityDefinitions(LogicalName='{logicalName}')/Keys",
            TableDefinitions.Key($"{Prefix}_{stem}ExternalKey", keyColumn), (SolutionHeader, SolutionName)));
        if ((int)key.StatusCode != 204) throw new InvalidOperationException($"Key: {(int)key.StatusCode} {await key.Content.ReadAsStringAsync()}");
        return new CustomActivity(schemaName, logicalName, logicalName + "s", keyColumn);
    }

    public const string SolutionHeader = "MSCRM.SolutionUniqueName";

    /// <summary>A schema name no other test uses, e.g. <c>sb_InMail3f2a9c</c>.</summary>
    public static string UniqueSchemaName(string stem) => $"{Prefix}_{stem}{Guid.NewGuid():N}"[..(Prefix.Length + 1 + stem.Length + 6)];
}

public sealed record CustomActivity(string SchemaName, string LogicalName, string EntitySet, string KeyColumn);

[CollectionDefinition("CustomizedOrg")]
public sealed class CustomizedOrgCollection : ICollectionFixture<CustomizedOrgFixture>;
