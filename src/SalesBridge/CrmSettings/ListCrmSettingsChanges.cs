using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSettings;

/// <summary>Admins: who changed which CRM setting when, from what to what; newest first.</summary>
public sealed class ListCrmSettingsChanges(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public Task<Page<CrmSettingsChangeSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        return db.CrmSettingsChanges
            .Where(change => change.ContractId == caller.ContractId)
            .OrderByDescending(change => change.ChangedAt).ThenByDescending(change => change.Id)
            .Select(change => new CrmSettingsChangeSummary(change.Id, change.ChangedAt, change.ChangedByName, change.Setting, change.OldValue, change.NewValue))
            .ToPageAsync(request, cancellationToken);
    }
}

/// <summary>One recorded change of a CRM setting.</summary>
public sealed record CrmSettingsChangeSummary(Guid Id, DateTimeOffset ChangedAt, string ChangedBy, string Setting, string? OldValue, string? NewValue);
