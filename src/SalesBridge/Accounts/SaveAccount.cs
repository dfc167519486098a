using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Accounts;

/// <summary>
/// Saves a directory company as the caller's account, optionally onto some of their lists of accounts. Saving a company
/// already saved, by hand or by the CRM import, keeps the one saved account (now marked as saved by hand, so a CRM
/// sync never removes it; unique per seat holder and company).
/// </summary>
public sealed class SaveAccount(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxListIds = 50;

    public sealed record Request
    {
        [Required(ErrorMessage = "companyId is required.")]
        public Guid? CompanyId { get; init; }

        [MaxLength(MaxListIds, ErrorMessage = "listIds can name at most 50 lists.")]
        public IReadOnlyList<Guid>? ListIds { get; init; }
    }

    /// <param name="Created">False when the company was already saved.</param>
    public sealed record Result(SavedAccountSummary Account, bool Created);

    /// <exception cref="NotFoundException">No such company in the caller's contract, or a list that is not the caller's.</exception>
    public async Task<Result> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var companyId = request.CompanyId!.Value;
        if (!await db.Companies.AnyAsync(company => company.Id == companyId && company.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("Company", companyId);
        }

        var listIds = await db.RequireUserListsOfKindAsync(caller, request.ListIds, SavedListKind.Accounts, cancellationToken);
        bool created;
        try
        {
            created = await SaveAsync(caller, companyId, listIds, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same company saved twice at once: the other request made the row; this one now finds it.
            db.ChangeTracker.Clear();
            await SaveAsync(caller, companyId, listIds, cancellationToken);
            created = false;
        }

        var savedAccountId = await db.SavedAccounts.OwnedBy(caller).Where(account => account.CompanyId == companyId).Select(account => account.Id).SingleAsync(cancellationToken);
        return new Result(await db.ReadMineAsync(caller, savedAccountId, cancellationToken), created);
    }

    private async Task<bool> SaveAsync(Caller caller, Guid companyId, IReadOnlyList<Guid> listIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await db.SavedAccounts.OwnedBy(caller).SingleOrDefaultAsync(a => a.CompanyId == companyId, cancellationToken);
        var created = account is null;
        if (account is null)
        {
            account = new SavedAccount { ContractId = caller.ContractId, OwnerId = caller.UserId, CompanyId = companyId, SavedAt = now };
            db.SavedAccounts.Add(account);
        }

        account.SavedByHand = true;
        var onLists = created
            ? []
            : await db.SavedListEntries.Where(entry => entry.SavedAccountId == account.Id).Select(entry => entry.ListId).ToListAsync(cancellationToken);
        db.SavedListEntries.AddRange(listIds.Except(onLists)
            .Select(listId => new SavedListEntry { ListId = listId, SavedAccountId = account.Id, AddedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
