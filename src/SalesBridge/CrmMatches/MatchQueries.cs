using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.CrmRecords;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>How CRM records are read as <see cref="CrmMatchView"/>: one query each, the counterpart's name joined in.</summary>
internal static class MatchQueries
{
    // Filtered on the entity: a predicate on the constructed view cannot be translated to SQL.
    public static IQueryable<CrmMatchView> ContactViews(this SalesBridgeDbContext db, Guid contractId, Guid recordId) =>
        db.CrmContacts.Where(c => c.ContractId == contractId && c.Id == recordId && !c.RemovedFromCrm).Select(c => new CrmMatchView(
            CrmRecordKind.Contact, c.Id, c.CrmId, ((c.FirstName ?? "") + " " + (c.LastName ?? "")).Trim(), c.CompanyName ?? c.Email,
            c.Match.State, c.Match.Score, c.Match.Summary, c.PersonId,
            db.People.Where(p => p.Id == c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault()) { StoredEvidence = c.Match.Evidence });

    public static IQueryable<CrmMatchView> AccountViews(this SalesBridgeDbContext db, Guid contractId, Guid recordId) =>
        db.CrmAccounts.Where(a => a.ContractId == contractId && a.Id == recordId && !a.RemovedFromCrm).Select(a => new CrmMatchView(
            CrmRecordKind.Account, a.Id, a.CrmId, a.Name, a.Website ?? a.City,
            a.Match.State, a.Match.Score, a.Match.Summary, a.CompanyId,
            db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault()) { StoredEvidence = a.Match.Evidence });

    /// <summary>The record's view, or null while it is being removed (deleted in the CRM, gone at the end of the run).</summary>
    public static async Task<CrmMatchView?> FindContactAsync(this SalesBridgeDbContext db, Guid contractId, Guid recordId, CancellationToken cancellationToken) =>
        await db.ContactViews(contractId, recordId).SingleOrDefaultAsync(cancellationToken) is { } view
            ? await db.WithLinkAsync(contractId, CrmRecordLink.Contact, view, cancellationToken) : null;

    /// <inheritdoc cref="FindContactAsync"/>
    public static async Task<CrmMatchView?> FindAccountAsync(this SalesBridgeDbContext db, Guid contractId, Guid recordId, CancellationToken cancellationToken) =>
        await db.AccountViews(contractId, recordId).SingleOrDefaultAsync(cancellationToken) is { } view
            ? await db.WithLinkAsync(contractId, CrmRecordLink.Account, view, cancellationToken) : null;

    /// <exception cref="NotFoundException">No such record in the contract.</exception>
    public static async Task<CrmMatchView> ContactAsync(this SalesBridgeDbContext db, Guid contractId, Guid recordId, CancellationToken cancellationToken) =>
        await db.WithLinkAsync(contractId, CrmRecordLink.Contact,
            await db.ContactViews(contractId, recordId).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("CRM contact", recordId),
            cancellationToken);

    /// <exception cref="NotFoundException">No such record in the contract.</exception>
    public static async Task<CrmMatchView> AccountAsync(this SalesBridgeDbContext db, Guid contractId, Guid recordId, CancellationToken cancellationToken) =>
        await db.WithLinkAsync(contractId, CrmRecordLink.Account,
            await db.AccountViews(contractId, recordId).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("CRM account", recordId),
            cancellationToken);

    private static async Task<CrmMatchView> WithLinkAsync(this SalesBridgeDbContext db, Guid contractId, string table, CrmMatchView view, CancellationToken cancellationToken) =>
        view with { CrmUrl = CrmRecordLink.ForOptional(await CrmRecordLink.OrganizationUrlAsync(db, contractId, cancellationToken), table, view.CrmId) };
}
