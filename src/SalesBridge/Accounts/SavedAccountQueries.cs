using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmRecords;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Persistence;

namespace SalesBridge.Accounts;

/// <summary>The caller's own saved accounts and how they are read as <see cref="SavedAccountSummary"/>.</summary>
internal static class SavedAccountQueries
{
    public static IQueryable<SavedAccount> OwnedBy(this IQueryable<SavedAccount> accounts, Caller caller) =>
        accounts.Where(account => account.ContractId == caller.ContractId && account.OwnerId == caller.UserId);

    public static IQueryable<SavedAccountSummary> ToSummaries(this IQueryable<SavedAccount> accounts) =>
        accounts.Select(account => account.Company != null
            ? new SavedAccountSummary(account.Id, account.CompanyId, account.Company.Name, account.Company.Website,
                account.Company.Industry, account.Company.EmployeeCount, account.Company.City, account.Company.Country, account.SavedAt, account.SavedByHand)
            {
                CrmAccountId = account.CrmAccount != null ? account.CrmAccount.CrmId : null, ImportedFromCrm = account.ImportedFromCrm,
            }
            : new SavedAccountSummary(account.Id, null, account.CrmAccount!.Name, account.CrmAccount.Website,
                null, null, account.CrmAccount.City, account.CrmAccount.Country, account.SavedAt, account.SavedByHand)
            {
                CrmAccountId = account.CrmAccount.CrmId, ImportedFromCrm = account.ImportedFromCrm,
            });

    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    public static async Task<SavedAccountSummary> ReadMineAsync(this SalesBridgeDbContext db, Caller caller, Guid savedAccountId, CancellationToken cancellationToken)
    {
        var account = await db.SavedAccounts.OwnedBy(caller).Where(a => a.Id == savedAccountId).ToSummaries().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Saved account", savedAccountId);
        var tags = await ListTags.OfAccountsAsync(db, caller, [account.Id], cancellationToken);
        var organizationUrl = await CrmRecordLink.OrganizationUrlAsync(db, caller.ContractId, cancellationToken);
        return account with { Lists = tags[account.Id].ToList(), CrmUrl = CrmRecordLink.ForOptional(organizationUrl, CrmRecordLink.Account, account.CrmAccountId) };
    }

    public static async Task<Page<SavedAccountSummary>> WithListsAndCrmLinksAsync(this Page<SavedAccountSummary> page, SalesBridgeDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var tags = await ListTags.OfAccountsAsync(db, caller, page.Items.Select(account => account.Id).ToList(), cancellationToken);
        var organizationUrl = await CrmRecordLink.OrganizationUrlAsync(db, caller.ContractId, cancellationToken);
        return page with
        {
            Items = page.Items.Select(account => account with
            {
                Lists = tags[account.Id].ToList(), CrmUrl = CrmRecordLink.ForOptional(organizationUrl, CrmRecordLink.Account, account.CrmAccountId),
            }).ToList(),
        };
    }
}
