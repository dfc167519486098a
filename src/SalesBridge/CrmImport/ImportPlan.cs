namespace SalesBridge.CrmImport;

/// <summary>A seat that syncs: its holder and the CRM user they are tied to (SPEC S18).</summary>
public sealed record SyncingSeat(Guid UserId, Guid CrmUserId, string Name);

/// <summary>An open opportunity as planning needs it.</summary>
internal sealed record OpportunityFacts(Guid CrmId, Guid? OwnerCrmUserId, int? StageValue, Guid? AccountCrmId, Guid? ContactCrmId,
    Guid? CustomerCrmId, bool CustomerIsAccount);

/// <summary>
/// What the import should leave in the workspace (SPEC S9): per syncing seat holder, the CRM accounts and contacts
/// their open, in-stage opportunities bring in.
/// </summary>
internal sealed class ImportPlan
{
    public required IReadOnlyList<SyncingSeat> Seats { get; init; }
    public required IReadOnlyDictionary<Guid, HashSet<Guid>> AccountsBySeat { get; init; }
    public required IReadOnlyDictionary<Guid, HashSet<Guid>> ContactsBySeat { get; init; }
    public required IReadOnlyDictionary<Guid, int> OpportunitiesBySeat { get; init; }

    public HashSet<Guid> AllAccounts => [.. AccountsBySeat.Values.SelectMany(ids => ids)];
    public HashSet<Guid> AllContacts => [.. ContactsBySeat.Values.SelectMany(ids => ids)];

    public static ImportPlan Make(IReadOnlyList<SyncingSeat> seats, IEnumerable<OpportunityFacts> opportunities,
        ILookup<Guid, Guid> stakeholdersByOpportunity, StageThreshold stage)
    {
        var seatByCrmUser = seats.GroupBy(s => s.CrmUserId).ToDictionary(g => g.Key, g => g.ToList());
        var accounts = seats.ToDictionary(s => s.UserId, _ => new HashSet<Guid>());
        var contacts = seats.ToDictionary(s => s.UserId, _ => new HashSet<Guid>());
        var counts = seats.ToDictionary(s => s.UserId, _ => 0);
        foreach (var opportunity in opportunities)
        {
            if (opportunity.OwnerCrmUserId is not { } owner || !seatByCrmUser.TryGetValue(owner, out var holders) || !stage.Admits(opportunity.StageValue)) continue;
            foreach (var seat in holders)
            {
                counts[seat.UserId]++;
                var seatAccounts = accounts[seat.UserId];
                var seatContacts = contacts[seat.UserId];
                if (opportunity.AccountCrmId is { } account) seatAccounts.Add(account);
                if (opportunity.ContactCrmId is { } contact) seatContacts.Add(contact);
                if (opportunity.CustomerCrmId is { } customer) (opportunity.CustomerIsAccount ? seatAccounts : seatContacts).Add(customer);
                foreach (var stakeholder in stakeholdersByOpportunity[opportunity.CrmId]) seatContacts.Add(stakeholder);
            }
        }
        return new ImportPlan { Seats = seats, AccountsBySeat = accounts, ContactsBySeat = contacts, OpportunitiesBySeat = counts };
    }
}
