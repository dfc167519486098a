using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.Notes;

/// <summary>What a note is about: a directory person or a directory company of the caller's contract, never both.</summary>
internal static class NoteSubject
{
    /// <exception cref="RequestValidationException">Neither or both of the ids are given.</exception>
    /// <exception cref="NotFoundException">The person or company is not in the caller's contract.</exception>
    public static async Task RequireAsync(SalesBridgeDbContext db, Caller caller, Guid? personId, Guid? companyId, CancellationToken cancellationToken)
    {
        if (personId.HasValue == companyId.HasValue)
        {
            throw new RequestValidationException("personId", "Give exactly one of personId or companyId.");
        }

        if (personId is { } person
            && !await db.People.AnyAsync(p => p.Id == person && p.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("Person", person);
        }

        if (companyId is { } company
            && !await db.Companies.AnyAsync(c => c.Id == company && c.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("Company", company);
        }
    }
}
