namespace SalesBridge.CrmConnection;

/// <summary>
/// What the checks learned about the org, for the status screen. Each value is filled by the check that reads it;
/// values of checks that did not run stay empty (<see cref="Guid.Empty"/>, "").
/// </summary>
public sealed record CrmOrgFacts
{
    public Uri? OrganizationUrl { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public string Version { get; init; } = "";

    /// <summary>"Sandbox" or "Production", as shown wherever the connection is (SPEC S2).</summary>
    public string EnvironmentLabel { get; init; } = "";
    public bool IsSandbox { get; init; }
    public Guid SignedInUserId { get; init; }
}
