using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>Signed in to a current production org: the privilege check lists what is missing by name, or everything passes.</summary>
public sealed class ConnectionCheckPrivilegeTests(ProductionOrgFixture org) : IClassFixture<ProductionOrgFixture>
{
    [Fact]
    public async Task RunAsync_UserWithoutOpportunityRead_ListsPrvReadOpportunityByName()
    {
        var tokens = await org.SignInAsync(org.World.SalespersonWithoutOpportunityRead);

        var report = await org.Check.RunAsync(org.Request(tokens), CancellationToken.None);

        var step = report[ConnectionCheckKind.ImportPrivileges];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe("Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.");
        step.MissingPrivileges.Select(p => p.Name).ShouldBe(["prvReadOpportunity"]);
        step.Causes.ShouldContain("Missing prvReadOpportunity (Read Opportunity) on opportunity.");
        report[ConnectionCheckKind.WriteBackPrivileges].Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        report[ConnectionCheckKind.RequiredObjects].Outcome.ShouldBe(ConnectionCheckOutcome.Skipped);
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        report.Org.SignedInUserId.ShouldBe(org.World.SalespersonWithoutOpportunityRead.Id);
    }

    [Fact]
    public async Task RunAsync_IntegrationUserWithWriteBackAsSeatHolder_AllPassedWithOrgFacts()
    {
        var request = org.Request(await org.IntegrationUserAsync()) with
        {
            WriteBackRequested = true, WriteBack = new WriteBackPrivilegeOptions { CreatorIsSeatHolder = true },
        };

        var report = await org.Check.RunAsync(request, CancellationToken.None);

        report.Steps.ShouldAllBe(s => s.Outcome == ConnectionCheckOutcome.Passed, string.Join("; ", report.Steps.SelectMany(s => s.Causes)));
        report.Steps.ShouldAllBe(s => s.Message == "");
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        report.Org.SignedInUserId.ShouldBe(org.World.IntegrationUser.Id);
        report.Org.OrganizationId.ShouldBe(org.Server.Org.Settings.OrganizationId);
        report.Org.OrganizationName.ShouldBe(org.Server.Org.Settings.FriendlyName);
        report.Org.Version.ShouldBe("9.2.24044.00150");
        report.Org.IsSandbox.ShouldBeFalse();
        report.Org.EnvironmentLabel.ShouldBe("Production");
        report.Org.OrganizationUrl.ShouldBe(org.Server.BaseUri);
    }

    [Fact]
    public async Task RunAsync_MissingPrivilege_LogsHostAndCauseButNoToken()
    {
        var token = await org.AccessTokenAsync(org.World.SalespersonWithoutOpportunityRead);

        await org.Check.RunAsync(org.Request(new SalesBridge.Dataverse.Authentication.FixedTokenProvider(token)), CancellationToken.None);

        var lines = org.Logs.Lines.ToArray();
        lines.ShouldContain(line => line.Contains("ImportPrivileges failed for " + org.Server.BaseUri.Authority) && line.Contains("prvReadOpportunity"));
        lines.ShouldNotContain(line => line.Contains(token));
    }
}
