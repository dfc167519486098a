using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class MetadataTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task GetAttributesAsync_MoneyOfOpportunity_IncludesCustomColumn()
    {
        var client = await dataverse.ClientAsync();

        var money = await client.GetAttributesAsync("opportunity", "Money");

        money.Select(a => a.LogicalName).ShouldBe(["estimatedvalue", "actualvalue", "new_contractvalue"], ignoreOrder: true);
        money.Single(a => a.LogicalName == "new_contractvalue").IsCustomAttribute.ShouldBeTrue();
    }

    [Fact]
    public async Task GetChoiceOptionsAsync_SalesStage_ReturnsLabels()
    {
        var client = await dataverse.ClientAsync();

        var options = await client.GetChoiceOptionsAsync("opportunity", "salesstage");

        options.ShouldBe([new ChoiceOption(0, "Qualify"), new ChoiceOption(1, "Develop"), new ChoiceOption(2, "Propose"), new ChoiceOption(3, "Close")]);
    }

    [Fact]
    public async Task GetChoiceOptionsAsync_StatusReason_ReadsStatusMetadata()
    {
        var client = await dataverse.ClientAsync();

        var options = await client.GetChoiceOptionsAsync("opportunity", "statuscode", ChoiceKind.Status);

        options.ShouldContain(new ChoiceOption(3, "Won"));
    }

    [Fact]
    public async Task GetAttributesAsync_UnknownTable_ThrowsNotFound()
    {
        var client = await dataverse.ClientAsync();

        await Should.ThrowAsync<DataverseNotFoundException>(() => client.GetAttributesAsync("nosuchtable"));
    }

    [Fact]
    public async Task ReadChanges_DeltaLinkToAnotherHost_IsRefusedWithoutSending()
    {
        var client = await dataverse.ClientAsync();
        var before = client.Calls.Snapshot();

        var read = client.ReadChanges("accounts", ["name"], link: "https://attacker.example/api/data/v9.2/accounts?$deltatoken=1");

        await Should.ThrowAsync<DataverseException>(async () => { await foreach (var _ in read) { } });
        client.Calls.Snapshot().Since(before).Requests.ShouldBe(0);
    }
}
