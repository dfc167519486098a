using SalesBridge.CrmMatches;

namespace SalesBridge.WriteBack;

/// <summary>
/// The activity's id in the org, fixed by SalesBridge before the first write: name-based on the contract and the item,
/// so every attempt sends the same id and links can be shown before the CRM has answered.
/// </summary>
internal static class ActivityIds
{
    public static Guid For(Guid contractId, Guid itemId) => NameBasedGuid.Create(NameBasedGuid.CrmRows, $"activity:{contractId:N}:{itemId:N}");
}
