using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Users;

/// <summary>Admins: the contract's users by name, optionally only those whose name or email contains the query.</summary>
public sealed class ListContractUsers(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Request : PageRequest
    {
        [StringLength(100, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }
    }

    public Task<Page<ContractUserSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var users = db.Users.Where(user => user.ContractId == caller.ContractId);
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            // Upper case on both sides: SQLite and PostgreSQL compare case-sensitively; Identity keeps the email upper-cased.
            var term = request.Query.Trim().ToUpperInvariant();
            users = users.Where(user => user.DisplayName.ToUpper().Contains(term) || user.NormalizedEmail!.Contains(term));
        }

        return users
            .OrderBy(user => user.DisplayName).ThenBy(user => user.Id)
            .SelectSummaries(db, time.GetUtcNow())
            .ToPageAsync(request, cancellationToken);
    }
}
