using System.Net;
using System.Net.Sockets;
using SalesBridge.CrmConnection;
using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.Web.Tests.CrmConnection;

/// <summary>The gates before sign-in: a URL that is not an online org is refused before anything is sent; a dead org is unreachable.</summary>
public sealed class ConnectionCheckUrlTests(ProductionOrgFixture org) : IClassFixture<ProductionOrgFixture>
{
    [Theory]
    [InlineData("https://crm.contoso.local/org", "crm.contoso.local")]
    [InlineData("https://contoso.crm.contoso.com", "contoso.crm.contoso.com")]
    [InlineData("http://crm.contoso.local/org", "crm.contoso.local")]
    public async Task RunAsync_OnPremisesUrl_RefusedWithOwnMessageBeforeAnyRequest(string url, string host)
    {
        var tokens = new CountingTokens();

        var report = await org.Check.RunAsync(org.Request(tokens, url), CancellationToken.None);

        var step = report[ConnectionCheckKind.OrganizationUrl];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe("Could not connect to CRM. Please try again later.");
        step.Causes.ShouldBe([$"'{host}' is not a Dynamics 365 online org. On-premises Dynamics servers (including Internet-facing " +
            "deployments) are not supported; enter the URL of an online org, e.g. https://contoso.crm.dynamics.com."]);
        tokens.Requests.ShouldBe(0);
        ShouldBeSkippedAfter(report, ConnectionCheckKind.OrganizationUrl);
    }

    [Fact]
    public async Task RunAsync_HttpUrlOfOnlineOrg_RefusedBeforeAnyRequest()
    {
        var tokens = new CountingTokens();

        var report = await org.Check.RunAsync(org.Request(tokens, "http://contoso.crm4.dynamics.com"), CancellationToken.None);

        var step = report[ConnectionCheckKind.OrganizationUrl];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        step.Causes.ShouldBe(["'http://contoso.crm4.dynamics.com' does not use https. Dynamics 365 online orgs are reached over https only: https://contoso.crm4.dynamics.com."]);
        tokens.Requests.ShouldBe(0);
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
    }

    [Fact]
    public async Task RunAsync_LoopbackNotOnAllowList_Refused()
    {
        var request = org.Request(new CountingTokens()) with { AllowedExtraHosts = [] };

        var report = await org.Check.RunAsync(request, CancellationToken.None);

        report[ConnectionCheckKind.OrganizationUrl].Causes.Single().ShouldStartWith("'127.0.0.1' is not a Dynamics 365 online org.");
    }

    [Fact]
    public async Task RunAsync_ClosedPort_UnreachableBeforeSignIn()
    {
        var port = ClosedPort();
        var tokens = new CountingTokens();

        var report = await org.Check.RunAsync(org.Request(tokens, $"http://127.0.0.1:{port}/"), CancellationToken.None);

        report[ConnectionCheckKind.OrganizationUrl].Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        var step = report[ConnectionCheckKind.Reachable];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe("Could not connect to CRM. Please try again later.");
        step.Causes.Single().ShouldStartWith("No answer from 127.0.0.1: ");
        step.Causes.Single().ShouldContain("refused", Case.Insensitive);
        tokens.Requests.ShouldBe(0);
        ShouldBeSkippedAfter(report, ConnectionCheckKind.Reachable);
    }

    [Fact]
    public async Task RunAsync_BadToken_SignInFailsWithTheCrmsAnswer()
    {
        var report = await org.Check.RunAsync(org.Request(new FixedTokenProvider("not-a-token")), CancellationToken.None);

        report[ConnectionCheckKind.Reachable].Outcome.ShouldBe(ConnectionCheckOutcome.Passed);
        var step = report[ConnectionCheckKind.SignedIn];
        step.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
        step.Message.ShouldBe("Could not connect to CRM. Please try again later.");
        step.Causes[0].ShouldBe("The org refused the sign-in (HTTP 401). Sign in again, or check the application user's client id and secret.");
        step.Causes[1].ShouldStartWith("The CRM said: ");
        ShouldBeSkippedAfter(report, ConnectionCheckKind.SignedIn);
        report.Org.SignedInUserId.ShouldBe(Guid.Empty);
    }

    internal static void ShouldBeSkippedAfter(ConnectionCheckReport report, ConnectionCheckKind failed)
    {
        report.Steps.Select(s => s.Kind).ShouldBe(Enum.GetValues<ConnectionCheckKind>());
        report.Steps.Where(s => s.Kind > failed).ShouldAllBe(s => s.Outcome == ConnectionCheckOutcome.Skipped);
        report.Steps.Where(s => s.Kind < failed).ShouldAllBe(s => s.Outcome == ConnectionCheckOutcome.Passed);
        report.Outcome.ShouldBe(ConnectionCheckOutcome.Failed);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Counts token requests: a refused URL must not even ask for a token.</summary>
    private sealed class CountingTokens : ITokenProvider
    {
        public int Requests { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
        {
            Requests++;
            return ValueTask.FromResult(new AccessToken("unused", DateTimeOffset.MaxValue));
        }
    }
}
