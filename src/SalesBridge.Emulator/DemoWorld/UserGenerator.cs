namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// The org's users: three well-known ones first, always in this order and always with these UPNs, so docs,
/// demo scripts and tests can name them; then generated salespeople, the last few of whom have left (disabled).
/// </summary>
internal static class UserGenerator
{
    public const int WellKnownCount = 3;
    public const string AdminUserName = "admin";
    public const string IntegrationUserName = "salesbridge-integration";
    public const string WithoutOpportunityReadUserName = "noread";

    public static List<CrmUser> Generate(DemoWorldSpec spec, DemoRandom random)
    {
        var domain = spec.EmailDomain;
        var users = new List<CrmUser>(spec.UserCount)
        {
            Interactive(random, spec, "Demo", "Admin", AdminUserName, "System Administrator", DemoUserRole.SystemAdministrator),
            new(random.NextGuid(), "SalesBridge", "Integration", "# SalesBridge Integration",
                $"{IntegrationUserName}@{domain}", $"{IntegrationUserName}@{domain}", random.NextGuid(), IsDisabled: false,
                CrmUser.NonInteractiveAccessMode, spec.IntegrationClientId, Password: null, "Application User",
                DemoUserRole.IntegrationUser),
            Interactive(random, spec, "Robin", "Noread", WithoutOpportunityReadUserName, "Sales Assistant",
                DemoUserRole.SalespersonWithoutOpportunityRead),
        };

        var taken = new HashSet<string>(users.Select(u => u.DomainName), StringComparer.OrdinalIgnoreCase);
        var generated = spec.UserCount - WellKnownCount;
        var disabledCount = generated >= 2 ? Math.Max(1, generated / 8) : 0;
        for (var i = 0; i < generated; i++)
        {
            var names = PersonNames.For(DemoCountries.Pick(random), random);
            var first = names.FirstName(random);
            var last = names.LastName(random);
            var userName = $"{first.Slug}.{last.Slug}";
            for (var n = 2; !taken.Add($"{userName}@{domain}"); n++)
            {
                userName = $"{first.Slug}.{last.Slug}{n}";
            }

            var role = i >= generated - disabledCount ? DemoUserRole.Disabled : DemoUserRole.Salesperson;
            users.Add(Interactive(random, spec, first.Display, last.Display, userName, random.Pick(JobTitles.SalesTeam), role));
        }

        return users;
    }

    private static CrmUser Interactive(
        DemoRandom random, DemoWorldSpec spec, string first, string last, string userName, string title, DemoUserRole role)
    {
        var upn = $"{userName}@{spec.EmailDomain}";
        return new CrmUser(random.NextGuid(), first, last, $"{first} {last}", upn, upn, random.NextGuid(),
            IsDisabled: role == DemoUserRole.Disabled, CrmUser.ReadWriteAccessMode, ApplicationId: null,
            spec.DemoPassword, title, role);
    }
}
