namespace SalesBridge.CrmSettings;

/// <summary>Whether the SalesBridge solution and its activity tables are in the org (SPEC S12), as read just now.</summary>
/// <param name="Installed">The solution is there and every activity table has its item-id alternate key: write-back can be enabled.</param>
public sealed record SalesBridgeSolutionState(bool Installed, bool SolutionFound, string? Version, IReadOnlyList<SalesBridgeTableState> Tables)
{
    /// <summary>What is missing, for the page's banner and the refusal message; empty when installed.</summary>
    public IReadOnlyList<string> Missing =>
        (SolutionFound ? [] : new[] { $"the {SalesBridgeSolution.UniqueName} solution" })
        .Concat(Tables.Where(t => !t.Exists).Select(t => $"the {t.Label} table ({t.LogicalName})"))
        .Concat(Tables.Where(t => t.Exists && !t.HasItemKey).Select(t => $"the item id key of {t.LogicalName}"))
        .ToArray();
}

/// <summary>One of the solution's activity tables.</summary>
/// <param name="KeyStatus">The alternate key's index status as Dataverse reports it (Pending, InProgress, Active, Failed), or null without a key.</param>
public sealed record SalesBridgeTableState(string LogicalName, string Label, bool Exists, bool HasItemKey, string? KeyStatus);
