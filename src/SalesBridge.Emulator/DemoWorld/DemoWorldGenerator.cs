namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Builds the demo world. Deterministic: the same <see cref="DemoWorldSpec"/> gives the same world, byte for byte,
/// because every value comes from seeded streams and <see cref="DemoWorldSpec.Now"/>, never from the clock.
/// </summary>
public static class DemoWorldGenerator
{
    // One stream per part of the world; the numbers only need to differ.
    private const int OrgStream = 1;
    private const int UserStream = 2;
    private const int AccountStream = 3;
    private const int ContactStream = 4;
    private const int LeadStream = 5;
    private const int OpportunityStream = 6;
    private const int StakeholderStream = 7;
    private const int WorkspaceCompanyStream = 8;
    private const int WorkspacePersonStream = 9;

    public static GeneratedWorld Generate(DemoWorldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);

        var org = new DemoRandom(spec.Seed, OrgStream);
        var users = UserGenerator.Generate(spec, new DemoRandom(spec.Seed, UserStream));
        var owners = new RecordOwners(users);
        var accounts = AccountGenerator.Generate(spec, owners, new DemoRandom(spec.Seed, AccountStream));
        var contacts = ContactGenerator.Generate(spec, accounts, owners, new DemoRandom(spec.Seed, ContactStream));
        var accountRows = WithPrimaryContacts(accounts, contacts, new DemoRandom(spec.Seed, AccountStream + 100));
        var leads = LeadGenerator.Generate(spec, accounts, contacts, owners, new DemoRandom(spec.Seed, LeadStream));
        var (opportunities, opportunityAccounts) =
            OpportunityGenerator.Generate(spec, accounts, contacts, owners, new DemoRandom(spec.Seed, OpportunityStream));
        var stakeholders = StakeholderGenerator.Generate(
            opportunities, opportunityAccounts, contacts, new DemoRandom(spec.Seed, StakeholderStream));
        var companies = WorkspaceCompanyGenerator.Generate(spec, accounts, new DemoRandom(spec.Seed, WorkspaceCompanyStream));
        var people = WorkspacePersonGenerator.Generate(
            spec, accounts, contacts, leads, companies, new DemoRandom(spec.Seed, WorkspacePersonStream));

        return new GeneratedWorld(spec, org.NextGuid(), org.NextGuid(), org.NextGuid(), users, accountRows, contacts.Rows,
            leads.Rows, opportunities, stakeholders, companies.Rows, people);
    }

    /// <summary>Most accounts name one of their own contacts as primary; known only once contacts exist.</summary>
    private static List<CrmAccount> WithPrimaryContacts(GeneratedAccounts accounts, GeneratedContacts contacts, DemoRandom random)
    {
        var rows = new List<CrmAccount>(accounts.Rows.Count);
        for (var a = 0; a < accounts.Rows.Count; a++)
        {
            var own = contacts.OfAccount(a);
            rows.Add(own.Length > 0 && random.Chance(0.8)
                ? accounts.Rows[a] with { PrimaryContactId = contacts.Rows[own[random.Next(own.Length)]].Id }
                : accounts.Rows[a]);
        }

        return rows;
    }

    private static void Validate(DemoWorldSpec spec)
    {
        // The well-known users plus at least one salesperson to own records.
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.UserCount, UserGenerator.WellKnownCount + 1, nameof(spec.UserCount));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.AccountCount, nameof(spec.AccountCount));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.ContactCount, nameof(spec.ContactCount));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.LeadCount, nameof(spec.LeadCount));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.OpenOpportunityCount, nameof(spec.OpenOpportunityCount));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.ClosedOpportunityCount, nameof(spec.ClosedOpportunityCount));
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.EmailDomain, nameof(spec.EmailDomain));
        if (spec.OpportunityCount > 0 && spec.AccountCount + spec.ContactCount == 0)
        {
            throw new ArgumentException("Opportunities need a customer: give the world accounts or contacts.", nameof(spec));
        }

        foreach (var (share, name) in new[]
                 {
                     (spec.WorkspaceCompanyCoverage, nameof(spec.WorkspaceCompanyCoverage)),
                     (spec.WorkspacePersonCoverage, nameof(spec.WorkspacePersonCoverage)),
                     (spec.WorkspaceUnmatchedShare, nameof(spec.WorkspaceUnmatchedShare)),
                 })
        {
            if (share is < 0 or > 10 || double.IsNaN(share))
            {
                throw new ArgumentOutOfRangeException(name, share, "Expected a share between 0 and 1 (unmatched: up to 10).");
            }
        }
    }
}
