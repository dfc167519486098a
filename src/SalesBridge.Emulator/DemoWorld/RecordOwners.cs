namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Who owns records. Mostly active salespeople; a few records stay with the admin or with people who left,
/// as in every real org, so owner filters and disabled owners get exercised.
/// </summary>
internal sealed class RecordOwners
{
    private readonly Guid admin;
    private readonly Guid withoutOpportunityRead;
    private readonly Guid[] salespeople;
    private readonly Guid[] disabled;

    public RecordOwners(IReadOnlyList<CrmUser> users)
    {
        admin = users.First(u => u.Role == DemoUserRole.SystemAdministrator).Id;
        withoutOpportunityRead = users.First(u => u.Role == DemoUserRole.SalespersonWithoutOpportunityRead).Id;
        salespeople = users.Where(u => u.Role == DemoUserRole.Salesperson).Select(u => u.Id).ToArray();
        disabled = users.Where(u => u.Role == DemoUserRole.Disabled).Select(u => u.Id).ToArray();
    }

    /// <summary>An owner for an account, contact or lead.</summary>
    public Guid ForRecord(DemoRandom random) => random.Next(100) switch
    {
        < 3 => admin,
        < 6 when disabled.Length > 0 => disabled[random.Next(disabled.Length)],
        < 8 => withoutOpportunityRead,
        _ => salespeople[random.Next(salespeople.Length)],
    };

    /// <summary>An opportunity owner: never the user who must not read opportunities.</summary>
    public Guid ForOpportunity(DemoRandom random)
    {
        var owner = ForRecord(random);
        return owner == withoutOpportunityRead ? salespeople[random.Next(salespeople.Length)] : owner;
    }

    public bool MayOwnOpportunity(Guid owner) => owner != withoutOpportunityRead;
}
