using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>An org on Dynamics 2016 8.0: refused with the version found.</summary>
public sealed class ConnectionCheckVersionTests(Version80OrgFixture org) : IClassFixture<Version80OrgFixture>
{
    [Fact]
    public async Task RunAsync_Version80_RefusedNamingTheVersion()
    {
        var report = await org.Check.RunAsync(org.Request(await org.IntegrationUserAsync()), CancellationToken.None);

        var step = report[ConnectionCheckKind.Version];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe("Could not connect to CRM. Please try again later.");
        step.Causes.ShouldBe(["The org runs Dynamics version 8.0. SalesBridge needs Dynamics 365 online 8.2 or newer; ask Microsoft to update the org."]);
        ConnectionCheckUrlTests.ShouldBeSkippedAfter(report, ConnectionCheckKind.Version);
        report.Org.Version.ShouldBe("8.0");
    }
}

/// <summary>A sandbox org: accepted (unlike the seed's product) and labelled "Sandbox".</summary>
public sealed class ConnectionCheckSandboxTests(SandboxOrgFixture org) : IClassFixture<SandboxOrgFixture>
{
    [Fact]
    public async Task RunAsync_SandboxOrg_AcceptedAndLabelledSandbox()
    {
        var report = await org.Check.RunAsync(org.Request(await org.IntegrationUserAsync()), CancellationToken.None);

        var step = report[ConnectionCheckKind.OrganizationType];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        step.Causes.ShouldBe([$"{org.Server.Org.Settings.FriendlyName}: Sandbox."]);
        report.Org.IsSandbox.ShouldBeTrue();
        report.Org.EnvironmentLabel.ShouldBe("Sandbox");
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
    }
}
