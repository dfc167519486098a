using SalesBridge.Matching;

namespace SalesBridge.CrmImport;

/// <summary>
/// The weights the contract's last matching against the whole directory learned, per kind of record, kept on the
/// finished run (<see cref="ReadCheckpoint.MatchModels"/>) and carried from run to run. A run matching a few changed
/// records scores them with these instead of re-learning from a pre-selected crowd of namesakes, so it decides them
/// as the full run would and may pre-select narrowly. Learned afresh whenever a run matches against the whole directory.
/// </summary>
internal sealed class MatchModels
{
    public FittedModel? People { get; set; }
    public FittedModel? Companies { get; set; }
}
