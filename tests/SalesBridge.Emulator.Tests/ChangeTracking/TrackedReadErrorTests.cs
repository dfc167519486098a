using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>What change tracking refuses, with Dataverse's codes and messages.</summary>
[Collection("Emulator")]
public sealed class TrackedReadErrorTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("$filter", "name ne null")]
    [InlineData("$orderby", "name")]
    [InlineData("$expand", "primarycontactid($select=fullname)")]
    [InlineData("$top", "3")]
    public async Task TrackedRead_WithRefusedOption_Returns400NamingIt(string option, string value)
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(TrackedReads.Request($"accounts?$select=name&{option}={Uri.EscapeDataString(value)}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (_, message) = await response.ErrorAsync();
        message.ShouldBe($"The \"{option}\" query parameter isn't supported when Change Tracking is enabled.");
    }

    [Fact]
    public async Task DeltaRead_WithRefusedOption_Returns400()
    {
        var client = await emulator.ClientAsync();
        var initial = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");

        var response = await client.GetAsync(initial.DeltaLink + "&$filter=" + Uri.EscapeDataString("name ne null"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe("The \"$filter\" query parameter isn't supported when Change Tracking is enabled.");
    }

    [Fact]
    public async Task TrackedRead_TableWithoutChangeTracking_Returns400ChangeTrackingNotEnabled()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(TrackedReads.Request("businessunits?$select=name"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (code, message) = await response.ErrorAsync();
        code.ShouldBe("0x80072491");
        message.ShouldBe("Entity businessunit isn't enabled for change tracking.");
    }

    [Fact]
    public async Task DeltaRead_TokenFromAnotherTable_Returns400NamingBothTables()
    {
        var client = await emulator.ClientAsync();
        var accounts = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");
        var token = accounts.DeltaLink[accounts.DeltaLink.IndexOf("$deltatoken=", StringComparison.Ordinal)..];

        var response = await client.GetAsync("leads?$select=lastname&" + token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.ErrorAsync()).Message;
        message.ShouldContain("was issued for accounts");
        message.ShouldContain("not for leads");
    }

    [Fact]
    public async Task DeltaRead_TokenNeverIssued_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.GetAsync("accounts?$select=name&$deltatoken=" + Uri.EscapeDataString("12!01/01/2099 00:00:00"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("was not issued by this org");
    }

    [Fact]
    public async Task TrackedRead_CallerWithBusinessUnitRead_Returns403PrivilegeError()
    {
        var seller = await emulator.ClientAsync(emulator.Salesperson);

        var response = await seller.SendAsync(TrackedReads.Request("accounts?$select=name"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (code, message) = await response.ErrorAsync();
        code.ShouldBe("0x80040220");
        message.ShouldStartWith($"Principal user (Id={emulator.Salesperson.Id}");
        message.ShouldContain("organization-level read");
    }

    [Fact]
    public async Task TrackedRead_CallerWithoutReadPrivilege_Returns403MissingPrivilege()
    {
        var restricted = await emulator.ClientAsync(emulator.RestrictedSalesperson);

        var response = await restricted.SendAsync(TrackedReads.Request("opportunities?$select=name"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Message.ShouldContain("is missing prvReadopportunity privilege");
    }

    [Fact]
    public async Task CollectionQuery_DeltaTokenOnNavigation_IsRefused()
    {
        var client = await emulator.ClientAsync();
        var account = emulator.World.Accounts[0].Id;

        var response = await client.GetAsync($"accounts({account})/contact_customer_accounts?$deltatoken=1");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
