namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// What demo org to generate. The same spec, seed included, always yields the same world, so tests and
/// screenshots stay stable; change <see cref="Seed"/> for a different but equally shaped org.
/// Start from a preset and adjust with <c>with</c>: <c>DemoWorldSpec.Demo with { AccountCount = 50 }</c>.
/// </summary>
public sealed record DemoWorldSpec
{
    public int Seed { get; init; } = 2026;

    /// <summary>The world's "today": every date is derived from it, never from the clock.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The org's sign-in domain, used for every user's UPN.</summary>
    public string EmailDomain { get; init; } = "demo.example.com";

    /// <summary>Password of every interactive demo user, so any of them can be signed in as.</summary>
    public string DemoPassword { get; init; } = "Demo!2026";

    /// <summary>Client id (Entra application id) of the integration application user.</summary>
    public Guid IntegrationClientId { get; init; } = new("5b1d3c8e-0d5a-4c1e-9f7a-2a6e4d9b7c10");

    public string IntegrationClientSecret { get; init; } = "sb-demo-integration-secret-2026";

    /// <summary>All users, the three well-known ones included.</summary>
    public int UserCount { get; init; } = 12;

    public int AccountCount { get; init; } = 300;
    public int ContactCount { get; init; } = 1_000;
    public int OpenOpportunityCount { get; init; } = 320;
    public int ClosedOpportunityCount { get; init; } = 80;
    public int LeadCount { get; init; } = 100;

    /// <summary>Share of CRM accounts the workspace also knows as a company.</summary>
    public double WorkspaceCompanyCoverage { get; init; } = 0.8;

    /// <summary>Share of CRM contacts (and of leads) the workspace also knows as a person.</summary>
    public double WorkspacePersonCoverage { get; init; } = 0.75;

    /// <summary>Workspace companies and people with no CRM row, relative to the CRM's account and contact counts.</summary>
    public double WorkspaceUnmatchedShare { get; init; } = 0.25;

    public int OpportunityCount => OpenOpportunityCount + ClosedOpportunityCount;

    /// <summary>A handful of rows, for unit tests.</summary>
    public static DemoWorldSpec Tiny => new()
    {
        UserCount = 5, AccountCount = 10, ContactCount = 25,
        OpenOpportunityCount = 12, ClosedOpportunityCount = 3, LeadCount = 5,
    };

    /// <summary>The default demo org.</summary>
    public static DemoWorldSpec Demo => new();

    /// <summary>
    /// A big customer's org, for paging, change tracking and throughput work: over 500 enabled salespeople (one disabled
    /// in eight), as issue 8's import benchmark seats 500 of them.
    /// </summary>
    public static DemoWorldSpec Large => new()
    {
        UserCount = 575, AccountCount = 60_000, ContactCount = 200_000,
        OpenOpportunityCount = 100_000, ClosedOpportunityCount = 20_000, LeadCount = 20_000,
    };
}
