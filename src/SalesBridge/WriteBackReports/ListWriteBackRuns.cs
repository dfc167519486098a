using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>One write-back pass as admins see it (S21, B7): what it wrote, what it left, and the CRM requests it took; <see cref="Node"/> is the process that made it.</summary>
public sealed record WriteBackRunView(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int Completed,
    int Unresolved,
    int Relinked,
    int Retried,
    int Failed,
    int Held,
    int CrmRequests,
    string? FailureMessage,
    string? Node);

/// <summary>Admins: the contract's write-back passes, newest first.</summary>
public sealed class ListWriteBackRuns(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public Task<Page<WriteBackRunView>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        RequestValidation.Validate(request);
        return db.WriteBackRuns
            .Where(r => r.ContractId == caller.ContractId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(View)
            .ToPageAsync(request, cancellationToken);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<WriteBackRun, WriteBackRunView>> View = r =>
        new WriteBackRunView(r.Id, r.StartedAt, r.EndedAt, r.Completed, r.Unresolved, r.Relinked, r.Retried, r.Failed, r.Held, r.CrmRequests, r.FailureMessage, r.Node);
}
