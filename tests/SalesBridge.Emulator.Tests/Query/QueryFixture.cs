using System.Text.Json;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Tests.Query;

/// <summary>
/// A query host with a fixed set of rows that the tests only read: four accounts, four contacts, 23 leads whose
/// company names repeat (so ordering needs the primary key to break ties) and three tasks.
/// </summary>
public sealed class QueryFixture : IAsyncLifetime
{
    public QueryHost Host { get; private set; } = null!;
    public QueryTestOrg Data { get; } = new();
    public EntityRow Contoso { get; private set; } = null!;
    public EntityRow Fabrikam { get; private set; } = null!;
    public EntityRow OBrien { get; private set; } = null!;
    public EntityRow ContosoEast { get; private set; } = null!;
    public EntityRow Ann { get; private set; } = null!;
    public EntityRow Bob { get; private set; } = null!;
    public EntityRow Cid { get; private set; } = null!;
    public EntityRow Dee { get; private set; } = null!;
    public const int LeadCount = 23;

    public async Task InitializeAsync()
    {
        var d = Data;
        Contoso = d.Account("Contoso", more: new() { ["revenue"] = 1000m, ["numberofemployees"] = 50, ["industrycode"] = 1,
            ["createdon"] = new DateTimeOffset(2024, 1, 10, 8, 0, 0, TimeSpan.Zero) });
        Fabrikam = d.Account("Fabrikam", more: new() { ["revenue"] = 250.5m, ["numberofemployees"] = 10,
            ["createdon"] = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) });
        OBrien = d.Account("O'Brien Ltd", more: new() { ["numberofemployees"] = 5 });
        ContosoEast = d.Account("contoso east", d.Salesperson, new() { ["numberofemployees"] = 20 });
        Ann = d.Contact("Smith", Contoso);
        Bob = d.Contact("Jones", Contoso);
        Cid = d.Contact("Cole", Fabrikam);
        Dee = d.Contact("Dee", owner: d.Salesperson);
        Contoso = d.Put("account", Contoso.Id, new(Contoso.Values) { ["primarycontactid"] = new EntityReference("contact", Ann.Id) });
        for (var i = 0; i < LeadCount; i++)
        {
            d.Put("lead", Guid.NewGuid(), new() { ["lastname"] = $"Lead {i:00}", ["companyname"] = $"Co {i % 4}" });
        }
        foreach (var subject in new[] { "Call Contoso", "Email Fabrikam", "Visit Contoso" })
        {
            d.Put("task", Guid.NewGuid(), new()
            {
                ["subject"] = subject, ["activitytypecode"] = "task",
                ["regardingobjectid"] = new EntityReference("account", subject.EndsWith("Fabrikam") ? Fabrikam.Id : Contoso.Id),
                ["ownerid"] = new EntityReference("systemuser", d.Admin.UserId),
            });
        }
        Host = await QueryHost.StartAsync(Data);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static IReadOnlyList<string?> Values(JsonElement body, string property) =>
        body.GetProperty("value").EnumerateArray().Select(r => r.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null).ToArray();
}

[CollectionDefinition("Query")]
public sealed class QueryCollection : ICollectionFixture<QueryFixture>;
