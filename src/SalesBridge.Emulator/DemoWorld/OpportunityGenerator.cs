namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Opportunities spread like a real pipeline: more early-stage than late, a tenth on hold, closed ones somewhat
/// more often lost than won. State, status and stage always agree, as Dataverse enforces.
/// </summary>
internal static class OpportunityGenerator
{
    // Share of open opportunities per sales stage 0..3.
    private static readonly int[] OpenStageByPercent = [.. Enumerable.Repeat(0, 35), .. Enumerable.Repeat(1, 30),
        .. Enumerable.Repeat(2, 20), .. Enumerable.Repeat(3, 15)];

    /// <summary>Returns the opportunities and, by index, the account each belongs to (-1 when the customer is a contact).</summary>
    public static (List<CrmOpportunity> Rows, int[] AccountIndexes) Generate(
        DemoWorldSpec spec, GeneratedAccounts accounts, GeneratedContacts contacts, RecordOwners owners, DemoRandom random)
    {
        var total = spec.OpportunityCount;
        var rows = new List<CrmOpportunity>(total);
        var accountIndexes = new int[total];
        var openLeft = spec.OpenOpportunityCount;
        var today = DateOnly.FromDateTime(spec.Now.UtcDateTime);
        for (var i = 0; i < total; i++)
        {
            // Drawing against what is left gives exact counts while mixing open and closed rows.
            var isOpen = random.Next(total - i) < openLeft;
            openLeft -= isOpen ? 1 : 0;

            var byAccount = accounts.Rows.Count > 0 && (contacts.Rows.Count == 0 || random.Chance(0.9));
            int accountIndex = -1;
            CrmAccount? account = null;
            Guid? parentContactId;
            Guid customerId;
            string customerName;
            if (byAccount)
            {
                accountIndex = random.Skewed(accounts.Rows.Count, 1.3);
                account = accounts.Rows[accountIndex];
                var accountContacts = contacts.OfAccount(accountIndex);
                parentContactId = accountContacts.Length > 0 && random.Chance(0.65)
                    ? contacts.Rows[accountContacts[random.Next(accountContacts.Length)]].Id
                    : null;
                customerId = account.Id;
                customerName = accounts.BaseNames[accountIndex];
            }
            else
            {
                var contact = contacts.Rows[random.Next(contacts.Rows.Count)];
                parentContactId = contact.Id;
                customerId = contact.Id;
                customerName = contact.FullName;
            }

            var (state, status, stage) = isOpen ? OpenState(random) : ClosedState(random);
            var estimated = random.Money(2_000m, 1_500_000m, 100m);
            decimal? actual = state == CrmOpportunity.StateWon
                ? Math.Round(estimated * (decimal)(0.75 + (random.NextDouble() * 0.35)) / 100m) * 100m
                : null;
            var closeDate = isOpen ? today.AddDays(random.Between(-45, 270)) : today.AddDays(-random.Between(1, 720));
            var createdOn = isOpen
                ? random.Before(spec.Now, 420)
                : random.Before(new DateTimeOffset(closeDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 300);
            var owner = account is not null && random.Chance(0.65) && owners.MayOwnOpportunity(account.OwnerId)
                ? account.OwnerId
                : owners.ForOpportunity(random);

            accountIndexes[i] = accountIndex;
            rows.Add(new CrmOpportunity(
                random.NextGuid(),
                CompanyNaming.OpportunityName(customerName, random),
                owner,
                account?.Id,
                parentContactId,
                customerId,
                CustomerIsAccount: account is not null,
                state,
                status,
                stage,
                SalesStageCode: stage + 1,
                DemoWorldChoices.StepNames[stage],
                estimated,
                actual,
                closeDate,
                random.Chance(0.8) ? PipelinePhase(stage, random) : null,
                ContractValue(state, actual ?? estimated, random),
                createdOn));
        }

        return (rows, accountIndexes);
    }

    private static (int State, int Status, int Stage) OpenState(DemoRandom random) =>
        (CrmOpportunity.StateOpen,
         random.Chance(0.1) ? CrmOpportunity.StatusOnHold : CrmOpportunity.StatusInProgress,
         random.Pick(OpenStageByPercent));

    private static (int State, int Status, int Stage) ClosedState(DemoRandom random) => random.Chance(0.45)
        ? (CrmOpportunity.StateWon, CrmOpportunity.StatusWon, 3)
        : (CrmOpportunity.StateLost, random.Chance(0.4) ? CrmOpportunity.StatusCanceled : CrmOpportunity.StatusOutSold,
           random.Between(0, 3));

    /// <summary>The customer's own phase column roughly follows the stage, as teams fill it in alongside.</summary>
    private static int PipelinePhase(int stage, DemoRandom random)
    {
        var phaseIndex = stage switch
        {
            0 => random.Between(0, 1),
            1 => random.Between(1, 2),
            2 => 3,
            _ => 4,
        };
        return DemoWorldChoices.PipelinePhases[phaseIndex].Value;
    }

    /// <summary>Contract value is multi-year; filled mostly on won deals, rarely on lost ones.</summary>
    private static decimal? ContractValue(int state, decimal value, DemoRandom random)
    {
        var share = state switch
        {
            CrmOpportunity.StateWon => 0.85,
            CrmOpportunity.StateOpen => 0.35,
            _ => 0.1,
        };
        return random.Chance(share) ? value * random.Between(1, 3) : null;
    }
}
