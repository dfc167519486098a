namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// A generated Dataverse org and the prospecting workspace beside it. Plain rows only: loading them into the
/// emulator's tables is the loader's job. Lists are in generation order; ids are stable for a given spec.
/// </summary>
public sealed record GeneratedWorld(
    DemoWorldSpec Spec,
    Guid OrganizationId,
    Guid TenantId,
    Guid BusinessUnitId,
    IReadOnlyList<CrmUser> Users,
    IReadOnlyList<CrmAccount> Accounts,
    IReadOnlyList<CrmContact> Contacts,
    IReadOnlyList<CrmLead> Leads,
    IReadOnlyList<CrmOpportunity> Opportunities,
    IReadOnlyList<CrmStakeholder> Stakeholders,
    IReadOnlyList<WorkspaceCompany> WorkspaceCompanies,
    IReadOnlyList<WorkspacePerson> WorkspacePeople)
{
    /// <summary>UPN local parts of the well-known users; the domain is <see cref="DemoWorldSpec.EmailDomain"/>.</summary>
    public const string AdminUserName = UserGenerator.AdminUserName;
    public const string IntegrationUserName = UserGenerator.IntegrationUserName;
    public const string WithoutOpportunityReadUserName = UserGenerator.WithoutOpportunityReadUserName;

    /// <summary><c>admin@…</c>: System Administrator, signs in with <see cref="DemoWorldSpec.DemoPassword"/>.</summary>
    public CrmUser Admin => Users[0];

    /// <summary>The application user: <see cref="DemoWorldSpec.IntegrationClientId"/> / <see cref="DemoWorldSpec.IntegrationClientSecret"/>.</summary>
    public CrmUser IntegrationUser => Users[1];

    /// <summary><c>noread@…</c>: a salesperson whose role lacks read on opportunities.</summary>
    public CrmUser SalespersonWithoutOpportunityRead => Users[2];
}
