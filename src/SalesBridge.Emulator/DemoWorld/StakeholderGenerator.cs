namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// 0..3 stakeholders per opportunity, taken from the opportunity's account; when the account has no other
/// contacts, or the customer is a contact, now and then an outside contact (an adviser, a consultant).
/// </summary>
internal static class StakeholderGenerator
{
    private static readonly int[] CountByPercent = [.. Enumerable.Repeat(0, 30), .. Enumerable.Repeat(1, 35),
        .. Enumerable.Repeat(2, 25), .. Enumerable.Repeat(3, 10)];

    public static List<CrmStakeholder> Generate(
        IReadOnlyList<CrmOpportunity> opportunities, int[] opportunityAccounts, GeneratedContacts contacts, DemoRandom random)
    {
        var stakeholders = new List<CrmStakeholder>(opportunities.Count * 6 / 5);
        Span<int> chosen = stackalloc int[3];
        for (var o = 0; o < opportunities.Count; o++)
        {
            var opportunity = opportunities[o];
            var candidates = opportunityAccounts[o] >= 0 ? contacts.OfAccount(opportunityAccounts[o]) : [];
            var wanted = random.Pick(CountByPercent);
            var found = 0;
            for (var attempt = 0; attempt < wanted * 2 && found < wanted && candidates.Length > 0; attempt++)
            {
                var contactIndex = candidates[random.Next(candidates.Length)];
                if (contacts.Rows[contactIndex].Id != opportunity.ParentContactId && !chosen[..found].Contains(contactIndex))
                {
                    chosen[found++] = contactIndex;
                }
            }

            if (found == 0 && wanted > 0 && contacts.Rows.Count > 0 && random.Chance(0.4))
            {
                var outsider = random.Next(contacts.Rows.Count);
                if (contacts.Rows[outsider].Id != opportunity.ParentContactId)
                {
                    chosen[found++] = outsider;
                }
            }

            for (var s = 0; s < found; s++)
            {
                stakeholders.Add(new CrmStakeholder(random.NextGuid(), opportunity.Id, contacts.Rows[chosen[s]].Id));
            }
        }

        return stakeholders;
    }
}
