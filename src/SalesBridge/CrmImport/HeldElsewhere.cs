using Microsoft.EntityFrameworkCore;

namespace SalesBridge.CrmImport;

/// <summary>
/// The directory records other CRM records hold (matching is one-to-one): not offered to the pending ones. Asked of the
/// database only as far as the matching needs: a whole-directory run reads every tie of the contract, a pre-selection
/// only the ties of the rows it chose, so a run bringing a few changed records does not read a hundred thousand ties.
/// </summary>
/// <param name="pending">The CRM records being matched: their own ties do not hold anything against them.</param>
/// <param name="ties">
/// The CRM records' ties: with null, the contract's; otherwise those to the given directory records, asked by the
/// directory record alone (its index), the contract checked here on each row read.
/// </param>
internal sealed class HeldElsewhere(IReadOnlySet<Guid> pending, Func<List<Guid>?, IQueryable<HeldElsewhere.Tie>> ties)
{
    public async Task<HashSet<Guid>> AllAsync(Guid contractId, CancellationToken cancellationToken) =>
        await HeldAsync(ties(null), contractId, cancellationToken);

    public async Task<HashSet<Guid>> AmongAsync(List<Guid> targets, Guid contractId, CancellationToken cancellationToken) =>
        targets.Count == 0 ? [] : await HeldAsync(ties(targets), contractId, cancellationToken);

    private async Task<HashSet<Guid>> HeldAsync(IQueryable<Tie> query, Guid contractId, CancellationToken cancellationToken)
    {
        var held = new HashSet<Guid>();
        await foreach (var tie in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (tie.ContractId == contractId && !pending.Contains(tie.RecordId)) held.Add(tie.TargetId);
        }
        return held;
    }

    /// <summary>A CRM record of <paramref name="ContractId"/> tied to the directory record <paramref name="TargetId"/>.</summary>
    internal sealed record Tie(Guid RecordId, Guid ContractId, Guid TargetId);
}
