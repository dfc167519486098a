namespace SalesBridge.Emulator.Org;

/// <summary>What a real org reports about itself, configurable so tests can present any kind of org.</summary>
public sealed class OrgSettings
{
    public Guid OrganizationId { get; init; } = Guid.Parse("5f4d2b3c-1a2b-4c5d-8e9f-0a1b2c3d4e5f");
    public Guid TenantId { get; init; } = Guid.Parse("72f988bf-86f1-41af-91ab-2d7cd011db47");
    public Guid EnvironmentId { get; init; } = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    public string UniqueName { get; init; } = "unq5f4d2b3c1a2b4c5d8e9f0a1b2c3d";
    public string UrlName { get; init; } = "salesbridgedemo";
    public string FriendlyName { get; init; } = "SalesBridge Demo";
    /// <summary>The version <c>RetrieveVersion</c> reports (e.g. 8.0, 8.2, 9.2.24044.00150).</summary>
    public string Version { get; init; } = "9.2.24044.00150";
    /// <summary>
    /// <c>OrganizationType</c>: 0 Customer, 4 Secondary (production); 5 CustomerTest, 6 CustomerFreeTest (sandbox);
    /// 7 CustomerPreview, 9 TestDrive, 12 Default, 13 Developer, 14 Trial, 15 Teams, 16 Platform.
    /// </summary>
    public int OrganizationType { get; init; }
    public string Geo { get; init; } = "NA";
    /// <summary>The recommended parallelism sent as <c>x-ms-dop-hint</c> on every response.</summary>
    public int DegreeOfParallelismHint { get; init; } = 4;
    /// <summary>How many days change-tracking tokens live (docs disagree: 7, 30 or 90).</summary>
    public int ExpireChangeTrackingInDays { get; init; } = 30;
    /// <summary>The org's service protection limits when it starts (changeable at run time through its <c>Limits.OrgTraffic</c>).</summary>
    public Limits.ServiceProtectionLimits ServiceProtection { get; init; } = Limits.ServiceProtectionLimits.Default;
}
